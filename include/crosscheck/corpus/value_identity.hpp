// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_CORPUS_VALUE_IDENTITY_HPP
#define CROSSCHECK_CORPUS_VALUE_IDENTITY_HPP

// "Do these two claims state the same value?" answered once, for the conflict checker's value
// groups, corroboration (§4), the rule checker and resolution alike.

#include <crosscheck/corpus/corpus.hpp>
#include <crosscheck/model/value.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <tuple>
#include <type_traits>
#include <unordered_map>

namespace crosscheck {

/// No claim (value_identity::claim of a value that is not text).
inline constexpr claim_index no_claim{0xFFFFFFFFu};

/// What decides whether two claims state the same value: the same token (after case folding),
/// the same interval in the same base unit, the same calendar period, or the same text. Two
/// identities are the same value exactly when their fields are equal. Small and trivially
/// copyable: the conflict checker computes one per claim.
struct value_identity {
    value_kind kind = value_kind::token;
    /// token: the token's name (case-folded); otherwise no_symbol.
    symbol token = no_symbol;
    /// quantity: the base unit (corpus::unit_base; no_unit_base for none); otherwise no_unit_base.
    unit_base_id base = no_unit_base;
    /// text and custom values: a claim stating this text (value_identity_of names the claim
    /// itself, same_text_claims the first claim with an equal text); otherwise no_claim.
    claim_index claim = no_claim;
    /// quantity: the interval in the base unit, before any tolerance widens it; calendar: the
    /// first and last day.
    double lo = 0, hi = 0;

    /// The ends compare as numbers (0 and -0 are one end), except that a NaN end, which only a
    /// C++ caller can store, equals itself, so that sorting and hashing stay well defined.
    friend bool operator==(const value_identity& a, const value_identity& b) noexcept {
        return a.kind == b.kind && a.token == b.token && a.base == b.base && a.claim == b.claim && end_key(a.lo) == end_key(b.lo) &&
               end_key(a.hi) == end_key(b.hi);
    }
    friend bool operator!=(const value_identity& a, const value_identity& b) noexcept { return !(a == b); }
    /// An order for sorting, consistent with == (not the order of the numbers).
    friend bool operator<(const value_identity& a, const value_identity& b) noexcept {
        return std::make_tuple(a.kind, a.token, a.base, a.claim, end_key(a.lo), end_key(a.hi)) <
               std::make_tuple(b.kind, b.token, b.base, b.claim, end_key(b.lo), end_key(b.hi));
    }

    /// The bits of an end, 0 and -0 made one.
    static std::uint64_t end_key(double d) noexcept {
        d += 0.0;
        std::uint64_t u;
        std::memcpy(&u, &d, sizeof u);
        return u;
    }
};
static_assert(std::is_trivially_copyable_v<value_identity>, "value_identity is computed per claim");
static_assert(sizeof(value_identity) <= 32, "value_identity grew past 32 bytes");

/// A hash of a value_identity, for hashed containers (equality decides identity, not this).
struct value_identity_hash {
    std::size_t operator()(const value_identity& v) const noexcept {
        std::uint64_t h = (std::uint64_t{static_cast<std::uint8_t>(v.kind)} << 32 | to_index(v.token)) * 0x9E3779B97F4A7C15u;
        h = (h ^ to_index(v.base) ^ (h >> 31)) * 0xBF58476D1CE4E5B9u;
        h = (h ^ to_index(v.claim) ^ (h >> 29)) * 0xBF58476D1CE4E5B9u;
        h = (h ^ value_identity::end_key(v.lo) ^ (h >> 31)) * 0x94D049BB133111EBu;
        h = (h ^ value_identity::end_key(v.hi) ^ (h >> 29)) * 0x9E3779B97F4A7C15u;
        return static_cast<std::size_t>(h ^ (h >> 32));
    }
};

/// The identity of the value of claim `i` (a stored record and the corpus's units: no
/// allocation). Quantities are converted to their base unit; `about` spans
/// a(1 ± o.about_width); o.rel_tolerance plays no part (it widens intervals when they are
/// compared, not what they are).
inline value_identity value_identity_of(const corpus& c, claim_index i, const compare_options& o = {}) {
    const stored_claim& r = c.stored(i);
    value_identity v;
    v.kind = r.kind;
    switch (r.kind) {
        case value_kind::token: v.token = r.value_token(); break;
        case value_kind::quantity: {
            const interval iv = r.is_bounds_form() ? interval{r.a, r.b}
                                                   : quantity(r.a, r.approx_kind()).to_interval(o.about_width);
            const auto [base, factor] = c.unit_base(r.value_unit());
            v.base = base;
            v.lo = iv.lo * factor;  // factor > 0 (the registry rejects others): the ends keep their order
            v.hi = iv.hi * factor;
            break;
        }
        case value_kind::calendar:
            v.lo = r.a;
            v.hi = r.b;
            break;
        case value_kind::text:
        case value_kind::custom: v.claim = i; break;
    }
    return v;
}

inline value_identity value_identity_of(const claim_ref& r, const compare_options& o = {}) {
    return value_identity_of(r.owner(), r.index(), o);
}

/// Free text and user values are the same value when their texts are, which a value_identity
/// cannot hold: this maps each such identity to the first claim it was given with an equal
/// text (other identities pass unchanged). Texts are rare, so a map of strings is cheap here.
class same_text_claims {
public:
    value_identity operator()(const corpus& c, value_identity v) {
        if (v.kind != value_kind::text && v.kind != value_kind::custom) return v;
        v.claim = first_.try_emplace(c[v.claim].value_text(), v.claim).first->second;
        return v;
    }
    void clear() noexcept { first_.clear(); }

private:
    std::unordered_map<std::string, claim_index> first_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CORPUS_VALUE_IDENTITY_HPP
