// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_DETAIL_COUNTING_HPP
#define CROSSCHECK_DETAIL_COUNTING_HPP

// Counting conflicting pairs without enumerating them. Two claims conflict when their periods
// overlap and their values disagree; both conditions are order relations on interval ends, so the
// number of partners of each claim is a difference of one- and two-dimensional dominance counts,
// each answered in O(log n) after sorting. This is what lets one key with a million claims and
// two values (2.5e11 conflicting pairs) be counted in well under a second.

#include <algorithm>
#include <cstdint>
#include <vector>

namespace crosscheck::detail {

/// std::lower_bound / std::upper_bound on sorted ints without branches on the data: the
/// searches of a sweep land at random, so the predictable loop with a conditional move is
/// several times faster than the standard one's mispredicted branches.
inline std::size_t lower_index(const std::int32_t* a, std::size_t n, std::int32_t x) noexcept {
    if (n == 0) return 0;
    const std::int32_t* base = a;
    while (n > 1) {
        const std::size_t half = n / 2;
        base = base[half - 1] < x ? base + half : base;
        n -= half;
    }
    return static_cast<std::size_t>(base - a) + (*base < x ? 1 : 0);
}
inline std::size_t upper_index(const std::int32_t* a, std::size_t n, std::int32_t x) noexcept {
    if (n == 0) return 0;
    const std::int32_t* base = a;
    while (n > 1) {
        const std::size_t half = n / 2;
        base = base[half - 1] <= x ? base + half : base;
        n -= half;
    }
    return static_cast<std::size_t>(base - a) + (*base <= x ? 1 : 0);
}

/// Sorts days (or any 32-bit ints) ascending. Large arrays go through a byte-wise radix sort
/// that skips the bytes all keys share (days of one key differ in their low two bytes as a
/// rule): the comparisons of std::sort on such data mispredict about every other time, and the
/// counting below sorts period ends by the million.
inline void sort_days(std::vector<std::int32_t>& v) {
    const std::size_t n = v.size();
    if (n < 64) {
        std::sort(v.begin(), v.end());
        return;
    }
    auto key = [](std::int32_t x) { return static_cast<std::uint32_t>(x) ^ 0x80000000u; };  // order-preserving
    std::uint32_t count[4][256] = {};
    for (auto x : v) {
        const auto u = key(x);
        ++count[0][u & 0xFF];
        ++count[1][(u >> 8) & 0xFF];
        ++count[2][(u >> 16) & 0xFF];
        ++count[3][u >> 24];
    }
    std::vector<std::int32_t> other(n);
    std::int32_t* from = v.data();
    std::int32_t* to = other.data();
    for (unsigned b = 0; b < 4; ++b) {
        const unsigned shift = 8 * b;
        auto& c = count[b];
        if (c[(key(from[0]) >> shift) & 0xFF] == n) continue;  // every key has this byte
        std::uint32_t sum = 0;
        for (auto& k : c) {
            const auto here = k;
            k = sum;
            sum += here;
        }
        for (std::size_t i = 0; i < n; ++i) to[c[(key(from[i]) >> shift) & 0xFF]++] = from[i];
        std::swap(from, to);
    }
    if (from != v.data()) std::copy(from, from + n, v.data());
}

/// Sorted period ends of a set of claims: answers "how many of them overlap [from, to]".
struct period_set {
    std::vector<std::int32_t> froms, tos;

    void add(std::int32_t from, std::int32_t to) {
        froms.push_back(from);
        tos.push_back(to);
    }
    void seal() {
        sort_days(froms);
        sort_days(tos);
    }
    std::size_t size() const noexcept { return froms.size(); }
    /// Members whose period shares a day with [from, to] (inclusive): all, minus those starting
    /// after `to`, minus those ending before `from`. A member equal to the query counts.
    std::uint64_t overlapping(std::int32_t from, std::int32_t to) const noexcept {
        const auto after = froms.size() - upper_index(froms.data(), froms.size(), to);
        const auto before = lower_index(tos.data(), tos.size(), from);
        return froms.size() - after - before;
    }
};

/// Fenwick tree over ranks: prefix counts in O(log n).
class fenwick {
public:
    explicit fenwick(std::size_t n) : t_(n + 1, 0) {}
    void add(std::size_t i) noexcept {
        for (++i; i < t_.size(); i += i & (~i + 1)) ++t_[i];
    }
    /// Count of inserted ranks < i.
    std::uint32_t prefix(std::size_t i) const noexcept {
        std::uint32_t s = 0;
        for (; i > 0; i -= i & (~i + 1)) s += t_[i];
        return s;
    }

private:
    std::vector<std::uint32_t> t_;
};

/// Claims of one comparable class seen as value intervals over periods.
struct ranged {
    std::int32_t from, to;  ///< assertion period
    double lo, hi;          ///< value interval (already widened by the tolerance)
};

/// For each query claim, how many members of `set` both overlap it in time and have a value
/// interval disjoint from it (strictly above or strictly below).
///
/// Partners above x: y.lo > x.hi, minus those that start after x ends (y.from > x.to), minus
/// those that end before x starts (y.to < x.from); the two subtracted sets are disjoint. One sweep
/// over the set in decreasing `lo` against the queries in decreasing `hi` answers all three with
/// two Fenwick trees (over the ranks of `from` and of `to`); partners below mirror it.
inline std::vector<std::uint64_t> disjoint_overlapping_counts(const std::vector<ranged>& set,
                                                              const std::vector<ranged>& queries) {
    std::vector<std::uint64_t> out(queries.size(), 0);
    if (set.empty() || queries.empty()) return out;
    std::vector<std::int32_t> froms, tos;
    froms.reserve(set.size());
    tos.reserve(set.size());
    for (const auto& y : set) {
        froms.push_back(y.from);
        tos.push_back(y.to);
    }
    sort_days(froms);
    froms.erase(std::unique(froms.begin(), froms.end()), froms.end());
    sort_days(tos);
    tos.erase(std::unique(tos.begin(), tos.end()), tos.end());
    auto rank = [](const std::vector<std::int32_t>& v, std::int32_t x) { return lower_index(v.data(), v.size(), x); };
    auto upper = [](const std::vector<std::int32_t>& v, std::int32_t x) { return upper_index(v.data(), v.size(), x); };
    std::vector<std::uint32_t> from_rank(set.size()), to_rank(set.size());
    for (std::size_t i = 0; i < set.size(); ++i) {
        from_rank[i] = static_cast<std::uint32_t>(rank(froms, set[i].from));
        to_rank[i] = static_cast<std::uint32_t>(rank(tos, set[i].to));
    }
    // Each query's bounds among the set's ranks, found once for both sweeps.
    std::vector<std::uint32_t> q_late(queries.size()), q_early(queries.size());
    for (std::size_t q = 0; q < queries.size(); ++q) {
        q_late[q] = static_cast<std::uint32_t>(upper(froms, queries[q].to));
        q_early[q] = static_cast<std::uint32_t>(rank(tos, queries[q].from));
    }
    std::vector<std::uint32_t> porder(set.size()), qorder(queries.size());
    for (std::uint32_t i = 0; i < porder.size(); ++i) porder[i] = i;
    for (std::uint32_t i = 0; i < qorder.size(); ++i) qorder[i] = i;

    // above == true: partners whose interval lies above the query; else below.
    auto sweep = [&](bool above) {
        if (above) {
            std::sort(porder.begin(), porder.end(), [&](auto x, auto y) { return set[x].lo > set[y].lo; });
            std::sort(qorder.begin(), qorder.end(), [&](auto x, auto y) { return queries[x].hi > queries[y].hi; });
        } else {
            std::sort(porder.begin(), porder.end(), [&](auto x, auto y) { return set[x].hi < set[y].hi; });
            std::sort(qorder.begin(), qorder.end(), [&](auto x, auto y) { return queries[x].lo < queries[y].lo; });
        }
        fenwick by_from(froms.size()), by_to(tos.size());
        std::size_t pi = 0;
        std::uint32_t inserted = 0;
        for (auto q : qorder) {
            const auto& x = queries[q];
            while (pi < porder.size() && (above ? set[porder[pi]].lo > x.hi : set[porder[pi]].hi < x.lo)) {
                by_from.add(from_rank[porder[pi]]);
                by_to.add(to_rank[porder[pi]]);
                ++pi;
                ++inserted;
            }
            // Inserted members starting after x ends, and ending before x starts.
            std::uint32_t late = inserted - by_from.prefix(q_late[q]);
            std::uint32_t early = by_to.prefix(q_early[q]);
            out[q] += inserted - late - early;
        }
    };
    sweep(true);
    sweep(false);
    return out;
}

}  // namespace crosscheck::detail

#endif
