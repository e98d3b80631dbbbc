// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_RESOLVE_FROM_CORPUS_HPP
#define CROSSCHECK_RESOLVE_FROM_CORPUS_HPP

// From a corpus to resolution evidence: one item per key (subject after aliases, predicate,
// scope; planned claims apart, spec section 3.4), sources with their reliability priors and the
// origins of spec section 4 (a claim with its own `cites` gets a source of its own that cites
// them), tokens case-folded, quantities converted to their base unit as intervals, calendar
// values with their precision. Free-text values are never compared, so they are left out.

#include <crosscheck/corpus/corpus.hpp>
#include <crosscheck/resolve/methods.hpp>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <sstream>
#include <string>
#include <unordered_set>
#include <variant>
#include <vector>

namespace crosscheck {

struct corpus_evidence_options {
    double about_width = 0.10;         // spec section 3: `about` spans a·(1 ± t)
    double relative_tolerance = 1e-9;  // quantities that overlap once widened by this agree
    /// Predicates whose value changes over time: the latest period wins (see resolve_options).
    std::vector<std::string> time_varying_predicates;
};

/// The evidence and, per observation, the corpus claim it came from.
struct corpus_evidence {
    evidence_table ev;
    std::vector<claim_index> claim_of;
};

namespace detail {

inline std::string resolve_lower(std::string_view s) {
    std::string out(s);
    for (auto& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

inline std::string resolve_number_text(double x) {
    std::ostringstream os;
    os.precision(12);
    os << x;
    return os.str();
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
    std::unordered_set<std::string> varying;
    for (const auto& p : opt.time_varying_predicates) varying.insert(detail::resolve_lower(p));
    const kind_similarity similarity{opt.relative_tolerance};

    for (claim_index i : c.claim_indices()) {
        const auto r = c[i];
        if (r.kind() != value_kind::token && r.kind() != value_kind::quantity && r.kind() != value_kind::calendar)
            continue;
        const auto predicate = detail::resolve_lower(r.predicate());
        std::string key = detail::resolve_lower(r.subject()) + "|" + predicate + "|" + c.scope_text(r.stored().scope);
        if (r.mode() == modality::planned) key += "|planned";
        const bool time_varying = varying.count(predicate) != 0;
        const auto item = ev.add_item(key, time_varying);
        if (!ev.items()[item].similarity) ev.set_similarity(item, similarity);
        ev.set_attribute(item, predicate);

        // The claim's source, or one of its own when the claim cites others (spec section 4).
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
        } else if (const auto* q = std::get_if<quantity>(&value)) {
            const auto [base, factor] = c.unit_base(r.stored().value_unit());
            const auto iv = q->to_interval(opt.about_width);
            const double lo = std::min(iv.lo * factor, iv.hi * factor);
            const double hi = std::max(iv.lo * factor, iv.hi * factor);
            const std::string unit(c.unit_base_name(base));
            std::string text =
                lo == hi ? detail::resolve_number_text(lo)
                         : "[" + detail::resolve_number_text(lo) + ", " + detail::resolve_number_text(hi) + "]";
            if (!unit.empty()) text += " " + unit;
            v = candidate_value::quantity(lo, text);
            v.upper = hi;
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
