#!/usr/bin/env python3
"""Make a benchmark input with the shared generator, and check it against SPEC.md.

This is not a generator: it finds the shared one (bench/gen_claims.py of the shared
folder, never copied here), runs it into a scratch folder, and checks the sha256 of the
result where SPEC.md lists one.  A file already present with the right hash (or, where no
hash is known, one this script completed before) is reused.

  bench/gen_claims.py --claims 1000000 --seed 1            -> bench/data/claims_1m.csv
  bench/gen_claims.py --claims 2000 --seed 3 --out x.csv

Where the shared folder is: --shared DIR, else $CROSSCHECK_SHARED_BENCH, else
/work/shared/bench, else <repo>/../shared/bench (CI's layout).  Stdlib only.
"""
import argparse
import hashlib
import os
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)
DEFAULT_DATA_DIR = os.path.join(BENCH_DIR, "data")

# sha256 of generated files, from SPEC.md ("Benchmark inputs" and the exact-answer check).
KNOWN_SHA256 = {
    (2000, 1): "aa51a0c7e12c232e0775b618181efe0162c12929f08dfd86bb22d2d38e00bcc9",
    (1000000, 1): "0901001f1bb5bbc4b83567f4fb51698322253ee7d2ff1505222948c6a1f166bc",
    (10000000, 1): "2ac3cc544752fbaf1bda74834fbed37c60791805c6c5a1b82a9179bbde64d709",
}


class GenError(RuntimeError):
    pass


def shared_dir(explicit=None):
    """The shared bench folder (holding gen_claims.py, brute.py, SPEC.md), or None."""
    # A folder named explicitly (option or environment) must be right: no silent fallback.
    for given, what in ((explicit, "--shared"),
                        (os.environ.get("CROSSCHECK_SHARED_BENCH"), "$CROSSCHECK_SHARED_BENCH")):
        if given:
            if not os.path.isfile(os.path.join(given, "gen_claims.py")):
                raise GenError("%s: no gen_claims.py in %s" % (what, given))
            return os.path.abspath(given)
    for c in ("/work/shared/bench", os.path.join(REPO_DIR, "..", "shared", "bench")):
        if os.path.isfile(os.path.join(c, "gen_claims.py")):
            return os.path.abspath(c)
    return None


def size_label(n):
    if n % 1000000 == 0:
        return "%dm" % (n // 1000000)
    if n % 1000 == 0:
        return "%dk" % (n // 1000)
    return str(n)


def parse_size(text):
    """'1m' -> 1000000, '5k' -> 5000, '2000' -> 2000."""
    t = text.strip().lower().replace("_", "")
    mult = 1
    if t.endswith("m"):
        mult, t = 1000000, t[:-1]
    elif t.endswith("k"):
        mult, t = 1000, t[:-1]
    try:
        value = float(t) * mult
    except ValueError:
        raise GenError("bad size %r" % text) from None
    if value < 1 or value != int(value):
        raise GenError("bad size %r" % text)
    return int(value)


def default_path(n, seed, data_dir=DEFAULT_DATA_DIR):
    """SPEC.md's names for seed 1 (claims_1m.csv), a _sSEED suffix otherwise."""
    suffix = "" if seed == 1 else "_s%d" % seed
    return os.path.join(data_dir, "claims_%s%s.csv" % (size_label(n), suffix))


def sha256_of(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def ensure(n, seed, out=None, shared=None, log=sys.stderr):
    """Path of a verified input for (n, seed), generating it if needed."""
    out = out or default_path(n, seed)
    stamp = out + ".done"
    expected = KNOWN_SHA256.get((n, seed))
    want_stamp = "claims=%d seed=%d\n" % (n, seed)
    if os.path.isfile(out):
        if expected is not None:
            if sha256_of(out) == expected:
                return out
            print("gen: %s has the wrong sha256, regenerating" % out, file=log)
        elif os.path.isfile(stamp) and open(stamp).read() == want_stamp:
            return out
    sdir = shared_dir(shared)
    if sdir is None:
        raise GenError("shared generator not found: pass --shared DIR or set "
                       "CROSSCHECK_SHARED_BENCH to the folder holding gen_claims.py")
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    tmp = out + ".tmp"
    t0 = time.monotonic()
    r = subprocess.run([sys.executable, os.path.join(sdir, "gen_claims.py"),
                        "--claims", str(n), "--seed", str(seed), "--out", tmp],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        raise GenError("generator failed (%d): %s" % (r.returncode, r.stderr.strip()))
    if expected is not None:
        got = sha256_of(tmp)
        if got != expected:
            raise GenError("%s: sha256 %s, SPEC.md says %s" % (tmp, got, expected))
    os.replace(tmp, out)
    with open(stamp, "w") as f:
        f.write(want_stamp)
    print("gen: %s (%d claims, seed %d) in %.1f s%s" % (
        out, n, seed, time.monotonic() - t0,
        ", sha256 matches SPEC.md" if expected else ""), file=log)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", required=True, help="number of claims: 2000, 5k, 1m, 10m")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", help="output file (default bench/data/claims_<size>[_sSEED].csv)")
    ap.add_argument("--shared", help="folder holding the shared gen_claims.py")
    a = ap.parse_args()
    try:
        print(ensure(parse_size(a.claims), a.seed, a.out, a.shared))
    except GenError as e:
        print("gen: error: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
