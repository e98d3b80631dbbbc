// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
//
// Sweep and counting: the structures that count conflicting pairs of a large key without
// enumerating them (detail/counting.hpp), on random intervals from 1k to 1M, with their fitted
// complexity; and the all-pairs comparison they replace, for the crossover.

#include "micro_corpus.hpp"

#include <crosscheck/check/detail/counting.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

namespace {

using crosscheck::detail::ranged;

const std::vector<ranged>& intervals(std::size_t n) {
    return micro::memo<std::vector<ranged>>(n, [](std::size_t k) { return micro::random_ranged(k, 11); });
}

void finish(benchmark::State& state, std::size_t n) {
    state.SetComplexityN(static_cast<std::int64_t>(n));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(n));
}

// The whole count for one comparable class: every claim against every other (set == queries),
// two sweeps over Fenwick trees.
void counting_disjoint_overlapping(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const auto& v = intervals(n);
    std::uint64_t partners = 0;
    for (auto _ : state) {
        auto out = crosscheck::detail::disjoint_overlapping_counts(v, v);
        partners = 0;
        for (auto x : out) partners += x;
        benchmark::DoNotOptimize(partners);
    }
    finish(state, n);
    state.counters["pairs"] = static_cast<double>(partners / 2);
}
BENCHMARK(counting_disjoint_overlapping)
    ->RangeMultiplier(4)
    ->Range(1 << 10, 1 << 20)
    ->Unit(benchmark::kMicrosecond)
    ->Complexity(benchmark::oNLogN);

// The same counts by comparing all pairs: what keys below check_options::pairwise_threshold do.
void counting_all_pairs(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const auto& v = intervals(n);
    std::uint64_t pairs = 0;
    for (auto _ : state) {
        pairs = 0;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j) {
                const auto& a = v[i];
                const auto& b = v[j];
                pairs += static_cast<std::uint64_t>(a.from <= b.to && b.from <= a.to && (a.hi < b.lo || b.hi < a.lo));
            }
        benchmark::DoNotOptimize(pairs);
    }
    finish(state, n);
    state.counters["pairs"] = static_cast<double>(pairs);
}
BENCHMARK(counting_all_pairs)
    ->RangeMultiplier(4)
    ->Range(1 << 4, 1 << 12)
    ->Unit(benchmark::kMicrosecond)
    ->Complexity(benchmark::oNSquared);

// period_set: build and sort n periods, then ask each how many others overlap it.
void counting_period_set(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const auto& v = intervals(n);
    for (auto _ : state) {
        crosscheck::detail::period_set s;
        s.froms.reserve(n);
        s.tos.reserve(n);
        for (const auto& x : v) s.add(x.from, x.to);
        s.seal();
        std::uint64_t sum = 0;
        for (const auto& x : v) sum += s.overlapping(x.from, x.to);
        benchmark::DoNotOptimize(sum);
    }
    finish(state, n);
}
BENCHMARK(counting_period_set)
    ->RangeMultiplier(4)
    ->Range(1 << 10, 1 << 20)
    ->Unit(benchmark::kMicrosecond)
    ->Complexity(benchmark::oNLogN);

// fenwick: n inserts of random ranks interleaved with n prefix counts.
void counting_fenwick(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const auto& ranks = micro::memo<std::vector<std::size_t>>(n, [](std::size_t k) {
        micro::rng r(13);
        std::vector<std::size_t> out(k);
        for (auto& x : out) x = r.below(k);
        return out;
    });
    for (auto _ : state) {
        crosscheck::detail::fenwick f(n);
        std::uint64_t sum = 0;
        for (auto i : ranks) {
            f.add(i);
            sum += f.prefix(n - i);
        }
        benchmark::DoNotOptimize(sum);
    }
    finish(state, n);
}
BENCHMARK(counting_fenwick)
    ->RangeMultiplier(4)
    ->Range(1 << 10, 1 << 20)
    ->Unit(benchmark::kMicrosecond)
    ->Complexity(benchmark::oNLogN);

}  // namespace
