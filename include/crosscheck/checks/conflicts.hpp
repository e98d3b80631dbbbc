// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_CHECKS_CONFLICTS_HPP
#define CROSSCHECK_CHECKS_CONFLICTS_HPP

#include <crosscheck/checks/context.hpp>
#include <crosscheck/detail/counting.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

namespace crosscheck {

namespace detail {

enum class value_class : std::uint8_t { token, quantity, calendar, text, custom };

/// One claim of a group, reduced to what comparing needs.
struct member {
    claim_index idx;
    std::int32_t from, to;  // assertion period
    double lo, hi;          // value interval (quantities: base unit, widened)
    symbol tok;             // token
    source_index src;
    std::uint32_t cls;      // comparable class within the group
    std::uint64_t partners = 0;       // conflicting claims
    std::uint64_t self_partners = 0;  // conflicting claims of the same source
};

struct class_info {
    scope_id scope;
    bool planned;
    value_class vc;
    symbol base;  // quantities: unit base
    std::vector<std::uint32_t> members;  // positions in the member array
};

/// Everything the conflict analysis of one (subject, predicate) group produced.
struct group_outcome {
    std::uint64_t pairs = 0, self_pairs = 0;
    std::uint64_t keys = 0, conflicted_keys = 0;
    std::vector<finding> findings;
    std::vector<std::pair<claim_index, claim_index>> listed;
    bool list_complete = true;
};

inline interval quantity_interval(const corpus& c, const stored_claim& r, double about_width, double& factor_out,
                                  symbol& base_out) {
    interval iv;
    if (r.is_bounds_form()) {
        iv = {r.a, r.b};
    } else {
        quantity q(r.a, r.approx_kind());
        iv = q.to_interval(about_width);
    }
    auto [base, f] = c.unit_base(r.sym);
    factor_out = f;
    base_out = base;
    return {iv.lo * f, iv.hi * f};  // f > 0 (the registry rejects others), so order is kept
}

inline std::string interval_text(double lo, double hi) {
    if (lo == hi) return format_number(lo);
    return format_number(lo) + "\xE2\x80\x93" + format_number(hi);  // en dash
}

class group_analysis {
public:
    group_analysis(const check_context& ctx, std::size_t g) : ctx_(ctx), c_(ctx.data()), g_(g) {}

    group_outcome run() {
        build_members();
        out_.keys = distinct_scopes_.size();
        find_comparable_pairs();
        const auto k = members_.size();
        const auto threshold = ctx_.options().pairwise_threshold;
        if (k <= threshold) pairwise_all();
        else counting_all();
        for (const auto& m : members_) {
            out_.pairs += m.partners;
            out_.self_pairs += m.self_partners;
        }
        out_.pairs /= 2;
        out_.self_pairs /= 2;
        out_.conflicted_keys = marked_.size();
        if (out_.pairs > 0) make_findings();
        return std::move(out_);
    }

private:
    // ---- preparation --------------------------------------------------------------------------
    void build_members() {
        const auto& opt = ctx_.options().compare;
        std::map<std::tuple<scope_id, bool, value_class, symbol>, std::uint32_t> class_ids;
        std::set<scope_id> scopes;
        for (auto it = ctx_.groups().begin(g_); it != ctx_.groups().end(g_); ++it) {
            claim_index i = *it;
            const auto& r = c_.stored(i);
            period p = c_.assertion_period(i);
            member m{i, p.first(), p.last(), 0, 0, no_symbol, r.source, 0};
            value_class vc = value_class::token;
            symbol base = no_symbol;
            switch (r.kind) {
                case value_kind::token: m.tok = r.sym; break;
                case value_kind::quantity: {
                    vc = value_class::quantity;
                    double f = 1;
                    auto iv = widen(quantity_interval(c_, r, opt.about_width, f, base), opt.rel_tolerance);
                    m.lo = iv.lo;
                    m.hi = iv.hi;
                    break;
                }
                case value_kind::calendar:
                    vc = value_class::calendar;
                    m.lo = r.a;
                    m.hi = r.b;
                    break;
                case value_kind::text: vc = value_class::text; break;
                case value_kind::custom: vc = value_class::custom; break;
            }
            scopes.insert(r.scope);
            auto key = std::make_tuple(r.scope, r.mode == modality::planned, vc, base);
            auto [pos, fresh] = class_ids.emplace(key, static_cast<std::uint32_t>(classes_.size()));
            if (fresh) classes_.push_back({r.scope, r.mode == modality::planned, vc, base, {}});
            m.cls = pos->second;
            classes_[m.cls].members.push_back(static_cast<std::uint32_t>(members_.size()));
            members_.push_back(m);
        }
        distinct_scopes_.assign(scopes.begin(), scopes.end());
    }

    void find_comparable_pairs() {
        for (std::uint32_t a = 0; a < classes_.size(); ++a) {
            const auto& A = classes_[a];
            if (A.vc == value_class::text) continue;
            for (std::uint32_t b = a; b < classes_.size(); ++b) {
                const auto& B = classes_[b];
                if (B.vc != A.vc || B.planned != A.planned || B.base != A.base) continue;
                if (!c_.scopes_overlap(A.scope, B.scope)) continue;
                comparable_.emplace_back(a, b);
            }
        }
    }

    // ---- the rule of §3, for one pair --------------------------------------------------------
    bool disagree(const member& x, const member& y) const {
        switch (classes_[x.cls].vc) {
            case value_class::token:
                return !c_.compatible_tokens(ctx_.groups().key(g_).second, x.tok, y.tok);
            case value_class::quantity:
            case value_class::calendar: return x.hi < y.lo || y.hi < x.lo;
            case value_class::custom: {
                const auto* ex = c_.extra(x.idx);
                const auto* ey = c_.extra(y.idx);
                return ex->custom->compare(*ey->custom, ctx_.options().compare) == agreement::conflict;
            }
            case value_class::text: return false;
        }
        return false;
    }
    bool conflict(const member& x, const member& y) const {
        return x.from <= y.to && y.from <= x.to && disagree(x, y);
    }

    void record_pair(member& x, member& y) {
        ++x.partners;
        ++y.partners;
        if (x.src == y.src) {
            ++x.self_partners;
            ++y.self_partners;
        }
        // §6: a pair counts under the key of its first claim by claim order.
        const auto& first = x.idx < y.idx ? x : y;
        marked_.insert(classes_[first.cls].scope);
        if (ctx_.options().list_pairs) listed_.emplace_back(std::min(x.idx, y.idx), std::max(x.idx, y.idx));
    }

    // ---- small groups: compare every comparable pair (k is bounded, so this is O(1) each) ------
    void pairwise_all() {
        for (auto [a, b] : comparable_) pairwise_classes(a, b);
        finish_listing();
    }
    void pairwise_classes(std::uint32_t a, std::uint32_t b) {
        const auto& A = classes_[a].members;
        const auto& B = classes_[b].members;
        for (std::size_t i = 0; i < A.size(); ++i)
            for (std::size_t j = (a == b ? i + 1 : 0); j < B.size(); ++j) {
                auto& x = members_[A[i]];
                auto& y = members_[B[j]];
                if (conflict(x, y)) record_pair(x, y);
            }
    }
    void finish_listing() {
        if (!ctx_.options().list_pairs) return;
        out_.listed = std::move(listed_);
    }

    // ---- large groups: count partners of each claim without enumerating pairs ----------------
    void counting_all() {
        std::vector<std::uint64_t> cross_total(comparable_.size(), 0);
        for (std::size_t p = 0; p < comparable_.size(); ++p) {
            auto [a, b] = comparable_[p];
            switch (classes_[a].vc) {
                case value_class::token: cross_total[p] = count_tokens(a, b); break;
                case value_class::quantity:
                case value_class::calendar: cross_total[p] = count_ranged(a, b); break;
                case value_class::custom: {
                    auto before = total_partners();
                    pairwise_classes_counting(a, b);
                    cross_total[p] = total_partners() - before;
                    break;
                }
                case value_class::text: break;
            }
        }
        // Keys: within one class the key is the class's scope; across classes decide which
        // side holds the earlier claim of some conflicting pair.
        for (std::size_t p = 0; p < comparable_.size(); ++p) {
            if (cross_total[p] == 0) continue;
            auto [a, b] = comparable_[p];
            scope_id sa = classes_[a].scope, sb = classes_[b].scope;
            if (a == b || sa == sb) {
                marked_.insert(sa);
                continue;
            }
            if (marked_.count(sa) && marked_.count(sb)) continue;
            mark_cross_direction(a, b);
        }
        if (ctx_.options().list_pairs) {
            // Listing needs the pairs themselves: enumerate only when the group is small enough
            // that the comparison work stays within a budget tied to the listing cap.
            auto k = static_cast<double>(members_.size());
            if (k * k / 2 <= 16.0 * static_cast<double>(ctx_.options().pair_list_cap) + 1e6) {
                for (auto [a, b] : comparable_) {
                    const auto& A = classes_[a].members;
                    const auto& B = classes_[b].members;
                    for (std::size_t i = 0; i < A.size(); ++i)
                        for (std::size_t j = (a == b ? i + 1 : 0); j < B.size(); ++j) {
                            const auto& x = members_[A[i]];
                            const auto& y = members_[B[j]];
                            if (conflict(x, y)) listed_.emplace_back(std::min(x.idx, y.idx), std::max(x.idx, y.idx));
                        }
                }
                out_.listed = std::move(listed_);
            } else {
                out_.list_complete = false;
            }
        }
    }
    std::uint64_t total_partners() const {
        std::uint64_t s = 0;
        for (const auto& m : members_) s += m.partners;
        return s;
    }
    void pairwise_classes_counting(std::uint32_t a, std::uint32_t b) {
        const auto& A = classes_[a].members;
        const auto& B = classes_[b].members;
        for (std::size_t i = 0; i < A.size(); ++i)
            for (std::size_t j = (a == b ? i + 1 : 0); j < B.size(); ++j) {
                auto& x = members_[A[i]];
                auto& y = members_[B[j]];
                if (!conflict(x, y)) continue;
                ++x.partners, ++y.partners;
                if (x.src == y.src) ++x.self_partners, ++y.self_partners;
            }
    }

    /// Token classes: partners of x in B = overlapping(B) - overlapping(B with x's token)
    /// - overlapping(B with a token compatible with x's); the same within x's source for
    /// self-contradictions. Returns the partners counted for claims of A (plus B's when a != b).
    std::uint64_t count_tokens(std::uint32_t a, std::uint32_t b) {
        const symbol pred = ctx_.groups().key(g_).second;
        const auto& compat = c_.compatible_pairs(pred);
        auto sets_of = [&](std::uint32_t cls) {
            token_sets s;
            for (auto pos : classes_[cls].members) {
                const auto& m = members_[pos];
                s.all.add(m.from, m.to);
                s.by_tok[m.tok].add(m.from, m.to);
                s.by_src[m.src].add(m.from, m.to);
                s.by_tok_src[{m.tok, m.src}].add(m.from, m.to);
            }
            s.all.seal();
            for (auto& kv : s.by_tok) kv.second.seal();
            for (auto& kv : s.by_src) kv.second.seal();
            for (auto& kv : s.by_tok_src) kv.second.seal();
            return s;
        };
        auto count_side = [&](std::uint32_t qcls, const token_sets& S) {
            std::uint64_t total = 0;
            for (auto pos : classes_[qcls].members) {
                auto& x = members_[pos];
                std::uint64_t ov = S.all.overlapping(x.from, x.to);
                std::uint64_t same = S.tok(x.tok).overlapping(x.from, x.to);
                std::uint64_t sov = S.src(x.src).overlapping(x.from, x.to);
                std::uint64_t ssame = S.tok_src(x.tok, x.src).overlapping(x.from, x.to);
                std::uint64_t cov = 0, scov = 0;
                for (const auto& [u, v] : compat) {
                    symbol other = u == x.tok ? v : v == x.tok ? u : no_symbol;
                    if (other == no_symbol || other == x.tok) continue;
                    cov += S.tok(other).overlapping(x.from, x.to);
                    scov += S.tok_src(other, x.src).overlapping(x.from, x.to);
                }
                std::uint64_t partners = ov - same - cov, self = sov - ssame - scov;
                x.partners += partners;
                x.self_partners += self;
                total += partners;
            }
            return total;
        };
        token_sets sb = sets_of(b);
        std::uint64_t total = count_side(a, sb);
        if (a != b) {
            token_sets sa = sets_of(a);
            count_side(b, sa);
        }
        return total;
    }
    struct token_sets {
        period_set all;
        std::map<symbol, period_set> by_tok;
        std::map<source_index, period_set> by_src;
        std::map<std::pair<symbol, source_index>, period_set> by_tok_src;
        const period_set& tok(symbol t) const {
            auto it = by_tok.find(t);
            return it == by_tok.end() ? empty() : it->second;
        }
        const period_set& src(source_index s) const {
            auto it = by_src.find(s);
            return it == by_src.end() ? empty() : it->second;
        }
        const period_set& tok_src(symbol t, source_index s) const {
            auto it = by_tok_src.find({t, s});
            return it == by_tok_src.end() ? empty() : it->second;
        }
        static const period_set& empty() {
            static const period_set e;
            return e;
        }
    };

    /// Quantity and calendar classes: partners are claims overlapping in time whose value
    /// interval lies wholly above or below (dominance counts, see detail/counting.hpp).
    std::uint64_t count_ranged(std::uint32_t a, std::uint32_t b) {
        auto side = [&](std::uint32_t qcls, std::uint32_t scls) {
            std::vector<ranged> set, queries;
            std::map<source_index, std::pair<std::vector<ranged>, std::vector<std::uint32_t>>> set_by_src;
            for (auto pos : classes_[scls].members) {
                const auto& m = members_[pos];
                set.push_back({m.from, m.to, m.lo, m.hi});
                set_by_src[m.src].first.push_back({m.from, m.to, m.lo, m.hi});
            }
            for (auto pos : classes_[qcls].members) {
                const auto& m = members_[pos];
                queries.push_back({m.from, m.to, m.lo, m.hi});
            }
            auto counts = disjoint_overlapping_counts(set, queries);
            std::uint64_t total = 0;
            std::map<source_index, std::vector<std::uint32_t>> queries_by_src;
            const auto& qm = classes_[qcls].members;
            for (std::size_t i = 0; i < qm.size(); ++i) {
                members_[qm[i]].partners += counts[i];
                total += counts[i];
                queries_by_src[members_[qm[i]].src].push_back(qm[i]);
            }
            for (auto& [s, qs] : queries_by_src) {
                auto it = set_by_src.find(s);
                if (it == set_by_src.end()) continue;
                std::vector<ranged> sq;
                for (auto pos : qs) {
                    const auto& m = members_[pos];
                    sq.push_back({m.from, m.to, m.lo, m.hi});
                }
                auto sc = disjoint_overlapping_counts(it->second.first, sq);
                for (std::size_t i = 0; i < qs.size(); ++i) members_[qs[i]].self_partners += sc[i];
            }
            return total;
        };
        std::uint64_t total = side(a, b);
        if (a != b) side(b, a);
        return total;
    }

    /// Which of two scopes' keys a cross-scope conflict counts under (§6: the key of the first
    /// claim of the pair). Scans the two classes in claim order and stops as soon as both
    /// directions are known; only keys whose claims use different but overlapping scopes get here.
    void mark_cross_direction(std::uint32_t a, std::uint32_t b) {
        const auto& A = classes_[a].members;
        const auto& B = classes_[b].members;
        bool a_first = false, b_first = false;
        for (auto pa : A) {
            for (auto pb : B) {
                const auto& x = members_[pa];
                const auto& y = members_[pb];
                if (!conflict(x, y)) continue;
                (x.idx < y.idx ? a_first : b_first) = true;
                if (a_first && b_first) break;
            }
            if (a_first && b_first) break;
        }
        if (a_first) marked_.insert(classes_[a].scope);
        if (b_first) marked_.insert(classes_[b].scope);
    }

    // ---- findings -----------------------------------------------------------------------------
    std::string value_key(const member& m) const {
        const auto& r = c_.stored(m.idx);
        switch (classes_[m.cls].vc) {
            case value_class::token: return "t" + std::to_string(m.tok);
            case value_class::quantity:
            case value_class::calendar:
                return "q" + std::to_string(classes_[m.cls].base) + ":" + format_number(m.lo) + ":" +
                       format_number(m.hi);
            case value_class::custom: return "c" + c_.extra(m.idx)->custom->to_string();
            case value_class::text: return "x" + std::to_string(r.extra);
        }
        return {};
    }

    std::vector<value_group> group_values(const std::vector<std::uint32_t>& positions) const {
        std::vector<value_group> groups;
        std::vector<std::string> keys;
        std::vector<std::set<source_index>> origins;
        const auto cap = ctx_.options().max_claims_per_value;
        for (auto pos : positions) {
            const auto& m = members_[pos];
            auto key = value_key(m);
            auto it = std::find(keys.begin(), keys.end(), key);
            std::size_t gi;
            if (it == keys.end()) {
                gi = groups.size();
                keys.push_back(key);
                origins.emplace_back();
                value_group vg;
                vg.value = c_[m.idx].value_text();
                const auto& cl = classes_[m.cls];
                if (cl.vc == value_class::quantity) {
                    auto iv = raw_interval(m);
                    vg.interval = interval_text(iv.lo, iv.hi);
                    if (cl.base != no_symbol) vg.interval += " " + std::string(c_.unit_base_name(cl.base));
                } else if (cl.vc == value_class::calendar) {
                    vg.interval = to_string(period{static_cast<day_number>(m.lo), static_cast<day_number>(m.hi)});
                }
                groups.push_back(std::move(vg));
            } else {
                gi = static_cast<std::size_t>(it - keys.begin());
            }
            auto& vg = groups[gi];
            ++vg.claim_count;
            if (vg.claims.size() < cap) vg.claims.push_back(ctx_.evidence_of(m.idx));
            for (auto o : c_.claim_origins(m.idx)) origins[gi].insert(o);
        }
        for (std::size_t i = 0; i < groups.size(); ++i) {
            groups[i].origins = origins[i].size();
            for (auto o : origins[i]) groups[i].origin_names.push_back(ctx_.origin_name(o));
        }
        return groups;
    }
    interval raw_interval(const member& m) const {
        double f = 1;
        symbol base = no_symbol;
        return quantity_interval(c_, c_.stored(m.idx), ctx_.options().compare.about_width, f, base);
    }

    std::string describe(const std::vector<value_group>& values, value_class vc) const {
        std::string msg;
        for (std::size_t i = 0; i < values.size(); ++i) {
            const auto& v = values[i];
            if (i) msg += " vs ";
            msg += "\"" + v.value + "\"";
            if (vc == value_class::quantity && v.value.find(v.interval) == std::string::npos)
                msg += " (so " + v.interval + ")";
            msg += " [" + std::to_string(v.claim_count) + (v.claim_count == 1 ? " claim, " : " claims, ") +
                   std::to_string(v.origins) + (v.origins == 1 ? " origin" : " independent origins") + "]";
        }
        switch (vc) {
            case value_class::token: msg += ": tokens differ and are not declared compatible"; break;
            case value_class::quantity: msg += ": intervals disjoint"; break;
            case value_class::calendar: msg += ": periods disjoint"; break;
            default: msg += ": values conflict"; break;
        }
        msg += " while their periods and scopes overlap";
        return msg;
    }

    finding make_finding(std::string_view kind, severity sev, const std::vector<std::uint32_t>& positions) const {
        finding f;
        f.kind = std::string(kind);
        f.severity = sev;
        auto [s, p] = ctx_.groups().key(g_);
        f.subject = std::string(c_.names().display(s));
        f.predicate = std::string(c_.names().display(p));
        std::set<scope_id> scopes;
        std::set<std::string> sources;
        for (auto pos : positions) {
            const auto& m = members_[pos];
            scopes.insert(classes_[m.cls].scope);
            // Huge keys list their first claims only; claim_count and the value groups say the rest.
            if (f.claims.size() < max_listed_claims) f.claims.emplace_back(c_.claim_id(m.idx));
            sources.insert(c_.source_at(m.src).id);
        }
        f.claim_count = positions.size();
        if (scopes.size() == 1) f.scope = c_.scope_text(*scopes.begin());
        f.sources.assign(sources.begin(), sources.end());
        f.values = group_values(positions);
        f.message = describe(f.values, classes_[members_[positions.front()].cls].vc);
        return f;
    }

    void make_findings() {
        const auto& opt = ctx_.options();
        // One conflict finding per class family (value kind) that has conflicts.
        std::map<std::tuple<bool, value_class, symbol>, std::vector<std::uint32_t>> families;
        for (std::uint32_t pos = 0; pos < members_.size(); ++pos) {
            const auto& m = members_[pos];
            if (m.partners == 0) continue;
            const auto& cl = classes_[m.cls];
            families[{cl.planned, cl.vc, cl.base}].push_back(pos);
        }
        for (const auto& [fam, positions] : families) {
            std::uint64_t pairs = 0;
            for (auto pos : positions) pairs += members_[pos].partners;
            finding f = make_finding(kinds::conflict, severity::error, positions);
            f.pairs = pairs / 2;
            if (opt.wants(kinds::single_origin)) {
                for (const auto& v : f.values) {
                    std::set<std::string> srcs;
                    for (const auto& e : v.claims) srcs.insert(e.source);
                    if (v.origins != 1 || srcs.size() < 2) continue;
                    finding so;
                    so.kind = std::string(kinds::single_origin);
                    so.severity = severity::info;
                    so.subject = f.subject;
                    so.predicate = f.predicate;
                    so.scope = f.scope;
                    for (const auto& e : v.claims) so.claims.push_back(e.claim);
                    so.claim_count = v.claim_count;
                    so.sources.assign(srcs.begin(), srcs.end());
                    so.message = "disputed value \"" + v.value + "\" rests on one origin: " +
                                 std::to_string(srcs.size()) + " outlets, 1 origin (" + v.origin_names.front() + ")";
                    so.values = {v};
                    deferred_.push_back(std::move(so));
                }
            }
            if (opt.wants(kinds::conflict)) out_.findings.push_back(std::move(f));
        }
        if (opt.wants(kinds::self_contradiction)) {
            std::map<std::pair<source_index, value_class>, std::vector<std::uint32_t>> by_source;
            for (std::uint32_t pos = 0; pos < members_.size(); ++pos) {
                const auto& m = members_[pos];
                if (m.self_partners > 0) by_source[{m.src, classes_[m.cls].vc}].push_back(pos);
            }
            for (const auto& [key, positions] : by_source) {
                std::uint64_t pairs = 0;
                for (auto pos : positions) pairs += members_[pos].self_partners;
                finding f = make_finding(kinds::self_contradiction, severity::error, positions);
                f.pairs = pairs / 2;
                f.message = "one source contradicts itself: " + f.message;
                out_.findings.push_back(std::move(f));
            }
        }
        for (auto& f : deferred_) out_.findings.push_back(std::move(f));
    }

    static constexpr std::size_t max_listed_claims = 1000;
    const check_context& ctx_;
    const corpus& c_;
    std::size_t g_;
    std::vector<member> members_;
    std::vector<class_info> classes_;
    std::vector<scope_id> distinct_scopes_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> comparable_;
    std::set<scope_id> marked_;
    std::vector<std::pair<claim_index, claim_index>> listed_;
    std::vector<finding> deferred_;
    group_outcome out_;
};

}  // namespace detail

/// The conflict checker (§3): finds every pair of comparable claims whose values disagree,
/// reports one finding per key grouping the claims by value, a self_contradiction where one
/// source disagrees with itself, and a single_origin note where a disputed value rests on one
/// origin. Fills stats.keys, conflicting_pairs, conflicted_keys and self_contradictions.
/// Cost: O(n log n) plus the findings; pairs are counted, never enumerated, in large keys.
struct conflicts_fn {
    static constexpr const char* name = "conflicts";

    void operator()(const check_context& ctx, report& out) const {
        const auto& groups = ctx.groups();
        const std::size_t ng = groups.size();
        std::vector<detail::group_outcome> outcomes(ng);
        auto work = [&](std::size_t lo, std::size_t hi) {
            for (std::size_t g = lo; g < hi; ++g) outcomes[g] = detail::group_analysis(ctx, g).run();
        };
        unsigned threads = std::min<unsigned>(ctx.options().thread_count(), static_cast<unsigned>(ng / 64 + 1));
        if (threads <= 1) {
            work(0, ng);
        } else {
            // Interleaved blocks balance big and small groups; results merge in group order, so
            // the report is the same for any thread count.
            std::vector<std::thread> pool;
            const std::size_t block = 256;
            std::atomic<std::size_t> next{0};
            for (unsigned t = 0; t < threads; ++t)
                pool.emplace_back([&] {
                    for (;;) {
                        std::size_t lo = next.fetch_add(block);
                        if (lo >= ng) break;
                        work(lo, std::min(ng, lo + block));
                    }
                });
            for (auto& th : pool) th.join();
        }
        std::vector<std::pair<claim_index, claim_index>> listed;
        bool complete = true;
        for (auto& o : outcomes) {
            out.stats.keys += o.keys;
            out.stats.conflicting_pairs += o.pairs;
            out.stats.conflicted_keys += o.conflicted_keys;
            out.stats.self_contradictions += o.self_pairs;
            for (auto& f : o.findings) out.findings.push_back(std::move(f));
            if (ctx.options().list_pairs) {
                complete = complete && o.list_complete;
                listed.insert(listed.end(), o.listed.begin(), o.listed.end());
            }
        }
        if (ctx.options().list_pairs) {
            std::sort(listed.begin(), listed.end());
            if (listed.size() > ctx.options().pair_list_cap) {
                listed.resize(ctx.options().pair_list_cap);
                complete = false;
            }
            const auto& c = ctx.data();
            for (auto [a, b] : listed) out.pairs.emplace_back(std::string(c.claim_id(a)), std::string(c.claim_id(b)));
            out.pairs_complete = complete;
        }
    }

    /// Runs only this checker on a corpus.
    report operator()(const corpus& c, const check_options& o = {}) const {
        report r;
        r.stats.claims = c.size();
        check_context ctx(c, o);
        (*this)(ctx, r);
        return r;
    }
    operator checker() const { return {name, [](const check_context& ctx, report& r) { conflicts_fn{}(ctx, r); }}; }
};

inline constexpr conflicts_fn conflicts{};

}  // namespace crosscheck

#endif
