// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_DETAIL_NUMBER_HPP
#define CROSSCHECK_DETAIL_NUMBER_HPP

// The one place where a figure (a double) becomes text. Integer counts are not figures: they are
// written with std::to_chars where they are needed (JSON numbers, "3 claims").

#include <crosscheck/config.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace crosscheck::detail {

/// How a figure is written.
enum class number_format : std::uint8_t {
    /// Up to 12 significant digits, like printf's %.12g: enough for any figure a source states,
    /// and floating-point noise from unit conversion (8848.039200000001) does not show. Value
    /// texts, reports, messages and resolution output use it.
    readable,
    /// The fewest of 15, 16 or 17 significant digits (%.15g..%.17g) that read back as the same
    /// double: the default text of a resolution value built without one.
    round_trip,
};

/// `v` with `digits` significant digits, as printf's %.{digits}g writes it (inf, -inf, nan and
/// -nan included).
inline std::string format_general(double v, int digits) {
    char buf[40];
    auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, digits);
    return std::string(buf, r.ptr);
}

/// A figure as text, in the given format.
inline std::string format_number(double v, number_format f = number_format::readable) {
    if (f == number_format::round_trip) {
        std::string text;
        for (int digits = 15; digits <= 17; ++digits) {
            text = format_general(v, digits);
            if (std::strtod(text.c_str(), nullptr) == v) break;
        }
        return text;
    }
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    if (std::isnan(v)) return "nan";
    // Whole numbers below 10^12 print as their digits under %.12g: the common case (counts,
    // capacities) without the general float formatter.
    if (v == std::trunc(v) && std::fabs(v) < 1e12 && !(v == 0 && std::signbit(v))) {
        char buf[32];
        auto r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v));
        return std::string(buf, r.ptr);
    }
    return format_general(v, 12);
}

/// How a range of figures is written; a range of one point is its figure alone.
enum class range_format : std::uint8_t {
    en_dash,    ///< "8844.22–8844.64": conflict findings and rule messages
    bracketed,  ///< "[8844.22, 8844.64]": resolution values
};

/// The range lo..hi as text, each end in the readable number format.
inline std::string format_range(double lo, double hi, range_format f = range_format::en_dash) {
    if (lo == hi) return format_number(lo);
    if (f == range_format::bracketed) return "[" + format_number(lo) + ", " + format_number(hi) + "]";
    return format_number(lo) + "\xE2\x80\x93" + format_number(hi);
}

}  // namespace crosscheck::detail

#endif  // CROSSCHECK_DETAIL_NUMBER_HPP
