// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_CHECK_RULES_HPP
#define CROSSCHECK_CHECK_RULES_HPP

#include <crosscheck/check/context.hpp>
#include <crosscheck/corpus/value_identity.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace crosscheck {

namespace detail {

struct rule_claim {
    claim_index idx;
    period when;
    value_identity value;  // the interval in the base unit and the base
    interval range() const noexcept { return {value.lo, value.hi}; }
};

}  // namespace detail

/// The rule checker (§1 Rule): a `sum` or `product` rule must hold, within its relative
/// tolerance, at every time at which all its references have claimed values; a reference with
/// several disagreeing values is checked with each. Interval arithmetic carries the hedges
/// ("about", "over") through the sum. A reference matches the quantity claims of its subject,
/// predicate and exact scope, whatever their modality (§1).
struct rules_fn : detail::checker_base<rules_fn> {
    using checker_base::operator();
    static constexpr const char* name = "rules";

    void operator()(const check_context& ctx, report& out) const {
        const auto& c = ctx.data();
        if (c.rules().empty()) return;
        std::map<std::pair<symbol, symbol>, std::size_t> group_of;
        for (std::size_t g = 0; g < ctx.groups().size(); ++g) group_of[ctx.groups().key(g)] = g;
        for (std::size_t ri = 0; ri < c.rules().size(); ++ri) {
            const auto& r = c.rules()[ri];
            std::vector<const rule_ref*> refs{&r.total};
            for (const auto& p : r.parts) refs.push_back(&p);
            std::vector<std::vector<detail::rule_claim>> per_ref(refs.size());
            for (std::size_t k = 0; k < refs.size(); ++k) per_ref[k] = matching(c, ctx, group_of, *refs[k]);
            check_rule(ctx, r, ri, refs, per_ref, out);
        }
    }

private:
    static std::vector<detail::rule_claim> matching(const corpus& c, const check_context& ctx,
                                                    const std::map<std::pair<symbol, symbol>, std::size_t>& group_of,
                                                    const rule_ref& ref) {
        std::vector<detail::rule_claim> out;
        auto s = c.names().find(ref.subject);
        auto p = c.names().find(ref.predicate);
        auto sc = c.find_scope(ref.scope);
        if (!s || !p || !sc) return out;
        auto it = group_of.find({c.resolve(*s), *p});
        if (it == group_of.end()) return out;
        for (const claim_index i : ctx.groups().members(it->second)) {
            const auto& rec = c.stored(i);
            if (rec.kind != value_kind::quantity || rec.scope != *sc) continue;
            const period when = c.assertion_period(i);
            if (!when.ok()) continue;  // vouched for no day (§3.3): no time to check it at
            out.push_back({i, when, value_identity_of(c, i, ctx.options().compare)});
        }
        return out;
    }

    static std::string ref_text(const rule_ref& r) {
        std::string s = r.subject + "." + r.predicate;
        for (const auto& [d, t] : r.scope) s += "[" + d + "=" + t + "]";
        return s;
    }

    static void check_rule(const check_context& ctx, const rule& r, std::size_t ri,
                           const std::vector<const rule_ref*>& refs,
                           const std::vector<std::vector<detail::rule_claim>>& per_ref, report& out) {
        const auto& c = ctx.data();
        for (const auto& v : per_ref)
            if (v.empty()) return;  // some reference has no claimed value at all
        // All references must share one base unit, else the rule cannot be evaluated.
        std::set<unit_base_id> bases;
        for (const auto& v : per_ref)
            for (const auto& x : v) bases.insert(x.value.base);
        if (bases.size() > 1 && r.type == rule_type::sum) {
            if (ctx.options().wants(finding_kind::input_warning)) {
                finding f;
                f.kind = std::string(kinds::input_warning);
                f.severity = severity::warning;
                f.subject = r.total.subject;
                f.predicate = r.total.predicate;
                f.field = "rules[" + std::to_string(ri) + "]";
                f.message = "sum rule on " + ref_text(r.total) + " mixes units that do not convert to one base";
                out.findings.push_back(std::move(f));
                ++out.stats.input_warnings;
            }
            return;
        }
        // Elementary time segments: between consecutive period boundaries the set of active
        // claims is constant.
        std::vector<std::int64_t> cuts;
        for (const auto& v : per_ref)
            for (const auto& x : v) {
                cuts.push_back(x.when.first());
                cuts.push_back(std::int64_t{x.when.last()} + 1);
            }
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
        std::set<std::vector<claim_index>> seen;
        for (std::size_t s = 0; s + 1 < cuts.size(); ++s) {
            std::int64_t lo = cuts[s], hi = cuts[s + 1] - 1;
            std::vector<std::vector<const detail::rule_claim*>> active(per_ref.size());
            bool all = true;
            for (std::size_t k = 0; k < per_ref.size() && all; ++k) {
                for (const auto& x : per_ref[k]) {
                    if (x.when.first() > hi || x.when.last() < lo) continue;
                    bool dup = false;  // one claim per distinct value
                    for (const auto* y : active[k]) dup = dup || y->value == x.value;
                    if (!dup) active[k].push_back(&x);
                }
                all = !active[k].empty();
            }
            if (!all) continue;
            std::vector<std::size_t> pick(per_ref.size(), 0);
            for (std::size_t combos = 0; combos < 10000; ++combos) {
                evaluate(ctx, r, ri, refs, active, pick,
                         period(static_cast<day_number>(lo), static_cast<day_number>(hi)), seen, out);
                std::size_t k = 0;
                while (k < pick.size() && ++pick[k] == active[k].size()) pick[k++] = 0;
                if (k == pick.size()) break;
            }
        }
        (void)c;
    }

    static void evaluate(const check_context& ctx, const rule& r, std::size_t ri,
                         const std::vector<const rule_ref*>& refs,
                         const std::vector<std::vector<const detail::rule_claim*>>& active,
                         const std::vector<std::size_t>& pick, period when, std::set<std::vector<claim_index>>& seen,
                         report& out) {
        const auto& c = ctx.data();
        interval total = active[0][pick[0]]->range();
        interval acc = r.type == rule_type::sum ? interval{0, 0} : interval{1, 1};
        for (std::size_t k = 1; k < active.size(); ++k) {
            const auto v = active[k][pick[k]]->range();
            acc = r.type == rule_type::sum ? acc + v : acc * v;
        }
        interval slack = widen(total, r.tolerance);
        if (!disjoint(slack, acc, ctx.options().compare.rel_tolerance)) return;
        std::vector<claim_index> ids;
        for (std::size_t k = 0; k < active.size(); ++k) ids.push_back(active[k][pick[k]]->idx);
        if (!seen.insert(ids).second) return;
        ++out.stats.rule_violations;
        if (!ctx.options().wants(finding_kind::rule_violation)) return;
        finding f;
        f.kind = std::string(kinds::rule_violation);
        f.severity = severity::error;
        f.subject = r.total.subject;
        f.predicate = r.total.predicate;
        f.field = "rules[" + std::to_string(ri) + "]";
        std::set<std::string> sources;
        std::string parts;
        for (std::size_t k = 0; k < ids.size(); ++k) {
            f.claims.emplace_back(c.claim_id(ids[k]));
            sources.insert(c.source_at(c.stored(ids[k]).source).id);
            if (k == 0) continue;
            if (k > 1) parts += r.type == rule_type::sum ? " + " : " x ";
            parts += c[ids[k]].value_text() + " (" + std::string(c.claim_id(ids[k])) + ")";
        }
        f.claim_count = ids.size();
        f.sources.assign(sources.begin(), sources.end());
        f.message = std::string(to_string(r.type)) + " rule " + ref_text(*refs[0]) + ": " + parts + " = " +
                    detail::format_range(acc.lo, acc.hi, detail::range_format::en_dash) + ", but the total is " +
                    c[ids[0]].value_text() + " (" + std::string(c.claim_id(ids[0])) + "), beyond the tolerance of " +
                    detail::format_number(r.tolerance * 100) + "% during " + to_string(when);
        out.findings.push_back(std::move(f));
    }
};

inline constexpr rules_fn rules{};

}  // namespace crosscheck

#endif
