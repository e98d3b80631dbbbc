// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_EXAMPLES_DATASETS_POPULATION_HPP
#define CROSSCHECK_EXAMPLES_DATASETS_POPULATION_HPP

// City populations from the Wikipedia infobox edit history (Pasternack & Roth 2010).
// An item is a city-year ("cleveland, ohio|2000"); the year is also the observation's period;
// the rows are in edit order, so an editor's later edit of the same city-year supersedes the
// earlier one (the evidence's latest_per_source rule).

#include "common.hpp"

#include <cstdlib>
#include <string>

namespace datasets {

/// "Population2006" -> 2006; 0 when the property is not a population.
inline long long population_year(std::string_view property) {
    constexpr std::string_view prefix = "Population";
    if (property.substr(0, prefix.size()) != prefix) return 0;
    return std::atoll(std::string(property.substr(prefix.size())).c_str());
}

inline dataset load_population(const std::string& dir) {
    dataset d;
    d.name = "population";
    const auto claims = read_file(dir + "/population_claims.csv");
    bool header = true;
    for (auto line : split_lines(claims)) {
        if (header) { header = false; continue; }
        if (line.empty()) continue;
        auto f = split_csv(line);
        if (f.size() < 4) continue;
        const long long year = population_year(f[1]);
        const auto value = trim(f[2]);
        if (value.empty()) continue;
        const auto s = d.ev.add_source(f[3]);
        const auto it = d.ev.add_item(f[0] + "|" + std::to_string(year));
        d.ev.observe(s, it, crosscheck::candidate_value::quantity(std::atof(std::string(value).c_str()), std::string(value)),
                     year);
        d.quotes.emplace_back(value);
    }
    const auto truth = read_file(dir + "/population_truth.csv");
    header = true;
    for (auto line : split_lines(truth)) {
        if (header) { header = false; continue; }
        if (line.empty()) continue;
        auto f = split_csv(line);
        if (f.size() < 3) continue;
        ++d.gold_total;
        auto it = d.ev.find_item(f[0] + "|" + std::to_string(population_year(f[1])));
        if (!it) continue;
        const auto v = std::string(trim(f[2]));
        d.gold.push_back({*it, crosscheck::candidate_value::quantity(std::atof(v.c_str()), v)});
    }
    return d;
}

}  // namespace datasets

#endif
