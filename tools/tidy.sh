#!/usr/bin/env bash
# clang-tidy 14 (checks in .clang-tidy) over the project's translation units, using the compilation
# database of a configured build (default build/dev: run `cmake --preset dev` first).
#   tools/tidy.sh [build-dir] [file...]
# Slow (about 10 s per translation unit), so it is not part of tools/test.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build=${1:-build/dev}
shift || true
if [[ ! -f $build/compile_commands.json ]]; then
    echo "tidy.sh: $build/compile_commands.json missing; configure first: cmake --preset dev" >&2
    exit 2
fi
clang_tidy=$(command -v clang-tidy-14 || command -v clang-tidy || true)
[[ -n $clang_tidy ]] || { echo "tidy.sh: clang-tidy not found (Debian: apt-get install clang-tidy)" >&2; exit 2; }

files=("$@")
if [[ ${#files[@]} -eq 0 ]]; then
    # The unit tests and examples include every header, which the header filter then checks.
    mapfile -t files < <(ls tests/unit/*/*.cpp examples/*.cpp examples/*/*.cpp 2>/dev/null || true)
fi
status=0
for f in "${files[@]}"; do
    echo "tidy: $f"
    "$clang_tidy" -p "$build" --quiet "$f" || status=1
done
exit $status
