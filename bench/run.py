#!/usr/bin/env python3
"""Run the conflicting-claims benchmark of SPEC.md: crosscheck against its peers.

  bench/run.py [--sizes 1m,10m] [--runs 3] [--crosscheck PATH] [--tools LIST]
  bench/run.py --check-small [--crosscheck PATH]

Benchmark mode generates the inputs (bench/gen_claims.py, into bench/data/), reads each
file once so it sits in the page cache, runs every tool --runs times under
`/usr/bin/time -v`, checks that all tools report the same two counts (and SPEC.md's
where it lists them) and prints a Markdown table.

--check-small is the correctness mode for CI: N = 2000 and 5000, seeds 1-5, every
available tool run once and compared with SPEC.md's table and with brute.py.

Exit status: 0 when every count agrees, 1 on any disagreement or failed tool, 2 on a
usage or setup error.  Stdlib only.

Tools (--tools, comma-separated):
  crosscheck        `crosscheck check FILE --format json` (--threads 1 too, if supported)
  naive             bench/peers/naive.cpp: all pairs within each key, 1 thread
  sqlite-sweep      bench/peers/sqlite_peer.cpp, sweep-style query, covering index
  sqlite-selfjoin   the same, plain self-join (slow: by default only up to 1M claims)
  duckdb-2, duckdb-1  bench/peers/duckdb_peer.mjs with 2 / 1 threads
"""
import argparse
import collections
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
PEERS_DIR = os.path.join(BENCH_DIR, "peers")
sys.path.insert(0, BENCH_DIR)
import gen_claims  # noqa: E402  (bench/gen_claims.py, the wrapper)

# SPEC.md's answers: (claims, seed) -> (conflicting_pairs, conflicted_keys).
EXPECTED = {
    (2000, 1): (2387, 39), (2000, 2): (2047, 35), (2000, 3): (771, 27),
    (2000, 4): (926, 39), (2000, 5): (2667, 28),
    (5000, 1): (10675, 129), (5000, 2): (15955, 80), (5000, 3): (3800, 100),
    (5000, 4): (8259, 79), (5000, 5): (7030, 97),
    (1000000, 1): (10163770, 12991),
    (10000000, 1): (101069344, 142616),
}

ALL_TOOLS = ["crosscheck", "naive", "sqlite-sweep", "sqlite-selfjoin", "duckdb-2", "duckdb-1"]
SELFJOIN_MAX = 1000000          # the plain self-join takes ~15 min per run at 10M
TIME_BIN = "/usr/bin/time"


class SetupError(RuntimeError):
    pass


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- tools ----------

def build_peers(build_dir):
    """Configure and build the C++ peers (Release) unless they are there already."""
    exes = {n: os.path.join(build_dir, n) for n in ("naive", "sqlite_peer")}
    if all(os.access(p, os.X_OK) for p in exes.values()):
        return exes
    if shutil.which("cmake") is None:
        raise SetupError("cmake not found: cannot build the C++ peers")
    log("build: C++ peers into %s" % build_dir)
    cfg = ["cmake", "-S", BENCH_DIR, "-B", build_dir, "-DCMAKE_BUILD_TYPE=Release"]
    if shutil.which("ninja"):
        cfg += ["-G", "Ninja"]
    for cmd in (cfg, ["cmake", "--build", build_dir, "-j2"]):
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            raise SetupError("`%s` failed:\n%s" % (" ".join(cmd), r.stdout[-4000:]))
    return exes


def duckdb_ready():
    """Install the DuckDB peer's npm packages on first use; False if impossible."""
    if shutil.which("node") is None:
        log("duckdb: node not found, skipping the DuckDB peer")
        return False
    if os.path.isdir(os.path.join(PEERS_DIR, "node_modules", "@duckdb", "node-api")):
        return True
    npm = shutil.which("npm")
    if npm is None:
        log("duckdb: npm not found, skipping the DuckDB peer")
        return False
    # `npm install`, not `npm ci`: npm 11 leaves the other platforms' optional binding
    # packages out of the lock file, and `npm ci` then refuses it as out of sync.
    log("duckdb: npm install in %s (first use)" % PEERS_DIR)
    r = subprocess.run([npm, "install", "--no-audit", "--no-fund"], cwd=PEERS_DIR,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0:
        log("duckdb: npm install failed, skipping the DuckDB peer:\n" + r.stdout[-2000:])
        return False
    return True


def crosscheck_threads_supported(exe):
    r = subprocess.run([exe, "check", "--help"], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True)
    return "--threads" in r.stdout


class Variant:
    """One row of the table: a tool at a thread count, with its command line."""

    def __init__(self, tool, threads, argv_for, parse):
        self.tool, self.threads = tool, threads
        self.argv_for, self.parse = argv_for, parse

    @property
    def name(self):
        return "%s [threads=%s]" % (self.tool, self.threads)


def parse_peer(stdout):
    line = [ln for ln in stdout.splitlines() if ln.startswith("{")][-1]
    d = json.loads(line)
    return {"pairs": int(d["conflicting_pairs"]), "keys": int(d["conflicted_keys"]),
            "load_s": d.get("load_s"), "prep_s": d.get("prep_s"), "query_s": d.get("query_s"),
            "threads": d.get("threads")}


def parse_crosscheck(stdout):
    try:
        d = json.loads(stdout)
    except ValueError:
        # A large report arrives as its tail only (see run_once): the stats object is there.
        m = re.search(r'"stats":\s*(\{[^{}]*\})', stdout)
        if not m:
            raise
        d = {"stats": json.loads(m.group(1))}
    stats = d["stats"]
    out = {"pairs": int(stats["conflicting_pairs"]), "keys": int(stats["conflicted_keys"]),
           "threads": stats.get("threads")}
    # Phase times, if the program reports them under one of these names.
    timings = d.get("timings") or stats
    for ours, names in (("load_s", ("load_s", "parse_s", "load_seconds")),
                        ("prep_s", ("prep_s", "index_s", "prep_seconds")),
                        ("query_s", ("query_s", "check_s", "query_seconds"))):
        out[ours] = next((timings[n] for n in names if isinstance(timings.get(n), (int, float))),
                         None)
    return out


def make_variants(names, crosscheck, exes, have_duckdb, n):
    out = []
    if crosscheck and os.sep not in crosscheck:
        crosscheck = shutil.which(crosscheck) or crosscheck   # a bare name: look in PATH
    for name in names:
        if name == "crosscheck":
            if not crosscheck:
                continue
            if not os.access(crosscheck, os.X_OK):
                log("crosscheck: %s not found or not executable, skipping it" % crosscheck)
                continue
            if crosscheck_threads_supported(crosscheck):
                out.append(Variant("crosscheck", "1",
                                   lambda f: [crosscheck, "check", f, "--format", "json",
                                              "--threads", "1"], parse_crosscheck))
                dflt = "default (%d cores)" % (os.cpu_count() or 1)
            else:
                dflt = "default"
            out.append(Variant("crosscheck", dflt,
                               lambda f: [crosscheck, "check", f, "--format", "json"],
                               parse_crosscheck))
        elif name == "naive":
            out.append(Variant("naive", "1", lambda f: [exes["naive"], f], parse_peer))
        elif name == "sqlite-sweep":
            out.append(Variant("SQLite sweep + covering index", "1",
                               lambda f: [exes["sqlite_peer"], f], parse_peer))
        elif name == "sqlite-selfjoin":
            if n is not None and n > SELFJOIN_MAX:
                log("sqlite-selfjoin: skipped above %d claims (name it in --tools to force)"
                    % SELFJOIN_MAX)
                continue
            out.append(Variant("SQLite plain self-join", "1",
                               lambda f: [exes["sqlite_peer"], f, "--self-join"], parse_peer))
        elif name in ("duckdb-2", "duckdb-1", "duckdb"):
            if not have_duckdb:
                continue
            th = name.split("-")[1] if "-" in name else "2"
            out.append(Variant("DuckDB", th,
                               lambda f, th=th: ["node", os.path.join(PEERS_DIR, "duckdb_peer.mjs"),
                                                 f, "--threads", th], parse_peer))
        else:
            raise SetupError("unknown tool %r (known: %s)" % (name, ", ".join(ALL_TOOLS)))
    return out


# ---------------------------------------------------------------- running --------

def warm(path):
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass


def parse_time_v(text):
    """(wall s, peak RSS bytes, user+sys CPU s) from `/usr/bin/time -v` output."""
    wall = rss = cpu = None
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text)
    if m:
        parts = [float(p) for p in m.group(1).split(":")]
        wall = 0.0
        for p in parts:
            wall = wall * 60 + p
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if m:
        rss = int(m.group(1)) * 1024
    user = re.search(r"User time \(seconds\): ([\d.]+)", text)
    system = re.search(r"System time \(seconds\): ([\d.]+)", text)
    if user and system:
        cpu = float(user.group(1)) + float(system.group(1))
    return wall, rss, cpu


def drain(pipe, keep=1 << 16):
    """Reads a pipe to its end and keeps the whole output when small, else its last 64 KiB (a
    crosscheck report ends with its stats). The reader shares the machine's cores with the tool
    being timed, so it must cost next to nothing: raw os.read calls, and the tail kept as a
    queue of the chunks read. (A buffered read of 1 MiB, which gathers sixteen 64 KiB pipe reads,
    with the tail rebuilt from each chunk, took 0.2 s of CPU for the 52 MB report at 1M claims,
    taken from crosscheck's two threads; decoding half a gigabyte of JSON as text would take a
    core. A file would not do either: writing the report to disk costs the tool more.)"""
    fd = pipe.fileno()
    head, tail, tail_len, total = bytearray(), collections.deque(), 0, 0
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        total += len(chunk)
        if total <= (1 << 20):
            head += chunk
        tail.append(chunk)
        tail_len += len(chunk)
        while tail_len - len(tail[0]) >= keep:
            tail_len -= len(tail.popleft())
    data = head if total <= (1 << 20) else b"".join(tail)[-keep:]
    return bytes(data).decode("utf-8", errors="replace")


def run_once(argv, timed):
    """Run argv; returns (returncode, stdout, stderr, wall_s, peak_rss_bytes, cpu_s). stdout is
    read by `drain` (so a large report comes back as its tail); with `timed` and /usr/bin/time,
    the tool runs under `time -v` for its peak memory and CPU time, else only the wall clock is
    taken and those two are None."""
    tfile = None
    if timed and os.access(TIME_BIN, os.X_OK):
        fd, tfile = tempfile.mkstemp(prefix="crosscheck-bench-time-")
        os.close(fd)
    prefix = [TIME_BIN, "-v", "-o", tfile] if tfile else []
    t0 = time.monotonic()
    with tempfile.TemporaryFile() as errf:  # a file: a full stderr pipe could stall the tool
        p = subprocess.Popen(prefix + argv, stdout=subprocess.PIPE, stderr=errf)
        stdout = drain(p.stdout)
        p.wait()
        wall = time.monotonic() - t0
        errf.seek(0)
        stderr = errf.read().decode("utf-8", errors="replace")
    rss = cpu = None
    if tfile:
        with open(tfile) as f:
            wall, rss, cpu = parse_time_v(f.read())
        os.unlink(tfile)
    return p.returncode, stdout, stderr, wall, rss, cpu


def wait_idle(max_load, max_wait):
    """On a shared machine, wait (at most max_wait s) for the 1-minute load average to drop
    below max_load before a timed run."""
    if max_load is None:
        return
    t0 = time.monotonic()
    announced = False
    while os.getloadavg()[0] >= max_load and time.monotonic() - t0 < max_wait:
        if not announced:
            log("  waiting for load average < %.1f (now %.1f)" % (max_load, os.getloadavg()[0]))
            announced = True
        time.sleep(5)


def measure(variant, path, runs, timed=True, idle=(None, 0)):
    """Run a variant `runs` times; returns a dict of results or an 'error'."""
    walls, rsss, cpus, loads = [], [], [], []
    phases, counts = {"load_s": [], "prep_s": [], "query_s": []}, set()
    threads_seen = None
    for i in range(runs):
        argv = variant.argv_for(path)
        wait_idle(*idle)
        loads.append(os.getloadavg()[0])
        rc, out, err, wall, rss, cpu = run_once(argv, timed)
        try:
            res = variant.parse(out)
        except (ValueError, KeyError, IndexError, TypeError):
            return {"error": "exit %d, no result; stderr: %s" % (rc, err.strip()[-500:]),
                    "cmd": argv}
        if rc != 0 and variant.parse is parse_peer:
            return {"error": "exit %d: %s" % (rc, err.strip()[-500:]), "cmd": argv}
        counts.add((res["pairs"], res["keys"]))
        walls.append(wall)
        if rss is not None:
            rsss.append(rss)
        if cpu is not None:
            cpus.append(cpu)
        for k in phases:
            if res.get(k) is not None:
                phases[k].append(float(res[k]))
        threads_seen = res.get("threads") or threads_seen
        log("  %-40s run %d/%d: %s s, %s, pairs=%d keys=%d" % (
            variant.name, i + 1, runs, "%.2f" % wall if wall is not None else "?",
            "%.0f MB" % (rss / 1e6) if rss else "? MB", res["pairs"], res["keys"]))
    return {
        "cmd": variant.argv_for(path),
        "counts": sorted(counts),
        "wall": statistics.median(walls) if walls and None not in walls else None,
        "walls": walls,
        "peak": max(rsss) if rsss else None,
        "cpu": statistics.median(cpus) if cpus else None,
        "cpus": cpus,
        "loadavg_before": loads,
        "phases": {k: statistics.median(v) if v else None for k, v in phases.items()},
        "threads_reported": threads_seen,
    }


def fmt_s(v):
    if v is None:
        return "–"
    if v < 0.1:
        return "%.3f" % v
    return "%.2f" % v if v < 100 else "%.0f" % v


def print_table(n, seed, rows, out=sys.stdout):
    base = next((r for v, r in rows if v.tool == "crosscheck" and not v.threads.startswith("1")
                 and r.get("wall")), None)
    base = base or next((r for v, r in rows if v.tool == "crosscheck" and r.get("wall")), None)
    print("\n### %s claims, seed %d\n" % ("{:,}".format(n), seed), file=out)
    print("| tool | threads | median wall s | CPU s | load s | prep s | query s | peak MB "
          "| bytes/claim | vs crosscheck |", file=out)
    print("|---|---|---|---|---|---|---|---|---|---|", file=out)
    for v, r in rows:
        if "error" in r:
            print("| %s | %s | failed: %s | | | | | | | |" % (v.tool, v.threads,
                                                         r["error"].replace("|", "/")[:80]),
                  file=out)
            continue
        ph = r["phases"]
        peak = r["peak"]
        ratio = "–"
        if base and r["wall"] is not None and base["wall"] > 0:
            ratio = "%.1f×" % (r["wall"] / base["wall"])
        print("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            v.tool, v.threads, fmt_s(r["wall"]), fmt_s(r["cpu"]), fmt_s(ph["load_s"]), fmt_s(ph["prep_s"]),
            fmt_s(ph["query_s"]), "%.0f" % (peak / 1e6) if peak else "–",
            "%.0f" % (peak / n) if peak else "–", ratio), file=out)
    if base is None:
        print("\n(crosscheck not run: no ratio column)", file=out)


def check_counts(label, results, expected):
    """True if every tool reported one and the same pair of counts (== expected if known)."""
    ok = True
    seen = {}
    for name, counts in results:
        if len(counts) != 1:
            log("MISMATCH %s: %s gave different counts across runs: %s" % (label, name, counts))
            ok = False
            continue
        seen[name] = counts[0]
    values = set(seen.values())
    if len(values) > 1:
        log("MISMATCH %s: tools disagree: %s" % (label, seen))
        ok = False
    if expected is not None:
        for name, c in seen.items():
            if c != expected:
                log("MISMATCH %s: %s gave pairs=%d keys=%d, SPEC.md says pairs=%d keys=%d"
                    % (label, name, c[0], c[1], expected[0], expected[1]))
                ok = False
    return ok


# ---------------------------------------------------------------- modes ----------

def bench_mode(a):
    sizes = [gen_claims.parse_size(s) for s in a.sizes.split(",") if s.strip()]
    names = [t.strip() for t in a.tools.split(",")] if a.tools else ALL_TOOLS
    exes = build_peers(a.build_dir)
    have_duckdb = any(t.startswith("duckdb") for t in names) and duckdb_ready()
    if not os.access(TIME_BIN, os.X_OK):
        log("note: %s missing (install it with `apt-get install time`); measuring wall time "
            "in Python and no peak memory" % TIME_BIN)
    all_ok = True
    tables = []
    raw = []
    for n in sizes:
        path = gen_claims.ensure(n, a.seed, gen_claims.default_path(n, a.seed, a.data_dir),
                                 a.shared)
        warm(path)
        forced = a.tools is not None and "sqlite-selfjoin" in names
        variants = make_variants(names, a.crosscheck, exes, have_duckdb,
                                 None if forced else n)
        rows = []
        for v in variants:
            log("%s: %s" % (os.path.basename(path), " ".join(v.argv_for(path))))
            r = measure(v, path, a.runs, idle=(a.wait_idle, a.wait_max))
            rows.append((v, r))
            raw.append({"claims": n, "seed": a.seed, "tool": v.tool, "threads": v.threads, **r})
            if a.json:  # after every tool, so an interrupted long run keeps what it measured
                with open(a.json, "w") as f:
                    json.dump(raw, f, indent=1)
        ok = check_counts("%d claims seed %d" % (n, a.seed),
                          [(v.name, r["counts"]) for v, r in rows if "counts" in r],
                          EXPECTED.get((n, a.seed)))
        ok = ok and all("error" not in r for _, r in rows)
        all_ok = all_ok and ok
        tables.append((n, rows))
        print_table(n, a.seed, rows)
        la = [x for _, r in rows for x in r.get("loadavg_before", [])]
        if la:
            # The machine may be shared: say how busy it was.
            print("\n1-minute load average before the runs: %.1f to %.1f (%d cores)"
                  % (min(la), max(la), os.cpu_count() or 1))
        c = next((r["counts"][0] for _, r in rows if r.get("counts")), None)
        if c:
            print("\ncounts: conflicting_pairs=%d conflicted_keys=%d (%s)" % (
                c[0], c[1], "all tools agree" if ok else "DISAGREEMENT, see stderr"))
        sys.stdout.flush()
    return 0 if all_ok else 1


def brute_counts(path, shared, all_pairs):
    sdir = gen_claims.shared_dir(shared)
    if sdir is None or not os.path.isfile(os.path.join(sdir, "brute.py")):
        return None
    cmd = [sys.executable, os.path.join(sdir, "brute.py")]
    if not all_pairs:
        cmd.append("--by-key")
    r = subprocess.run(cmd + [path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    m = re.search(r"conflicting_pairs=(\d+) conflicted_keys=(\d+)", r.stdout)
    if r.returncode != 0 or not m:
        raise SetupError("brute.py failed on %s: %s" % (path, r.stderr.strip()))
    return int(m.group(1)), int(m.group(2))


def check_small_mode(a):
    names = [t.strip() for t in a.tools.split(",")] if a.tools else \
        ["crosscheck", "naive", "sqlite-sweep", "sqlite-selfjoin", "duckdb-2"]
    exes = build_peers(a.build_dir)
    have_duckdb = any(t.startswith("duckdb") for t in names) and duckdb_ready()
    variants = make_variants(names, a.crosscheck, exes, have_duckdb, None)
    log("check-small: tools: %s" % ", ".join(v.name for v in variants))
    passed = failed = 0
    have_brute = gen_claims.shared_dir(a.shared) is not None
    if not have_brute:
        log("check-small: shared folder not found, brute.py not run")
    for n in (2000, 5000):
        for seed in range(1, 6):
            path = gen_claims.ensure(n, seed, gen_claims.default_path(n, seed, a.data_dir),
                                     a.shared)
            expected = EXPECTED[(n, seed)]
            got = {"SPEC.md": expected}
            if have_brute:
                got["brute.py"] = brute_counts(path, a.shared, a.brute_all_pairs)
            for v in variants:
                rc, out, err = run_once(v.argv_for(path), timed=False)[:3]
                try:
                    res = v.parse(out)
                    got[v.name] = (res["pairs"], res["keys"])
                except (ValueError, KeyError, IndexError, TypeError):
                    got[v.name] = "error (exit %d): %s" % (rc, err.strip()[-300:])
            bad = {k: c for k, c in got.items() if c != expected}
            label = "N=%d seed=%d" % (n, seed)
            if bad:
                failed += 1
                print("FAIL %s: expected pairs=%d keys=%d; %s" % (label, expected[0], expected[1],
                      "; ".join("%s: %s" % kv for kv in bad.items())))
            else:
                passed += 1
                print("ok   %s: pairs=%d keys=%d (%s)" % (label, expected[0], expected[1],
                      ", ".join(k for k in got if k != "SPEC.md")))
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--sizes", default="1m", help="comma-separated sizes (default 1m): 1m,10m,5k")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--crosscheck", metavar="PATH", help="crosscheck binary (skipped if absent)")
    ap.add_argument("--tools", help="comma-separated subset of: " + ", ".join(ALL_TOOLS))
    ap.add_argument("--check-small", action="store_true", help="fast correctness mode (CI)")
    ap.add_argument("--brute-all-pairs", action="store_true",
                    help="--check-small: run brute.py over all n^2/2 pairs, not --by-key")
    ap.add_argument("--data-dir", default=gen_claims.DEFAULT_DATA_DIR,
                    help="scratch folder for generated inputs (default bench/data)")
    ap.add_argument("--build-dir", default="/tmp/crosscheck-bench-build",
                    help="where the C++ peers are (built there if missing)")
    ap.add_argument("--shared", help="folder with the shared gen_claims.py, brute.py "
                    "(default: $CROSSCHECK_SHARED_BENCH, /work/shared/bench, <repo>/../shared/bench)")
    ap.add_argument("--json", metavar="OUT", help="also write the raw measurements as JSON")
    ap.add_argument("--wait-idle", type=float, metavar="LOAD",
                    help="before each timed run, wait until the 1-minute load average is below "
                    "LOAD (shared machines)")
    ap.add_argument("--wait-max", type=float, default=300, metavar="S",
                    help="give up waiting for --wait-idle after S seconds (default 300)")
    a = ap.parse_args()
    if a.runs < 1:
        ap.error("--runs must be at least 1")
    try:
        return check_small_mode(a) if a.check_small else bench_mode(a)
    except (SetupError, gen_claims.GenError) as e:
        log("error: %s" % e)
        return 2


if __name__ == "__main__":
    sys.exit(main())
