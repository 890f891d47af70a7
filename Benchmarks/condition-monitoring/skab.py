#!/usr/bin/env python3
"""`millrace analyze anomalies` on the Skoltech Anomaly Benchmark (SKAB, github.com/waico/SKAB, GPL-3.0 data, not
kept in this repository).

    python3 Benchmarks/condition-monitoring/skab.py SKAB/data MILLRACE_BINARY

For every experiment file in valve1/, valve2/ and other/ (semicolon CSV: datetime, 8 sensors, anomaly and
changepoint labels) the first 400 rows (the benchmark's convention: the pump runs normally at the start of each
experiment) are the training file and the rest the input, both without the label columns. The output's `anomaly`
column is compared row by row with the labels: F1, false-alarm rate (FAR: flagged normal rows / normal rows) and
missed-alarm rate (MAR: unflagged anomalous rows / anomalous rows), summed over all files, plus how many labelled
anomaly segments got at least one flag and the median delay to the first flag. Uses only the standard library.
"""
import csv, os, statistics, subprocess, sys, tempfile

TRAIN_ROWS = 400


def main(data, binary):
    totals = dict(tp=0, fp=0, fn=0, tn=0)
    segments = detected = 0
    delays = []
    files = 0
    skipped_rows = 0
    with tempfile.TemporaryDirectory() as work:
        for group in ("valve1", "valve2", "other"):
            folder = os.path.join(data, group)
            for name in sorted(os.listdir(folder), key=lambda n: (len(n), n)):
                if not name.endswith(".csv") or " (" in name:
                    continue
                with open(os.path.join(folder, name), newline="") as handle:
                    rows = list(csv.reader(handle, delimiter=";"))
                header, body = rows[0], rows[1:]
                labels = header.index("anomaly")
                keep = [i for i, column in enumerate(header) if column not in ("anomaly", "changepoint")]
                train, test = os.path.join(work, "train.csv"), os.path.join(work, "input.csv")
                for path, part in ((train, body[:TRAIN_ROWS]), (test, body[TRAIN_ROWS:])):
                    with open(path, "w", newline="") as handle:
                        writer = csv.writer(handle, delimiter=";")
                        writer.writerow([header[i] for i in keep])
                        writer.writerows([[row[i] for i in keep] for row in part])
                output = os.path.join(work, "scored.csv")
                result = subprocess.run(
                    [binary, "analyze", "anomalies", "--train", train, "--input", test, "--output", output,
                     "--time-column", "datetime"], capture_output=True, text=True)
                if result.returncode != 0:
                    print(f"{group}/{name}: {result.stderr.strip()}")
                    continue
                files += 1
                with open(output, newline="") as handle:
                    scored = list(csv.DictReader(handle))
                truth = [float(row[labels]) > 0 for row in body[TRAIN_ROWS:]]
                flags = [row["anomaly"] == "1" for row in scored]
                skipped_rows += sum(1 for row in scored if row["anomaly"] == "")
                for actual, flagged in zip(truth, flags):
                    key = ("tp" if flagged else "fn") if actual else ("fp" if flagged else "tn")
                    totals[key] += 1
                index = 0
                while index < len(truth):
                    if truth[index]:
                        start = index
                        while index < len(truth) and truth[index]:
                            index += 1
                        segments += 1
                        hits = [i for i in range(start, index) if flags[i]]
                        if hits:
                            detected += 1
                            delays.append(hits[0] - start)
                    index += 1
    tp, fp, fn, tn = totals["tp"], totals["fp"], totals["fn"], totals["tn"]
    precision = tp / (tp + fp) if tp + fp else 0
    recall = tp / (tp + fn) if tp + fn else 0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
    print(f"files scored: {files}; rows: {tp + fp + fn + tn} ({tp + fn} anomalous); rows not judged: {skipped_rows}")
    print(f"F1 {f1:.3f}  precision {precision:.3f}  recall {recall:.3f}  FAR {fp / (fp + tn):.3f}  MAR {fn / (tp + fn):.3f}")
    if delays:
        print(f"anomaly segments flagged: {detected} of {segments}; median delay to the first flag {statistics.median(delays):.0f} rows (1 row = 1 s)")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
