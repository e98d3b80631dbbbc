#!/usr/bin/env bash
# Builds and tests every variant CI checks, stopping at the first failure:
#   dev          g++ 12,    C++17, Debug   + header self-containment and ODR tests + package tests
#   dev-cxx20    g++ 12,    C++20, Debug   (library tests only: no examples or programs)
#   clang        clang++ 14, C++17, Debug  + benchmarks compiled (not run), fuzz targets replaying their seeds
#   clang-cxx20  clang++ 14, C++20, Debug
#   asan         g++ 12,    C++17, Debug, -fsanitize=address,undefined
#   demo         tools/demo.sh: release preset, builds the crosscheck program, fact-checks the seed story
# Each variant lives in build/<variant> (the CMakePresets.json preset of that name) and is reused
# on the next run. Usage: tools/test.sh [--fresh] [--no-deps] [variant...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec </dev/null  # nothing here may wait for input

all_variants=(dev dev-cxx20 clang clang-cxx20 asan)
fresh=()
deps=1
variants=()
for arg in "$@"; do
    case "$arg" in
        --fresh) fresh=(--fresh) ;;
        --no-deps) deps=0 ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        -*) echo "test.sh: unknown option $arg" >&2; exit 2 ;;
        *) variants+=("$arg") ;;
    esac
done
# The demo runs with the full set only (or when named: tools/test.sh demo).
run_demo=0
if [[ ${#variants[@]} -eq 0 ]]; then
    variants=("${all_variants[@]}")
    run_demo=1
fi
for i in "${!variants[@]}"; do
    if [[ ${variants[$i]} == demo ]]; then
        run_demo=1
        unset 'variants[i]'
    fi
done
variants=("${variants[@]}")
for variant in "${variants[@]}"; do
    case "$variant" in
        dev|dev-cxx20|clang|clang-cxx20|asan) ;;
        *) echo "test.sh: unknown variant '$variant' (known: ${all_variants[*]} demo)" >&2; exit 2 ;;
    esac
done
mkdir -p build

start=$SECONDS
summary=()
current=""
report() {
    local status=$?
    if [[ $status -ne 0 && -n "$current" ]]; then
        summary+=("FAILED  $current  (at: $step)")
        echo
        echo "test.sh: variant '$current' FAILED while: $step (exit $status)" >&2
        echo "test.sh: reproduce with: tools/test.sh --no-deps $current" >&2
    fi
    if [[ ${#summary[@]} -gt 0 ]]; then
        echo
        echo "== summary =="
        printf '%s\n' "${summary[@]}"
        echo "total: $((SECONDS - start)) s"
    fi
}
trap report EXIT

step="installing dependencies"
if [[ $deps -eq 1 ]]; then
    bash tools/install-deps.sh
fi

launcher=()
if command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

for variant in "${variants[@]}"; do
    current=$variant
    t0=$SECONDS
    header=OFF package=OFF bench=OFF fuzz=OFF examples=ON
    case "$variant" in
        dev) header=ON package=ON ;;
        clang) bench=ON fuzz=ON ;;  # fuzz targets: replays with the tests, then a bounded run below
        # The programs are the costliest translation units; C++20 is checked on them by clang-cxx20.
        dev-cxx20) examples=OFF ;;
    esac
    # Line tables only: enough for sanitizer and debugger backtraces, at two thirds of the compile
    # time of full debug information (templates make -g costly); unity batches for the unit tests.
    if [[ $variant == clang* ]]; then debug_flags=-gline-tables-only; else debug_flags=-g1; fi
    extra=(-DCMAKE_CXX_FLAGS_DEBUG=$debug_flags -DCROSSCHECK_UNITY_TESTS=ON -DCROSSCHECK_HEADER_TESTS=$header -DCROSSCHECK_PACKAGE_TESTS=$package -DCROSSCHECK_BUILD_EXAMPLES=$examples
           -DCROSSCHECK_BUILD_BENCH=$bench -DCROSSCHECK_BUILD_FUZZ=$fuzz -DCROSSCHECK_FUZZ_SECONDS=10)
    echo "== $variant =="
    step="configuring (cmake --preset $variant)"
    log="build/$variant.configure.log"
    cmake --preset "$variant" "${fresh[@]}" "${launcher[@]}" "${extra[@]}" >"$log" 2>&1 || { cat "$log"; false; }
    grep -E '^-- crosscheck:' "$log" || true
    step="building (cmake --build build/$variant -j2)"
    cmake --build "build/$variant" -j2
    step="testing (ctest --test-dir build/$variant)"
    sanitizer_env=()
    if [[ $variant == asan ]]; then
        sanitizer_env=(ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1)
    fi
    # Label fuzz = time-bounded random fuzzing: not for CI. The seed-corpus replays (fuzz_replay) run.
    env "${sanitizer_env[@]}" ctest --test-dir "build/$variant" --output-on-failure --no-tests=error -j2 \
        --label-exclude '^fuzz$'
    if [[ $fuzz == ON ]] && grep -q 'crosscheck_fuzz_json' "build/$variant/build.ninja" 2>/dev/null; then
        # libFuzzer on the JSON and CSV loaders and the date parser, 10 s each from the committed seeds.
        step="fuzzing (ctest -L fuzz, 10 s per target)"
        ctest --test-dir "build/$variant" --output-on-failure --no-tests=error -L '^fuzz$'
    fi
    summary+=("ok      $variant  ($((SECONDS - t0)) s)")
done
# The README's first quick-start command, in its release build: catches optimizer-only warnings too.
if [[ $run_demo -eq 1 ]]; then
    current=demo
    t0=$SECONDS
    echo "== demo (tools/demo.sh, release preset) =="
    step="running tools/demo.sh"
    demo_log=build/demo.log
    bash tools/demo.sh >"$demo_log" 2>&1 || { cat "$demo_log"; false; }
    tail -n 5 "$demo_log"
    summary+=("ok      demo  ($((SECONDS - t0)) s)")
fi

current=""
echo
ran=("${variants[@]}")
[[ $run_demo -eq 0 ]] || ran+=(demo)
echo "test.sh: all passed: ${ran[*]}"

# Formatting is reported, not enforced, until the tree has been formatted once (tools/format.sh).
if command -v clang-format-14 >/dev/null 2>&1 || command -v clang-format >/dev/null 2>&1; then
    summary+=("advisory  $( (bash tools/format.sh --check || true) | tail -n 1)")
fi
