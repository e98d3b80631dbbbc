// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#include <crosscheck/check/check.hpp>
#include <crosscheck/check/finding.hpp>
#include <crosscheck/corpus/builder.hpp>

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <string>
#include <vector>

using namespace crosscheck;
using crosscheck::testing::claim_n;

namespace {

corpus scoped_corpus() {
    corpus_builder b;
    b.entity("acme-rail", {"Acme"});
    b.source("gazette").outlet("Northport Gazette");
    b.source("ministry");
    b.claim("gazette", "Acme", "Budget").id("g1").is(2.0, "bn").scope("part", "north").scope("region", "eu");
    b.claim("ministry", "acme-rail", "budget").id("m1").is(3.0, "bn").scope("part", "north").scope("region", "eu");
    b.claim("ministry", "acme-rail", "status").id("m2").is("open");
    return b.build();
}

// A user's checker: one "odd_claim" warning per claim whose id starts with 'm'.
void odd_claims(const check_context& ctx, report& out) {
    if (!ctx.options().wants("odd_claim")) return;
    const corpus& c = ctx.data();
    for (claim_index i : c.claim_indices())
        if (c[i].id().front() == 'm')
            out.findings.push_back(make_finding("odd_claim", severity::warning, c[i], "an odd claim"));
}

std::vector<std::string> kinds_of(const report& r) {
    std::vector<std::string> k;
    for (const auto& f : r.findings) k.push_back(f.kind);
    return k;
}

}  // namespace

TEST_CASE("make_finding fills a finding from its claim", "[checks][finding]") {
    const corpus c = scoped_corpus();
    const finding f = make_finding("odd_claim", severity::info, c[claim_n(0)], "the message");
    CHECK(f.kind == "odd_claim");
    CHECK(f.severity == severity::info);
    CHECK(f.subject == "acme-rail");  // after aliases, as every finding names it
    CHECK(f.predicate == "Budget");  // as first spelt, as every finding names it
    CHECK(f.scope == c.scope_text(c.stored(claim_n(0)).scope));
    CHECK_FALSE(f.scope.empty());
    CHECK(f.claims == std::vector<std::string>{"g1"});
    CHECK(f.claim_count == 1);
    CHECK(f.sources == std::vector<std::string>{"gazette"});
    CHECK(f.message == "the message");
    CHECK(f.field.empty());
    CHECK(f.values.empty());
    CHECK(f.pairs == 0);

    // A built-in kind by enum is the same finding as by its name.
    CHECK(make_finding(finding_kind::input_warning, severity::warning, c[claim_n(2)], "m") ==
          make_finding(kinds::input_warning, severity::warning, c[claim_n(2)], "m"));
    const finding unscoped = make_finding(finding_kind::input_warning, severity::warning, c[claim_n(2)], "m");
    CHECK(unscoped.kind == "input_warning");
    CHECK(unscoped.scope.empty());
    CHECK(unscoped.subject == "acme-rail");
    CHECK(unscoped.predicate == "status");
}

TEST_CASE("check_options::only takes built-in kinds by enum and a checker's own by name", "[checks][kinds]") {
    const corpus c = scoped_corpus();
    std::vector<checker> ks = default_checkers();
    ks.push_back({"odd_claims", odd_claims});

    check_options all;  // no filter: every kind
    const report everything = check(c, ks, all);
    CHECK(kinds_of(everything) == std::vector<std::string>{"conflict", "odd_claim", "odd_claim"});
    CHECK(everything.stats.conflicting_pairs == 1);

    check_options conflicts_only;
    conflicts_only.only = finding_kinds{finding_kind::conflict};
    CHECK(kinds_of(check(c, ks, conflicts_only)) == std::vector<std::string>{"conflict"});

    check_options mine;
    mine.only = finding_kinds{}.insert_custom("odd_claim");
    const report odd = check(c, ks, mine);
    CHECK(kinds_of(odd) == std::vector<std::string>{"odd_claim", "odd_claim"});
    CHECK(odd.stats.conflicting_pairs == 1);  // stats are complete whatever is reported

    // An empty set reports nothing (and still counts); it is not "all".
    check_options none;
    none.only = finding_kinds{};
    const report counted = check(c, ks, none);
    CHECK(counted.findings.empty());
    CHECK(counted.stats.conflicting_pairs == 1);
    CHECK(counted.stats.claims == 3);
}
