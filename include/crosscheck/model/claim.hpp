// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_MODEL_CLAIM_HPP
#define CROSSCHECK_MODEL_CLAIM_HPP

#include <crosscheck/config.hpp>
#include <crosscheck/model/period.hpp>
#include <crosscheck/model/value.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace crosscheck {

/// How a source puts a claim (§1). `planned` claims are compared only with planned claims.
enum class modality : std::uint8_t { asserted, reported, estimated, planned };

inline constexpr const char* to_string(modality m) noexcept {
    switch (m) {
        case modality::asserted: return "asserted";
        case modality::reported: return "reported";
        case modality::estimated: return "estimated";
        case modality::planned: return "planned";
    }
    return "asserted";
}
inline std::optional<modality> try_parse_modality(std::string_view s) noexcept {
    if (s == "asserted") return modality::asserted;
    if (s == "reported") return modality::reported;
    if (s == "estimated") return modality::estimated;
    if (s == "planned") return modality::planned;
    return std::nullopt;
}
/// §3 rule 4: planned only with planned; all other modalities with each other.
inline constexpr bool compatible(modality a, modality b) noexcept {
    return (a == modality::planned) == (b == modality::planned);
}

/// Scope of a claim: dimension -> token (`{"jurisdiction": "china"}`). Kept sorted by dimension.
using scope_map = std::map<std::string, std::string>;

/// Validity as written (§1 `valid`): absent, one Date, or from/to with either end open. The
/// assertion period (§3.3) also needs the source, so the corpus computes it.
struct validity {
    enum class form : std::uint8_t { none, date, range };
    form how = form::none;
    period span;  ///< the Date, or from-first..to-last with open ends as written

    validity() = default;
    /// One Date.
    explicit validity(period p) : how(form::date), span(p) {}
    /// from/to; either may be absent.
    static validity range(std::optional<period> from, std::optional<period> to) {
        validity v;
        v.how = form::range;
        v.span = from && to ? period::between(*from, *to)
                 : from     ? period::starting(*from)
                 : to       ? period::until(*to)
                            : period{};
        return v;
    }
    bool has_from() const noexcept { return how != form::none && !span.open_start(); }
    bool has_to() const noexcept { return how != form::none && !span.open_end(); }
    friend bool operator==(const validity& a, const validity& b) { return a.how == b.how && a.span == b.span; }
    friend bool operator!=(const validity& a, const validity& b) { return !(a == b); }
};

/// A typed claim: `subject`'s `predicate` has `value`, in `scope`, over `valid`, says `source`.
/// `Value` is token, quantity, calendar_value, text_value, any_value, or a user's type with
/// value_traits. Claims are regular values; the corpus stores them compactly.
template <class Value>
struct claim {
    static_assert(is_claim_value_v<Value>, "claim<Value>: Value needs value_traits (see claim.hpp)");
    using value_type = Value;

    std::string id;
    std::string source;
    std::string subject;
    std::string predicate;
    Value value{};
    scope_map scope;
    validity valid;
    modality mode = modality::asserted;
    std::string quote;
    std::string lang;                ///< language of the quote; empty: the source's
    std::vector<std::string> cites;  ///< where it relies on other sources than its source does

    friend bool operator==(const claim& a, const claim& b) {
        return a.id == b.id && a.source == b.source && a.subject == b.subject && a.predicate == b.predicate &&
               a.value == b.value && a.scope == b.scope && a.valid == b.valid && a.mode == b.mode &&
               a.quote == b.quote && a.lang == b.lang && a.cites == b.cites;
    }
    friend bool operator!=(const claim& a, const claim& b) { return !(a == b); }
    friend std::ostream& operator<<(std::ostream& os, const claim& c) {
        os << (c.id.empty() ? std::string("?") : c.id) << ": " << c.subject << "." << c.predicate;
        for (const auto& [d, t] : c.scope) os << "[" << d << "=" << t << "]";
        os << " = " << value_traits<Value>::to_string(c.value);
        if (c.valid.how != validity::form::none) os << " @" << to_string(c.valid.span);
        return os << " (" << c.source << ")";
    }
};

}  // namespace crosscheck

#endif
