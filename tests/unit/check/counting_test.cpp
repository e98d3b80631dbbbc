// The branch-free searches and the radix sort behind the dominance counts must agree with the standard ones.
#include <crosscheck/check/detail/counting.hpp>

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <algorithm>
#include <limits>
#include <random>
#include <vector>

using crosscheck::detail::lower_index;
using crosscheck::detail::upper_index;

TEST_CASE("lower_index and upper_index agree with std::lower_bound and std::upper_bound", "[counting]") {
    std::mt19937 rng(7);
    for (std::size_t n : {0u, 1u, 2u, 3u, 4u, 5u, 7u, 8u, 9u, 16u, 31u, 100u, 1000u}) {
        for (int rep = 0; rep < 20; ++rep) {
            std::vector<std::int32_t> v(n);
            std::uniform_int_distribution<std::int32_t> d(-20, 20);  // many duplicates
            for (auto& x : v) x = d(rng);
            std::sort(v.begin(), v.end());
            for (std::int32_t x = -22; x <= 22; ++x) {
                INFO("n=" << n << " x=" << x);
                CHECK(lower_index(v.data(), v.size(), x) ==
                      static_cast<std::size_t>(std::lower_bound(v.begin(), v.end(), x) - v.begin()));
                CHECK(upper_index(v.data(), v.size(), x) ==
                      static_cast<std::size_t>(std::upper_bound(v.begin(), v.end(), x) - v.begin()));
            }
        }
    }
}

TEST_CASE("sort_days sorts like std::sort, sentinels and negative days included", "[counting]") {
    using crosscheck::detail::sort_days;
    std::mt19937 rng(11);
    const std::int32_t lo = std::numeric_limits<std::int32_t>::min(), hi = std::numeric_limits<std::int32_t>::max();
    // Days of one key (shared high bytes), days anywhere, days of each sign with the open-end
    // sentinels (kind 2) and without (kind 3).
    std::uniform_int_distribution<std::int32_t> near(16436, 20819), any(lo, hi), small(-300, 300);
    for (std::size_t n : {0u, 1u, 2u, 63u, 64u, 65u, 257u, 1000u, 70000u}) {
        for (int kind = 0; kind < 4; ++kind) {
            std::vector<std::int32_t> v(n);
            for (auto& x : v) x = kind == 0 ? near(rng) : kind == 1 ? any(rng) : small(rng);
            if (n > 2 && kind == 2) v[0] = lo, v[n / 2] = hi, v[n - 1] = lo;
            auto expected = v;
            std::sort(expected.begin(), expected.end());
            sort_days(v);
            INFO("n=" << n << " kind=" << kind);
            CHECK(v == expected);
        }
    }
    std::vector<std::int32_t> same(500, 18000);  // every byte shared: nothing to move
    sort_days(same);
    CHECK(same == std::vector<std::int32_t>(500, 18000));
}

TEST_CASE("disjoint_overlapping_counts agrees with comparing every pair", "[counting]") {
    using crosscheck::detail::disjoint_overlapping_counts;
    using crosscheck::detail::ranged;
    std::mt19937 rng(13);
    // Few distinct days and values, so that ends and bounds tie often (touching periods share a
    // day and overlap; touching intervals do not conflict); open-ended periods; sizes around the
    // radix sort's threshold; the set counted against itself and against other queries.
    std::uniform_int_distribution<std::int32_t> day(-40, 40), len(0, 30);
    std::uniform_int_distribution<int> value(0, 12), width(0, 3), open(0, 19);
    auto make = [&](std::size_t n) {
        std::vector<ranged> v(n);
        for (auto& r : v) {
            r.from = open(rng) == 0 ? std::numeric_limits<std::int32_t>::min() : day(rng);
            r.to = open(rng) == 0 ? std::numeric_limits<std::int32_t>::max() : std::max(r.from, day(rng) + len(rng));
            r.lo = value(rng);
            r.hi = r.lo + width(rng);
        }
        return v;
    };
    auto brute = [](const std::vector<ranged>& set, const std::vector<ranged>& queries) {
        std::vector<std::uint64_t> out(queries.size(), 0);
        for (std::size_t q = 0; q < queries.size(); ++q)
            for (const auto& y : set) {
                const auto& x = queries[q];
                const bool overlap = x.from <= y.to && y.from <= x.to;
                const bool disjoint = y.lo > x.hi || y.hi < x.lo;
                out[q] += overlap && disjoint ? 1 : 0;
            }
        return out;
    };
    for (std::size_t n : {1u, 2u, 10u, 63u, 64u, 65u, 300u, 2000u}) {
        for (std::size_t m : {1u, 7u, 64u, 500u}) {
            INFO("set " << n << ", queries " << m);
            const auto set = make(n), queries = make(m);
            CHECK(disjoint_overlapping_counts(set, queries) == brute(set, queries));
            CHECK(disjoint_overlapping_counts(set, set) == brute(set, set));
            const auto copy = set;  // equal contents, another vector: the general path
            CHECK(disjoint_overlapping_counts(set, copy) == brute(set, set));
        }
    }
}
