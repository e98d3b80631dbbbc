// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
//
// A checker of your own, run next to the built-in ones. This one flags claims about a time after
// their source was published that are not marked as plans: a newspaper of March cannot report
// what happens in June, it can only announce it. The story is invented for the example.
#include <crosscheck/check/check.hpp>
#include <crosscheck/corpus/builder.hpp>
#include <crosscheck/report/text.hpp>

#include <iostream>
#include <string>
#include <vector>

/// A checker is any callable `void(const check_context&, report&)`: it reads the corpus and adds
/// findings (and, if it likes, stats) to the report.
struct future_claims_fn {
    static constexpr const char* kind = "future_claim";

    void operator()(const crosscheck::check_context& ctx, crosscheck::report& out) const {
        if (!ctx.options().wants(kind)) return;  // honour --only / check_options::only
        const crosscheck::corpus& c = ctx.data();
        for (crosscheck::claim_index i : c.claim_indices()) {
            const crosscheck::claim_ref claim = c[i];
            const auto& published = claim.source_info().published;
            const crosscheck::validity valid = claim.valid();
            if (!published || !valid.has_from() || claim.mode() == crosscheck::modality::planned) continue;
            if (valid.span.first() <= published->last()) continue;

            // Subject, predicate, scope, claim and source come from the claim.
            crosscheck::finding f = crosscheck::make_finding(
                kind, crosscheck::severity::warning, claim,
                "claims " + claim.value_text() + " from " + crosscheck::to_string(valid.span) +
                    ", after its source was published (" + crosscheck::to_string(*published) +
                    "); mark it \"planned\" if it is an announcement");
            f.field = "valid";
            out.findings.push_back(std::move(f));
        }
    }
};
inline constexpr future_claims_fn future_claims{};

int main() {
    crosscheck::corpus_builder b;
    b.source("gazette").outlet("Northport Gazette").published("2025-03-10");
    b.source("council").outlet("Northport Council").published("2025-06-01");
    // Reported in March as a fact about June: flagged.
    b.claim("gazette", "harbour-bridge", "status").id("g1").is("closed").valid("2025-06", "2025-07");
    // The same, as a plan: fine. (With `from` alone it would be vouched for no day, §3.3: the
    // built-in input warnings would say so.)
    b.claim("gazette", "harbour-bridge", "toll").id("g2").is(2.5, "EUR").planned().valid("2025-06", "2025-12");
    // In June, about June: fine, but it contradicts the gazette.
    b.claim("council", "harbour-bridge", "status").id("c1").is("open").valid("2025-06");
    const crosscheck::corpus corpus = b.build();

    // The built-in checkers, and ours after them.
    std::vector<crosscheck::checker> checkers = crosscheck::default_checkers();
    checkers.push_back({"future_claims", future_claims});
    const crosscheck::report report = crosscheck::check(corpus, checkers);

    crosscheck::write_text(std::cout, report);
}
