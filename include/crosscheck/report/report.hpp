// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_REPORT_REPORT_HPP
#define CROSSCHECK_REPORT_REPORT_HPP

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck {

/// How much a finding matters; `--fail-on` compares against it.
enum class severity : std::uint8_t { info, warning, error };

inline constexpr const char* to_string(severity s) noexcept {
    switch (s) {
        case severity::info: return "info";
        case severity::warning: return "warning";
        case severity::error: return "error";
    }
    return "info";
}
inline std::optional<severity> try_parse_severity(std::string_view s) noexcept {
    if (s == "info") return severity::info;
    if (s == "warning") return severity::warning;
    if (s == "error") return severity::error;
    return std::nullopt;
}

/// The kinds of finding of §6. A checker of a user's may use kinds of its own.
namespace kinds {
inline constexpr std::string_view conflict = "conflict";
inline constexpr std::string_view self_contradiction = "self_contradiction";
inline constexpr std::string_view rule_violation = "rule_violation";
inline constexpr std::string_view single_origin = "single_origin";
inline constexpr std::string_view input_warning = "input_warning";
}  // namespace kinds

/// The built-in kinds of finding (`kinds` names them). `finding::kind` stays text, so that a
/// user's checker may report kinds of its own.
enum class finding_kind : std::uint8_t { conflict, self_contradiction, rule_violation, single_origin, input_warning };

inline constexpr std::string_view to_string(finding_kind k) noexcept {
    switch (k) {
        case finding_kind::conflict: return kinds::conflict;
        case finding_kind::self_contradiction: return kinds::self_contradiction;
        case finding_kind::rule_violation: return kinds::rule_violation;
        case finding_kind::single_origin: return kinds::single_origin;
        case finding_kind::input_warning: return kinds::input_warning;
    }
    return kinds::conflict;
}
/// Every built-in kind, in the order of the enum.
inline constexpr finding_kind builtin_finding_kinds[] = {finding_kind::conflict, finding_kind::self_contradiction,
                                                         finding_kind::rule_violation, finding_kind::single_origin,
                                                         finding_kind::input_warning};
/// The built-in kind of that name (exact, as reports spell it), or nullopt.
inline constexpr std::optional<finding_kind> try_parse_finding_kind(std::string_view s) noexcept {
    for (auto k : builtin_finding_kinds)
        if (to_string(k) == s) return k;
    return std::nullopt;
}

/// A set of finding kinds: built-in ones, and a user checker's own by name.
///
///     crosscheck::finding_kinds{crosscheck::finding_kind::conflict}.insert_custom("future_claim")
class finding_kinds {
public:
    finding_kinds() = default;  ///< empty
    finding_kinds(std::initializer_list<finding_kind> ks) noexcept {
        for (auto k : ks) insert(k);
    }
    /// Every built-in kind (and no custom one).
    static finding_kinds builtin() noexcept {
        finding_kinds s;
        for (auto k : builtin_finding_kinds) s.insert(k);
        return s;
    }

    finding_kinds& insert(finding_kind k) noexcept {
        bits_ = static_cast<std::uint8_t>(bits_ | bit(k));
        return *this;
    }
    /// A kind of a user's checker. A built-in kind's name inserts that kind.
    finding_kinds& insert_custom(std::string_view kind) {
        if (auto k = try_parse_finding_kind(kind)) return insert(*k);
        if (!contains(kind)) custom_.emplace_back(kind);
        return *this;
    }

    bool contains(finding_kind k) const noexcept { return (bits_ & bit(k)) != 0; }
    /// A built-in kind by name, or a custom one.
    bool contains(std::string_view kind) const noexcept {
        if (auto k = try_parse_finding_kind(kind)) return contains(*k);
        return std::find(custom_.begin(), custom_.end(), kind) != custom_.end();
    }
    bool empty() const noexcept { return bits_ == 0 && custom_.empty(); }
    const std::vector<std::string>& custom() const noexcept { return custom_; }

    friend bool operator==(const finding_kinds& a, const finding_kinds& b) {
        return a.bits_ == b.bits_ && a.custom_ == b.custom_;
    }
    friend bool operator!=(const finding_kinds& a, const finding_kinds& b) { return !(a == b); }

private:
    static constexpr std::uint8_t bit(finding_kind k) noexcept {
        return static_cast<std::uint8_t>(1u << static_cast<unsigned>(k));
    }
    std::uint8_t bits_ = 0;
    std::vector<std::string> custom_;
};

/// One claim as a finding shows it, so a report can be read without the corpus.
struct evidence {
    std::string claim;   ///< claim id
    std::string source;  ///< source id
    std::string outlet;  ///< source outlet, or empty
    std::string period;  ///< assertion period as text (`..` for all time)
    std::string scope;   ///< canonical scope text
    std::string quote;
    std::string lang;
    std::string modality;
    friend bool operator==(const evidence& a, const evidence& b) {
        return a.claim == b.claim && a.source == b.source && a.outlet == b.outlet && a.period == b.period &&
               a.scope == b.scope && a.quote == b.quote && a.lang == b.lang && a.modality == b.modality;
    }
};

/// The claims of a finding that state one value, with how many independent origins back it.
struct value_group {
    std::string value;     ///< the value as text ("banned", "about 36000 B200")
    std::string interval;  ///< for quantities: the interval compared, e.g. "32400–39600"
    std::vector<evidence> claims;
    std::size_t claim_count = 0;            ///< claims stating this value (`claims` may be capped)
    std::size_t origins = 0;                ///< distinct origins (§4) among these claims
    std::vector<std::string> origin_names;  ///< outlets (or ids) of those origins
    friend bool operator==(const value_group& a, const value_group& b) {
        return a.value == b.value && a.interval == b.interval && a.claims == b.claims &&
               a.claim_count == b.claim_count && a.origins == b.origins && a.origin_names == b.origin_names;
    }
};

/// One thing a checker found: a contradiction, a broken rule, a weak corroboration, bad input.
struct finding {
    std::string kind;  ///< one of `kinds`, or a user checker's own
    crosscheck::severity severity = severity::warning;
    std::string subject;
    std::string predicate;
    std::string scope;                 ///< canonical scope text of the key (may be empty)
    std::vector<std::string> claims;   ///< ids of the claims involved
    std::vector<std::string> sources;  ///< ids of their sources
    std::string message;               ///< for a person: what is wrong and why
    std::string field;                 ///< input warnings: the field at fault
    std::vector<value_group> values;   ///< conflicts: the claims grouped by value
    std::uint64_t pairs = 0;           ///< conflicts: unordered conflicting pairs behind this finding
    std::size_t claim_count = 0;       ///< claims involved (`claims` may be capped)
    std::size_t omitted_values = 0;    ///< values not shown in `values` (the least stated)

    friend bool operator==(const finding& a, const finding& b) {
        return a.kind == b.kind && a.severity == b.severity && a.subject == b.subject && a.predicate == b.predicate &&
               a.scope == b.scope && a.claims == b.claims && a.sources == b.sources && a.message == b.message &&
               a.field == b.field && a.values == b.values && a.pairs == b.pairs && a.claim_count == b.claim_count &&
               a.omitted_values == b.omitted_values;
    }
    friend bool operator!=(const finding& a, const finding& b) { return !(a == b); }
};

/// The counts of §6, and a few more.
struct report_stats {
    std::uint64_t claims = 0;
    std::uint64_t keys = 0;
    std::uint64_t conflicting_pairs = 0;
    std::uint64_t conflicted_keys = 0;
    std::uint64_t self_contradictions = 0;  ///< unordered conflicting pairs within one source
    std::uint64_t rule_violations = 0;
    std::uint64_t input_warnings = 0;
    friend bool operator==(const report_stats& a, const report_stats& b) {
        return a.claims == b.claims && a.keys == b.keys && a.conflicting_pairs == b.conflicting_pairs &&
               a.conflicted_keys == b.conflicted_keys && a.self_contradictions == b.self_contradictions &&
               a.rule_violations == b.rule_violations && a.input_warnings == b.input_warnings;
    }
};

/// What a check returns: findings and stats. Contradictions are data, not exceptions.
struct report {
    std::vector<finding> findings;
    report_stats stats;
    /// The conflicting pairs as (smaller id, larger id) when listing was asked for and the
    /// count stayed under the listing cap; `pairs_complete` says whether the list is whole.
    std::vector<std::pair<std::string, std::string>> pairs;
    bool pairs_complete = true;

    /// The worst severity among the findings, if any.
    std::optional<crosscheck::severity> worst() const noexcept {
        std::optional<crosscheck::severity> w;
        for (const auto& f : findings)
            if (!w || f.severity > *w) w = f.severity;
        return w;
    }
    std::size_t count(std::string_view kind) const noexcept {
        return static_cast<std::size_t>(
            std::count_if(findings.begin(), findings.end(), [&](const finding& f) { return f.kind == kind; }));
    }
    std::size_t count(crosscheck::severity s) const noexcept {
        return static_cast<std::size_t>(
            std::count_if(findings.begin(), findings.end(), [&](const finding& f) { return f.severity == s; }));
    }
    bool empty() const noexcept { return findings.empty(); }

    friend bool operator==(const report& a, const report& b) {
        return a.findings == b.findings && a.stats == b.stats && a.pairs == b.pairs &&
               a.pairs_complete == b.pairs_complete;
    }
    friend bool operator!=(const report& a, const report& b) { return !(a == b); }
};

/// One line per finding: `error conflict bytedance.b200_chips: ...`.
inline std::ostream& operator<<(std::ostream& os, const finding& f) {
    os << to_string(f.severity) << ' ' << f.kind;
    if (!f.subject.empty() || !f.predicate.empty()) os << ' ' << f.subject << '.' << f.predicate;
    if (!f.scope.empty()) os << '[' << f.scope << ']';
    os << ": " << f.message;
    if (!f.claims.empty()) {
        os << " (claims";
        for (const auto& c : f.claims) os << ' ' << c;
        os << ')';
    }
    return os;
}

inline std::ostream& operator<<(std::ostream& os, const report& r) {
    os << "report: " << r.stats.claims << " claims, " << r.stats.keys << " keys, " << r.stats.conflicting_pairs
       << " conflicting pairs in " << r.stats.conflicted_keys << " keys, " << r.findings.size() << " findings";
    for (const auto& f : r.findings) os << "\n  " << f;
    return os;
}

}  // namespace crosscheck

#endif
