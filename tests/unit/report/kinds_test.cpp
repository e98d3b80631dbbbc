// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#include <crosscheck/report/report.hpp>

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <string>

using crosscheck::finding_kind;
using crosscheck::finding_kinds;

TEST_CASE("finding_kind: names as reports spell them, and back", "[report][kinds]") {
    CHECK(crosscheck::to_string(finding_kind::conflict) == crosscheck::kinds::conflict);
    CHECK(crosscheck::to_string(finding_kind::self_contradiction) == "self_contradiction");
    CHECK(crosscheck::to_string(finding_kind::rule_violation) == "rule_violation");
    CHECK(crosscheck::to_string(finding_kind::single_origin) == "single_origin");
    CHECK(crosscheck::to_string(finding_kind::input_warning) == "input_warning");
    for (auto k : crosscheck::builtin_finding_kinds) {
        INFO(crosscheck::to_string(k));
        CHECK(crosscheck::try_parse_finding_kind(crosscheck::to_string(k)) == k);
    }
    // Exact names only: a typo, another case or a plural is no kind.
    CHECK_FALSE(crosscheck::try_parse_finding_kind("conflicts").has_value());
    CHECK_FALSE(crosscheck::try_parse_finding_kind("Conflict").has_value());
    CHECK_FALSE(crosscheck::try_parse_finding_kind("").has_value());
    static_assert(crosscheck::try_parse_finding_kind("rule_violation") == finding_kind::rule_violation);
}

TEST_CASE("finding_kinds: a set of built-in kinds and custom ones", "[report][kinds]") {
    const finding_kinds none;
    CHECK(none.empty());
    for (auto k : crosscheck::builtin_finding_kinds) CHECK_FALSE(none.contains(k));

    const finding_kinds two{finding_kind::conflict, finding_kind::input_warning};
    CHECK_FALSE(two.empty());
    CHECK(two.contains(finding_kind::conflict));
    CHECK(two.contains(finding_kind::input_warning));
    CHECK_FALSE(two.contains(finding_kind::self_contradiction));
    CHECK(two.contains("conflict"));  // by name too
    CHECK_FALSE(two.contains("self_contradiction"));
    CHECK_FALSE(two.contains("future_claim"));

    const auto all = finding_kinds::builtin();
    for (auto k : crosscheck::builtin_finding_kinds) CHECK(all.contains(k));
    CHECK_FALSE(all.contains("future_claim"));  // a user's kind is in no built-in set

    finding_kinds mine{finding_kind::rule_violation};
    mine.insert_custom("future_claim").insert_custom("future_claim");
    CHECK(mine.contains("future_claim"));
    CHECK(mine.custom().size() == 1);
    CHECK_FALSE(mine.contains("future_claims"));
    // A built-in kind's name given as custom is that kind.
    mine.insert_custom("single_origin");
    CHECK(mine.contains(finding_kind::single_origin));
    CHECK(mine.custom().size() == 1);
    CHECK(mine == finding_kinds{finding_kind::rule_violation, finding_kind::single_origin}.insert_custom("future_claim"));
    CHECK(mine != two);
}
