// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_RESOLVE_FROM_CORPUS_HPP
#define CROSSCHECK_RESOLVE_FROM_CORPUS_HPP

// From a corpus to resolution evidence: one item per key (subject after aliases, predicate,
// scope; planned claims apart, §3.4), sources with their reliability priors and the
// origins of §4 (a claim with its own `cites` gets a source of its own that cites
// them), tokens case-folded, quantities converted to their base unit as intervals, calendar
// values with their precision. Free-text values are never compared, so they are left out.

#include <crosscheck/corpus/corpus.hpp>
#include <crosscheck/corpus/value_identity.hpp>
#include <crosscheck/detail/number.hpp>
#include <crosscheck/model/value.hpp>
#include <crosscheck/resolve/methods.hpp>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>
#include <unordered_set>
#include <variant>
#include <vector>

namespace crosscheck {

struct corpus_evidence_options {
    /// How values compare, as in check_options: `about` spans a(1 ± compare.about_width), and
    /// quantities that overlap once widened by compare.rel_tolerance support each other.
    compare_options compare;
    /// Predicates whose value changes over time: the latest period wins (see resolve_options).
    std::vector<std::string> time_varying_predicates;
};

/// The evidence and, per observation, the corpus claim it came from.
struct corpus_evidence {
    evidence_table ev;
    std::vector<claim_index> claim_of;
};

namespace detail {

/// The text of an item key or a token as resolution shows it: the corpus's display spelling with
/// ASCII letters lowered. Only text: names are matched by the corpus's symbols, which fold case
/// with Unicode rules.
inline std::string resolve_lower(std::string_view s) {
    std::string out(s);
    for (auto& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

}  // namespace detail

/// Builds resolution evidence from a corpus. Observations keep the corpus's claim order, so a
/// source's later claim on the same key and period supersedes its earlier one.
inline corpus_evidence to_evidence(const corpus& c, const corpus_evidence_options& opt = {}) {
    corpus_evidence out;
    auto& ev = out.ev;
    for (source_index s : c.source_indices()) ev.add_source(c.source_at(s).id, c.source_at(s).reliability);
    for (source_index s : c.source_indices()) {
        const auto& src = c.source_at(s);
        for (const auto& cited : src.cites)
            if (auto t = c.find_source(cited)) ev.add_citation(to_index(s), to_index(*t));
        if (src.translation_of)
            if (auto t = c.find_source(*src.translation_of)) ev.add_citation(to_index(s), to_index(*t));
    }
    // The user's predicates are looked up as the corpus looks names up (Unicode case folding).
    std::unordered_set<symbol> varying;
    for (const auto& p : opt.time_varying_predicates)
        if (const auto s = c.names().find(p)) varying.insert(*s);
    const kind_similarity similarity{opt.compare.rel_tolerance};

    for (claim_index i : c.claim_indices()) {
        const auto r = c[i];
        if (r.kind() != value_kind::token && r.kind() != value_kind::quantity && r.kind() != value_kind::calendar)
            continue;
        const auto predicate = detail::resolve_lower(r.predicate());
        std::string key = detail::resolve_lower(r.subject()) + "|" + predicate + "|" + c.scope_text(r.stored().scope);
        if (r.mode() == modality::planned) key += "|planned";
        const bool time_varying = varying.count(r.stored().predicate) != 0;
        const auto item = ev.add_item(key, time_varying);
        if (!ev.items()[item].similarity) ev.set_similarity(item, similarity);
        ev.set_attribute(item, predicate);

        // The claim's source, or one of its own when the claim cites others (§4).
        evidence_table::index source = to_index(r.stored().source);
        const auto origins = c.claim_origins(i);
        if (origins != c.origins(r.stored().source)) {
            std::string id = std::string(r.source_id()) + "#via";
            for (auto o : origins) id += ":" + c.source_at(o).id;
            const auto derived = ev.add_source(id, c.source_at(r.stored().source).reliability);
            for (auto o : origins) ev.add_citation(derived, to_index(o));
            source = derived;
        }

        candidate_value v;
        const auto value = r.value();
        if (const auto* t = std::get_if<token>(&value)) {
            (void)t;
            v = candidate_value::token(detail::resolve_lower(r.value_text()));
        } else if (std::holds_alternative<quantity>(value)) {
            const value_identity id = value_identity_of(c, i, opt.compare);
            const std::string unit(c.unit_base_name(id.base));
            std::string text = detail::format_range(id.lo, id.hi, detail::range_format::bracketed);
            if (!unit.empty()) text += " " + unit;
            v = candidate_value::quantity(id.lo, text);
            v.upper = id.hi;
            v.unit = unit;
        } else if (const auto* cal = std::get_if<calendar_value>(&value)) {
            v = candidate_value::calendar(static_cast<double>(cal->when.first()), static_cast<double>(cal->when.last()),
                                          to_string(cal->when));
        }
        std::optional<long long> period;
        if (r.valid().how != validity::form::none) {
            const auto p = r.assertion_period();
            if (p.last() != open_end_day) period = p.last();
            else if (p.first() != open_start_day) period = p.first();
        }
        ev.observe(source, item, std::move(v), period, static_cast<long long>(i));
        out.claim_of.push_back(i);
    }
    return out;
}

}  // namespace crosscheck

#endif
