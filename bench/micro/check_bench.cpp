// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
//
// Grouping and the whole check on a loaded corpus (loading is not timed here; see
// parse_bench.cpp).

#include "micro_corpus.hpp"

#include <crosscheck/check/check.hpp>
#include <crosscheck/check/context.hpp>
#include <crosscheck/io/csv.hpp>
#include <crosscheck/report/json.hpp>

#include <benchmark/benchmark.h>

#include <sstream>

#include <cstdint>
#include <memory>
#include <string>

namespace {

/// A corpus loaded from `csv`; throws (ending the run) if the generated input does not load.
std::unique_ptr<crosscheck::corpus> load(const std::string& csv) {
    auto c = std::make_unique<crosscheck::corpus>();
    auto r = crosscheck::load_csv(csv, *c);
    if (!r.ok()) throw crosscheck::load_error(std::move(r));
    return c;
}

const crosscheck::corpus& claims_corpus(std::size_t rows) {
    return *micro::memo<std::unique_ptr<crosscheck::corpus>>(rows,
                                                             [](std::size_t n) { return load(micro::claims_csv(n)); });
}
const crosscheck::corpus& one_key_corpus(std::size_t rows) {
    return *micro::memo<std::unique_ptr<crosscheck::corpus>>(rows,
                                                             [](std::size_t n) { return load(micro::one_key_csv(n)); });
}

void set_report_counters(benchmark::State& state, const crosscheck::report& r) {
    state.counters["keys"] = static_cast<double>(r.stats.keys);
    state.counters["pairs"] = static_cast<double>(r.stats.conflicting_pairs);
    state.counters["conflicted_keys"] = static_cast<double>(r.stats.conflicted_keys);
    state.counters["findings"] = static_cast<double>(r.findings.size());
}

// claim_groups: (subject after aliases, predicate) groups in O(n), shared by the checkers.
// Args: rows, threads (each numbers a range of claims; the numbers are then merged).
void grouping_claim_groups(benchmark::State& state) {
    const auto rows = static_cast<std::size_t>(state.range(0));
    const auto threads = static_cast<unsigned>(state.range(1));
    const auto& c = claims_corpus(rows);
    std::size_t groups = 0;
    for (auto _ : state) {
        crosscheck::claim_groups g(c, threads);
        groups = g.size();
        benchmark::DoNotOptimize(groups);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(rows));
    state.counters["groups"] = static_cast<double>(groups);
}
BENCHMARK(grouping_claim_groups)
    ->ArgNames({"rows", "threads"})
    ->Args({100000, 1})
    ->Args({1000000, 1})
    ->Args({1000000, 2})
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

// crosscheck::check with the built-in checkers. Args: rows, threads (0: all cores), findings
// (1: every finding kind, as `crosscheck check` does by default; 0: stats only, through an
// empty `only` set, so no finding is built but all counts are).
void check_claims(benchmark::State& state) {
    const auto rows = static_cast<std::size_t>(state.range(0));
    const auto& c = claims_corpus(rows);
    crosscheck::check_options opt;
    opt.threads = static_cast<unsigned>(state.range(1));
    if (state.range(2) == 0) opt.only = crosscheck::finding_kinds{};
    crosscheck::report r;
    for (auto _ : state) {
        r = crosscheck::check(c, opt);
        benchmark::DoNotOptimize(r.stats.conflicting_pairs);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(rows));
    set_report_counters(state, r);
}
BENCHMARK(check_claims)
    ->ArgNames({"rows", "threads", "findings"})
    ->ArgsProduct({{100000}, {1, 0}, {1, 0}})
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

// The streaming check the program runs for --format json: each finding goes to a sink that
// writes it as JSON (into a string that is cleared now and then, so memory stays flat).
void check_claims_streamed_json(benchmark::State& state) {
    const auto rows = static_cast<std::size_t>(state.range(0));
    const auto& c = claims_corpus(rows);
    crosscheck::check_options opt;
    opt.threads = static_cast<unsigned>(state.range(1));
    std::size_t bytes = 0;
    for (auto _ : state) {
        std::ostringstream os;
        crosscheck::json_report_writer w(os);
        const auto rest = crosscheck::check(c, opt, [&](crosscheck::finding&& f) {
            w.add(f);
            if (os.tellp() > (std::streamoff{1} << 22)) {
                bytes += static_cast<std::size_t>(os.tellp());
                os.str({});
            }
        });
        w.finish(rest);
        bytes += static_cast<std::size_t>(os.tellp());
        benchmark::DoNotOptimize(rest.stats.conflicting_pairs);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(rows));
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(check_claims_streamed_json)
    ->ArgNames({"rows", "threads"})
    ->ArgsProduct({{100000}, {1, 0}})
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

// One key holding n claims with two alternating values (about n^2/4 conflicting pairs): the
// counting path must stay near n log n. One thread, stats only.
void check_one_key(benchmark::State& state) {
    const auto rows = static_cast<std::size_t>(state.range(0));
    const auto& c = one_key_corpus(rows);
    crosscheck::check_options opt;
    opt.threads = 1;
    opt.only = crosscheck::finding_kinds{};
    crosscheck::report r;
    for (auto _ : state) {
        r = crosscheck::check(c, opt);
        benchmark::DoNotOptimize(r.stats.conflicting_pairs);
    }
    state.SetComplexityN(static_cast<std::int64_t>(rows));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(rows));
    set_report_counters(state, r);
}
BENCHMARK(check_one_key)
    ->RangeMultiplier(8)
    ->Range(1 << 10, 1 << 20)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oNLogN);

}  // namespace
