#!/usr/bin/env bash
# clang-format 14 over the project's C++ files (tracked or new, never build trees or node_modules).
#   tools/format.sh            reformat in place
#   tools/format.sh --check    list the files that differ from .clang-format; exit 1 if any
# Optional file arguments limit it to those files.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

check=0
files=()
for arg in "$@"; do
    case "$arg" in
        --check) check=1 ;;
        -*) echo "format.sh: unknown option $arg" >&2; exit 2 ;;
        *) files+=("$arg") ;;
    esac
done

clang_format=$(command -v clang-format-14 || command -v clang-format || true)
if [[ -z $clang_format ]]; then
    echo "format.sh: clang-format not found (Debian: apt-get install clang-format)" >&2
    exit 2
fi

if [[ ${#files[@]} -eq 0 ]]; then
    mapfile -t files < <(git ls-files --cached --others --exclude-standard -- \
        'include/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'examples/*.cpp' 'examples/*.hpp' 'bench/*.cpp' 'bench/*.hpp' \
        | grep -v '/node_modules/' | sort -u)
fi

if [[ $check -eq 0 ]]; then
    "$clang_format" -i --style=file "${files[@]}"
    exit 0
fi

bad=0
for f in "${files[@]}"; do
    if ! "$clang_format" --style=file --dry-run -Werror "$f" >/dev/null 2>&1; then
        echo "not formatted: $f"
        bad=$((bad + 1))
    fi
done
echo "format.sh: $bad of ${#files[@]} files differ from .clang-format"
[[ $bad -eq 0 ]]
