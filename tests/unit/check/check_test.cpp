// Unit tests for each rule of docs/format.md §3 and each rule type of §1, including the traps
// that must NOT be reported.

#include <crosscheck/check/check.hpp>
#include <crosscheck/corpus/builder.hpp>

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

using namespace crosscheck;
using crosscheck::testing::claim_n;

namespace {

std::set<std::pair<std::string, std::string>> pairs_of(const corpus& c, check_options o = {}) {
    o.list_pairs = true;
    auto r = check(c, o);
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& [a, b] : r.pairs) out.insert(a < b ? std::make_pair(a, b) : std::make_pair(b, a));
    return out;
}

using pair_set = std::set<std::pair<std::string, std::string>>;

corpus_builder two_sources() {
    corpus_builder b;
    b.source("a").outlet("Outlet A").published("2025-11");
    b.source("b").outlet("Outlet B").published("2026-01");
    return b;
}

}  // namespace

TEST_CASE("tokens: different tokens conflict, case does not matter, compatible pairs do not", "[checks]") {
    auto b = two_sources();
    b.vocabulary("status", {{"open", "closed", "restricted"}, {{"open", "restricted"}}, false});
    b.claim("a", "everest", "status").id("x1").is("Open");
    b.claim("b", "Everest", "STATUS").id("x2").is("open");
    b.claim("b", "everest", "status").id("x3").is("restricted");
    b.claim("a", "everest", "status").id("x4").is("closed");
    auto c = b.build();
    CHECK(pairs_of(c) == pair_set{{"x1", "x4"}, {"x2", "x4"}, {"x3", "x4"}});
    auto r = check(c);
    CHECK(r.stats.keys == 1);
    CHECK(r.stats.conflicted_keys == 1);
    CHECK(r.stats.self_contradictions == 1);  // x1 and x4, both from source a
}

TEST_CASE("a status that changes over time is not a conflict", "[checks][traps]") {
    auto b = two_sources();
    b.claim("a", "h20", "export_status").id("t1").is("allowed").valid("2024", "2025-03");
    b.claim("a", "h20", "export_status").id("t2").is("banned").valid("2025-04", "2025-07");
    b.claim("b", "h20", "export_status").id("t3").is("conditionally_allowed").valid_from("2025-08");
    auto c = b.build();
    CHECK(pairs_of(c).empty());
    // One shared day is an overlap (§3.3, inclusive).
    auto b2 = two_sources();
    b2.claim("a", "h20", "export_status").id("u1").is("allowed").valid("2024", "2025-04-01");
    b2.claim("b", "h20", "export_status").id("u2").is("banned").valid("2025-04-01", "2025-07");
    CHECK(pairs_of(b2.build()) == pair_set{{"u1", "u2"}});
}

TEST_CASE("a claim whose `from` ends at its source's publication date", "[checks][traps]") {
    // Source a, published 2025-11, says "allowed since 2024": vouched for through 2025-11-30 only.
    // Source b says "banned from 2025-12": no overlap, no conflict.
    auto b = two_sources();
    b.claim("a", "chip", "status").id("f1").is("allowed").valid_from("2024");
    b.claim("b", "chip", "status").id("f2").is("banned").valid("2025-12", "2026-01");
    auto c = b.build();
    CHECK(c.assertion_period(claim_n(0)) == period::between(parse_date("2024"), parse_date("2025-11")));
    CHECK(pairs_of(c).empty());
    // From 2025-11 instead: they share November and conflict.
    auto b2 = two_sources();
    b2.claim("a", "chip", "status").id("f1").is("allowed").valid_from("2024");
    b2.claim("b", "chip", "status").id("f2").is("banned").valid("2025-11-30", "2026-01");
    CHECK(pairs_of(b2.build()) == pair_set{{"f1", "f2"}});
}

TEST_CASE("a claim whose `from` comes after its source's publication is vouched for no day", "[checks][traps]") {
    // Source a, published 2025-11, says "banned from 2026-02": from 2026-02 through 2025-11 is no
    // day at all (§3.3), so the claim is compared with nothing; its key still counts, and an input
    // warning says why it takes part in nothing.
    auto b = two_sources();  // a: 2025-11, b: 2026-01
    b.claim("a", "chip", "status").id("g1").is("banned").valid_from("2026-02");
    b.claim("b", "chip", "status").id("g2").is("allowed").valid("2026");        // covers 2026-02
    b.claim("b", "chip", "status").id("g3").is("restricted");                   // timeless
    b.claim("a", "chip", "status").id("g4").is("banned").valid_from("2025-06");  // through 2025-11
    auto c = b.build();
    CHECK_FALSE(c.assertion_period(claim_n(0)).ok());
    CHECK_FALSE(c.assertion_period(claim_n(0)).overlaps(period{}));  // not even with all time
    CHECK(c.assertion_period(claim_n(3)) == period::between(parse_date("2025-06"), parse_date("2025-11")));
    CHECK(pairs_of(c) == pair_set{{"g2", "g3"}, {"g3", "g4"}});
    auto r = check(c);
    CHECK(r.stats.keys == 1);
    CHECK(r.stats.conflicting_pairs == 2);
    CHECK(r.stats.self_contradictions == 1);  // g2 and g3, both b's
    CHECK(r.stats.input_warnings == 1);
    REQUIRE(r.count(kinds::input_warning) == 1);
    const finding* w = nullptr;
    for (const auto& f : r.findings)
        if (f.kind == kinds::input_warning) w = &f;
    REQUIRE(w != nullptr);
    CHECK(w->field == "valid");
    CHECK(w->claims == std::vector<std::string>{"g1"});
    CHECK(w->message ==
          "claim 'g1' valid: valid from 2026-02, after its source 'a' was published (2025-11): a source "
          "cannot vouch for what comes after it was published, so the claim is vouched for no day and is "
          "compared with nothing (give a `to`, or a single Date, for a period taken as written)");
    // A sum rule whose part is vouched for no day has no time at which every reference has a
    // value, so it is not checked (it would be violated on 2026-02 if the part counted).
    auto b2 = two_sources();
    rule sum;
    sum.total = {"x", "total", {}};
    sum.parts = {{"x", "a", {}}, {"x", "b", {}}};
    b2.add_rule(sum);
    b2.claim("b", "x", "total").is(100).valid("2026");
    b2.claim("b", "x", "a").is(10).valid("2026");
    b2.claim("a", "x", "b").is(20).valid_from("2026-02");
    CHECK(check(b2.build()).stats.rule_violations == 0);
    b2.claim("b", "x", "b").is(20).valid("2026");  // now every reference has a value in 2026
    CHECK(check(b2.build()).stats.rule_violations == 1);
}

TEST_CASE("undated claims: timeless by default, the publication period with default_valid", "[checks]") {
    auto b = two_sources();  // a: 2025-11, b: 2026-01
    b.claim("a", "firm", "trains_in").id("d1").is("abroad");
    b.claim("b", "firm", "trains_in").id("d2").is("home");
    CHECK(pairs_of(b.build()) == pair_set{{"d1", "d2"}});
    b.vocabulary("trains_in", {{}, {}, true});
    CHECK(pairs_of(b.build()).empty());  // 2025-11 and 2026-01 do not overlap
}

TEST_CASE("disjoint scopes do not conflict; contained scopes do", "[checks][traps]") {
    auto b = two_sources();
    b.scope_contains("region", "southeast-asia", "singapore");
    b.scope_contains("region", "asia", "southeast-asia");
    b.claim("a", "h100", "status").id("s1").is("available").scope("region", "Singapore");
    b.claim("b", "h100", "status").id("s2").is("banned").scope("region", "china");
    b.claim("b", "h100", "status").id("s3").is("banned").scope("region", "asia");
    b.claim("b", "h100", "status").id("s4").is("banned");  // no scope: does not restrict
    b.claim("a", "h100", "status").id("s5").is("banned").scope("region", "singapore").scope("buyer", "chinese");
    b.claim("b", "h100", "status").id("s6").is("available").scope("region", "singapore").scope("buyer", "us");
    auto c = b.build();
    CHECK(pairs_of(c) == pair_set{{"s1", "s3"}, {"s1", "s4"}, {"s1", "s5"}, {"s4", "s6"}, {"s3", "s6"}});
    auto r = check(c);
    // Keys: region=singapore, region=china, region=asia, none, two-dimension ones.
    CHECK(r.stats.keys == 6);
    // s1-s3, s1-s4, s1-s5 count under s1's key; s4-s6 under s4's; s3-s6 under s3's.
    CHECK(r.stats.conflicted_keys == 3);
}

TEST_CASE("quantities: units, hedges, tolerance", "[checks][traps]") {
    auto b = two_sources();
    b.unit("ft", "m", 0.3048);
    b.unit("km", "m", 1000);
    b.claim("a", "everest", "height").id("q1").is(8848, "m");
    b.claim("b", "everest", "height").id("q2").is(29029, "ft");     // 8848.04 m: differs by 4 cm
    b.claim("b", "everest", "height").id("q3").about(29000, "ft");  // about: ±10 %
    b.claim("a", "everest", "height").id("q4").is(8.848, "km");     // same figure in km
    auto c = b.build();
    // 29,029 ft exactly is 8848.0392 m: a disjoint exact figure, so q2 conflicts with q1 and q4.
    CHECK(pairs_of(c) == pair_set{{"q1", "q2"}, {"q2", "q4"}});
    // A user's wider tolerance absorbs the rounding.
    check_options wide;
    wide.compare.rel_tolerance = 1e-5;
    CHECK(pairs_of(c, wide).empty());
}

TEST_CASE("quantities: about, over, under and explicit bounds", "[checks]") {
    auto b = two_sources();
    b.claim("a", "b", "chips").id("c1").about(36000);  // 32,400-39,600
    b.claim("b", "b", "chips").id("c2").is(30000);     // below
    b.claim("b", "b", "chips").id("c3").over(35000);   // 35,000+: overlaps c1
    b.claim("a", "b", "chips").id("c4").under(32400);  // touches c1's lower end: agree
    b.claim("a", "b", "chips").id("c5").between(39700, 40000);
    auto c = b.build();
    CHECK(pairs_of(c) == pair_set{{"c1", "c2"}, {"c2", "c3"}, {"c1", "c5"}, {"c3", "c4"}, {"c2", "c5"}, {"c4", "c5"}});
    check_options o;
    o.compare.about_width = 0.2;  // 28,800-43,200 now covers c2 and c5
    CHECK(pairs_of(c, o) == pair_set{{"c2", "c3"}, {"c3", "c4"}, {"c2", "c5"}, {"c4", "c5"}});
}

TEST_CASE("negative amounts keep their interval the right way round", "[checks]") {
    auto b = two_sources();
    b.claim("a", "firm", "margin").id("n1").about(-10);  // [-11, -9]
    b.claim("b", "firm", "margin").id("n2").is(-9.5);
    b.claim("b", "firm", "margin").id("n3").is(-12);
    CHECK(pairs_of(b.build()) == pair_set{{"n1", "n3"}, {"n2", "n3"}});
}

TEST_CASE("units that cannot be converted are a warning, not a conflict", "[checks]") {
    auto b = two_sources();
    b.claim("a", "firm", "revenue").id("u1").is(57, "bn_usd");
    b.claim("b", "firm", "revenue").id("u2").is(12, "bn_eur");
    auto r = check(b.build());
    CHECK(r.stats.conflicting_pairs == 0);
    REQUIRE(r.count(kinds::input_warning) == 1);
    CHECK(r.findings.back().field == "value.unit");
    CHECK(r.findings.back().message.find("cannot be converted") != std::string::npos);
}

TEST_CASE("nested date precisions agree; disjoint calendar values conflict", "[checks][traps]") {
    auto b = two_sources();
    b.claim("a", "rule", "introduced").id("k1").on("2025");
    b.claim("b", "rule", "introduced").id("k2").on("2025-07");
    b.claim("b", "rule", "introduced").id("k3").on("2025-07-15");
    b.claim("a", "rule", "introduced").id("k4").on("2025-Q3");
    b.claim("a", "rule", "introduced").id("k5").on("2025-H1");
    CHECK(pairs_of(b.build()) == pair_set{{"k2", "k5"}, {"k3", "k5"}, {"k4", "k5"}});
}

TEST_CASE("planned figures are compared only with planned figures", "[checks][traps]") {
    auto b = two_sources();
    b.claim("a", "everest", "permits").id("p1").about(300).valid("2021").planned();
    b.claim("b", "everest", "permits").id("p2").is(408).valid("2021");
    b.claim("b", "everest", "permits").id("p3").is(100).valid("2021").planned();
    b.claim("a", "everest", "permits").id("p4").is(409).valid("2021").mode(modality::reported);
    auto c = b.build();
    CHECK(pairs_of(c) == pair_set{{"p1", "p3"}, {"p2", "p4"}});
}

TEST_CASE("a token compared with a quantity is an input warning", "[checks]") {
    auto b = two_sources();
    b.claim("a", "firm", "staff").id("m1").is(100);
    b.claim("b", "firm", "staff").id("m2").is("undisclosed");
    b.claim("b", "firm", "staff").id("m3").text("about a hundred people");
    auto r = check(b.build());
    CHECK(r.stats.conflicting_pairs == 0);
    REQUIRE(r.count(kinds::input_warning) == 1);
    CHECK(r.findings[0].claims == std::vector<std::string>{"m1", "m2"});
}

TEST_CASE("an echo of one report is not an independent confirmation", "[checks]") {
    corpus_builder b;
    b.source("ft").outlet("Financial Times").published("2025-11");
    b.source("cb").outlet("ComputerBase").published("2025-11").cites("ft");
    b.source("sum-de").outlet("Summary").published("2025-11").cites("ft");
    b.source("sum-en").outlet("Summary (en)").published("2025-11").translation_of("sum-de");
    b.source("web").outlet("Web").published("2025-12");
    for (auto s : {"cb", "sum-de", "sum-en"}) b.claim(s, "h20", "status").is("tightened").valid_from("2025-04");
    b.claim("web", "h20", "status").id("w").is("allowed").valid_from("2025-04");
    auto r = check(b.build());
    REQUIRE(r.count(kinds::conflict) == 1);
    const auto& f = r.findings[0];
    REQUIRE(f.values.size() == 2);
    CHECK(f.values[0].value == "tightened");
    CHECK(f.values[0].claim_count == 3);
    CHECK(f.values[0].origins == 1);
    CHECK(f.values[0].origin_names == std::vector<std::string>{"Financial Times"});
    CHECK(f.values[1].origins == 1);
    CHECK(r.stats.conflicting_pairs == 3);
    REQUIRE(r.count(kinds::single_origin) == 1);
    for (const auto& x : r.findings)
        if (x.kind == kinds::single_origin)
            CHECK(x.message.find("3 outlets, 1 origin (Financial Times)") != std::string::npos);
}

TEST_CASE("conflict messages say why, with the interval of a hedged figure", "[checks]") {
    auto b = two_sources();
    b.claim("a", "bytedance", "b200_chips").id("a1").about(36000).quote("etwa 36.000 B200-Chips", "de");
    b.claim("b", "bytedance", "b200_chips").id("b1").is(30000);
    auto r = check(b.build());
    REQUIRE(r.count(kinds::conflict) == 1);
    const auto& f = r.findings[0];
    CHECK(f.message ==
          "\"about 36000\" (so 32400\xE2\x80\x93"
          "39600) [1 claim, 1 origin] vs \"30000\" [1 claim, 1 origin]: "
          "intervals disjoint while their periods and scopes overlap");
    CHECK(f.values[0].claims[0].quote == "etwa 36.000 B200-Chips");
    CHECK(f.values[0].claims[0].lang == "de");
    CHECK(f.values[0].claims[0].outlet == "Outlet A");
    CHECK(f.pairs == 1);
    CHECK(f.severity == severity::error);
}

TEST_CASE("sum rule: violations at the times when every reference has a value", "[checks][rules]") {
    auto b = two_sources();
    rule r;
    r.type = rule_type::sum;
    r.total = {"nvidia", "revenue", {}};
    r.parts = {{"nvidia", "revenue", {{"region", "us"}}},
               {"nvidia", "revenue", {{"region", "taiwan"}}},
               {"nvidia", "revenue", {{"region", "china"}}}};
    b.add_rule(r);
    b.claim("a", "nvidia", "revenue").id("t").is(57).valid("2025-Q3");
    b.claim("a", "nvidia", "revenue").id("p1").is(39).valid("2025-Q3").scope("region", "us");
    b.claim("a", "nvidia", "revenue").id("p2").is(14).valid("2025-Q3").scope("region", "taiwan");
    b.claim("a", "nvidia", "revenue").id("p3").is(3).valid("2025-Q3").scope("region", "china");
    // 39 + 14 + 3 = 56 vs 57: off by 1.75 % > 1 %: a violation.
    auto res = check(b.build());
    CHECK(res.stats.rule_violations == 1);
    REQUIRE(res.count(kinds::rule_violation) == 1);
    // With a second figure for China of 4, the combination 39 + 14 + 4 = 57 holds; 3 still fails.
    b.claim("b", "nvidia", "revenue").id("p3b").is(4).valid("2025-Q3").scope("region", "china");
    res = check(b.build());
    CHECK(res.stats.rule_violations == 1);
    // A part stated for another quarter only: no time at which all have values, nothing checked.
    auto b2 = two_sources();
    b2.add_rule(r);
    b2.claim("a", "nvidia", "revenue").is(57).valid("2025-Q3");
    b2.claim("a", "nvidia", "revenue").is(30).valid("2025-Q2").scope("region", "us");
    b2.claim("a", "nvidia", "revenue").is(14).valid("2025-Q3").scope("region", "taiwan");
    b2.claim("a", "nvidia", "revenue").is(3).valid("2025-Q3").scope("region", "china");
    CHECK(check(b2.build()).stats.rule_violations == 0);
}

TEST_CASE("sum rule within tolerance, with hedged parts", "[checks][rules]") {
    auto b = two_sources();
    rule r;
    r.total = {"x", "total", {}};
    r.parts = {{"x", "a", {}}, {"x", "b", {}}};
    r.tolerance = 0.01;
    b.add_rule(r);
    b.claim("a", "x", "total").is(100);
    b.claim("a", "x", "a").about(50);  // 45-55
    b.claim("a", "x", "b").is(44);     // sum 89-99, total 99-101 with 1 %: holds
    CHECK(check(b.build()).stats.rule_violations == 0);
}

TEST_CASE("product rule", "[checks][rules]") {
    auto b = two_sources();
    rule r;
    r.type = rule_type::product;
    r.total = {"cluster", "chips", {}};
    r.parts = {{"cluster", "systems", {}}, {"cluster", "chips_per_system", {}}};
    b.add_rule(r);
    b.claim("a", "cluster", "chips").about(36000);
    b.claim("a", "cluster", "systems").about(500);
    b.claim("a", "cluster", "chips_per_system").is(72);
    CHECK(check(b.build()).stats.rule_violations == 0);
    b.claim("b", "cluster", "chips_per_system").is(8);  // 4,000 chips: far below
    auto res = check(b.build());
    CHECK(res.stats.rule_violations == 1);
    REQUIRE(res.count(kinds::rule_violation) == 1);
}

TEST_CASE("input warnings: vocabulary, undeclared sources, duplicate ids", "[checks][warnings]") {
    auto b = two_sources();
    b.vocabulary("status", {{"open", "closed"}, {}, false});
    b.claim("a", "x", "status").id("v1").is("Shut");
    b.claim("ghost", "x", "status").id("v2").is("open");
    b.claim("a", "x", "other").id("v1").is("y");
    b.source("c").cites("nowhere");
    b.source("d").translation_of("elsewhere");
    auto r = check(b.build());
    std::set<std::string> fields;
    for (const auto& f : r.findings)
        if (f.kind == kinds::input_warning) fields.insert(f.field);
    CHECK(fields == std::set<std::string>{"value", "source", "id", "cites", "translation_of"});
    bool vocab_msg = false;
    for (const auto& f : r.findings)
        vocab_msg = vocab_msg || f.message ==
                                     "claim 'v1' value: token 'Shut' is not in the vocabulary of 'status' "
                                     "(expected one of: open, closed)";
    CHECK(vocab_msg);
    CHECK(r.stats.input_warnings == 5);
}

TEST_CASE("check_options::only filters findings but keeps stats", "[checks]") {
    auto b = two_sources();
    b.claim("a", "x", "s").is("on");
    b.claim("a", "x", "s").is("off");
    check_options o;
    o.only = crosscheck::finding_kinds{crosscheck::finding_kind::self_contradiction};
    auto r = check(b.build(), o);
    CHECK(r.stats.conflicting_pairs == 1);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].kind == "self_contradiction");
}

TEST_CASE("one key with 200,000 claims and two values is counted, not enumerated", "[checks][scale]") {
    corpus c;
    source s;
    s.id = "s";
    c.add_source(s);
    auto sym_subject = c.names().intern("k"), sym_pred = c.names().intern("p");
    auto yes = c.names().intern("yes"), no = c.names().intern("no");
    const std::uint32_t n = 200000;
    c.reserve(n, n * 8);
    for (std::uint32_t i = 0; i < n; ++i) {
        stored_claim r;
        r.subject = sym_subject;
        r.predicate = sym_pred;
        r.set_value_token((i % 2) ? yes : no);
        r.kind = value_kind::token;
        c.add_stored(r, std::to_string(i));
    }
    auto r = check(c);
    CHECK(r.stats.conflicting_pairs == std::uint64_t{100000} * 100000);
    CHECK(r.stats.conflicted_keys == 1);
    REQUIRE(r.count(kinds::conflict) == 1);
    CHECK(r.findings[0].values.size() == 2);
    CHECK(r.findings[0].values[0].claim_count == 100000);
    CHECK(r.findings[0].values[0].claims.size() == check_options{}.max_claims_per_value);
}

TEST_CASE("input warnings do not depend on the thread count", "[checks]") {
    // Enough keys to be scanned on several threads and claims to be grouped on several (more
    // than detail::min_parallel_items), the large ones first (as groups are numbered by first
    // appearance), with a token-and-quantity key every 7th key and a pair of units that cannot
    // be converted every 11th: each such key gives one warning.
    auto b = two_sources();
    constexpr int keys = 6000;
    int expected = 0;
    for (int k = 0; k < keys; ++k) {
        const std::string e = "e" + std::to_string(k);
        const int claims = k < 50 ? 1400 : 2;
        for (int i = 0; i < claims; ++i) b.claim(i % 2 ? "a" : "b", e, "size").is(10 + i % 3, "m");
        if (k % 7 == 0) b.claim("a", e, "size").is("unknown"), ++expected;
        if (k % 11 == 0) b.claim("b", e, "size").is(5, "kg"), ++expected;
    }
    const corpus c = b.build();
    check_options one, two, four;
    one.threads = 1;
    two.threads = 2;
    four.threads = 4;
    one.only = two.only = four.only = crosscheck::finding_kinds{crosscheck::finding_kind::input_warning};
    const auto r1 = check(c, one), r2 = check(c, two), r4 = check(c, four);
    CHECK(r1.stats.input_warnings == static_cast<std::uint64_t>(expected));
    CHECK(r1.findings.size() == static_cast<std::size_t>(expected));
    CHECK(r1 == r2);
    CHECK(r1 == r4);
}

TEST_CASE("duplicate ids are found wherever the thread ranges of the id check meet", "[checks]") {
    // 70,000 claims numbered 1, 2, ... (the fast path: no table) and then the same with one
    // id repeated right at the middle, where two threads' ranges meet, and with two ids swapped
    // there (not rising, no duplicate: the table must be built and find nothing).
    constexpr int n = 70000;
    auto build = [&](int dup_at, bool swap) {
        auto b = two_sources();
        for (int i = 0; i < n; ++i) {
            int id = i + 1;
            if (i == dup_at) id = i;  // the id of the claim before it
            if (swap && (i == n / 2 - 1 || i == n / 2)) id = i == n / 2 - 1 ? n / 2 + 1 : n / 2;
            b.claim("a", "e" + std::to_string(i % 1000), "size").id(std::to_string(id)).is(1);
        }
        return b.build();
    };
    for (unsigned threads : {1u, 2u, 3u}) {
        check_options o;
        o.threads = threads;
        o.only = crosscheck::finding_kinds{crosscheck::finding_kind::input_warning};
        INFO(threads << " threads");
        CHECK(check(build(-1, false), o).findings.empty());
        CHECK(check(build(-1, true), o).findings.empty());
        const auto r = check(build(n / 2, false), o);
        REQUIRE(r.findings.size() == 1);
        CHECK(r.findings[0].claims == std::vector<std::string>{std::to_string(n / 2), std::to_string(n / 2)});
        CHECK(r.findings[0].field == "id");
    }
}

TEST_CASE("claim groups are the same on any number of threads", "[checks][groups]") {
    // 90,000 claims (past the size where grouping uses threads) in 3,000 subjects with two
    // predicates each, met in an order that mixes them; keys first met in the second half (in
    // a later thread's range); an alias that puts two subject names in one group. Expected
    // groups come from a plain map in claim order, not from the code under test. Some claims
    // are tokens and some quantities in kilograms (the rest have no unit), more of them in the
    // later ranges, so a group's kinds and units are merged across ranges.
    auto b = two_sources();
    b.entity("s0", {"s0-alias"});
    constexpr int n = 90000;
    std::vector<std::pair<std::string, std::string>> keys_in_order;
    std::map<std::pair<std::string, std::string>, std::vector<claim_index>> expected;
    std::map<std::pair<std::string, std::string>, std::set<std::string>> kinds, units;
    for (int i = 0; i < n; ++i) {
        const int s = (i * 7919) % 3000;  // 7919 is prime to 3000: every subject, scattered
        std::string subject = "s" + std::to_string(s), predicate = (i / 3) % 2 ? "p" : "q";
        if (i >= n / 2 && i % 5 == 0) predicate = "r" + std::to_string(i % 3);  // keys new to later ranges
        const std::string key_subject = subject;
        if (s == 0 && i % 2) subject = "s0-alias";
        const std::pair<std::string, std::string> key{key_subject, predicate};
        if (i % (i < n / 2 ? 251 : 13) == 0) {
            b.claim("a", subject, predicate).is("unknown");
            kinds[key].insert("token");
        } else if (i % (i < n / 2 ? 257 : 17) == 0) {
            b.claim("a", subject, predicate).is(1, "kg");
            kinds[key].insert("quantity");
            units[key].insert("kg");
        } else {
            b.claim("a", subject, predicate).is(1);
            kinds[key].insert("quantity");
            units[key].insert("");
        }
        auto& m = expected[key];
        if (m.empty()) keys_in_order.emplace_back(key_subject, predicate);
        m.push_back(static_cast<claim_index>(i));
    }
    const corpus c = b.build();
    for (unsigned threads : {0u, 1u, 2u, 3u, 4u, 16u}) {  // 0 is one thread; 16 is capped
        INFO(threads << " threads");
        const claim_groups g(c, threads);
        REQUIRE(g.size() == keys_in_order.size());
        std::size_t at = 0;
        for (std::size_t k = 0; k < g.size(); ++k) {
            const auto [s, p] = g.key(k);
            const std::pair<std::string, std::string> key{std::string(c.names().display(s)),
                                                          std::string(c.names().display(p))};
            REQUIRE(key == keys_in_order[k]);
            CHECK(g.offset(k) == at);
            const auto members = g.members(k);
            CHECK(std::vector<claim_index>(members.begin(), members.end()) == expected[key]);
            CHECK(members.size() == g.group_size(k));
            unsigned want_kinds = 0;
            for (const auto& kind : kinds[key])
                want_kinds |= 1u << static_cast<unsigned>(kind == "token" ? value_kind::token : value_kind::quantity);
            CHECK(g.kinds(k) == want_kinds);
            CHECK(g.units_vary(k) == (units[key].size() > 1));
            at += g.group_size(k);
        }
        CHECK(at == static_cast<std::size_t>(n));
        // in_group_order lays f(i) out in the same order, scattered by the same ranges.
        std::vector<std::uint64_t> want;
        for (const auto& key : keys_in_order)
            for (auto i : expected[key]) want.push_back(std::uint64_t{to_index(i)} * 3 + 1);
        CHECK(g.in_group_order<std::uint64_t>([](claim_index i) { return std::uint64_t{to_index(i)} * 3 + 1; },
                                              threads) == want);
    }
}

TEST_CASE("check_context keeps its own options and hands out origins and group members as ranges",
          "[checks][context]") {
    corpus_builder b;
    b.source("ft").outlet("Financial Times");
    b.source("cb").cites("ft");
    b.source("sum").translation_of("cb");
    b.source("web");
    b.claim("cb", "h20", "status").id("c1").is("tightened");
    b.claim("web", "h20", "status").id("w1").is("allowed");
    b.claim("sum", "h20", "price").id("s1").is(5);
    const corpus c = b.build();

    check_options o;
    o.pairwise_threshold = 5;
    o.max_claims_per_value = 3;
    const check_context ctx(c, o);
    o.pairwise_threshold = 7;  // the context took a copy: later changes to `o` do not reach it
    o.max_claims_per_value = 9;
    CHECK(ctx.options().pairwise_threshold == 5);
    CHECK(ctx.options().max_claims_per_value == 3);
    // A temporary corpus would dangle: the context refuses one.
    static_assert(!std::is_constructible_v<check_context, corpus&&, const check_options&>);
    static_assert(std::is_constructible_v<check_context, const corpus&, check_options>);

    // Origins: the same sources corpus::origins gives, as a range.
    for (const source_index s : c.source_indices()) {
        const auto range = ctx.origins(s);
        CHECK(std::vector<source_index>(range.begin(), range.end()) == c.origins(s));
        CHECK(range.size() == c.origins(s).size());
    }
    const auto ft = *c.find_source("ft");
    std::vector<std::string> names;
    for (const source_index o2 : ctx.origins(*c.find_source("sum"))) names.push_back(ctx.origin_name(o2));
    CHECK(names == std::vector<std::string>{"Financial Times"});
    CHECK(ctx.origins(ft).front() == ft);

    // Group members: each group's claims, in corpus order; all_members() is every group's in turn.
    const auto& g = ctx.groups();
    REQUIRE(g.size() == 2);
    std::vector<std::string> status;
    for (const claim_index i : g.members(0)) status.emplace_back(c.claim_id(i));
    CHECK(status == std::vector<std::string>{"c1", "w1"});
    CHECK(g.members(1).size() == 1);
    CHECK(c.claim_id(g.members(1)[0]) == "s1");
    CHECK(g.all_members().size() == c.size());
    CHECK(g.all_members().data() + g.offset(1) == g.members(1).data());
}

TEST_CASE("each built-in checker runs alone on a corpus and converts to a named checker", "[checks]") {
    auto b = two_sources();
    rule r;
    r.total = {"x", "total", {}};
    r.parts = {{"x", "a", {}}, {"x", "b", {}}};
    b.add_rule(r);
    b.vocabulary("status", {{"open", "closed"}, {}, false});
    b.claim("a", "x", "total").id("t").is(100);
    b.claim("a", "x", "a").id("pa").is(10);
    b.claim("a", "x", "b").id("pb").is(20);  // 30 against 100: a rule violation
    b.claim("a", "x", "status").id("s1").is("open");
    b.claim("b", "x", "status").id("s2").is("shut");  // a conflict, and a token outside the vocabulary
    const auto c = b.build();

    // Alone, each reports its own kinds and fills only its own stats.
    const report rc = conflicts(c);
    CHECK(rc.stats.claims == 5);
    CHECK(rc.stats.conflicting_pairs == 1);
    CHECK(rc.stats.rule_violations == 0);
    CHECK(rc.stats.input_warnings == 0);
    REQUIRE(rc.findings.size() == 1);
    CHECK(rc.findings[0].kind == kinds::conflict);

    const report rr = rules(c);
    CHECK(rr.stats.rule_violations == 1);
    CHECK(rr.stats.conflicting_pairs == 0);
    REQUIRE(rr.findings.size() == 1);
    CHECK(rr.findings[0].kind == kinds::rule_violation);

    const report rw = input_warnings(c);
    CHECK(rw.stats.input_warnings == 1);
    CHECK(rw.stats.conflicting_pairs == 0);
    REQUIRE(rw.findings.size() == 1);
    CHECK(rw.findings[0].kind == kinds::input_warning);

    // Options reach the checker run alone: `only` filters its findings, never its stats.
    check_options only_warnings;
    only_warnings.only = crosscheck::finding_kinds{crosscheck::finding_kind::input_warning};
    const report filtered = conflicts(c, only_warnings);
    CHECK(filtered.findings.empty());
    CHECK(filtered.stats.conflicting_pairs == 1);

    // As `checker` values they keep their names and give what check() gives with them.
    const std::vector<checker> ks = {conflicts, rules, input_warnings};
    REQUIRE(ks.size() == 3);
    CHECK(ks[0].name == "conflicts");
    CHECK(ks[1].name == "rules");
    CHECK(ks[2].name == "input_warnings");
    const report all = check(c, ks);
    CHECK(all.stats.conflicting_pairs == 1);
    CHECK(all.stats.rule_violations == 1);
    CHECK(all.stats.input_warnings == 1);
    CHECK(all.findings.size() == 3);
}

namespace {

double from_bits(std::uint64_t u) {
    double d;
    std::memcpy(&d, &u, sizeof d);
    return d;
}
std::uint64_t bits_of(double d) {
    std::uint64_t u;
    std::memcpy(&u, &d, sizeof u);
    return u;
}
crosscheck::unit_base_id base_of(const corpus& c, std::string_view unit) {
    return c.unit_base(*c.unit_names().find(unit)).first;
}

}  // namespace

// Two different values whose bits, with the base unit's id mixed in, used to be the same key:
// the checkers took them for one value.
TEST_CASE("corroboration counts values of different base units apart, whatever their bits", "[checks][corroboration]") {
    auto make = [](double hi) {
        corpus_builder b;
        b.source("a");
        b.source("b");
        b.claim("a", "x", "size").id("m1").is(1, "m");
        b.claim("b", "x", "size").id("kg1").between(1.0, hi, "kg");
        return b.build();
    };
    const auto probe = make(2);
    const auto m = base_of(probe, "m"), kg = base_of(probe, "kg");
    REQUIRE(m != kg);
    // [1, hi] kg where hi's bits differ from 1's exactly by the bits the old scheme mixed in.
    const double hi = from_bits(bits_of(1.0) ^ ((std::uint64_t{crosscheck::to_index(m)} ^ std::uint64_t{crosscheck::to_index(kg)}) << 7));
    REQUIRE(hi != 1.0);
    const auto c = make(hi);
    REQUIRE(base_of(c, "m") == m);
    REQUIRE(base_of(c, "kg") == kg);
    const auto counts = corroboration(c);
    CHECK(counts == std::vector<std::size_t>{1, 1});  // 1 m and [1, 1.00000000000003] kg: one origin each
}

TEST_CASE("a finding's value groups keep values of different base units apart", "[checks]") {
    auto make = [](double lo) {
        corpus_builder b;
        b.source("a");
        b.claim("a", "x", "size").id("m1").between(0.0, 100.0, "m");
        b.claim("a", "x", "size").id("kg1").between(lo, 100.0, "kg");
        b.claim("a", "x", "size").id("m2").is(200, "m");
        b.claim("a", "x", "size").id("kg2").is(200, "kg");
        return b.build();
    };
    const auto probe = make(1);
    const auto m = base_of(probe, "m"), kg = base_of(probe, "kg");
    REQUIRE(m != kg);
    // A denormal lower bound whose bits are those the old scheme mixed into the key.
    const double lo = from_bits((std::uint64_t{crosscheck::to_index(m)} ^ std::uint64_t{crosscheck::to_index(kg)}) << 1);
    REQUIRE(lo > 0);
    const auto c = make(lo);
    REQUIRE(base_of(c, "m") == m);
    REQUIRE(base_of(c, "kg") == kg);
    const auto r = check(c);
    CHECK(r.stats.self_contradictions == 2);  // m1-m2 and kg1-kg2
    std::size_t seen = 0;
    for (const auto& f : r.findings) {
        if (f.kind != kinds::self_contradiction) continue;
        ++seen;
        // One source, quantities: all four claims in one finding, four different values.
        REQUIRE(f.values.size() == 4);
        for (const auto& v : f.values) CHECK(v.claim_count == 1);
        CHECK(f.values[0].interval == "0\xE2\x80\x93" "100 m");
        CHECK(f.values[1].interval.find(" kg") != std::string::npos);
    }
    CHECK(seen == 1);
}

TEST_CASE("rules: a reference's values in different base units are different values", "[checks][rules]") {
    // 2 m and 2 kg are not one value: the rule is checked with each, and each violation is
    // reported (they used to be taken for one value because their intervals are equal).
    corpus_builder b;
    b.source("a");
    rule r;
    r.type = rule_type::product;
    r.total = {"x", "total", {}};
    r.parts = {{"x", "left", {}}, {"x", "right", {}}};
    b.add_rule(r);
    b.claim("a", "x", "total").id("t").is(100);
    b.claim("a", "x", "left").id("l-m").is(2, "m");
    b.claim("a", "x", "left").id("l-kg").is(2, "kg");
    b.claim("a", "x", "left").id("l-m-again").is(2, "m");  // the same value as l-m: not checked again
    b.claim("a", "x", "right").id("r").is(5);
    const auto res = check(b.build());
    CHECK(res.stats.rule_violations == 2);
    std::set<std::vector<std::string>> named;
    for (const auto& f : res.findings)
        if (f.kind == kinds::rule_violation) named.insert(f.claims);
    CHECK(named == std::set<std::vector<std::string>>{{"t", "l-m", "r"}, {"t", "l-kg", "r"}});
}
