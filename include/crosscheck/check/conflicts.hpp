// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_CHECK_CONFLICTS_HPP
#define CROSSCHECK_CHECK_CONFLICTS_HPP

#include <crosscheck/check/context.hpp>
#include <crosscheck/check/detail/counting.hpp>
#include <crosscheck/corpus/value_identity.hpp>
#include <crosscheck/detail/threads.hpp>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace crosscheck {

namespace detail {

enum class value_class : std::uint8_t { token, quantity, calendar, text, custom };

/// One claim of a group, reduced to what comparing needs.
struct member {
    claim_index idx;
    std::int32_t from, to;  // assertion period
    std::uint32_t id;       // offset of the claim's id text (corpus::id_text)
    double lo, hi;          // value interval (quantities: base unit, widened)
    symbol tok;             // token
    source_index src;
    std::uint32_t cls;                // comparable class within the group
    bool own_cites;                   // the claim names sources of its own (claim_origins, not origins)
    std::uint64_t partners = 0;       // conflicting claims
    std::uint64_t self_partners = 0;  // conflicting claims of the same source
};

// Held per claim of the group being analysed (one thread's buffers), not per claim of the corpus.
static_assert(sizeof(member) <= 64, "member grew past 64 bytes");

struct class_info {
    scope_id scope;
    bool planned;
    value_class vc;
    unit_base_id base;                   // quantities: unit base
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

class group_analysis {
public:
    explicit group_analysis(const check_context& ctx)
        : ctx_(ctx), c_(ctx.data()), all_(ctx.groups().all_members().data()), fetch_(ctx.data(), ctx.groups()) {}

    /// Analyses group g. The object is reused from group to group so its buffers are allocated
    /// once per thread, not once per key.
    group_outcome run(std::size_t g) {
        g_ = g;
        members_.clear();
        identities_.clear();
        for (auto& cl : classes_) cl.members.clear();
        pool_.swap(classes_);
        for (auto& cl : pool_) spare_.push_back(std::move(cl.members));
        pool_.clear();
        class_index_.clear();
        distinct_scopes_.clear();
        comparable_.clear();
        marked_.clear();
        listed_.clear();
        deferred_.clear();
        out_ = group_outcome{};
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
    /// Reads the group's claims from the corpus (period, value interval in the base unit,
    /// class). Why here and not in one array in group
    /// order built beforehand: such an array would be fresh memory the kernel must zero, and a
    /// pass of its own; the records are read in group order instead, fetched a few claims ahead across group boundaries (blocks of
    /// consecutive groups go to one thread).
    void build_members() {
        const auto first = ctx_.groups().offset(g_);
        const auto n = ctx_.groups().group_size(g_);
        const auto& cmp = ctx_.options().compare;
        for (std::size_t k = 0; k < n; ++k) {
            fetch_.before(first + k);
            const claim_index i = all_[first + k];
            const auto& r = c_.stored(i);
            const period per = c_.assertion_period(i);
            if (!per.ok()) {  // vouched for no day (§3.3): compared with nothing, but its key counts
                distinct_scopes_.push_back(r.scope);
                continue;
            }
            member m{};
            m.idx = i;
            m.from = per.first();
            m.to = per.last();
            m.id = r.id;
            m.tok = no_symbol;
            m.src = r.source;
            if (const auto* e = c_.extra(i)) m.own_cites = !e->cites.empty();
            value_class vc = value_class::token;
            unit_base_id base = no_unit_base;  // quantities: the unit base their interval is in
            const value_identity v = value_identity_of(c_, i, cmp);
            switch (r.kind) {
                case value_kind::token: m.tok = v.token; break;
                case value_kind::quantity: {
                    vc = value_class::quantity;
                    base = v.base;
                    const auto iv = widen({v.lo, v.hi}, cmp.rel_tolerance);
                    m.lo = iv.lo;
                    m.hi = iv.hi;
                    break;
                }
                case value_kind::calendar:
                    vc = value_class::calendar;
                    m.lo = v.lo;
                    m.hi = v.hi;
                    break;
                case value_kind::text: vc = value_class::text; break;
                case value_kind::custom: vc = value_class::custom; break;
            }
            distinct_scopes_.push_back(r.scope);
            m.cls = class_of(r.scope, r.mode == modality::planned, vc, base);
            classes_[m.cls].members.push_back(static_cast<std::uint32_t>(members_.size()));
            members_.push_back(m);
            identities_.push_back(v);
        }
        std::sort(distinct_scopes_.begin(), distinct_scopes_.end());
        distinct_scopes_.erase(std::unique(distinct_scopes_.begin(), distinct_scopes_.end()), distinct_scopes_.end());
    }

    /// Most keys have one or two classes: a linear scan beats a map until there are many.
    std::uint32_t class_of(scope_id scope, bool planned, value_class vc, unit_base_id base) {
        auto same = [&](const class_info& k) {
            return k.scope == scope && k.planned == planned && k.vc == vc && k.base == base;
        };
        if (classes_.size() <= 8) {
            for (std::uint32_t k = 0; k < classes_.size(); ++k)
                if (same(classes_[k])) return k;
        } else {
            if (class_index_.empty())
                for (std::uint32_t k = 0; k < classes_.size(); ++k)
                    class_index_.emplace(
                        std::make_tuple(classes_[k].scope, classes_[k].planned, classes_[k].vc, classes_[k].base), k);
            auto it = class_index_.find(std::make_tuple(scope, planned, vc, base));
            if (it != class_index_.end()) return it->second;
        }
        auto id = static_cast<std::uint32_t>(classes_.size());
        std::vector<std::uint32_t> buf;
        if (!spare_.empty()) {
            buf = std::move(spare_.back());
            spare_.pop_back();
        }
        classes_.push_back({scope, planned, vc, base, std::move(buf)});
        if (!class_index_.empty() || classes_.size() > 9)
            class_index_.emplace(std::make_tuple(scope, planned, vc, base), id);
        return id;
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
            case value_class::token: return !c_.compatible_tokens(ctx_.groups().key(g_).second, x.tok, y.tok);
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
    bool conflict(const member& x, const member& y) const { return x.from <= y.to && y.from <= x.to && disagree(x, y); }

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
    /// - overlapping(B with a token compatible with x's). Adds to `partners` of A's claims (and of
    /// B's when a != b) and returns what A's claims received.
    std::uint64_t count_tokens(std::uint32_t a, std::uint32_t b) {
        std::uint64_t total = count_token_side(classes_[a].members, classes_[b].members, false);
        if (a != b) count_token_side(classes_[b].members, classes_[a].members, false);
        count_self(a, b);
        return total;
    }
    std::uint64_t count_token_side(const std::vector<std::uint32_t>& queries, const std::vector<std::uint32_t>& set,
                                   bool self) {
        const symbol pred = ctx_.groups().key(g_).second;
        const auto& compat = c_.compatible_pairs(pred);
        period_set all;
        std::vector<std::pair<symbol, period_set>> by_tok;  // few tokens per key: linear look-up
        auto tok_set = [&](symbol t) -> period_set* {
            for (auto& kv : by_tok)
                if (kv.first == t) return &kv.second;
            return nullptr;
        };
        for (auto pos : set) {
            const auto& m = members_[pos];
            all.add(m.from, m.to);
            auto* ts = tok_set(m.tok);
            if (!ts) {
                by_tok.emplace_back(m.tok, period_set{});
                ts = &by_tok.back().second;
            }
            ts->add(m.from, m.to);
        }
        all.seal();
        for (auto& kv : by_tok) kv.second.seal();
        std::uint64_t total = 0;
        for (auto pos : queries) {
            auto& x = members_[pos];
            std::uint64_t ov = all.overlapping(x.from, x.to);
            const auto* same = tok_set(x.tok);
            std::uint64_t n = ov - (same ? same->overlapping(x.from, x.to) : 0);
            for (const auto& [u, v] : compat) {
                symbol other = u == x.tok ? v : v == x.tok ? u : no_symbol;
                if (other == no_symbol || other == x.tok) continue;
                if (const auto* os = tok_set(other)) n -= os->overlapping(x.from, x.to);
            }
            (self ? x.self_partners : x.partners) += n;
            total += n;
        }
        return total;
    }

    /// Quantity and calendar classes: partners are claims overlapping in time whose value
    /// interval lies wholly above or below (dominance counts, see detail/counting.hpp).
    std::uint64_t count_ranged(std::uint32_t a, std::uint32_t b) {
        std::uint64_t total = count_ranged_side(classes_[a].members, classes_[b].members, false);
        if (a != b) count_ranged_side(classes_[b].members, classes_[a].members, false);
        count_self(a, b);
        return total;
    }
    std::uint64_t count_ranged_side(const std::vector<std::uint32_t>& queries, const std::vector<std::uint32_t>& set,
                                    bool self) {
        std::vector<ranged> rs, qs;
        rs.reserve(set.size());
        for (auto pos : set) rs.push_back({members_[pos].from, members_[pos].to, members_[pos].lo, members_[pos].hi});
        if (&queries != &set) {
            qs.reserve(queries.size());
            for (auto pos : queries)
                qs.push_back({members_[pos].from, members_[pos].to, members_[pos].lo, members_[pos].hi});
        }
        // The same vector for both when the claims are counted against each other: half the sorting.
        auto counts = disjoint_overlapping_counts(rs, &queries == &set ? rs : qs);
        std::uint64_t total = 0;
        for (std::size_t i = 0; i < queries.size(); ++i) {
            (self ? members_[queries[i]].self_partners : members_[queries[i]].partners) += counts[i];
            total += counts[i];
        }
        return total;
    }

    /// Self-contradictions: the same counts within each source. A source has few claims of one
    /// key as a rule, so small runs are compared pairwise and only large ones are counted.
    void count_self(std::uint32_t a, std::uint32_t b) {
        auto by_source = [&](std::uint32_t cls) {
            auto v = classes_[cls].members;
            std::stable_sort(v.begin(), v.end(), [&](auto x, auto y) { return members_[x].src < members_[y].src; });
            return v;
        };
        auto sa = by_source(a);
        auto sb = a == b ? sa : by_source(b);
        std::size_t i = 0, j = 0;
        std::vector<std::uint32_t> ra, rb;
        while (i < sa.size()) {
            source_index s = members_[sa[i]].src;
            ra.clear();
            rb.clear();
            while (i < sa.size() && members_[sa[i]].src == s) ra.push_back(sa[i++]);
            while (j < sb.size() && members_[sb[j]].src < s) ++j;
            while (j < sb.size() && members_[sb[j]].src == s) rb.push_back(sb[j++]);
            if (rb.empty()) continue;
            if (ra.size() * rb.size() <= 256) {
                for (std::size_t x = 0; x < ra.size(); ++x)
                    for (std::size_t y = (a == b ? x + 1 : 0); y < rb.size(); ++y) {
                        auto& mx = members_[ra[x]];
                        auto& my = members_[rb[y]];
                        if (conflict(mx, my)) ++mx.self_partners, ++my.self_partners;
                    }
                continue;
            }
            const bool tokens = classes_[a].vc == value_class::token;
            auto side = [&](const std::vector<std::uint32_t>& q, const std::vector<std::uint32_t>& st) {
                if (tokens) count_token_side(q, st, true);
                else count_ranged_side(q, st, true);
            };
            side(ra, a == b ? ra : rb);  // one class: the run against itself (one vector, see count_ranged_side)
            if (a != b) side(rb, ra);
        }
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
    /// The claims of a finding grouped by value, most-stated values first when there are more
    /// than max_values_per_finding (the rest are counted in `omitted`). Evidence, the costly part,
    /// is built only for the values and claims shown.
    std::vector<value_group> group_values(const std::vector<std::uint32_t>& positions, std::size_t& omitted) {
        // A finding has few distinct values as a rule: look them up in a flat list, and switch
        // to a map only when there are many. The buffers are this thread's, reused finding after
        // finding (a dozen allocations a finding cost as much as the rest of this function).
        auto& flat = values_.flat;  // references, not a structured binding: lambdas below capture them
        auto& keys = values_.keys;
        auto& group_of = values_.group_of;
        auto& counts = values_.counts;
        auto& first = values_.first;
        auto& order = values_.order;
        auto& slot = values_.slot;
        auto& origins = values_.origins;
        auto& ids = values_.ids;
        flat.clear();
        keys.clear();
        ids.clear();
        values_.same_text.clear();
        group_of.assign(positions.size(), 0);
        counts.clear();
        first.clear();
        constexpr std::size_t flat_limit = 16;
        if (origin_stamp_.size() < c_.source_count()) origin_stamp_.assign(c_.source_count(), 0);
        for (std::size_t k = 0; k < positions.size(); ++k) {
            const auto& m = members_[positions[k]];
            const value_identity id = values_.same_text(c_, identities_[positions[k]]);
            ids.push_back(id);
            std::size_t gi = counts.size();
            if (flat.size() < flat_limit && keys.empty()) {
                for (const auto& [fid, fg] : flat)
                    if (fid == id) {
                        gi = fg;
                        break;
                    }
                if (gi == counts.size()) flat.emplace_back(id, gi);
            } else {
                if (keys.empty())
                    for (const auto& [fid, fg] : flat) keys.emplace(fid, fg);
                gi = keys.emplace(id, counts.size()).first->second;
            }
            if (gi == counts.size()) {
                counts.push_back(0);
                first.push_back(k);
                if (gi == origins.size()) origins.emplace_back();
                else origins[gi].clear();  // a list of an earlier finding's
            }
            group_of[k] = gi;
            ++counts[gi];
            if (m.own_cites) {
                for (auto o : c_.claim_origins(m.idx)) origins[gi].push_back(o);
            } else {
                // Most claims share their source's origins: keep each (value, origin) once
                // through a stamp per source instead of sorting duplicates away later.
                const auto stamp = stamp_base_ + gi + 1;
                for (const source_index o : ctx_.origins(m.src))
                    if (origin_stamp_[to_index(o)] != stamp) {
                        origin_stamp_[to_index(o)] = stamp;
                        origins[gi].push_back(o);
                    }
            }
        }
        stamp_base_ += counts.size() + 1;
        order.resize(counts.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        const auto max_values = ctx_.options().max_values_per_finding;
        if (order.size() > max_values) {
            std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) { return counts[x] > counts[y]; });
            omitted = order.size() - max_values;
            order.resize(max_values);
            std::sort(order.begin(), order.end());  // shown in order of first claim
        }
        slot.assign(counts.size(), SIZE_MAX);
        std::vector<value_group> groups;
        groups.reserve(order.size());
        const auto cap = ctx_.options().max_claims_per_value;
        for (auto gi : order) {
            slot[gi] = groups.size();
            const auto& m = members_[positions[first[gi]]];
            const auto& id = ids[first[gi]];
            value_group vg;
            vg.value = c_[m.idx].value_text();
            if (id.kind == value_kind::quantity) {
                vg.interval = format_range(id.lo, id.hi, range_format::en_dash);
                if (id.base != no_unit_base) vg.interval.append(" ").append(c_.unit_base_name(id.base));
            } else if (id.kind == value_kind::calendar) {
                vg.interval = to_string(period{static_cast<day_number>(id.lo), static_cast<day_number>(id.hi)});
            }
            vg.claim_count = counts[gi];
            vg.claims.reserve(std::min(cap, counts[gi]));  // evidence is 8 strings: grow it once
            auto& o = origins[gi];
            std::sort(o.begin(), o.end());
            o.erase(std::unique(o.begin(), o.end()), o.end());
            vg.origins = o.size();
            vg.origin_names.reserve(o.size());
            for (auto src : o) vg.origin_names.emplace_back(ctx_.source_name(src));
            groups.push_back(std::move(vg));
        }
        for (std::size_t k = 0; k < positions.size(); ++k) {
            auto sl = slot[group_of[k]];
            if (sl == SIZE_MAX || groups[sl].claims.size() >= cap) continue;
            ctx_.evidence_into(members_[positions[k]].idx, groups[sl].claims.emplace_back());
        }
        return groups;
    }
    /// Appends what the values of a finding say to `msg`.
    static void describe(std::string& msg, const std::vector<value_group>& values, value_class vc) {
        auto count = [&msg](std::size_t n) {
            char buf[24];
            msg.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
        };
        for (std::size_t i = 0; i < values.size(); ++i) {
            const auto& v = values[i];
            if (i) msg += " vs ";
            msg.append("\"").append(v.value).append("\"");
            if (vc == value_class::quantity && v.value.find(v.interval) == std::string::npos)
                msg.append(" (so ").append(v.interval).append(")");
            msg += " [";
            count(v.claim_count);
            msg += v.claim_count == 1 ? " claim, " : " claims, ";
            count(v.origins);
            msg += v.origins == 1 ? " origin]" : " independent origins]";
        }
        switch (vc) {
            case value_class::token: msg += ": tokens differ and are not declared compatible"; break;
            case value_class::quantity: msg += ": intervals disjoint"; break;
            case value_class::calendar: msg += ": periods disjoint"; break;
            default: msg += ": values conflict"; break;
        }
        msg += " while their periods and scopes overlap";
    }

    finding make_finding(std::string_view kind, severity sev, const std::vector<std::uint32_t>& positions) {
        finding f;
        f.kind = std::string(kind);
        f.severity = sev;
        auto [s, p] = ctx_.groups().key(g_);
        f.subject = std::string(c_.names().display(s));
        f.predicate = std::string(c_.names().display(p));
        // Sorted vectors, not sets of strings: findings are built by the ten thousand.
        source_scratch_.clear();
        const scope_id scope = classes_[members_[positions.front()].cls].scope;
        bool one_scope = true;
        f.claims.reserve(std::min<std::size_t>(positions.size(), max_listed_claims));
        for (std::size_t k = 0; k < positions.size(); ++k) {
            const auto& m = members_[positions[k]];
            one_scope = one_scope && classes_[m.cls].scope == scope;
            // Huge keys list their first claims only; claim_count and the value groups say the rest.
            if (f.claims.size() < max_listed_claims) {
                // The ids lie all over memory: fetch a few ahead.
                if (k + 8 < positions.size()) CROSSCHECK_PREFETCH(c_.id_address(members_[positions[k + 8]].id));
                f.claims.emplace_back(c_.id_text(m.id));
            }
            // Sources are listed by id text: sort (rank of the id, index) once; a source has one rank.
            source_scratch_.push_back(std::uint64_t{ctx_.source_rank(m.src)} << 32 | to_index(m.src));
        }
        f.claim_count = positions.size();
        if (one_scope) f.scope = ctx_.scope_text(scope);
        std::sort(source_scratch_.begin(), source_scratch_.end());
        source_scratch_.erase(std::unique(source_scratch_.begin(), source_scratch_.end()), source_scratch_.end());
        f.sources.reserve(source_scratch_.size());
        for (auto key : source_scratch_)
            f.sources.emplace_back(ctx_.source_id(source_index{static_cast<std::uint32_t>(key & 0xFFFFFFFFu)}));
        f.values = group_values(positions, f.omitted_values);
        describe(f.message, f.values, classes_[members_[positions.front()].cls].vc);
        return f;
    }

    void make_findings() {
        const auto& opt = ctx_.options();
        if (!opt.wants(finding_kind::conflict) && !opt.wants(finding_kind::single_origin) &&
            !opt.wants(finding_kind::self_contradiction))
            return;
        // One conflict finding per class family (value kind) that has conflicts.
        std::map<std::tuple<bool, value_class, unit_base_id>, std::vector<std::uint32_t>> families;
        for (std::uint32_t pos = 0; pos < members_.size(); ++pos) {
            const auto& m = members_[pos];
            if (m.partners == 0) continue;
            const auto& cl = classes_[m.cls];
            families[{cl.planned, cl.vc, cl.base}].push_back(pos);
        }
        for (const auto& [fam, positions] : families) {
            if (!opt.wants(finding_kind::conflict) && !opt.wants(finding_kind::single_origin)) break;
            std::uint64_t pairs = 0;
            for (auto pos : positions) pairs += members_[pos].partners;
            finding f = make_finding(kinds::conflict, severity::error, positions);
            f.pairs = pairs / 2;
            if (opt.wants(finding_kind::single_origin)) {
                for (const auto& v : f.values) {
                    if (v.origins != 1 || v.claims.size() < 2) continue;  // the sources below are v.claims'
                    std::vector<std::string_view> srcs;
                    for (const auto& e : v.claims) srcs.push_back(e.source);
                    std::sort(srcs.begin(), srcs.end());
                    srcs.erase(std::unique(srcs.begin(), srcs.end()), srcs.end());
                    if (srcs.size() < 2) continue;
                    finding so;
                    so.kind = std::string(kinds::single_origin);
                    so.severity = severity::info;
                    so.subject = f.subject;
                    so.predicate = f.predicate;
                    so.scope = f.scope;
                    for (const auto& e : v.claims) so.claims.push_back(e.claim);
                    so.claim_count = v.claim_count;
                    so.sources.assign(srcs.begin(), srcs.end());
                    so.message = "disputed value \"" + v.value +
                                 "\" rests on one origin: " + std::to_string(srcs.size()) + " outlets, 1 origin (" +
                                 v.origin_names.front() + ")";
                    so.values = {v};
                    deferred_.push_back(std::move(so));
                }
            }
            if (opt.wants(finding_kind::conflict)) out_.findings.push_back(std::move(f));
        }
        if (opt.wants(finding_kind::self_contradiction)) {
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

    static constexpr std::size_t max_listed_claims = 200;
    const check_context& ctx_;
    const corpus& c_;
    const claim_index* all_;  // every claim, in group order
    record_prefetcher fetch_;
    std::size_t g_ = 0;
    std::vector<class_info> pool_;
    std::vector<std::vector<std::uint32_t>> spare_;
    std::vector<member> members_;
    std::vector<value_identity> identities_;  // of members_' values, by position
    std::vector<class_info> classes_;
    std::map<std::tuple<scope_id, bool, value_class, unit_base_id>, std::uint32_t> class_index_;
    std::vector<scope_id> distinct_scopes_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> comparable_;
    std::set<scope_id> marked_;
    std::vector<std::pair<claim_index, claim_index>> listed_;
    std::vector<finding> deferred_;
    struct value_buffers {
        std::vector<std::pair<value_identity, std::size_t>> flat;
        std::unordered_map<value_identity, std::size_t, value_identity_hash> keys;
        std::vector<value_identity> ids;  // per claim of the finding
        same_text_claims same_text;       // user values: equal texts are one value
        std::vector<std::size_t> group_of, counts, first, order, slot;
        std::vector<std::vector<source_index>> origins;  // per value; lists past counts.size() are stale
    } values_;                                           // group_values' buffers
    std::vector<std::uint64_t> source_scratch_;          // (rank of the source's id, source index)
    std::vector<std::uint64_t> origin_stamp_;            // per source: last (finding, value) that counted it
    std::uint64_t stamp_base_ = 0;
    group_outcome out_;
};

}  // namespace detail

/// The conflict checker (§3): finds every pair of comparable claims whose values disagree,
/// reports one finding per key grouping the claims by value, a self_contradiction where one
/// source disagrees with itself, and a single_origin note where a disputed value rests on one
/// origin. Fills stats.keys, conflicting_pairs, conflicted_keys and self_contradictions.
/// Cost: O(n log n) plus the findings; pairs are counted, never enumerated, in large keys.
struct conflicts_fn : detail::checker_base<conflicts_fn> {
    using checker_base::operator();
    static constexpr const char* name = "conflicts";

    void operator()(const check_context& ctx, report& out) const {
        const auto& groups = ctx.groups();
        const std::size_t ng = groups.size();
        const auto& c = ctx.data();
        const unsigned threads = std::min<unsigned>(ctx.options().thread_count(), static_cast<unsigned>(ng / 64 + 1));
        std::vector<std::pair<claim_index, claim_index>> listed;
        bool complete = true;
        auto consume = [&](detail::group_outcome& o) {
            out.stats.keys += o.keys;
            out.stats.conflicting_pairs += o.pairs;
            out.stats.conflicted_keys += o.conflicted_keys;
            out.stats.self_contradictions += o.self_pairs;
            for (auto& f : o.findings) ctx.emit(out, std::move(f));
            if (ctx.options().list_pairs) {
                complete = complete && o.list_complete;
                listed.insert(listed.end(), o.listed.begin(), o.listed.end());
            }
        };
        if (threads <= 1) {
            detail::group_analysis analysis(ctx);
            for (std::size_t g = 0; g < ng; ++g) {
                auto o = analysis.run(g);
                consume(o);
            }
        } else {
            detail::ordered_parallel(
                ng, threads, [&] { return detail::group_analysis(ctx); },
                [](detail::group_analysis& a, std::size_t g) { return a.run(g); }, consume);
        }
        if (ctx.options().list_pairs) {
            std::sort(listed.begin(), listed.end());
            if (listed.size() > ctx.options().pair_list_cap) {
                listed.resize(ctx.options().pair_list_cap);
                complete = false;
            }
            for (auto [a, b] : listed) out.pairs.emplace_back(std::string(c.claim_id(a)), std::string(c.claim_id(b)));
            out.pairs_complete = complete;
        }
    }
};

inline constexpr conflicts_fn conflicts{};

}  // namespace crosscheck

#endif
