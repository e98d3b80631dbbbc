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

/// Sorted period ends of a set of claims: answers "how many of them overlap [from, to]".
struct period_set {
    std::vector<std::int32_t> froms, tos;

    void add(std::int32_t from, std::int32_t to) {
        froms.push_back(from);
        tos.push_back(to);
    }
    void seal() {
        std::sort(froms.begin(), froms.end());
        std::sort(tos.begin(), tos.end());
    }
    std::size_t size() const noexcept { return froms.size(); }
    /// Members whose period shares a day with [from, to] (inclusive): all, minus those starting
    /// after `to`, minus those ending before `from`. A member equal to the query counts.
    std::uint64_t overlapping(std::int32_t from, std::int32_t to) const noexcept {
        auto after = static_cast<std::uint64_t>(froms.end() - std::upper_bound(froms.begin(), froms.end(), to));
        auto before = static_cast<std::uint64_t>(std::lower_bound(tos.begin(), tos.end(), from) - tos.begin());
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

/// For each query (qa, qb), the number of points (a, b) with a > qa and b > qb (strict).
/// Offline sweep over `a` descending with a Fenwick tree over the ranks of `b`.
inline std::vector<std::uint32_t> dominance_counts(const std::vector<std::pair<double, double>>& points,
                                                   const std::vector<std::pair<double, double>>& queries) {
    std::vector<std::uint32_t> out(queries.size(), 0);
    if (points.empty() || queries.empty()) return out;
    std::vector<double> bs;
    bs.reserve(points.size());
    for (const auto& p : points) bs.push_back(p.second);
    std::sort(bs.begin(), bs.end());
    bs.erase(std::unique(bs.begin(), bs.end()), bs.end());
    std::vector<std::uint32_t> porder(points.size()), qorder(queries.size());
    for (std::uint32_t i = 0; i < porder.size(); ++i) porder[i] = i;
    for (std::uint32_t i = 0; i < qorder.size(); ++i) qorder[i] = i;
    std::sort(porder.begin(), porder.end(), [&](auto x, auto y) { return points[x].first > points[y].first; });
    std::sort(qorder.begin(), qorder.end(), [&](auto x, auto y) { return queries[x].first > queries[y].first; });
    fenwick tree(bs.size());
    std::size_t pi = 0;
    std::uint32_t inserted = 0;
    for (auto q : qorder) {
        while (pi < porder.size() && points[porder[pi]].first > queries[q].first) {
            const auto& p = points[porder[pi++]];
            tree.add(static_cast<std::size_t>(std::lower_bound(bs.begin(), bs.end(), p.second) - bs.begin()));
            ++inserted;
        }
        // points inserted with b <= qb: ranks below upper_bound(qb)
        auto r = static_cast<std::size_t>(std::upper_bound(bs.begin(), bs.end(), queries[q].second) - bs.begin());
        out[q] = inserted - tree.prefix(r);
    }
    return out;
}

/// Claims of one comparable class seen as value intervals over periods.
struct ranged {
    std::int32_t from, to;  ///< assertion period
    double lo, hi;          ///< value interval (already widened by the tolerance)
};

/// For each query claim, how many members of `set` both overlap it in time and have a value
/// interval disjoint from it (strictly above or strictly below).
inline std::vector<std::uint64_t> disjoint_overlapping_counts(const std::vector<ranged>& set,
                                                              const std::vector<ranged>& queries) {
    std::vector<std::uint64_t> out(queries.size(), 0);
    if (set.empty() || queries.empty()) return out;
    // Partners above: y.lo > x.hi and periods overlap
    //   = #(y.lo > x.hi) - #(y.lo > x.hi, y.from > x.to) - #(y.lo > x.hi, y.to < x.from).
    // Partners below mirror it with negated values.
    std::vector<double> los, neg_his;
    los.reserve(set.size());
    neg_his.reserve(set.size());
    for (const auto& y : set) {
        los.push_back(y.lo);
        neg_his.push_back(-y.hi);
    }
    std::sort(los.begin(), los.end());
    std::sort(neg_his.begin(), neg_his.end());
    auto above_1d = [&](const std::vector<double>& v, double t) {
        return static_cast<std::uint64_t>(v.end() - std::upper_bound(v.begin(), v.end(), t));
    };
    std::vector<std::pair<double, double>> pts, qs;
    pts.reserve(set.size());
    qs.reserve(queries.size());
    auto run = [&](auto point_of, auto query_of) {
        pts.clear();
        qs.clear();
        for (const auto& y : set) pts.push_back(point_of(y));
        for (const auto& x : queries) qs.push_back(query_of(x));
        return dominance_counts(pts, qs);
    };
    using P = std::pair<double, double>;
    auto a1 = run([](const ranged& y) { return P{y.lo, y.from}; }, [](const ranged& x) { return P{x.hi, x.to}; });
    auto a2 = run([](const ranged& y) { return P{y.lo, -double(y.to)}; },
                  [](const ranged& x) { return P{x.hi, -double(x.from)}; });
    auto b1 = run([](const ranged& y) { return P{-y.hi, y.from}; }, [](const ranged& x) { return P{-x.lo, x.to}; });
    auto b2 = run([](const ranged& y) { return P{-y.hi, -double(y.to)}; },
                  [](const ranged& x) { return P{-x.lo, -double(x.from)}; });
    for (std::size_t i = 0; i < queries.size(); ++i) {
        const auto& x = queries[i];
        std::uint64_t above = above_1d(los, x.hi) - a1[i] - a2[i];
        std::uint64_t below = above_1d(neg_his, -x.lo) - b1[i] - b2[i];
        out[i] = above + below;
    }
    return out;
}

}  // namespace crosscheck::detail

#endif
