// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#include <crosscheck/testing/catch2.hpp>

#include <string>

using namespace crosscheck::testing;
using crosscheck::severity;

namespace {

/// Two wire services disagree on a status; a third repeats one of them.
crosscheck::corpus wire_dispute() {
    return corpus_of(
        {{"reuters", "acme", "status", "open"}, {"ap", "acme", "status", "closed"}, {"afp", "acme", "status", "open"}});
}

crosscheck::report hand_made_report() {
    crosscheck::report r;
    crosscheck::finding f;
    f.kind = "rule_violation";
    f.severity = severity::warning;
    f.subject = "Acme";
    f.predicate = "revenue";
    f.claims = {"r1", "r2"};
    f.message = "parts exceed the total";
    r.findings.push_back(f);
    r.stats.claims = 2;
    r.stats.keys = 2;
    r.stats.rule_violations = 1;
    return r;
}

}  // namespace

TEST_CASE("corpus_of builds claims with default ids, tokens, numbers and validity", "[catch2]") {
    auto c = corpus_of({{"ft", "bytedance", "b200_status", "banned"},
                        {"ft", "bytedance", "b200_chips", 36000, "2025-Q3"},
                        {"xinhua", "bytedance", "b200_status", "allowed", "2025-04..", "x1"}});
    REQUIRE(c.size() == 3);
    CHECK(c[claim_n(0)].id() == "ft#1");
    CHECK(c[claim_n(1)].id() == "ft#2");
    CHECK(c[claim_n(2)].id() == "x1");
    CHECK(c[claim_n(0)].value_text() == "banned");
    CHECK(c[claim_n(1)].kind() == crosscheck::value_kind::quantity);
    CHECK(crosscheck::to_string(c[claim_n(1)].valid().span) == "2025-Q3");
    CHECK(c[claim_n(2)].valid().has_from());
    CHECK_FALSE(c[claim_n(2)].valid().has_to());
    CHECK(c[claim_n(2)].source_id() == "xinhua");
}

TEST_CASE("matchers run the checkers on a corpus", "[catch2]") {
    const auto c = wire_dispute();
    CHECK_THAT(c, !is_consistent());
    CHECK_THAT(c, has_finding(crosscheck::kinds::conflict));
    CHECK_THAT(c, has_finding(severity::error));
    CHECK_THAT(c, has_finding("conflict", "ACME", "status"));  // names compare case-insensitively
    CHECK_THAT(c, !has_finding("conflict", "acme", "revenue"));
    CHECK_THAT(c, has_conflict_between("reuters#1", "ap#1"));
    CHECK_THAT(c, has_conflict_between("ap#1", "afp#1"));
    CHECK_THAT(c, !has_conflict_between("reuters#1", "afp#1"));  // they agree
    CHECK_THAT(c, has_finding("conflict") && has_conflict_between("reuters#1", "ap#1"));
    CHECK_THAT(c, has_finding("rule_violation") || has_finding(severity::error));
}

TEST_CASE("a corpus whose claims do not overlap in time is consistent", "[catch2]") {
    const auto c =
        corpus_of({{"reuters", "acme", "status", "open", "2024"}, {"ap", "acme", "status", "closed", "2025"}});
    CHECK_THAT(c, is_consistent());
    CHECK_THAT(c, is_consistent(severity::warning));
    CHECK_THAT(c, !has_finding("conflict"));
}

TEST_CASE("is_consistent can also reject warnings", "[catch2]") {
    // A token beside a number for one key is an input warning, not a conflict.
    const auto c = corpus_of({{"a", "acme", "employees", 120}, {"b", "acme", "employees", "many"}});
    CHECK_THAT(c, has_finding(crosscheck::kinds::input_warning));
    CHECK_THAT(c, is_consistent());
    CHECK_THAT(c, !is_consistent(severity::warning));
}

TEST_CASE("matchers work on a report too", "[catch2]") {
    const auto r = hand_made_report();
    CHECK_THAT(r, is_consistent());
    CHECK_THAT(r, !is_consistent(severity::warning));
    CHECK_THAT(r, has_finding("rule_violation", "acme", "revenue"));
    CHECK_THAT(r, !has_finding(severity::error));
    CHECK_THAT(r, !has_conflict_between("r1", "r2"));  // no listed pairs
}

TEST_CASE("a failing matcher describes what it expected", "[catch2]") {
    const auto r = hand_made_report();
    auto m = has_finding("conflict", "acme", "status");
    CHECK_FALSE(m.match(r));
    CHECK(m.describe() == "has a finding of kind conflict about acme.status");
    CHECK(has_finding(severity::error).describe() == "has a finding of severity error");
    CHECK(is_consistent().describe() == "is consistent (no finding of severity error)");
    CHECK(is_consistent(severity::warning).describe() == "is consistent (no finding of severity warning or worse)");
    CHECK(has_conflict_between("a", "b").describe() ==
          "has a conflict between claims a and b (in the listed conflicting pairs)");
    CHECK((!is_consistent()).describe() == "not is consistent (no finding of severity error)");
}

TEST_CASE("after matching a corpus the description lists the findings", "[catch2]") {
    const auto c = wire_dispute();
    auto m = is_consistent();
    CHECK_FALSE(m.match(c));
    const std::string d = m.toString();
    CHECK_THAT(d, Catch::Matchers::StartsWith("is consistent (no finding of severity error)\n--- the check found ---\n"
                                              "acme \xc2\xb7 status\n  error conflict"));
    CHECK_THAT(d, Catch::Matchers::Contains("      ap#1  ap, all time\n"));
    CHECK_THAT(d, Catch::Matchers::Contains("\n3 claims, 1 key: 2 conflicting pairs in 1 key"));
    CHECK_THAT(d, !Catch::Matchers::Contains("\x1b["));  // never coloured
}

TEST_CASE("StringMaker prints reports with the text writer", "[catch2]") {
    const auto r = hand_made_report();
    CHECK(Catch::Detail::stringify(r) == "\n" + crosscheck::to_text(r));
    CHECK_THAT(Catch::Detail::stringify(r),
               Catch::Matchers::Contains("  warning Acme.revenue: parts exceed the total (claims r1, r2)\n"));
    CHECK(Catch::Detail::stringify(wire_dispute()) == "corpus of 3 claims from 3 sources");
}
