#!/usr/bin/env python3
"""Participatory-budgeting benchmark: ballots cast through the gateway against plain SQLite inserts.

Starts a local stack from BIN (SQLite under a temporary HYTE_DATA_DIR, a free HYTE_BUS port and a
participation clock file, HYTE_PARTICIPATION_CLOCK_FILE, that moves the round through its phases
without waiting), creates a knapsack round with 11 proposals of which 10 are screened feasible,
and in the same run measures:

  * N ballots (distinct voter ids, random valid choices) cast by 4 concurrent `hyte pb vote --file`
    processes, one file each. That command sends every ballot as its own `pb.vote` request
    (gateway -> broker -> participation -> storage), opening a new gateway connection per ballot;
    wall clock from the first start to the last exit -> ballots/s;
  * `hyte pb results` (the first count, kept) and `hyte pb recount` (a count of the stored ballots);
    both must count N ballots and give the votes the generated ballots give, or the run fails;
  * the reference: N rows inserted into a new SQLite file with storage's `participation_record`
    table and index, using storage's own INSERT statement, documents shaped like stored ballots
    (one prepared statement, one transaction, Python's sqlite3) -> rows/s, and the ratio;
  * while voting: CPU seconds of each service and of the 4 clients, and every --sample seconds the
    number of stored ballots (read-only from storage's file), printed as ballots/s per tenth of N:
    `pb.vote` lists every stored ballot of the round to tell whether the voter's ballot is replaced,
    so the rate falls as the round fills.

  swift build            (or: swift build -c release, then --bin .build/release)
  python3 tools/bench/participation/bench.py --ballots 100000 --bin .build/debug
"""
import argparse
import hashlib
import hmac
import json
import os
import platform
import random
import resource
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

CLIENTS = 4
ROUND = "bench-pb"
BUDGET = 300_000
# 11 proposals; the last is screened not feasible, so 10 are on the ballot. Costs in euro.
COSTS = [20_000, 35_000, 50_000, 65_000, 80_000, 95_000, 110_000, 125_000, 140_000, 150_000, 60_000]
PROPOSALS = [f"hanke-{i + 1:02d}" for i in range(len(COSTS))]
FEASIBLE = PROPOSALS[:10]

# From Packages/Storage/Sources/Storage/ParticipationSchema.swift (SQLite, migration v3).
RECORD_TABLE = """
CREATE TABLE participation_record (
    kind TEXT NOT NULL,
    parent TEXT NOT NULL,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    document TEXT NOT NULL,
    PRIMARY KEY (kind, parent, id)
);
CREATE INDEX participation_record_on_position ON participation_record (kind, parent, position);
"""
# The INSERT of SQLiteBackend+Participation.swift (saveParticipationRecords, a new record).
RECORD_INSERT = """
INSERT INTO participation_record (kind, parent, id, position, document)
VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM participation_record
                  WHERE kind = ? AND parent = ?), ?)
"""


def round_document():
    return {
        "id": ROUND,
        "title": {"fi": "Osallistuva budjetointi, kuormitustesti", "sv": "Deltagande budgetering, belastningstest",
                  "en": "Participatory budgeting, load test"},
        "areas": [],
        "budget": BUDGET,
        "rule": {"knapsack": {}},
        "schedule": {
            "proposalsOpen": "2025-01-01T00:00:00Z",
            "screeningStarts": "2025-02-01T00:00:00Z",
            "votingOpens": "2025-03-01T00:00:00Z",
            "votingCloses": "2025-04-01T00:00:00Z",
            "implementationStarts": "2025-06-01T00:00:00Z",
        },
    }


def proposal_documents():
    return [{"roundId": ROUND, "id": pid, "cost": cost,
             "title": {"fi": f"Hanke {i + 1}", "sv": f"Projekt {i + 1}", "en": f"Project {i + 1}"}}
            for i, (pid, cost) in enumerate(zip(PROPOSALS, COSTS))]


def ballots(count):
    """Distinct voters, 1-4 feasible projects each, total cost within the budget (knapsack rule)."""
    rnd = random.Random(2025)
    cost = dict(zip(PROPOSALS, COSTS))
    out = []
    for i in range(count):
        choices = rnd.sample(FEASIBLE, rnd.randint(1, 4))
        while sum(cost[c] for c in choices) > BUDGET:
            choices.pop()
        out.append({"voterId": f"bench-voter-{i + 1:07d}", "choices": choices})
    return out


def expected_votes(all_ballots):
    votes = {pid: 0 for pid in FEASIBLE}
    for ballot in all_ballots:
        for choice in ballot["choices"]:
            votes[choice] += 1
    return votes


def raw_insert(path, all_ballots):
    """The reference: the same number of rows, shaped like stored ballots, in one transaction."""
    secret = os.urandom(32)
    rows = []
    for ballot in all_ballots:
        key = hmac.new(secret, ballot["voterId"].encode(), hashlib.sha256).hexdigest()
        document = json.dumps({"choices": ballot["choices"], "roundId": ROUND, "voterKey": key},
                              separators=(",", ":"), sort_keys=True)
        rows.append(("ballot", ROUND, key, "ballot", ROUND, document))
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript(RECORD_TABLE)
    start = time.perf_counter()
    with db:
        db.executemany(RECORD_INSERT, rows)
    seconds = time.perf_counter() - start
    stored = db.execute("SELECT count(*) FROM participation_record").fetchone()[0]
    db.close()
    if stored != len(all_ballots):
        sys.exit(f"reference insert stored {stored} rows, expected {len(all_ballots)}")
    return seconds, sum(len(r[5]) for r in rows) / max(len(rows), 1)


def cpu_seconds(pid):
    """User + system CPU seconds of a running process."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


def sample_progress(processes, database, start, interval):
    """(seconds, ballots stored) every INTERVAL s while the clients run, read from storage's file.

    Returns the timeline and the time of the last client's exit (taken by a waiting thread, so the
    sampling interval does not add to the measured time)."""
    exits = []

    def wait(process):
        process.wait()
        exits.append(time.perf_counter())

    waiters = [threading.Thread(target=wait, args=(process,)) for process in processes]
    for waiter in waiters:
        waiter.start()
    timeline = [(0.0, 0)]
    while any(waiter.is_alive() for waiter in waiters):
        deadline = time.perf_counter() + interval
        while interval > 0 and time.perf_counter() < deadline and any(waiter.is_alive() for waiter in waiters):
            time.sleep(0.05)
        if interval <= 0:
            for waiter in waiters:
                waiter.join()
            break
        try:
            db = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1)
            stored = db.execute("SELECT count(*) FROM participation_record WHERE kind = 'ballot' AND parent = ?",
                                (ROUND,)).fetchone()[0]
            db.close()
        except sqlite3.Error:
            continue
        timeline.append((time.perf_counter() - start, stored))
    return timeline, max(exits)


def free_port():
    """A TCP port nothing listens on now (a random guess may hit another stack's broker)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=100_000)
    parser.add_argument("--bin", default=".build/debug")
    parser.add_argument("--sample", type=float, default=5.0,
                        help="seconds between counts of the stored ballots while voting (0: off)")
    args = parser.parse_args()
    if args.ballots < CLIENTS:
        sys.exit(f"--ballots must be at least {CLIENTS}")
    bin_dir = os.path.abspath(args.bin)
    hyte = os.path.join(bin_dir, "hyte")
    if not os.access(hyte, os.X_OK):
        sys.exit(f"{hyte} is missing; build first (swift build) or give --bin")
    work = tempfile.mkdtemp(prefix="hyte-bench-participation-")
    clock = os.path.join(work, "clock")
    env = dict(os.environ, HYTE_DATA_DIR=work, HYTE_BUS=f"tcp://127.0.0.1:{free_port()}",
               HYTE_DATABASE_URL="", HYTE_LOG_LEVEL="warning", HYTE_PARTICIPATION_CLOCK_FILE=clock)

    all_ballots = ballots(args.ballots)
    votes = expected_votes(all_ballots)
    finished = False
    try:
        measure(args, hyte, work, env, all_ballots, votes)
        finished = True
    finally:
        if finished:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept for inspection: {work} (service logs, ballot files, databases)", file=sys.stderr)


def measure(args, hyte, work, env, all_ballots, votes):
    bin_dir = os.path.dirname(hyte)
    clock = env["HYTE_PARTICIPATION_CLOCK_FILE"]

    def set_clock(instant):
        with open(clock + ".tmp", "w") as out:
            out.write(instant)
        os.replace(clock + ".tmp", clock)

    def run(*arguments, json_output=False):
        command = [hyte, *arguments] + (["--json"] if json_output else [])
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"FAILED: hyte {' '.join(arguments)} (exit {done.returncode})\n{done.stdout}{done.stderr}")
        return json.loads(done.stdout) if json_output else done.stdout

    def write_json(name, value):
        path = os.path.join(work, name)
        with open(path, "w") as out:
            json.dump(value, out, ensure_ascii=False)
        return path

    try:
        reference, reference_doc = raw_insert(os.path.join(work, "raw.sqlite"), all_ballots)
        parts = [all_ballots[i::CLIENTS] for i in range(CLIENTS)]
        files = [write_json(f"ballots-{i + 1}.json", part) for i, part in enumerate(parts)]

        set_clock("2025-01-10T12:00:00Z")
        run("up", "--timeout", "120")
        run("pb", "round", "create", write_json("round.json", round_document()))
        run("pb", "propose", write_json("proposals.json", proposal_documents()))
        set_clock("2025-02-10T12:00:00Z")
        for pid in FEASIBLE:
            run("pb", "screen", ROUND, pid, "--feasible")
        run("pb", "screen", ROUND, PROPOSALS[-1], "--no-feasible", "--reason-fi", "Ei kaupungin maalla.")
        set_clock("2025-03-10T12:00:00Z")

        status = run("status", json_output=True)
        pids = {row["name"]: row["pid"] for row in status.get("rows", status.get("services", []))}
        cpu_before = {name: cpu_seconds(pid) for name, pid in pids.items()}
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_before["4 hyte clients"] = children.ru_utime + children.ru_stime
        logs = [open(os.path.join(work, f"vote-{i + 1}.err"), "w+") for i in range(CLIENTS)]
        start = time.perf_counter()
        voters = [subprocess.Popen([hyte, "pb", "vote", ROUND, "--file", path], env=env,
                                   stdout=subprocess.DEVNULL, stderr=log) for path, log in zip(files, logs)]
        timeline, last_exit = sample_progress(voters, os.path.join(work, "hyte.sqlite"), start, args.sample)
        codes = [voter.wait() for voter in voters]
        voting = last_exit - start
        cpu_after = {name: cpu_seconds(pid) for name, pid in pids.items()}
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_after["4 hyte clients"] = children.ru_utime + children.ru_stime
        for i, (code, log) in enumerate(zip(codes, logs)):
            if code != 0:
                log.seek(0)
                sys.exit(f"FAILED: client {i + 1} (hyte pb vote --file, {len(parts[i])} ballots) exit {code}\n"
                         f"{log.read()[-4000:]}")

        set_clock("2025-04-02T12:00:00Z")
        start = time.perf_counter()
        results = run("pb", "results", ROUND, json_output=True)
        counting = time.perf_counter() - start
        start = time.perf_counter()
        recount = run("pb", "recount", ROUND, json_output=True)
        recounting = time.perf_counter() - start

        problems = []
        for name, tally in (("pb results", results["result"]), ("pb recount", recount["recounted"])):
            if tally["countedBallots"] != args.ballots:
                problems.append(f"{name} counted {tally['countedBallots']} ballots, expected {args.ballots}")
            got = {row["id"]: row["votes"] for row in tally["ranking"]}
            if got != votes:
                problems.append(f"{name} votes {got}, expected {votes}")
        if not recount["matches"]:
            problems.append("pb recount does not match the kept result")
        if problems:
            sys.exit("FAILED:\n  " + "\n  ".join(problems))
        winners = results["result"]["winners"]
    finally:
        subprocess.run([hyte, "down"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    # The stored ballots, read after the stack is down: size of the real documents.
    database = [os.path.join(root, name) for root, _, names in os.walk(work) for name in names
                if name.endswith(".sqlite") and name != "raw.sqlite"]
    stored_doc = None
    if database:
        db = sqlite3.connect(f"file:{database[0]}?mode=ro", uri=True)
        stored, stored_doc = db.execute("SELECT count(*), avg(length(document)) FROM participation_record "
                                        "WHERE kind = 'ballot' AND parent = ?", (ROUND,)).fetchone()
        db.close()
        if stored != args.ballots:
            sys.exit(f"FAILED: {stored} ballot rows in {database[0]}, expected {args.ballots}")

    n = args.ballots
    print(f"round {ROUND}: knapsack, budget {BUDGET} EUR, {len(FEASIBLE)} feasible proposals; {n} ballots "
          f"({sum(len(b['choices']) for b in all_ballots) / n:.2f} choices on average), "
          f"{CLIENTS} concurrent clients; winners {', '.join(winners)}")
    print()
    print("| path | ballots | seconds | ballots/s | ratio to plain insert |")
    print("|---|---:|---:|---:|---:|")
    print(f"| plain SQLite insert (reference: participation_record, 1 statement, 1 transaction) | {n} | "
          f"{reference:.3f} | {n / reference:.0f} | 1 |")
    print(f"| hyte pb vote --file, {CLIENTS} clients, 1 request per ballot (gateway, broker, participation, storage) "
          f"| {n} | {voting:.2f} | {n / voting:.0f} | {reference / voting:.5f} |")
    print()
    print(f"hyte pb results (first count, kept): {counting:.2f} s; hyte pb recount (stored ballots): {recounting:.2f} s "
          f"(each one `hyte` process, 3 requests, wall clock)")
    print(f"ballot document: stored {stored_doc:.0f} chars on average, reference {reference_doc:.0f} chars"
          if stored_doc is not None else f"ballot document: reference {reference_doc:.0f} chars")
    print(f"CPU seconds while voting: " + ", ".join(
        f"{name} {cpu_after[name] - cpu_before[name]:.1f}" for name in sorted(cpu_before)) + f" (of {voting:.1f} s x {os.cpu_count()} cores)")
    if len(timeline) > 2:
        print()
        print("| ballots stored | at second | ballots/s in this stretch |")
        print("|---:|---:|---:|")
        marks = [n * q // 10 for q in range(1, 11)]
        previous = (0.0, 0)
        for mark in marks:
            reached = next((point for point in timeline if point[1] >= mark), (voting, n))
            if reached[1] <= previous[1]:
                continue
            print(f"| {reached[1]} | {reached[0]:.1f} | {(reached[1] - previous[1]) / max(reached[0] - previous[0], 1e-9):.1f} |")
            previous = reached
    print(f"machine: nproc {os.cpu_count()}, {platform.machine()}, {platform.platform()}, python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}; build: {bin_dir}")


if __name__ == "__main__":
    main()
