// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_MODEL_VALUE_HPP
#define CROSSCHECK_MODEL_VALUE_HPP

// The values a claim states (tokens, quantities, calendar values, free text, values of a user's
// own type) and how two of them compare (§3 of docs/format.md).

#include <crosscheck/config.hpp>
#include <crosscheck/detail/fold.hpp>
#include <crosscheck/model/period.hpp>
#include <crosscheck/model/quantity.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

namespace crosscheck {

/// What comparing two values found.
enum class agreement : std::uint8_t {
    agree,           ///< the values can both be true
    conflict,        ///< they cannot
    not_comparable,  ///< no verdict: different kinds, unconvertible units, free text
};

/// Settings that decide how values compare (§3).
struct compare_options {
    double about_width = 0.10;    ///< t in [a(1-t), a(1+t)] for "about"
    double rel_tolerance = 1e-9;  ///< relative slack before intervals count as disjoint
};

/// A categorical value: a status, a yes/no, a name. Compared case-insensitively.
struct token {
    std::string text;
    token() = default;
    token(std::string t) : text(std::move(t)) {}  // NOLINT: a token is its text
    token(const char* t) : text(t) {}             // NOLINT
    friend bool operator==(const token& a, const token& b) { return detail::fold(a.text) == detail::fold(b.text); }
    friend bool operator!=(const token& a, const token& b) { return !(a == b); }
    friend std::ostream& operator<<(std::ostream& os, const token& t) { return os << t.text; }
};

/// A date as a claimed value (`{"date": "1953-05"}`), with its precision.
struct calendar_value {
    period when;
    friend bool operator==(const calendar_value& a, const calendar_value& b) { return a.when == b.when; }
    friend bool operator!=(const calendar_value& a, const calendar_value& b) { return !(a == b); }
    friend std::ostream& operator<<(std::ostream& os, const calendar_value& c) { return os << to_string(c.when); }
};

/// Free text (`{"text": ...}`): kept and reported, never compared.
struct text_value {
    std::string text;
    friend bool operator==(const text_value& a, const text_value& b) { return a.text == b.text; }
    friend bool operator!=(const text_value& a, const text_value& b) { return !(a == b); }
    friend std::ostream& operator<<(std::ostream& os, const text_value& t) { return os << '"' << t.text << '"'; }
};

/// The customization point for value types. Specialize it for a third-party type, or provide in
/// the type's namespace the ADL hooks
///   crosscheck::agreement crosscheck_compare(const T&, const T&, const crosscheck::compare_options&);
///   std::string crosscheck_to_string(const T&);
/// which the primary template calls. `compare` says whether two values agree, conflict or cannot
/// be compared; `to_string` is how reports show the value.
template <class T, class = void>
struct value_traits {};  // no members: T is not a claim value

template <class T>
struct value_traits<T, std::void_t<decltype(crosscheck_compare(std::declval<const T&>(), std::declval<const T&>(),
                                                               std::declval<const compare_options&>())),
                                   decltype(crosscheck_to_string(std::declval<const T&>()))>> {
    static agreement compare(const T& a, const T& b, const compare_options& o) { return crosscheck_compare(a, b, o); }
    static std::string to_string(const T& v) { return crosscheck_to_string(v); }
};

template <>
struct value_traits<token> {
    static agreement compare(const token& a, const token& b, const compare_options&) {
        return a == b ? agreement::agree : agreement::conflict;
    }
    static std::string to_string(const token& v) { return v.text; }
};
template <>
struct value_traits<quantity> {
    /// Compares in the quantities' own units: units must match exactly (a corpus converts
    /// through its unit registry before comparing).
    static agreement compare(const quantity& a, const quantity& b, const compare_options& o) {
        if (a.unit != b.unit) return agreement::not_comparable;
        return disjoint(a.to_interval(o.about_width), b.to_interval(o.about_width), o.rel_tolerance)
                   ? agreement::conflict
                   : agreement::agree;
    }
    static std::string to_string(const quantity& v) { return crosscheck::to_string(v); }
};
template <>
struct value_traits<calendar_value> {
    static agreement compare(const calendar_value& a, const calendar_value& b, const compare_options&) {
        return a.when.overlaps(b.when) ? agreement::agree : agreement::conflict;
    }
    static std::string to_string(const calendar_value& v) { return crosscheck::to_string(v.when); }
};
template <>
struct value_traits<text_value> {
    static agreement compare(const text_value&, const text_value&, const compare_options&) {
        return agreement::not_comparable;
    }
    static std::string to_string(const text_value& v) { return v.text; }
};

namespace detail {
template <class T, class = void>
inline constexpr bool has_value_traits_v = false;
template <class T>
inline constexpr bool has_value_traits_v<
    T, std::void_t<decltype(value_traits<T>::compare(std::declval<const T&>(), std::declval<const T&>(),
                                                     std::declval<const compare_options&>())),
                   decltype(value_traits<T>::to_string(std::declval<const T&>()))>> = true;
}  // namespace detail

/// Whether `T` can be the value of a claim: value_traits<T> (or its ADL hooks) say how two
/// values compare and how one prints.
template <class T>
inline constexpr bool is_claim_value_v = detail::has_value_traits_v<T>&& std::is_copy_constructible_v<T>;

#if CROSSCHECK_HAS_CONCEPTS
template <class T>
concept claim_value = is_claim_value_v<T>;
#endif

/// Compares two values of one type through value_traits.
template <class T, std::enable_if_t<is_claim_value_v<T>, int> = 0>
agreement compare_values(const T& a, const T& b, const compare_options& o = {}) {
    return value_traits<T>::compare(a, b, o);
}

/// A user's value held without its type: the corpus stores claims of any value type this way.
class custom_value {
public:
    template <class T, std::enable_if_t<is_claim_value_v<T> && !std::is_same_v<T, custom_value>, int> = 0>
    explicit custom_value(T v) : self_(std::make_shared<model<T>>(std::move(v))) {}

    /// Agree/conflict for two values of the same type; not_comparable across types.
    agreement compare(const custom_value& o, const compare_options& opt) const { return self_->compare(*o.self_, opt); }
    std::string to_string() const { return self_->to_string(); }
    /// The held value, or nullptr if it is not a T.
    template <class T>
    const T* get_if() const noexcept {
        auto* m = dynamic_cast<const model<T>*>(self_.get());
        return m ? &m->value : nullptr;
    }
    friend bool operator==(const custom_value& a, const custom_value& b) {
        return a.compare(b, compare_options{}) == agreement::agree && a.to_string() == b.to_string();
    }
    friend bool operator!=(const custom_value& a, const custom_value& b) { return !(a == b); }

private:
    struct concept_t {
        virtual ~concept_t() = default;
        virtual agreement compare(const concept_t& o, const compare_options& opt) const = 0;
        virtual std::string to_string() const = 0;
    };
    template <class T>
    struct model final : concept_t {
        explicit model(T v) : value(std::move(v)) {}
        agreement compare(const concept_t& o, const compare_options& opt) const override {
            auto* other = dynamic_cast<const model*>(&o);
            return other ? value_traits<T>::compare(value, other->value, opt) : agreement::not_comparable;
        }
        std::string to_string() const override { return value_traits<T>::to_string(value); }
        T value;
    };
    std::shared_ptr<const concept_t> self_;
};

template <>
struct value_traits<custom_value> {
    static agreement compare(const custom_value& a, const custom_value& b, const compare_options& o) {
        return a.compare(b, o);
    }
    static std::string to_string(const custom_value& v) { return v.to_string(); }
};

/// The kinds of value a corpus holds side by side.
enum class value_kind : std::uint8_t { token, quantity, calendar, text, custom };

inline constexpr const char* to_string(value_kind k) noexcept {
    switch (k) {
        case value_kind::token: return "token";
        case value_kind::quantity: return "quantity";
        case value_kind::calendar: return "calendar";
        case value_kind::text: return "text";
        case value_kind::custom: return "custom";
    }
    return "token";
}

/// A value of any kind a corpus holds.
using any_value = std::variant<token, quantity, calendar_value, text_value, custom_value>;

inline value_kind kind_of(const any_value& v) noexcept {
    return static_cast<value_kind>(v.index());
}

inline std::string to_string(const any_value& v) {
    return std::visit([](const auto& x) { return value_traits<std::decay_t<decltype(x)>>::to_string(x); }, v);
}

/// Compares values of any kinds: values of different kinds are not comparable (§3: an input
/// warning, never a conflict).
inline agreement compare_values(const any_value& a, const any_value& b, const compare_options& o = {}) {
    if (a.index() != b.index()) return agreement::not_comparable;
    return std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            return value_traits<T>::compare(x, std::get<T>(b), o);
        },
        a);
}

template <>
struct value_traits<any_value> {
    static agreement compare(const any_value& a, const any_value& b, const compare_options& o) {
        return compare_values(a, b, o);
    }
    static std::string to_string(const any_value& v) { return crosscheck::to_string(v); }
};

}  // namespace crosscheck

#endif  // CROSSCHECK_MODEL_VALUE_HPP
