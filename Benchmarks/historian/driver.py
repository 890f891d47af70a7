#!/usr/bin/env python3
"""Load driver and query client of Benchmarks/historian/run (Python standard library only).

  driver.py ingest --target influx|vm --url URL --file FILE [--batch 5000] [--workers 2] [--dirs D,...]
  driver.py query  --target influx|vm|millrace --url URL --query a|b|c [--from-us F --to-us T] ...
  driver.py report RESULTS.jsonl OUTPUT.md

Every command prints JSON objects, one per line, on stdout; progress goes to stderr. The same line protocol
file feeds every engine (see Sources/millrace/BenchLineProtocol.swift for the tag id rule).
"""
import argparse
import http.client
import json
import math
import os
import queue
import sys
import threading
import time
import urllib.parse


def log(message):
    print(message, file=sys.stderr, flush=True)


def batches(path, batch_samples):
    """Bodies of whole lines holding at least `batch_samples` field values each (the last one fewer)."""
    lines, count = [], 0
    with open(path, "rb") as handle:
        for line in handle:
            first = line.find(b" ")
            last = line.rfind(b" ")
            if first < 0 or last <= first:
                continue
            lines.append(line)
            count += line.count(b",", first, last) + 1
            if count >= batch_samples:
                yield b"".join(lines), count
                lines, count = [], 0
    if lines:
        yield b"".join(lines), count


def du(dirs):
    """Bytes allocated on disk to every file under `dirs` (like `du -s --block-size=1`): preallocated but unused
    file space (InfluxDB's series file segments) is not counted; block rounding is."""
    total = 0
    for top in dirs:
        for root, _, files in os.walk(top):
            for name in files:
                try:
                    total += os.lstat(os.path.join(root, name)).st_blocks * 512
                except FileNotFoundError:
                    pass
    return total


class Client:
    def __init__(self, url):
        parsed = urllib.parse.urlparse(url)
        self.host, self.port = parsed.hostname, parsed.port
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=600)

    def request(self, method, path, body=None, headers=None):
        for attempt in range(2):
            try:
                self.connection.request(method, path, body=body, headers=headers or {})
                response = self.connection.getresponse()
                return response.status, response.read()
            except (http.client.HTTPException, ConnectionError):
                if attempt:
                    raise
                self.connection.close()
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=600)


def write_path(target):
    if target == "influx":
        return "/write?db=bench&precision=u"
    return "/write?precision=u"


def ingest(args):
    path = write_path(args.target)
    size = os.path.getsize(args.file)
    streamed = size > args.preload_limit
    work = queue.Queue(maxsize=16 if streamed else 0)
    total = 0
    if not streamed:
        for body, count in batches(args.file, args.batch):
            work.put((body, count))
            total += count
    errors = []
    done = [0]
    lock = threading.Lock()

    def writer():
        client = Client(args.url)
        while True:
            item = work.get()
            if item is None:
                return
            body, count = item
            status, text = client.request("POST", path, body=body, headers={"Content-Type": "text/plain"})
            if status != 204:
                errors.append(f"{args.target} answered {status}: {text[:300]!r}")
                return
            with lock:
                done[0] += count
                if done[0] // 1_000_000 != (done[0] - count) // 1_000_000:
                    log(f"  {args.target}: {done[0]:,} samples written")

    threads = [threading.Thread(target=writer, daemon=True) for _ in range(args.workers)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    if streamed:
        for body, count in batches(args.file, args.batch):
            if errors:
                break
            work.put((body, count))
            total += count
    for _ in threads:
        work.put(None)
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - began
    if errors:
        sys.exit(f"error: {errors[0]}")

    # Flush: VictoriaMetrics on request; InfluxDB snapshots its cache and compacts after the cold durations in
    # the generated configuration. Either way the size is read once it has been stable for --settle seconds.
    flush_began = time.perf_counter()
    if args.target == "vm":
        status, text = Client(args.url).request("GET", "/internal/force_flush")
        if status != 200:
            sys.exit(f"error: /internal/force_flush answered {status}: {text[:200]!r}")
    dirs = [d for d in (args.dirs or "").split(",") if d]
    size_on_disk, stable_since, last = du(dirs), time.perf_counter(), -1
    while time.perf_counter() - flush_began < args.max_settle:
        time.sleep(1)
        size_on_disk = du(dirs)
        if size_on_disk != last:
            last, stable_since = size_on_disk, time.perf_counter()
        elif time.perf_counter() - stable_since >= args.settle:
            break
    print(json.dumps({
        "engine": args.target, "samples": total, "seconds": seconds, "bytes": size_on_disk,
        "flush_seconds": time.perf_counter() - flush_began, "streamed": streamed,
    }), flush=True)


def iso(micros):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(micros // 1_000_000))


def query_request(args):
    """(path, validate) for the query; validate(body) returns the number of result rows or raises."""
    target, name = args.target, args.query
    f, t = args.from_us, args.to_us
    pixel_seconds = max(1, math.ceil((t - f) / 1e6 / args.pixels)) if f is not None else 0
    if target == "influx":
        statements = {
            "a": "SELECT last(*) FROM cpu GROUP BY hostname",
            "b": f"SELECT mean(value) FROM year WHERE time >= {f}u AND time < {t}u GROUP BY time(1h)",
            "c": f"SELECT min(value), max(value) FROM year WHERE time >= {f}u AND time < {t}u GROUP BY time({pixel_seconds}s)",
        }
        path = "/query?" + urllib.parse.urlencode({"db": "bench", "epoch": "u", "q": statements[name]})

        def validate(body):
            result = json.loads(body)["results"][0]
            if "error" in result:
                raise RuntimeError(result["error"])
            series = result.get("series", [])
            if name == "a":
                return sum(len(row) - 1 for s in series for row in s["values"])
            return sum(len(s["values"]) for s in series)
        return path, validate
    if target == "vm":
        if name == "a":
            query = 'last_over_time({__name__=~"cpu_usage_.*"}[1h])'
            path = "/api/v1/query?" + urllib.parse.urlencode({"query": query, "time": args.at_us / 1e6})
        elif name == "b":
            # VictoriaMetrics windows end at each step: (t - 1h, t].
            path = "/api/v1/query_range?" + urllib.parse.urlencode({
                "query": "avg_over_time(year_value[1h])", "start": f / 1e6 + 3600, "end": t / 1e6, "step": "3600s"})
        else:
            path = "/api/v1/query_range?" + urllib.parse.urlencode({
                "query": f"rollup(year_value[{pixel_seconds}s])", "start": f / 1e6 + pixel_seconds, "end": t / 1e6,
                "step": f"{pixel_seconds}s"})

        def validate(body):
            data = json.loads(body)
            if data.get("status") != "success":
                raise RuntimeError(str(data)[:300])
            result = data["data"]["result"]
            if name == "a":
                return len(result)
            return sum(len(s["values"]) for s in result)
        return path, validate
    # Millrace over HTTP: the routes the UI uses.
    tag = args.tag
    if name == "a":
        path = "/api/v1/tags"
    elif name == "b":
        path = f"/api/v1/tags/{tag}/aggregates?" + urllib.parse.urlencode(
            {"from": iso(f), "to": iso(t), "interval": "1h", "kind": "mean"})
    else:
        path = f"/api/v1/tags/{tag}/plot?" + urllib.parse.urlencode(
            {"from": iso(f), "to": iso(t), "pixels": args.pixels, "method": "minMax"})

    def validate(body):
        data = json.loads(body)
        if name == "a":
            return sum(1 for tag in data["tags"] if tag.get("current") is not None or tag.get("value") is not None)
        return len(data["buckets"] if name == "b" else data["points"])
    return path, validate


def percentile(values, fraction):
    ordered = sorted(values)
    rank = math.ceil(fraction * len(ordered))
    return ordered[min(len(ordered) - 1, max(0, rank - 1))]


def run_query(args):
    path, validate = query_request(args)
    client = Client(args.url)
    status, body = client.request("GET", path)  # warm-up, untimed, and checked
    if status != 200:
        sys.exit(f"error: {args.target} query {args.query} answered {status}: {body[:300]!r}")
    rows = validate(body)
    times = []
    began = time.perf_counter()
    for _ in range(args.repetitions):
        start = time.perf_counter()
        status, body = client.request("GET", path)
        times.append((time.perf_counter() - start) * 1000)
        if status != 200:
            sys.exit(f"error: {args.target} query {args.query} answered {status}: {body[:300]!r}")
        elapsed = time.perf_counter() - began
        if elapsed > args.max_seconds and (len(times) >= 5 or elapsed > 3 * args.max_seconds):
            break
    print(json.dumps({
        "engine": args.target if args.target != "millrace" else "millrace-http", "query": args.query,
        "runs": len(times), "p50_ms": percentile(times, 0.5), "p99_ms": percentile(times, 0.99), "result_rows": rows,
    }), flush=True)


ENGINES = ["millrace", "millrace-full", "sqlite", "influx", "vm"]
NAMES = {
    "millrace": "Millrace (embedded, sync normal)", "millrace-full": "Millrace (embedded, sync full)",
    "millrace-inprocess": "Millrace in-process", "millrace-http": "Millrace HTTP", "sqlite": "SQLite rows (WAL)",
    "influx": "InfluxDB 1.6", "vm": "VictoriaMetrics",
}
QUERIES = {
    "a": "(a) last value of 1,000 series", "b": "(b) hourly means over a day, one tag",
    "c": "(c) min/max plot, 2,000 px, of the year tag",
}


def report(args):
    rows = [json.loads(line) for line in open(args.results) if line.strip().startswith("{")]
    out = []
    header = rows[0] if rows and rows[0].get("kind") == "header" else {}
    if header:
        out.append(f"Machine: {header['machine']}. Mode: {header['mode']}. Command: `{header['command']}`.")
        out.append("")
    out.append("| Data set | Engine | Samples | Points/s | Bytes/sample | Millrace ingest × | Millrace size × |")
    out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    ingests = [r for r in rows if r.get("kind") == "ingest"]
    for dataset in dict.fromkeys(r["dataset"] for r in ingests):
        group = {r["engine"]: r for r in ingests if r["dataset"] == dataset}
        ours = group.get("millrace")
        for engine in ENGINES:
            r = group.get(engine)
            if not r:
                continue
            rate = r["samples"] / r["seconds"]
            per_sample = r["bytes"] / r["samples"]
            speed = size = ""
            if ours and engine not in ("millrace", "millrace-full"):
                speed = f"{(ours['samples'] / ours['seconds']) / rate:.2f}×"
                size = f"{(ours['bytes'] / ours['samples']) / per_sample:.2f}×"
            out.append(f"| {dataset} | {NAMES[engine]} | {r['samples']:,} | {rate:,.0f} | {per_sample:.2f} | {speed} | {size} |")
    queries = [r for r in rows if r.get("kind") == "query"]
    if queries:
        out.append("")
        out.append("| Query | Engine | Runs | p50 ms | p99 ms | Rows | Millrace HTTP p50 ÷ this p50 |")
        out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
        for name in ["a", "b", "c"]:
            group = {r["engine"]: r for r in queries if r["query"] == name}
            ours = group.get("millrace-http")
            for engine in ["millrace-inprocess", "millrace-http", "influx", "vm"]:
                r = group.get(engine)
                if not r:
                    continue
                ratio = ""
                if ours and engine in ("influx", "vm"):
                    ratio = f"{ours['p50_ms'] / r['p50_ms']:.2f}"
                out.append(f"| {QUERIES[name]} | {NAMES[engine]} | {r['runs']} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | {r['result_rows']:,} | {ratio} |")
    out.append("")
    out.append("Ratios: Millrace ingest × = Millrace (sync normal) points/s ÷ the engine's; size × = Millrace bytes/sample ÷ "
               "the engine's (below 1: Millrace is smaller); query ratio below 1: Millrace answers faster.")
    text = "\n".join(out) + "\n"
    with open(args.output, "w") as handle:
        handle.write(text)
    print(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("ingest")
    p.add_argument("--target", choices=["influx", "vm"], required=True)
    p.add_argument("--url", required=True)
    p.add_argument("--file", required=True)
    p.add_argument("--batch", type=int, default=5000)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--dirs", help="comma-separated data directories to measure")
    p.add_argument("--settle", type=float, default=10, help="seconds the size must stay unchanged")
    p.add_argument("--max-settle", type=float, default=300)
    p.add_argument("--preload-limit", type=int, default=800_000_000)
    p.set_defaults(run=ingest)
    q = commands.add_parser("query")
    q.add_argument("--target", choices=["influx", "vm", "millrace"], required=True)
    q.add_argument("--url", required=True)
    q.add_argument("--query", choices=["a", "b", "c"], required=True)
    q.add_argument("--from-us", type=int)
    q.add_argument("--to-us", type=int)
    q.add_argument("--at-us", type=int, help="(a) on VictoriaMetrics: the evaluation time")
    q.add_argument("--tag", default="year.value")
    q.add_argument("--pixels", type=int, default=2000)
    q.add_argument("--repetitions", type=int, default=50)
    q.add_argument("--max-seconds", type=float, default=60)
    q.set_defaults(run=run_query)
    r = commands.add_parser("report")
    r.add_argument("results")
    r.add_argument("output")
    r.set_defaults(run=report)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
