// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
//
// Interning: every subject, predicate, scope, token and source id of a load goes through a
// symbol_table (exact) or a name_table (case-insensitive). Misses grow the table; hits are the
// common case of a load (a few distinct names, each seen many times).

#include "micro_corpus.hpp"

#include <crosscheck/corpus/names.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace {

/// `n` distinct ids shaped like the SPEC's subjects (`ent000123`), in a shuffled order, with the
/// first letter upper-case when `mixed_case` (so the name_table has to fold them).
std::vector<std::string> distinct_names(std::size_t n, bool mixed_case) {
    std::vector<std::string> out(n);
    char buf[32];
    for (std::size_t i = 0; i < n; ++i) {
        std::snprintf(buf, sizeof buf, mixed_case ? "Ent%06zu" : "ent%06zu", i);
        out[i] = buf;
    }
    micro::rng r(7);
    for (std::size_t i = n; i > 1; --i) std::swap(out[i - 1], out[r.below(i)]);
    return out;
}

const std::vector<std::string>& names(std::size_t n) {
    return micro::memo<std::vector<std::string>>(n, [](std::size_t k) { return distinct_names(k, false); });
}
const std::vector<std::string>& mixed_case_names(std::size_t n) {
    return micro::memo<std::vector<std::string>>(n, [](std::size_t k) { return distinct_names(k, true); });
}

void set_counters(benchmark::State& state, std::size_t strings) {
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(strings));
}

// n distinct strings into an empty table: every look-up misses, and the table rehashes as it grows.
void intern_symbol_table_miss(benchmark::State& state) {
    const auto& in = names(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        crosscheck::symbol_table t;
        for (const auto& s : in) benchmark::DoNotOptimize(t.intern(s));
        benchmark::DoNotOptimize(t.size());
    }
    set_counters(state, in.size());
}
BENCHMARK(intern_symbol_table_miss)->RangeMultiplier(8)->Range(1 << 10, 1 << 20);

// The same strings again into a table that holds them all: every look-up hits.
void intern_symbol_table_hit(benchmark::State& state) {
    const auto& in = names(static_cast<std::size_t>(state.range(0)));
    crosscheck::symbol_table t;
    for (const auto& s : in) t.intern(s);
    for (auto _ : state)
        for (const auto& s : in) benchmark::DoNotOptimize(t.intern(s));
    set_counters(state, in.size());
}
BENCHMARK(intern_symbol_table_hit)->RangeMultiplier(8)->Range(1 << 10, 1 << 20);

// find() on the same filled table: the read-only path checkers use.
void intern_symbol_table_find(benchmark::State& state) {
    const auto& in = names(static_cast<std::size_t>(state.range(0)));
    crosscheck::symbol_table t;
    for (const auto& s : in) t.intern(s);
    for (auto _ : state)
        for (const auto& s : in) benchmark::DoNotOptimize(t.find(s));
    set_counters(state, in.size());
}
BENCHMARK(intern_symbol_table_find)->RangeMultiplier(8)->Range(1 << 10, 1 << 20);

// name_table on lower-case names (already folded: the fast path) and on capitalised ones
// (folded into scratch space first); misses, then a second pass of hits.
void intern_name_table(benchmark::State& state) {
    const bool mixed = state.range(1) != 0;
    const auto n = static_cast<std::size_t>(state.range(0));
    const auto& in = mixed ? mixed_case_names(n) : names(n);
    for (auto _ : state) {
        crosscheck::name_table t;
        for (const auto& s : in) benchmark::DoNotOptimize(t.intern(s));
        for (const auto& s : in) benchmark::DoNotOptimize(t.intern(s));
    }
    set_counters(state, 2 * in.size());
}
BENCHMARK(intern_name_table)->ArgNames({"n", "mixed_case"})->ArgsProduct({{1 << 16}, {0, 1}});

// What a load interns: subject, predicate, scope, value token and source of 100k generated rows
// in file order, into one name_table (about 15k distinct names, mostly hits).
void intern_name_table_load_mix(benchmark::State& state) {
    const auto& in = micro::memo<std::vector<std::string>>(0, [](std::size_t) {
        const std::string csv = micro::claims_csv(100000);
        std::vector<std::vector<std::string>> cols;
        for (int c : {1, 2, 3, 5, 10}) cols.push_back(micro::csv_column(csv, static_cast<std::size_t>(c)));
        std::vector<std::string> out;
        for (std::size_t row = 0; row < cols[0].size(); ++row)
            for (const auto& col : cols)
                if (!col[row].empty()) out.push_back(col[row]);
        return out;
    });
    std::size_t distinct = 0;
    for (auto _ : state) {
        crosscheck::name_table t;
        for (const auto& s : in) benchmark::DoNotOptimize(t.intern(s));
        distinct = t.size();
    }
    set_counters(state, in.size());
    state.counters["distinct"] = static_cast<double>(distinct);
}
BENCHMARK(intern_name_table_load_mix);

}  // namespace
