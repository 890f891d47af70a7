#!/usr/bin/env python3
"""`millrace analyze rul` on NASA's C-MAPSS turbofan degradation data (Saxena et al. 2008, PHM08; not kept in this
repository).

    python3 Benchmarks/condition-monitoring/cmapss.py CMAPSS_DIR MILLRACE_BINARY [FD001] [HEALTH_COLUMNS]

Runs `millrace analyze rul --preset cmapss --train train_FD001.txt --input test_FD001.txt --health-column …` and
compares each test unit's estimate with the true remaining life in RUL_FD001.txt: RMSE of the median, share of
units whose truth lies in the 80 % interval, the PHM08 score (asymmetric: late predictions cost more), and the
mean interval width. Uses only the standard library.
"""
import csv, io, math, os, subprocess, sys

# FD001's informative sensors (the others are constant in FD001): temperatures, pressures, speeds, bleed, coolant.
DEFAULT_COLUMNS = "s2,s3,s4,s7,s8,s9,s11,s12,s13,s14,s15,s17,s20,s21"


def main(directory, binary, subset="FD001", columns=DEFAULT_COLUMNS):
    result = subprocess.run(
        [binary, "analyze", "rul", "--preset", "cmapss", "--train", os.path.join(directory, f"train_{subset}.txt"),
         "--input", os.path.join(directory, f"test_{subset}.txt"), "--health-column", columns],
        capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(result.stderr)
    truth = [float(line) for line in open(os.path.join(directory, f"RUL_{subset}.txt")) if line.strip()]
    rows = [row for row in csv.DictReader(io.StringIO(result.stdout)) if row["rul_median"]]
    errors, inside, score, widths = [], 0, 0.0, []
    for row in rows:
        actual = truth[int(row["unit"]) - 1]
        median, low, high = float(row["rul_median"]), float(row["rul_low"]), float(row["rul_high"])
        error = median - actual
        errors.append(error)
        inside += low <= actual <= high
        score += math.exp(-error / 13) - 1 if error < 0 else math.exp(error / 10) - 1
        widths.append(high - low)
    print(result.stderr.strip())
    print(f"{subset}: {len(rows)} of {len(truth)} test units estimated, health indicator from {columns}")
    print(f"RMSE {math.sqrt(sum(e * e for e in errors) / len(errors)):.1f} cycles; truth inside the 80 % interval for "
          f"{inside} of {len(rows)} ({100 * inside / len(rows):.0f} %); mean interval width {sum(widths) / len(widths):.0f} "
          f"cycles; PHM08 score {score:.0f}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
