// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
//
// A fuller corpus built in C++: entities with aliases, a vocabulary with compatible tokens, scopes
// that contain each other, units, approximate figures, dates, planned figures, a translation, an
// echo and a sum rule. The story (a rail tunnel in a made-up city) is invented for the example.
#include <crosscheck/check/check.hpp>
#include <crosscheck/corpus/builder.hpp>
#include <crosscheck/report/text.hpp>

#include <iostream>
#include <map>
#include <string>

int main() {
    crosscheck::corpus_builder b;

    // Names: "Acme" and "Acme Rail Ltd" are the same company; reports use its id.
    b.entity("acme-rail", {"Acme", "Acme Rail Ltd"});
    // "delayed" and "under_construction" can both be true; any other two statuses cannot.
    crosscheck::vocabulary_entry status;
    status.values = {"planned", "under_construction", "delayed", "open", "closed"};
    status.compatible = {{"under_construction", "delayed"}};
    b.vocabulary("tunnel_status", status);
    // The whole line contains its two segments, so a claim about the line meets claims about each.
    b.scope_contains("segment", "line", "north").scope_contains("segment", "line", "south");
    b.unit("km", "m", 1000);

    // Sources: a newspaper, its German translation, a ministry, and a blog that relies on the ministry.
    b.source("gazette").outlet("Northport Gazette").language("en").published("2025-06-12");
    b.source("courier").outlet("Nordhafener Kurier").language("de").published("2025-06-13").translation_of("gazette");
    b.source("ministry").outlet("Ministry of Transport").language("en").published("2025-05");
    b.source("blog").outlet("Rail Watch").language("en").published("2025-07").cites("ministry");

    // Length: "about 12 km" is 10.8–13.2 km, which 11,800 m meets and 9.5 km does not.
    b.claim("gazette", "Acme", "tunnel_length").about(12, "km").quote("the roughly 12 km tunnel");
    b.claim("ministry", "acme-rail", "tunnel_length").is(11800, "m").quote("11,800 metres");
    b.claim("blog", "Acme Rail Ltd", "tunnel_length").is(9.5, "km").quote("a 9.5 km bore");
    b.claim("courier", "Acme", "tunnel_length").about(12, "km").quote("der rund 12 km lange Tunnel", "de");

    // Opening: 2027-09 lies within 2027; 2026 does not.
    b.claim("ministry", "acme-rail", "opening").on("2027");
    b.claim("gazette", "acme-rail", "opening").on("2027-09").quote("opening in September 2027");
    b.claim("blog", "acme-rail", "opening").on("2026");

    // Status by segment, as of each source's report.
    b.claim("gazette", "acme-rail", "tunnel_status").is("delayed").scope("segment", "north").valid("2025-06");
    b.claim("ministry", "acme-rail", "tunnel_status")
        .is("under_construction")
        .scope("segment", "line")
        .valid("2025-05", "2025-06");
    b.claim("courier", "acme-rail", "tunnel_status").is("open").scope("segment", "south").valid("2025-06");
    b.claim("blog", "acme-rail", "tunnel_status").is("finished").valid("2025-07");  // not in the vocabulary

    // Budget: the whole and its parts, told apart by a scope dimension with no containment, so
    // they are never compared with each other, only tied by the rule below. The gazette's figure
    // is a forecast: planned figures are compared only with planned ones.
    b.claim("ministry", "acme-rail", "budget").is(2.0e9, "EUR").scope("part", "whole").valid("2025");
    b.claim("ministry", "acme-rail", "budget").is(1.2e9, "EUR").scope("part", "north").valid("2025");
    b.claim("ministry", "acme-rail", "budget").is(0.6e9, "EUR").scope("part", "south").valid("2025");
    b.claim("gazette", "acme-rail", "budget")
        .about(2.6e9, "EUR")
        .planned()
        .valid("2026")
        .quote("may reach 2.6 billion");

    // The whole is the sum of its parts (it is not: 1.2 + 0.6 != 2.0).
    crosscheck::rule sum;
    sum.type = crosscheck::rule_type::sum;
    sum.total = {"acme-rail", "budget", {{"part", "whole"}}};
    sum.parts = {{"acme-rail", "budget", {{"part", "north"}}}, {"acme-rail", "budget", {{"part", "south"}}}};
    b.add_rule(sum);

    const crosscheck::corpus corpus = b.build();

    crosscheck::check_options options;
    options.list_pairs = true;           // keep the conflicting pairs in report.pairs
    options.compare.about_width = 0.10;  // "about" means ±10 % (the default, spelt out)
    const crosscheck::report report = crosscheck::check(corpus, options);

    crosscheck::write_text(std::cout, report);

    // The report is plain data: count the findings by kind, walk the pairs.
    std::map<std::string, int> by_kind;
    for (const auto& f : report.findings) ++by_kind[f.kind];
    std::cout << "\nby kind:";
    for (const auto& [kind, n] : by_kind) std::cout << ' ' << kind << '=' << n;
    std::cout << "\npairs:";
    for (const auto& [a, b2] : report.pairs) std::cout << " (" << a << ", " << b2 << ')';
    std::cout << '\n';
}
