// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_CHECK_DETAIL_COUNTING_HPP
#define CROSSCHECK_CHECK_DETAIL_COUNTING_HPP

// Counting conflicting pairs without enumerating them. Two claims conflict when their periods
// overlap and their values disagree; both conditions are order relations on interval ends, so the
// number of partners of each claim is a difference of one- and two-dimensional dominance counts,
// each answered in O(log n) after sorting. This is what lets one key with a million claims and
// two values (2.5e11 conflicting pairs) be counted in well under a second.

#include <crosscheck/detail/sort.hpp>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace crosscheck::detail {

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
    // Ranks by sorting (day, index) pairs and walking them, not by a binary search per claim
    // and end: each search is a chain of dependent loads.
    // The set is often the queries themselves (claims of one class against each other).
    const bool same = &set == &queries;
    auto sorted_by = [](const std::vector<ranged>& v, bool by_to) {
        std::vector<std::uint64_t> keys(v.size());
        for (std::size_t i = 0; i < v.size(); ++i)
            keys[i] = std::uint64_t{day_key(by_to ? v[i].to : v[i].from)} << 32 | i;
        radix_sort_by(keys, [](std::uint64_t k) { return static_cast<std::uint32_t>(k >> 32); });
        return keys;
    };
    auto day_of = [](std::uint64_t k) { return day_of_key(static_cast<std::uint32_t>(k >> 32)); };
    auto index_of = [](std::uint64_t k) { return static_cast<std::size_t>(k & 0xFFFFFFFFu); };
    const auto set_from = sorted_by(set, false), set_to = sorted_by(set, true);
    // The distinct days, and each member's rank among them.
    std::vector<std::int32_t> froms, tos;
    std::vector<std::uint32_t> from_rank(set.size()), to_rank(set.size());
    auto distinct = [&](const std::vector<std::uint64_t>& keys, std::vector<std::int32_t>& days,
                        std::vector<std::uint32_t>& rank) {
        days.reserve(keys.size());
        for (auto k : keys) {
            const auto d = day_of(k);
            if (days.empty() || days.back() != d) days.push_back(d);
            rank[index_of(k)] = static_cast<std::uint32_t>(days.size() - 1);
        }
    };
    distinct(set_from, froms, from_rank);
    distinct(set_to, tos, to_rank);
    // Each query's bounds among the set's ranks, found once for both sweeps: distinct starts on
    // or before the query's end, distinct ends before its start. `keys` are the queries sorted
    // by the day compared; `before(d, day)` says whether a distinct day d comes before it.
    std::vector<std::uint32_t> q_late(queries.size()), q_early(queries.size());
    auto count_before = [&](const std::vector<std::uint64_t>& keys, const std::vector<std::int32_t>& days, auto before,
                            std::vector<std::uint32_t>& bound) {
        std::size_t j = 0;
        for (auto k : keys) {
            while (j < days.size() && before(days[j], day_of(k))) ++j;
            bound[index_of(k)] = static_cast<std::uint32_t>(j);
        }
    };
    const auto on_or_before = [](std::int32_t d, std::int32_t day) { return d <= day; };
    const auto strictly_before = [](std::int32_t d, std::int32_t day) { return d < day; };
    if (same) {
        count_before(set_to, froms, on_or_before, q_late);
        count_before(set_from, tos, strictly_before, q_early);
    } else {
        count_before(sorted_by(queries, true), froms, on_or_before, q_late);
        count_before(sorted_by(queries, false), tos, strictly_before, q_early);
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
