// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_MODEL_QUANTITY_HPP
#define CROSSCHECK_MODEL_QUANTITY_HPP

#include <crosscheck/detail/number.hpp>
#include <crosscheck/model/error.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crosscheck {

/// How a figure is hedged in the text (§1 Values, §3 intervals).
enum class approx : std::uint8_t {
    exact,     ///< [a, a]
    about,     ///< [a(1-t), a(1+t)], t = about width (0.10 by default)
    at_least,  ///< "over": [a, +inf)
    at_most,   ///< "under": (-inf, a]
};

inline constexpr const char* to_string(approx a) noexcept {
    switch (a) {
        case approx::exact: return "exact";
        case approx::about: return "about";
        case approx::at_least: return "at_least";
        case approx::at_most: return "at_most";
    }
    return "exact";
}

/// Reads the `approx` field: exact, about, over/at_least, under/at_most.
inline std::optional<approx> try_parse_approx(std::string_view s) noexcept {
    if (s == "exact") return approx::exact;
    if (s == "about") return approx::about;
    if (s == "over" || s == "at_least") return approx::at_least;
    if (s == "under" || s == "at_most") return approx::at_most;
    return std::nullopt;
}

/// A closed interval of reals; infinite ends stand for unbounded.
struct interval {
    double lo = -std::numeric_limits<double>::infinity();
    double hi = std::numeric_limits<double>::infinity();

    bool ok() const noexcept { return lo <= hi; }
    friend bool operator==(const interval& a, const interval& b) noexcept { return a.lo == b.lo && a.hi == b.hi; }
    friend bool operator!=(const interval& a, const interval& b) noexcept { return !(a == b); }
};

/// Interval sum: every x + y with x in a and y in b.
inline interval operator+(interval a, interval b) noexcept { return {a.lo + b.lo, a.hi + b.hi}; }

/// Interval product, safe with infinite ends (0 * inf counts as 0: a zero factor is zero).
inline interval operator*(interval a, interval b) noexcept {
    auto mul = [](double x, double y) { return (x == 0 || y == 0) ? 0.0 : x * y; };
    const double c[4] = {mul(a.lo, b.lo), mul(a.lo, b.hi), mul(a.hi, b.lo), mul(a.hi, b.hi)};
    return {std::min(std::min(c[0], c[1]), std::min(c[2], c[3])), std::max(std::max(c[0], c[1]), std::max(c[2], c[3]))};
}

/// Widens each end of `i` by `rel_tol` times its magnitude: the slack for floating-point error
/// (and for a user's wider tolerance) under which two intervals still agree.
inline interval widen(interval i, double rel_tol) noexcept {
    return {i.lo - std::fabs(i.lo) * rel_tol, i.hi + std::fabs(i.hi) * rel_tol};
}

/// Whether two intervals share no point once each is widened by `rel_tol` (§3: "allow a relative
/// 1e-9 for floating-point error"). Intervals that touch agree.
inline bool disjoint(interval a, interval b, double rel_tol = 1e-9) noexcept {
    auto wa = widen(a, rel_tol), wb = widen(b, rel_tol);
    return wa.hi < wb.lo || wb.hi < wa.lo;
}

/// A figure as a source states it: an amount and/or explicit bounds, a hedge and a unit.
struct quantity {
    std::optional<double> amount;
    std::optional<double> lower;
    std::optional<double> upper;
    approx kind = approx::exact;
    std::string unit;  ///< empty: no unit

    quantity() = default;
    /// An exact amount.
    quantity(double a, std::string u = {}) : amount(a), unit(std::move(u)) {}
    quantity(double a, approx k, std::string u = {}) : amount(a), kind(k), unit(std::move(u)) {}
    /// Explicit bounds; an absent bound is unbounded.
    static quantity bounds(std::optional<double> lo, std::optional<double> hi, std::string u = {}) {
        quantity q;
        q.lower = lo;
        q.upper = hi;
        q.unit = std::move(u);
        return q;
    }

    /// Valid when it has an amount or a bound, no NaN, and lower <= upper.
    bool ok() const noexcept {
        auto finite_or_absent = [](const std::optional<double>& v) { return !v || !std::isnan(*v); };
        if (!amount && !lower && !upper) return false;
        if (!finite_or_absent(amount) || !finite_or_absent(lower) || !finite_or_absent(upper)) return false;
        return !(lower && upper && *lower > *upper);
    }

    /// The interval of §3, in the quantity's own unit. Explicit bounds win over amount + hedge.
    interval to_interval(double about_width = 0.10) const noexcept {
        constexpr double inf = std::numeric_limits<double>::infinity();
        if (lower || upper) return {lower ? *lower : -inf, upper ? *upper : inf};
        const double a = amount ? *amount : 0.0;
        switch (kind) {
            case approx::exact: return {a, a};
            case approx::about: {
                double x = a * (1 - about_width), y = a * (1 + about_width);
                return {std::min(x, y), std::max(x, y)};  // negative amounts flip the ends
            }
            case approx::at_least: return {a, inf};
            case approx::at_most: return {-inf, a};
        }
        return {a, a};
    }

    friend bool operator==(const quantity& a, const quantity& b) noexcept {
        return a.amount == b.amount && a.lower == b.lower && a.upper == b.upper && a.kind == b.kind && a.unit == b.unit;
    }
    friend bool operator!=(const quantity& a, const quantity& b) noexcept { return !(a == b); }
};

/// Human text: "about 36000 B200", "over 2.5 bn_usd", "8844.22-8844.64 m".
inline std::string to_string(const quantity& q) {
    std::string out;
    if (q.lower || q.upper) {
        if (q.lower && q.upper && *q.lower == *q.upper) out = detail::format_number(*q.lower);  // CSV lo = hi
        else if (q.lower && q.upper) out = detail::format_number(*q.lower) + "-" + detail::format_number(*q.upper);
        else if (q.lower) out = "at least " + detail::format_number(*q.lower);
        else out = "at most " + detail::format_number(*q.upper);
    } else {
        switch (q.kind) {
            case approx::exact: break;
            case approx::about: out = "about "; break;
            case approx::at_least: out = "over "; break;
            case approx::at_most: out = "under "; break;
        }
        out += detail::format_number(q.amount ? *q.amount : 0.0);
    }
    if (!q.unit.empty()) out += " " + q.unit;
    return out;
}

inline std::ostream& operator<<(std::ostream& os, const quantity& q) {
    return os << to_string(q);
}

/// Units and how they convert: each unit names a base unit and a factor (1 unit = factor base).
/// Bases may themselves have bases (km -> m -> ... ); cycles are rejected.
class unit_registry {
public:
    /// Declares `1 unit = factor base`. Throws model_error if the factor is not finite and
    /// positive, or if the definition closes a cycle.
    void add(const std::string& unit, const std::string& base, double factor) {
        if (!(factor > 0) || !std::isfinite(factor))
            throw model_error(3, "unit '" + unit + "': factor must be a finite positive number");
        if (unit == base) throw model_error(4, "unit '" + unit + "' is defined in terms of itself");
        auto old = defs_.find(unit);
        std::optional<std::pair<std::string, double>> saved;
        if (old != defs_.end()) saved = old->second;
        defs_[unit] = {base, factor};
        if (auto cyc = find_cycle(unit)) {
            if (saved) defs_[unit] = *saved;
            else defs_.erase(unit);
            throw model_error(4, "unit cycle: " + *cyc);
        }
    }
    bool contains(const std::string& unit) const { return defs_.count(unit) != 0; }
    /// The root base unit of `unit` and the factor to it (a unit not declared is its own base).
    std::pair<std::string, double> to_base(const std::string& unit) const {
        std::string u = unit;
        double f = 1.0;
        for (std::size_t steps = 0; steps <= defs_.size(); ++steps) {
            auto it = defs_.find(u);
            if (it == defs_.end()) break;
            f *= it->second.second;
            u = it->second.first;
        }
        return {u, f};
    }
    /// The factor that turns `from` into `to`, if both reduce to one base.
    std::optional<double> factor(const std::string& from, const std::string& to) const {
        auto a = to_base(from), b = to_base(to);
        if (a.first != b.first) return std::nullopt;
        return a.second / b.second;
    }
    /// Every declared unit with its direct base and factor, in name order.
    const std::map<std::string, std::pair<std::string, double>>& definitions() const noexcept { return defs_; }
    std::size_t size() const noexcept { return defs_.size(); }
    bool empty() const noexcept { return defs_.empty(); }

    friend bool operator==(const unit_registry& a, const unit_registry& b) { return a.defs_ == b.defs_; }

private:
    std::optional<std::string> find_cycle(const std::string& start) const {
        std::string path = start, u = start;
        for (std::size_t steps = 0; steps <= defs_.size(); ++steps) {
            auto it = defs_.find(u);
            if (it == defs_.end()) return std::nullopt;
            u = it->second.first;
            path += " -> " + u;
            if (u == start) return path;
        }
        return path;  // walked more steps than there are units: a cycle not through start
    }
    std::map<std::string, std::pair<std::string, double>> defs_;
};

}  // namespace crosscheck

#endif
