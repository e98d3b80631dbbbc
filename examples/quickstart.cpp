// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
//
// The README's quick start: three reports about one (made-up) bridge. Two say it is closed, but one
// of them only repeats the other; a third says it is open. crosscheck finds the contradiction and
// notices that "closed" has two outlets but a single origin.
#include <crosscheck/check/check.hpp>
#include <crosscheck/corpus/builder.hpp>
#include <crosscheck/report/text.hpp>

#include <iostream>

int main() {
    crosscheck::corpus_builder b;
    b.source("planet").outlet("Daily Planet").language("en").published("2025-03-02");
    b.source("herald").outlet("City Herald").language("en").published("2025-03-03").cites("planet");  // an echo
    b.source("port").outlet("Port Authority").language("en").published("2025-03-03");

    b.claim("planet", "harbour-bridge", "status")
        .is("closed")
        .valid("2025-03")
        .quote("The bridge is closed until April.");
    b.claim("herald", "harbour-bridge", "status").is("closed").valid("2025-03").quote("Closed, the Planet reports.");
    b.claim("port", "harbour-bridge", "status").is("open").valid("2025-03-03").quote("Traffic is flowing normally.");

    const crosscheck::corpus corpus = b.build();
    const crosscheck::report report = crosscheck::check(corpus);

    crosscheck::write_text(std::cout, report);
    std::cout << (report.worst() == crosscheck::severity::error ? "verdict: disputed\n" : "verdict: consistent\n");
}
