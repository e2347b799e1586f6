#!/usr/bin/env python3
"""Indicator import benchmark: `hyte indicator import` end to end against a raw SQLite bulk insert.

Generates a Sotkanet-shaped JSON file (indicators x regions x years x 3 genders), starts a local
stack from BIN (SQLite under a temporary HYTE_DATA_DIR), and in the same run measures:

  * the end-to-end import through the gateway, the indicators service and storage (seconds, rows/s):
    the gateway uploads the file to storage in chunks of 1 MiB, the indicators service reads the
    upload back piece by piece while it parses and stages batches;
  * the reference: the same rows inserted straight into a SQLite file with the same
    `indicator_value` table (one prepared statement, one transaction, Python's sqlite3);
  * peak memory (VmHWM) of hyte-storage and hyte-indicators, and of the gateway (GNU time);
  * `hyte indicator show` of one indicator over every region and all years: p50 of 20 calls.

  swift build -c release --product hyte ... (or a debug build)
  python3 tools/bench/indicators/bench.py --indicators 20 --regions 309 --years 20 --bin .build/release
  (the national scale of the issue: --indicators 1000 --regions 309 --years 20, about 18.5 M rows)
"""
import argparse
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

VALUE_TABLE = """
CREATE TABLE indicator_value (
    indicator text NOT NULL, region text NOT NULL, period text NOT NULL,
    gender text NOT NULL CHECK (gender IN ('total', 'male', 'female')),
    population_group text NOT NULL DEFAULT '', year integer NOT NULL,
    value double precision, abs_value double precision, numerator double precision, denominator double precision,
    PRIMARY KEY (indicator, region, period, gender, population_group))
"""


def rows(args):
    rnd = random.Random(7)
    for indicator in range(1, args.indicators + 1):
        for region in range(1, args.regions + 1):
            for year in range(2024 - args.years + 1, 2025):
                for gender in ("total", "male", "female"):
                    yield indicator, region, year, gender, round(rnd.uniform(0, 100), 1), rnd.randint(0, 100000)


def write_file(path, args):
    with open(path, "w") as out:
        out.write("[")
        first = True
        for indicator, region, year, gender, value, absolute in rows(args):
            out.write(("" if first else ",\n") + json.dumps(
                {"indicator": indicator, "region": region, "year": year, "gender": gender, "value": value,
                 "absValue": absolute}))
            first = False
        out.write("]\n")


def raw_insert(path, args):
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(VALUE_TABLE)
    start = time.perf_counter()
    with db:
        db.executemany(
            "INSERT INTO indicator_value (indicator, region, period, gender, population_group, year, value, abs_value) "
            "VALUES (?, ?, ?, ?, '', ?, ?, ?)",
            ((f"sotkanet-{i}", f"sotkanet-{r}", str(y), g, y, v, a) for i, r, y, g, v, a in rows(args)))
    seconds = time.perf_counter() - start
    db.close()
    return seconds


def peak_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indicators", type=int, default=20)
    parser.add_argument("--regions", type=int, default=309)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--bin", default=".build/release")
    args = parser.parse_args()
    hyte = os.path.join(os.path.abspath(args.bin), "hyte")
    work = tempfile.mkdtemp(prefix="hyte-bench-indicators-")
    env = dict(os.environ, HYTE_DATA_DIR=work, HYTE_BUS=f"tcp://127.0.0.1:{random.randint(20000, 40000)}",
               HYTE_DATABASE_URL="", HYTE_LOG_LEVEL="warning")
    count = args.indicators * args.regions * args.years * 3
    data = os.path.join(work, "sotkanet_bench.json")
    try:
        write_file(data, args)
        print(f"file: {os.path.getsize(data) / 2**20:.1f} MiB, {count} rows "
              f"({args.indicators} indicators x {args.regions} regions x {args.years} years x 3 genders)")
        reference = raw_insert(os.path.join(work, "raw.sqlite"), args)

        subprocess.run([hyte, "up", "--timeout", "120"], env=env, check=True, stdout=subprocess.DEVNULL)
        stack = json.loads(subprocess.run([hyte, "status", "--json"], env=env, check=True, capture_output=True,
                                          text=True).stdout)
        pids = {row["name"]: row["pid"] for row in stack["rows"]} if "rows" in stack else {
            row["name"]: row["pid"] for row in stack["services"]}
        start = time.perf_counter()
        timed = subprocess.run(["/usr/bin/time", "-v", hyte, "indicator", "import", data, "--format", "sotkanet-json"],
                               env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if timed.returncode != 0:
            sys.exit(f"import failed: {timed.stdout}{timed.stderr}")
        gateway_kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", timed.stderr).group(1))
        storage_kib, indicators_kib = peak_kib(pids["storage"]), peak_kib(pids["indicators"])

        latencies = []
        for _ in range(20):
            begin = time.perf_counter()
            subprocess.run([hyte, "indicator", "show", "sotkanet-1", "--years", f"{2024 - args.years + 1}-2024", "--json"]
                           + sum((["--region", f"sotkanet-{r}"] for r in range(1, args.regions + 1)), []),
                           env=env, check=True, stdout=subprocess.DEVNULL)
            latencies.append(time.perf_counter() - begin)

        print()
        print("| path | rows | seconds | rows/s | ratio to raw insert |")
        print("|---|---:|---:|---:|---:|")
        print(f"| raw SQLite insert (reference) | {count} | {reference:.2f} | {count / reference:.0f} | 1.000 |")
        print(f"| hyte indicator import, end to end | {count} | {seconds:.2f} | {count / seconds:.0f} | "
              f"{reference / seconds:.3f} |")
        print()
        print(f"peak memory: hyte (gateway) {gateway_kib / 1024:.0f} MiB, hyte-indicators {indicators_kib / 1024:.0f} MiB, "
              f"hyte-storage {storage_kib / 1024:.0f} MiB")
        print(f"hyte indicator show (1 indicator, {args.regions} regions, {args.years} years): "
              f"p50 {statistics.median(latencies) * 1000:.0f} ms of 20 calls")
    finally:
        subprocess.run([hyte, "down"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
