// The worked case of docs/format.md: tests/data/example-corpus.json must
// give exactly the stats, conflict pairs, self-contradictions and corroboration counts of
// example-corpus.expected.json. The expected file is read, not restated here.

#include <crosscheck/check/check.hpp>
#include <crosscheck/io/json.hpp>

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>

using namespace crosscheck;

namespace {

nlohmann::json read(const std::string& name) {
    std::ifstream in(std::string(CROSSCHECK_TEST_DATA_DIR) + "/" + name);
    REQUIRE(in);
    return nlohmann::json::parse(in);
}

std::set<std::pair<std::string, std::string>> unordered(const nlohmann::json& pairs) {
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& p : pairs) {
        std::string a = p[0], b = p[1];
        out.insert(a < b ? std::make_pair(a, b) : std::make_pair(b, a));
    }
    return out;
}

}  // namespace

TEST_CASE("example corpus gives the expected report", "[example][contract]") {
    corpus c;
    auto loaded = load_json_file(std::string(CROSSCHECK_TEST_DATA_DIR) + "/example-corpus.json", c);
    REQUIRE(loaded.ok());
    const auto expected = read("example-corpus.expected.json");

    check_options o;
    o.list_pairs = true;
    const auto threshold = GENERATE(std::size_t{64}, std::size_t{0});  // pairwise and counting paths
    o.pairwise_threshold = threshold;
    auto r = check(c, o);

    const auto& st = expected["stats"];
    CHECK(r.stats.claims == st["claims"].get<std::uint64_t>());
    CHECK(r.stats.keys == st["keys"].get<std::uint64_t>());
    CHECK(r.stats.conflicting_pairs == st["conflicting_pairs"].get<std::uint64_t>());
    CHECK(r.stats.conflicted_keys == st["conflicted_keys"].get<std::uint64_t>());
    CHECK(r.stats.self_contradictions == st["self_contradictions"].get<std::uint64_t>());
    CHECK(r.stats.rule_violations == st["rule_violations"].get<std::uint64_t>());

    REQUIRE(r.pairs_complete);
    nlohmann::json got_pairs = nlohmann::json::array();
    for (const auto& [a, b] : r.pairs) got_pairs.push_back({a, b});
    CHECK(unordered(got_pairs) == unordered(expected["conflicts"]));

    // Self-contradictions: the pairs within one source.
    std::set<std::pair<std::string, std::string>> self;
    for (const auto& pair : r.pairs) {
        // Not structured bindings: C++17 lambdas (and clang 14 in C++20) cannot capture them.
        const auto& a = pair.first;
        const auto& b = pair.second;
        auto ia = std::find_if(c.begin(), c.end(), [&](claim_ref x) { return x.id() == a; });
        auto ib = std::find_if(c.begin(), c.end(), [&](claim_ref x) { return x.id() == b; });
        if ((*ia).source_id() == (*ib).source_id()) self.insert(a < b ? std::make_pair(a, b) : std::make_pair(b, a));
    }
    CHECK(self == unordered(expected["self_contradictions"]));
    std::set<std::string> self_claims;
    for (const auto& f : r.findings)
        if (f.kind == kinds::self_contradiction) self_claims.insert(f.claims.begin(), f.claims.end());
    CHECK(self_claims == std::set<std::string>{"e14", "e15", "e18"});
    CHECK(r.count(kinds::input_warning) == 0);
}

TEST_CASE("example corpus corroboration counts", "[example][contract][corroboration]") {
    corpus c;
    REQUIRE(load_json_file(std::string(CROSSCHECK_TEST_DATA_DIR) + "/example-corpus.json", c).ok());
    const auto expected = read("example-corpus.expected.json")["corroboration"];
    auto counts = corroboration(c);
    REQUIRE(counts.size() == c.size());
    for (claim_index i : c.claim_indices()) {
        INFO("claim " << c.claim_id(i));
        CHECK(counts[to_index(i)] == expected[std::string(c.claim_id(i))].get<std::size_t>());
    }
}

TEST_CASE("write_json streams the same document as to_json", "[example][json]") {
    corpus c;
    REQUIRE(load_json_file(std::string(CROSSCHECK_TEST_DATA_DIR) + "/example-corpus.json", c).ok());
    check_options o;
    o.list_pairs = GENERATE(false, true);
    auto r = check(c, o);
    REQUIRE(!r.findings.empty());
    std::ostringstream os;
    write_json(os, r);
    CHECK(nlohmann::json::parse(os.str()) == nlohmann::json(r));
    report empty;
    std::ostringstream e;
    write_json(e, empty);
    CHECK(nlohmann::json::parse(e.str()) == nlohmann::json(empty));
}
