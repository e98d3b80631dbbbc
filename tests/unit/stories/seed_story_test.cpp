// The seed-story fact-check (examples/data/offshore-ai-training.json): the findings documented in
// examples/offshore_ai/README.md, and the traps it must not report.

#include <crosscheck/check/check.hpp>
#include <crosscheck/io/json.hpp>

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <set>
#include <string>
#include <utility>

using namespace crosscheck;

namespace {

const corpus& seed_story() {
    static const corpus c = [] {
        corpus x;
        auto r = load_json_file(std::string(CROSSCHECK_SOURCE_DIR) + "/examples/data/offshore-ai-training.json", x);
        REQUIRE(r.ok());
        return x;
    }();
    return c;
}

std::set<std::pair<std::string, std::string>> pairs(const report& r) {
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& [a, b] : r.pairs) out.insert(a < b ? std::make_pair(a, b) : std::make_pair(b, a));
    return out;
}

bool has_pair(const report& r, std::string a, std::string b) {
    if (b < a) std::swap(a, b);
    return pairs(r).count({a, b}) != 0;
}

}  // namespace

TEST_CASE("seed story: the real contradictions and nothing else", "[seed]") {
    check_options o;
    o.list_pairs = true;
    auto r = check(seed_story(), o);
    CHECK(r.stats.claims == 161);
    CHECK(r.stats.conflicting_pairs == 8);
    CHECK(r.stats.conflicted_keys == 2);
    CHECK(r.stats.self_contradictions == 1);
    CHECK(r.stats.rule_violations == 0);
    CHECK(r.stats.input_warnings == 0);

    // What the firms go abroad for: high-end chips (FT via three outlets) vs H20 (the web article).
    CHECK(has_pair(r, "sen-chip-sought-high-end", "web-chip-sought-h20"));
    CHECK(has_pair(r, "cb-chip-sought-current-gpus", "web-faq-chip-sought-h20"));
    // H20 status in late 2025: "at most the H20 could be exported" vs "H20 chip bans".
    CHECK(has_pair(r, "cb-h20-most-exportable", "web-takeaway-h20-bans"));
    // The web article against itself: the August conditional approval vs a present-tense ban.
    CHECK(has_pair(r, "web-h20-conditional-august", "web-takeaway-h20-bans"));

    // The high-end value rests on one origin however many outlets repeat it.
    bool echo = false;
    for (const auto& f : r.findings)
        echo = echo || (f.kind == kinds::single_origin &&
                        f.message.find("3 outlets, 1 origin (Financial Times)") != std::string::npos);
    CHECK(echo);
}

TEST_CASE("seed story: traps that must not be reported", "[seed][traps]") {
    check_options o;
    o.list_pairs = true;
    auto r = check(seed_story(), o);
    // A status that changed over time: the April ban and the August conditional approval.
    CHECK_FALSE(has_pair(r, "web-h20-blocked-april", "web-h20-conditional-august"));
    // "at most the H20" (November) vs the April ban: different periods.
    CHECK_FALSE(has_pair(r, "cb-h20-most-exportable", "web-h20-blocked-april"));
    // The same figure in two languages, and a rounding ("99 Prozent" vs "over 99%").
    CHECK_FALSE(has_pair(r, "cb-q2-singapore-22", "cb-nv-q2-singapore-22"));
    CHECK_FALSE(has_pair(r, "cb-q2-singapore-us-99", "cb-nv-q2-singapore-us-over-99"));
    // Nested date precisions, planned vs asserted, different scopes.
    CHECK_FALSE(has_pair(r, "dec-kk-permit-2025", "dec-permit-july-2025"));
    CHECK_FALSE(has_pair(r, "web-b30a-hint", "dec-b30a-blocked"));
    CHECK_FALSE(has_pair(r, "dec-body-36000-b200", "dec-indonesia-7000-b200"));
    // Every pair reported lies in one of the two documented keys.
    std::set<std::string> predicates;
    for (const auto& f : r.findings)
        if (f.kind == kinds::conflict) predicates.insert(f.predicate);
    CHECK(predicates == std::set<std::string>{"offshore_chip_sought", "export_status"});
}
