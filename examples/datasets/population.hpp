// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_EXAMPLES_DATASETS_POPULATION_HPP
#define CROSSCHECK_EXAMPLES_DATASETS_POPULATION_HPP

// City populations from the Wikipedia infobox edit history (Pasternack & Roth 2010).
// An item is a city-year ("cleveland, ohio|2000"); the year is also the observation's period;
// the rows are in edit order, so an editor's later edit of the same city-year supersedes the
// earlier one (the evidence's latest_per_source rule); an edit that keeps the figure as it stood
// repeats the edit that put it there (one origin, not two).

#include "common.hpp"

#include <cctype>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace datasets {

/// "Population2006" (also "Population/2006") -> 2006; 0 when the property names no four-digit year
/// (a few rows have "Population007" or "Population0010": they stay items of their own, keyed by
/// the property text).
inline long long population_year(std::string_view property) {
    constexpr std::string_view prefix = "Population";
    if (property.substr(0, prefix.size()) != prefix) return 0;
    std::string digits;
    for (char c : property.substr(prefix.size())) {
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
        else if (c != '/') return 0;
    }
    return digits.size() == 4 && digits[0] != '0' ? std::atoll(digits.c_str()) : 0;
}

/// The item key of a city and a population property: "cleveland, ohio|2000".
inline std::string population_key(const std::string& city, const std::string& property) {
    const long long year = population_year(property);
    return city + "|" + (year ? std::to_string(year) : property);
}

/// Converts the claims and gold CSV texts. With `repeats`, an edit that leaves the value as the
/// previous edit of the same city-year left it is recorded as repeating that edit (see
/// evidence_table::cite_observation); without, every edit is its editor's own statement, as
/// Pasternack & Roth count them.
inline dataset parse_population(std::string_view claims, std::string_view truth, bool repeats = true) {
    dataset d;
    d.name = repeats ? "population" : "population-raw";
    bool header = true;
    constexpr auto none = static_cast<crosscheck::evidence_table::index>(-1);
    std::vector<crosscheck::evidence_table::index> last;  // per item: its latest observation
    for (auto line : split_lines(claims)) {
        if (header) {
            header = false;
            continue;
        }
        if (line.empty()) continue;
        auto f = split_csv(line);
        if (f.size() < 4) continue;
        const long long year = population_year(f[1]);
        const auto value = trim(f[2]);
        if (value.empty()) continue;
        const auto s = d.ev.add_source(f[3]);
        const auto it = d.ev.add_item(population_key(f[0], f[1]));
        const auto o = d.ev.observe(
            s, it, crosscheck::candidate_value::quantity(std::atof(std::string(value).c_str()), std::string(value)),
            year ? std::optional<long long>(year) : std::nullopt);
        // The rows are the page's edits in order. An edit that leaves the figure as it stood
        // (a bot or an editor re-saving the page) did not state it anew: the figure's origin is
        // the edit that put it there, vandalism included.
        if (it >= last.size()) last.resize(it + 1, none);
        if (repeats && last[it] != none && d.ev.observations()[last[it]].value == d.ev.observations()[o].value)
            d.ev.cite_observation(o, last[it]);
        last[it] = o;
        d.quotes.emplace_back(value);
    }
    header = true;
    for (auto line : split_lines(truth)) {
        if (header) {
            header = false;
            continue;
        }
        if (line.empty()) continue;
        auto f = split_csv(line);
        if (f.size() < 3) continue;
        ++d.gold_total;
        auto it = d.ev.find_item(population_key(f[0], f[1]));
        if (!it) continue;
        const auto v = std::string(trim(f[2]));
        d.gold.push_back({*it, crosscheck::candidate_value::quantity(std::atof(v.c_str()), v)});
    }
    return d;
}

inline dataset load_population(const std::string& dir, bool repeats = true) {
    return parse_population(read_file(dir + "/population_claims.csv"), read_file(dir + "/population_truth.csv"),
                            repeats);
}

}  // namespace datasets

#endif
