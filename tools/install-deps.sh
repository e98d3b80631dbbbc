#!/usr/bin/env bash
# Installs the Debian 12 packages crosscheck builds, tests and demos with, if any are missing.
# Idempotent and quiet: with everything present it prints one line and touches nothing.
# Uses sudo when not root. Runs without a terminal (CI=true, no stdin).
set -euo pipefail

packages=(
    g++ clang cmake ninja-build pkgconf         # toolchain (g++ 12, clang++ 14 on Debian 12)
    clang-format                                # tools/format.sh (test.sh reports formatting)
    libclang-rt-14-dev                          # libFuzzer for tests/fuzz (only recommended by clang)
    librange-v3-dev libhowardhinnant-date-dev   # the library's dependencies
    catch2 nlohmann-json3-dev                   # tests and the opt-in integrations
    libfmt-dev libcli11-dev                     # the crosscheck program
    libsqlite3-dev libbenchmark-dev             # benchmarks and their peers
    python3 time                                # scripts and timing
)

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "install-deps: not a Debian system (no dpkg-query); install these yourself: ${packages[*]}" >&2
    exit 1
fi

missing=()
for p in "${packages[@]}"; do
    if [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]]; then
        missing+=("$p")
    fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo -n)  # never prompt: fail clearly instead of waiting for a password nobody can type
else
    echo "install-deps: missing ${missing[*]}; run as root or install sudo" >&2
    exit 1
fi

echo "install-deps: installing ${missing[*]}"
# Through env: sudo would drop an exported DEBIAN_FRONTEND.
apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -qq -o Dpkg::Use-Pty=0)
"${apt[@]}" update
"${apt[@]}" install -y --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
