// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_EXAMPLES_DATASETS_FLIGHT_HPP
#define CROSSCHECK_EXAMPLES_DATASETS_FLIGHT_HPP

// Flights from 38 web sources, December 2011 (Li, Dong, Lyons, Meng & Srivastava, PVLDB 2012).
// An item is one attribute of one flight on one day ("20111201|AA-1007-TPA-MIA|actual_departure");
// times are minutes of local wall-clock time at the airport concerned, and times within 10 minutes
// support each other, as in the paper. Sources write times in a dozen formats; they are parsed
// with date::parse. A source that names a time zone or UTC offset other than the airport's is
// converted to the airport's local time; the airport's offset is the one most sources name for it.

#include "common.hpp"

#include <date/date.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdio>
#include <dirent.h>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace datasets {

struct flight_time {
    long long minutes = 0;      // local wall-clock minutes since 1970-01-01 00:00
    std::optional<int> offset;  // UTC offset in minutes, when the text names one
};

/// UTC offset of a North American zone abbreviation, in minutes.
inline std::optional<int> zone_offset(std::string_view abbrev) {
    static const std::pair<const char*, int> zones[] = {{"EST", -300},  {"EDT", -240},  {"CST", -360}, {"CDT", -300},
                                                        {"MST", -420},  {"MDT", -360},  {"PST", -480}, {"PDT", -420},
                                                        {"AKST", -540}, {"AKDT", -480}, {"HST", -600}, {"AST", -240},
                                                        {"ADT", -180},  {"GMT", 0},     {"UTC", 0}};
    for (const auto& z : zones)
        if (abbrev == z.first) return z.second;
    return std::nullopt;
}

namespace detail {

// Cleans a time text for date::parse and takes out its am/pm marker: libstdc++'s time_get does
// not read %p, so the 12-hour clock is applied here. Returns 0 (none), 1 (am) or 2 (pm).
inline int clean_time_text(std::string& t) {
    // HTML leftovers and footnote marks.
    for (auto junk : {"&nbsp;", "&nbsp", "*"}) {
        for (auto p = t.find(junk); p != std::string::npos; p = t.find(junk))
            t.replace(p, std::string_view(junk).size(), " ");
    }
    // Status words after the time ("Delayed", "On Time") say nothing about it.
    if (auto p = lower(t).find("on time"); p != std::string::npos) t.erase(p);
    while (true) {
        auto end = t.find_last_not_of(' ');
        if (end == std::string::npos) break;
        auto start = t.find_last_of(' ', end);
        start = start == std::string::npos ? 0 : start + 1;
        const auto w = lower(std::string_view(t).substr(start, end + 1 - start));
        if (w != "delayed" && w != "cancelled" && w != "canceled" && w != "landed" && w != "scheduled" &&
            w != "diverted" && w != "ontime" && w != "on-time")
            break;
        t.erase(start);
    }
    // "2011-12-01 11/30 5:20 PM": the page date, then the flight's own month/day; keep the year only.
    if (t.size() > 13 && t[4] == '-' && t[7] == '-' && t[10] == ' ' &&
        std::isdigit(static_cast<unsigned char>(t[11])) && (t[12] == '/' || t[13] == '/'))
        t = t.substr(0, 4) + " " + t.substr(11);
    std::string s;
    // Drop remarks in parentheses, e.g. "(Estimated)"; keep UTC offsets like "(-05:00)".
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '(' && !(i + 2 < t.size() && (t[i + 1] == '-' || t[i + 1] == '+') &&
                             std::isdigit(static_cast<unsigned char>(t[i + 2])))) {
            auto close = t.find(')', i);
            if (close == std::string::npos) break;
            i = close;
            s += ' ';
            continue;
        }
        s += t[i];
    }
    // "12:00noon" is 12:00 pm, "12:00midnight" 12:00 am.
    for (const auto& [word, marker] : {std::pair<const char*, const char*>{"noon", " pm"}, {"midnight", " am"}}) {
        const auto p = lower(s).find(word);
        if (p != std::string::npos) s.replace(p, std::string_view(word).size(), marker);
    }
    // "p.m." -> "pm", "a.m." -> "am"; then a period after a letter ("Thu.", "Dec.01") -> space.
    for (std::size_t i = 0; i + 3 < s.size(); ++i) {
        const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
        if ((c == 'a' || c == 'p') && s[i + 1] == '.' && (s[i + 2] == 'm' || s[i + 2] == 'M') && s[i + 3] == '.') {
            s.erase(i + 3, 1);
            s.erase(i + 1, 1);
        }
    }
    std::string u;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '.' && i > 0 && std::isalpha(static_cast<unsigned char>(s[i - 1]))) {
            u += ' ';
            continue;
        }
        u += s[i];
    }
    // Find "H:MM" followed by an am/pm marker.
    int marker = 0;
    for (std::size_t i = 1; i + 2 < u.size(); ++i) {
        if (u[i] != ':' || !std::isdigit(static_cast<unsigned char>(u[i - 1])) ||
            !std::isdigit(static_cast<unsigned char>(u[i + 1])) || !std::isdigit(static_cast<unsigned char>(u[i + 2])))
            continue;
        std::size_t k = i + 3;
        while (k < u.size() && u[k] == ' ') ++k;
        if (k >= u.size()) break;
        const char m = static_cast<char>(std::tolower(static_cast<unsigned char>(u[k])));
        if (m != 'a' && m != 'p') continue;
        std::size_t end = k + 1;
        if (end < u.size() && (u[end] == 'm' || u[end] == 'M')) ++end;
        else if (end < u.size() && std::islower(static_cast<unsigned char>(u[end]))) continue;  // a word ("Aug")
        marker = m == 'a' ? 1 : 2;
        u = u.substr(0, i + 3) + " " + u.substr(end);
        break;
    }
    // Runs of spaces as one ("2011-12-01 Wed  07:45").
    std::string w;
    for (char c : trim(u))
        if (c != ' ' || w.empty() || w.back() != ' ') w += c;
    t = std::move(w);
    return marker;
}

}  // namespace detail

// date::from_stream leaves a long double unset on paths it never reads; GCC's optimiser warns.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
/// Parses one of the flight sources' time texts ("December 8, 2011 01:55 PM",
/// "12/8/2011 2:07PM EST", "12/8/11 2:07 PM (-05:00)", "2:07 PMDec 08", "1:55pDec 8", ...).
/// Texts without a year get `year`.
inline std::optional<flight_time> parse_flight_time(std::string_view text, int year) {
    std::string t(trim(text));
    if (t.empty()) return std::nullopt;
    const int marker = detail::clean_time_text(t);
    // Formats with a year first; then those without, to which the year is appended.
    static const char* const with_year[] = {
        "%m/%d/%Y %H:%M %Z", "%m/%d/%Y %H:%M",    "%m/%d/%y %H:%M (%Ez)", "%m/%d/%y %H:%M", "%Y-%m-%d %H:%M %Z",
        "%Y-%m-%d %H:%M",    "%Y-%m-%d %a %H:%M", "%H:%M %a %d-%b-%Y",    "%H:%M %m-%d-%y", "%a , %b %d, %Y %H:%M",
        "%Y %m/%d %H:%M",    "%B %d, %Y %H:%M",   "%b %d, %Y %H:%M"};
    static const char* const without_year[] = {"%H:%M %b %d %Y", "%H:%M , %b %d %Y", "%b %d - %H:%M %Y",
                                               "%a, %b %d %H:%M %Y"};
    const std::string with_y = t + " " + std::to_string(year);
    auto attempt = [&](const char* fmt, const std::string& s) -> std::optional<flight_time> {
        std::istringstream is(s);
        date::local_time<std::chrono::minutes> tp{};
        std::string abbrev;
        std::chrono::minutes off = std::chrono::minutes::min();
        is >> date::parse(fmt, tp, abbrev, off);
        if (is.fail()) return std::nullopt;
        is >> std::ws;
        if (!is.eof()) return std::nullopt;
        const auto day = date::floor<date::days>(tp);
        const date::year_month_day ymd{day};
        if (ymd.year() < date::year{2000} || ymd.year() > date::year{2100}) return std::nullopt;
        auto tod = tp - day;
        const auto h = std::chrono::duration_cast<std::chrono::hours>(tod).count();
        if (marker == 2 && h < 12) tod += std::chrono::hours{12};
        if (marker == 1 && h == 12) tod -= std::chrono::hours{12};
        flight_time r;
        r.minutes = std::chrono::duration_cast<std::chrono::minutes>(day.time_since_epoch()).count() +
                    std::chrono::duration_cast<std::chrono::minutes>(tod).count();
        if (off != std::chrono::minutes::min()) r.offset = static_cast<int>(off.count());
        else if (!abbrev.empty()) {
            auto z = zone_offset(abbrev);
            if (!z) return std::nullopt;
            r.offset = z;
        }
        return r;
    };
    for (auto f : with_year)
        if (auto r = attempt(f, t)) return r;
    for (auto f : without_year)
        if (auto r = attempt(f, with_y)) return r;
    return std::nullopt;
}

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

/// "2011-12-01 14:07" for local minutes.
inline std::string format_minutes(long long minutes) {
    const date::local_time<std::chrono::minutes> tp{std::chrono::minutes{minutes}};
    return date::format("%Y-%m-%d %H:%M", tp);
}

/// Times of day within `minutes` of each other, across midnight too: sources that write no date
/// write the page's date, so only the time of day is compared.
struct time_of_day_tolerance {
    double minutes = 10;
    double operator()(const crosscheck::candidate_value& a, const crosscheck::candidate_value& b) const noexcept {
        if (!a.has_number() || !b.has_number()) return a.text == b.text ? 1.0 : 0.0;
        double d = std::fmod(std::fabs(a.number - b.number), 1440.0);
        d = std::min(d, 1440.0 - d);
        return d <= minutes ? 1.0 : 0.0;
    }
};

/// A time as a candidate value: its text is the time of day, its number the minute of the day.
inline crosscheck::candidate_value time_value(long long minutes) {
    const long long m = ((minutes % 1440) + 1440) % 1440;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(m / 60), static_cast<int>(m % 60));
    return crosscheck::candidate_value::quantity(static_cast<double>(m), buf);
}

/// A gate as a token: upper case, letters and digits only; a "/C" style suffix dropped
/// ("C20/C" -> "C20"); a terminal before " - " dropped ("Term C - C12", "Terminal 8 - 39"); nothing
/// for a terminal alone ("Terminal 3"), "-", "TBD", "Not provided by airline" and other words that
/// say no gate is known ("CHK", "HOLD").
inline std::optional<std::string> normalise_gate(std::string_view g) {
    g = trim(g);
    if (const auto dash = g.rfind(" - "); dash != std::string_view::npos) g = g.substr(dash + 3);
    else if (lower(g).rfind("term", 0) == 0) return std::nullopt;
    std::string out;
    for (char c : g) {
        if (c == '/') break;
        if (std::isalnum(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    // A gate has a digit; what has none is a status or a remark.
    if (std::none_of(out.begin(), out.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return std::nullopt;
    return out;
}

inline const char* const flight_attributes[6] = {"scheduled_departure", "actual_departure", "departure_gate",
                                                 "scheduled_arrival",   "actual_arrival",   "arrival_gate"};

inline std::vector<std::string> list_txt(const std::string& dir) {
    std::vector<std::string> out;
    if (DIR* d = opendir(dir.c_str())) {
        while (auto* e = readdir(d)) {
            std::string n = e->d_name;
            if (n.size() > 4 && n.substr(n.size() - 4) == ".txt") out.push_back(n);
        }
        closedir(d);
    }
    std::sort(out.begin(), out.end());
    return out;
}

/// Loads claims/*.txt and truth/*.txt (any set of days; a day is a file name such as 20111201.txt).
/// With `only_day` ("20111201"), loads that day alone. `tolerance`: times within this many minutes
/// are one value, in resolution and in judging against the gold (0: the very minute).
inline dataset load_flight(const std::string& dir, const std::string& only_day = {}, double tolerance = 10.0) {
    dataset d;
    d.name = tolerance > 0 ? "flight" : "flight-exact";
    struct pending {
        std::size_t source, item;
        std::string airport;
        flight_time time;
        std::string quote;
    };
    std::vector<pending> times;
    std::vector<std::pair<std::size_t, std::string>> order;  // (kind 0 = time index, 1 = gate), keeps row order
    std::vector<std::tuple<std::size_t, std::size_t, std::string, std::string>> gates;
    std::map<std::string, std::map<int, int>> airport_offsets;
    const crosscheck::similarity_function time_similarity = time_of_day_tolerance{tolerance};
    std::size_t unparsed = 0;
    for (const auto& file : list_txt(dir + "/claims")) {
        const std::string day = file.substr(0, file.size() - 4);
        if (!only_day.empty() && day != only_day) continue;
        const int year = std::atoi(day.substr(0, 4).c_str());
        const auto text = read_file(dir + "/claims/" + file);
        for (auto line : split_lines(text)) {
            auto f = split(line, '\t');
            if (f.size() < 8) continue;
            const auto flight = std::string(trim(f[1]));
            auto parts = split(flight, '-');
            const auto s = d.ev.add_source(latin1_to_utf8(trim(f[0])));
            for (std::size_t a = 0; a < 6; ++a) {
                const auto cell = trim(f[a + 2]);
                if (cell.empty()) continue;
                const auto key = day + "|" + flight + "|" + flight_attributes[a];
                const bool gate = a == 2 || a == 5;
                if (gate) {
                    auto g = normalise_gate(cell);
                    if (!g) continue;
                    const auto it = d.ev.add_item(key);
                    d.ev.set_attribute(it, flight_attributes[a]);
                    order.emplace_back(1, std::to_string(gates.size()));
                    gates.emplace_back(s, it, *g, latin1_to_utf8(cell));
                    continue;
                }
                auto t = parse_flight_time(cell, year);
                if (!t) {
                    ++unparsed;
                    continue;
                }
                const auto it = d.ev.add_item(key);
                d.ev.set_attribute(it, flight_attributes[a]);
                d.ev.set_similarity(it, time_similarity);
                std::string airport = parts.size() >= 4 ? std::string(a < 3 ? parts[2] : parts[3]) : std::string();
                if (t->offset) ++airport_offsets[airport][*t->offset];
                order.emplace_back(0, std::to_string(times.size()));
                times.push_back({s, it, airport, *t, latin1_to_utf8(cell)});
            }
        }
    }
    std::map<std::string, int> airport_offset;
    for (const auto& [ap, counts] : airport_offsets) {
        auto best = std::max_element(counts.begin(), counts.end(),
                                     [](const auto& x, const auto& y) { return x.second < y.second; });
        airport_offset[ap] = best->first;
    }
    for (const auto& [kind, idx] : order) {
        const auto i = static_cast<std::size_t>(std::stoul(idx));
        if (kind == 1) {
            const auto& [s, it, g, quote] = gates[i];
            d.ev.observe(s, it, crosscheck::candidate_value::token(g));
            d.quotes.push_back(quote);
        } else {
            const auto& p = times[i];
            long long m = p.time.minutes;
            auto ao = airport_offset.find(p.airport);
            if (p.time.offset && ao != airport_offset.end()) m += ao->second - *p.time.offset;
            d.ev.observe(p.source, p.item, time_value(m));
            d.quotes.push_back(p.quote);
        }
    }
    if (unparsed) std::fprintf(stderr, "flight: %zu time texts not understood\n", unparsed);
    for (const auto& file : list_txt(dir + "/truth")) {
        const std::string day = file.substr(0, file.size() - 4);
        if (!only_day.empty() && day != only_day) continue;
        const int year = std::atoi(day.substr(0, 4).c_str());
        const auto text = read_file(dir + "/truth/" + file);
        for (auto line : split_lines(text)) {
            auto f = split(line, '\t');
            if (f.size() < 7) continue;
            const auto flight = std::string(trim(f[0]));
            for (std::size_t a = 0; a < 6; ++a) {
                const auto cell = trim(f[a + 1]);
                if (cell.empty()) continue;
                const bool gate = a == 2 || a == 5;
                std::optional<crosscheck::candidate_value> truth;
                if (gate) {
                    if (auto g = normalise_gate(cell)) truth = crosscheck::candidate_value::token(*g);
                } else if (auto t = parse_flight_time(cell, year)) {
                    truth = time_value(t->minutes);
                }
                if (!truth) continue;
                ++d.gold_total;
                auto it = d.ev.find_item(day + "|" + flight + "|" + flight_attributes[a]);
                if (!it) continue;
                d.gold.push_back({*it, *truth});
            }
        }
    }
    d.correct = [time_similarity](const crosscheck::candidate_value& chosen, const crosscheck::candidate_value& truth) {
        return time_similarity(chosen, truth) >= 1.0;
    };
    return d;
}

}  // namespace datasets

#endif
