// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_MODEL_PERIOD_HPP
#define CROSSCHECK_MODEL_PERIOD_HPP

#include <crosscheck/model/error.hpp>

#include <date/date.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace crosscheck {

/// How precisely a Date of the corpus format names its period (§2).
enum class precision : std::uint8_t { day, month, quarter, half, year };

/// A day as a count since 1970-01-01 (date::sys_days' representation), so periods are 8 bytes.
using day_number = std::int32_t;

/// The sentinel days that stand for an open start or end.
inline constexpr day_number open_start_day = std::numeric_limits<day_number>::min();
inline constexpr day_number open_end_day = std::numeric_limits<day_number>::max();

inline constexpr day_number to_day_number(date::sys_days d) noexcept {
    return static_cast<day_number>(d.time_since_epoch().count());
}
inline constexpr date::sys_days to_sys_days(day_number d) noexcept {
    return date::sys_days{date::days{d}};
}

/// A closed range of days, possibly open at either end, that remembers how each end was written
/// so it formats back to the same text: `2025-04` is 2025-04-01..2025-04-30 at month precision.
class period {
public:
    /// All time: open at both ends.
    constexpr period() noexcept = default;
    /// The days `first`..`last` inclusive; empty (not `ok()`) when `first` > `last`.
    constexpr period(day_number first, day_number last, precision first_prec = precision::day,
                     precision last_prec = precision::day) noexcept
        : first_(first), last_(last), first_prec_(first_prec), last_prec_(last_prec) {}
    period(date::sys_days first, date::sys_days last) noexcept : period(to_day_number(first), to_day_number(last)) {}

    /// From the first day of `a` through the last day of `b` (§2's `{"from": A, "to": B}`).
    static constexpr period between(const period& a, const period& b) noexcept {
        return {a.first_, b.last_, a.first_prec_, b.last_prec_};
    }
    static constexpr period starting(const period& a) noexcept {
        return {a.first_, open_end_day, a.first_prec_, precision::day};
    }
    static constexpr period until(const period& b) noexcept {
        return {open_start_day, b.last_, precision::day, b.last_prec_};
    }

    constexpr day_number first() const noexcept { return first_; }
    constexpr day_number last() const noexcept { return last_; }
    constexpr precision first_precision() const noexcept { return first_prec_; }
    constexpr precision last_precision() const noexcept { return last_prec_; }
    constexpr bool open_start() const noexcept { return first_ == open_start_day; }
    constexpr bool open_end() const noexcept { return last_ == open_end_day; }
    constexpr bool all_time() const noexcept { return open_start() && open_end(); }
    /// Whether the period is one Date of §2 (so it prints as one: `2025-Q2`).
    bool is_single_date() const noexcept;
    /// A period is valid when it is not empty.
    constexpr bool ok() const noexcept { return first_ <= last_; }

    /// Inclusive overlap: periods that share one day overlap. An empty period overlaps nothing.
    constexpr bool overlaps(const period& o) const noexcept {
        return ok() && o.ok() && first_ <= o.last_ && o.first_ <= last_;
    }
    /// Whether every day of `o` lies in this period.
    constexpr bool contains(const period& o) const noexcept { return first_ <= o.first_ && o.last_ <= last_; }
    constexpr bool contains(day_number d) const noexcept { return first_ <= d && d <= last_; }
    /// The common days; empty (not ok()) when disjoint.
    constexpr period intersect(const period& o) const noexcept {
        period r = *this;
        if (o.first_ > r.first_) r.first_ = o.first_, r.first_prec_ = o.first_prec_;
        if (o.last_ < r.last_) r.last_ = o.last_, r.last_prec_ = o.last_prec_;
        return r;
    }

    /// Periods are ordered by first day, then last day: the order of a timeline.
    friend constexpr bool operator==(const period& a, const period& b) noexcept {
        return a.first_ == b.first_ && a.last_ == b.last_ && a.first_prec_ == b.first_prec_ &&
               a.last_prec_ == b.last_prec_;
    }
    friend constexpr bool operator!=(const period& a, const period& b) noexcept { return !(a == b); }
    friend constexpr bool operator<(const period& a, const period& b) noexcept {
        return a.first_ != b.first_ ? a.first_ < b.first_ : a.last_ < b.last_;
    }

private:
    day_number first_ = open_start_day;
    day_number last_ = open_end_day;
    precision first_prec_ = precision::day;
    precision last_prec_ = precision::day;
};

namespace detail {

inline bool parse_digits(std::string_view s, std::size_t pos, std::size_t n, int& out) noexcept {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        char c = s[i];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

inline day_number ymd_day(int y, unsigned m, unsigned d) noexcept {
    return to_day_number(date::sys_days{date::year{y} / date::month{m} / date::day{d}});
}
inline day_number month_last_day(int y, unsigned m) noexcept {
    return to_day_number(date::sys_days{date::year{y} / date::month{m} / date::last});
}

/// A Date read from text, or why the text is none.
struct date_parse_result {
    std::optional<period> date;
    const char* why = nullptr;  ///< without a date: what was expected
};

/// Parses one Date of §2.
inline date_parse_result parse_date_text(std::string_view s) noexcept {
    const date_parse_result no_date{std::nullopt, "expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Hn"};
    int y = 0;
    if (!parse_digits(s, 0, 4, y)) return no_date;
    if (s.size() == 4) return {period{ymd_day(y, 1, 1), ymd_day(y, 12, 31), precision::year, precision::year}};
    if (s.size() < 6 || s[4] != '-') return no_date;
    if (s.size() == 7 && (s[5] == 'Q' || s[5] == 'q' || s[5] == 'H' || s[5] == 'h')) {
        int n = 0;
        if (!parse_digits(s, 6, 1, n)) return no_date;
        bool quarter = s[5] == 'Q' || s[5] == 'q';
        if (quarter ? (n < 1 || n > 4) : (n < 1 || n > 2))
            return {std::nullopt, quarter ? "quarter must be Q1-Q4" : "half must be H1 or H2"};
        unsigned months = quarter ? 3u : 6u;
        auto m0 = static_cast<unsigned>(n - 1) * months + 1;
        auto prec = quarter ? precision::quarter : precision::half;
        return {period{ymd_day(y, m0, 1), month_last_day(y, m0 + months - 1), prec, prec}};
    }
    int m = 0;
    if (!parse_digits(s, 5, 2, m)) return no_date;
    if (m < 1 || m > 12) return {std::nullopt, "month must be 01-12"};
    auto um = static_cast<unsigned>(m);
    if (s.size() == 7) return {period{ymd_day(y, um, 1), month_last_day(y, um), precision::month, precision::month}};
    int d = 0;
    if (s.size() != 10 || s[7] != '-' || !parse_digits(s, 8, 2, d)) return no_date;
    auto ymd = date::year{y} / date::month{um} / date::day{static_cast<unsigned>(d)};
    if (!ymd.ok()) return {std::nullopt, "no such day in that month"};
    auto dn = to_day_number(date::sys_days{ymd});
    return {period{dn, dn, precision::day, precision::day}};
}

/// Writes v (0 <= v < 10^width, else all its digits) with at least `width` digits at o.
inline char* put_padded(char* o, int v, int width) noexcept {
    char buf[16];
    int n = 0;
    unsigned u = v < 0 ? 0u - static_cast<unsigned>(v) : static_cast<unsigned>(v);
    do {
        buf[n++] = static_cast<char>('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (v < 0) *o++ = '-';
    for (int i = n; i < width; ++i) *o++ = '0';
    while (n > 0) *o++ = buf[--n];
    return o;
}

/// Writes the Date (at `prec`) that starts (or ends, if `end`) at day `d` at o (at most 16
/// bytes). Reports format a period per claim shown, so this allocates nothing.
inline char* put_date_text(char* o, day_number d, precision prec) noexcept {
    auto ymd = date::year_month_day{to_sys_days(d)};
    const int y = static_cast<int>(ymd.year());
    if (y >= 0 && y <= 9999) {
        const auto u = static_cast<unsigned>(y);
        o[0] = static_cast<char>('0' + u / 1000);
        o[1] = static_cast<char>('0' + u / 100 % 10);
        o[2] = static_cast<char>('0' + u / 10 % 10);
        o[3] = static_cast<char>('0' + u % 10);
        o += 4;
    } else {
        o = put_padded(o, y, 4);
    }
    auto two = [&](unsigned v) {
        o[0] = static_cast<char>('0' + v / 10);
        o[1] = static_cast<char>('0' + v % 10);
        o += 2;
    };
    auto m = static_cast<unsigned>(ymd.month());
    switch (prec) {
        case precision::year: break;
        case precision::half:
            *o++ = '-', *o++ = 'H';
            *o++ = m <= 6 ? '1' : '2';
            break;
        case precision::quarter:
            *o++ = '-', *o++ = 'Q';
            *o++ = static_cast<char>('1' + (m - 1) / 3);
            break;
        case precision::month:
            *o++ = '-';
            two(m);
            break;
        case precision::day:
            *o++ = '-';
            two(m);
            *o++ = '-';
            two(static_cast<unsigned>(ymd.day()));
            break;
    }
    return o;
}

inline std::string date_text(day_number d, precision prec) {
    char buf[16];
    return std::string(buf, put_date_text(buf, d, prec));
}

}  // namespace detail

/// Parses a Date of §2 (`2025`, `2025-04`, `2025-04-30`, `2025-Q2`, `2025-H1`) into the whole
/// period it names; nullopt on anything else (`2025-13`, `2025-02-30`, `25-04`, trailing junk).
inline std::optional<period> try_parse_date(std::string_view text) noexcept {
    return detail::parse_date_text(text).date;
}

/// Like try_parse_date, but throws parse_error naming the text and what was expected.
inline period parse_date(std::string_view text) {
    const auto parsed = detail::parse_date_text(text);
    if (parsed.date) return *parsed.date;
    throw parse_error(1, "invalid date '" + std::string(text) + "': " + parsed.why);
}

/// Parses a period: a Date, or `A..B`, `A..`, `..B` (either end open), or `..` for all time.
inline std::optional<period> try_parse_period(std::string_view text) noexcept {
    auto dots = text.find("..");
    if (dots == std::string_view::npos) return try_parse_date(text);
    auto a = text.substr(0, dots), b = text.substr(dots + 2);
    std::optional<period> pa, pb;
    if (!a.empty() && !(pa = try_parse_date(a))) return std::nullopt;
    if (!b.empty() && !(pb = try_parse_date(b))) return std::nullopt;
    period r = pa && pb ? period::between(*pa, *pb) : pa ? period::starting(*pa) : pb ? period::until(*pb) : period{};
    if (!r.ok()) return std::nullopt;
    return r;
}

/// Like try_parse_period, but throws parse_error naming the text and what was expected.
inline period parse_period(std::string_view text) {
    if (auto p = try_parse_period(text)) return *p;
    if (text.find("..") == std::string_view::npos) return parse_date(text);  // throws with the reason
    throw parse_error(2, "invalid period '" + std::string(text) +
                             "': expected DATE, DATE..DATE, DATE.., ..DATE with DATE as YYYY, YYYY-MM, "
                             "YYYY-MM-DD, YYYY-Qn or YYYY-Hn, start not after end");
}

namespace detail {
/// Room put_period_text needs: two Dates of at most 16 bytes and `..`.
inline constexpr std::size_t period_text_max = 40;
/// Writes to_string(p) at o (at most period_text_max bytes) and returns the end: reports write
/// a period per claim shown, straight into the evidence's string.
inline char* put_period_text(char* o, const period& p) noexcept {
    if (p.is_single_date()) return put_date_text(o, p.first(), p.first_precision());
    if (!p.open_start()) o = put_date_text(o, p.first(), p.first_precision());
    *o++ = '.', *o++ = '.';
    // The end is written at its precision; the text names the period containing the day.
    if (!p.open_end()) o = put_date_text(o, p.last(), p.last_precision());
    return o;
}
}  // namespace detail

inline bool period::is_single_date() const noexcept {
    if (open_start() || open_end() || first_prec_ != last_prec_) return false;
    if (first_prec_ == precision::day) return first_ == last_;  // most periods: no calendar needed
    // The Date that starts at `first_` at this precision must end exactly at `last_`.
    auto ymd = date::year_month_day{to_sys_days(first_)};
    const int y = static_cast<int>(ymd.year());
    const auto m = static_cast<unsigned>(ymd.month());
    const auto d = static_cast<unsigned>(ymd.day());
    switch (first_prec_) {
        case precision::day: return first_ == last_;
        case precision::month: return d == 1 && last_ == detail::month_last_day(y, m);
        case precision::quarter: return d == 1 && (m - 1) % 3 == 0 && last_ == detail::month_last_day(y, m + 2);
        case precision::half: return d == 1 && (m - 1) % 6 == 0 && last_ == detail::month_last_day(y, m + 5);
        case precision::year: return d == 1 && m == 1 && last_ == detail::month_last_day(y, 12);
    }
    return false;
}

/// The text of a period: one Date when it is one (`2025-Q2`), else `A..B` with an empty side for
/// an open end (`2025-04..`, `..2020-12-07`, `..` for all time). parse_period reads it back.
inline std::string to_string(const period& p) {
    char buf[detail::period_text_max];
    return std::string(buf, detail::put_period_text(buf, p));
}

inline std::ostream& operator<<(std::ostream& os, const period& p) {
    return os << to_string(p);
}

inline const char* to_string(precision p) noexcept {
    switch (p) {
        case precision::day: return "day";
        case precision::month: return "month";
        case precision::quarter: return "quarter";
        case precision::half: return "half";
        case precision::year: return "year";
    }
    return "?";
}

}  // namespace crosscheck

#endif
