// Tests for include/crosscheck/corpus/builder.hpp: every setter of corpus_builder lands in the corpus it
// builds, which must equal a corpus assembled by hand through the corpus API.
#include <crosscheck/corpus/builder.hpp>

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <string>
#include <vector>

namespace builder_test_ns {
struct level {
    int n = 0;
    friend bool operator==(const level& a, const level& b) { return a.n == b.n; }
};
inline crosscheck::agreement crosscheck_compare(const level& a, const level& b, const crosscheck::compare_options&) {
    return a.n == b.n ? crosscheck::agreement::agree : crosscheck::agreement::conflict;
}
inline std::string crosscheck_to_string(const level& l) {
    return "level " + std::to_string(l.n);
}
}  // namespace builder_test_ns

namespace {

using crosscheck::any_value;
using crosscheck::approx;
using crosscheck::claim;
using crosscheck::corpus;
using crosscheck::modality;
using crosscheck::quantity;
using crosscheck::validity;
using crosscheck::testing::claim_n;
using crosscheck::testing::source_n;

crosscheck::period D(const char* t) {
    return crosscheck::parse_date(t);
}

claim<any_value> cl(std::string id, std::string source, std::string subject, std::string predicate, any_value v) {
    claim<any_value> c;
    c.id = std::move(id);
    c.source = std::move(source);
    c.subject = std::move(subject);
    c.predicate = std::move(predicate);
    c.value = std::move(v);
    return c;
}

crosscheck::rule sum_rule() {
    crosscheck::rule r;
    r.type = crosscheck::rule_type::sum;
    r.total = {"acme", "revenue", {}};
    r.parts = {{"acme", "revenue", {{"segment", "cloud"}}}, {"acme", "revenue", {{"segment", "ads"}}}};
    r.tolerance = 0.02;
    return r;
}

crosscheck::vocabulary_entry status_vocab() {
    crosscheck::vocabulary_entry v;
    v.values = {"allowed", "restricted", "banned"};
    v.compatible = {{"restricted", "banned"}};
    v.default_valid_published = true;
    return v;
}

}  // namespace

TEST_CASE("corpus_builder: every setter, compared with a corpus made by hand", "[builder]") {
    crosscheck::corpus_builder b;
    // Claims first: build() adds the sources before them, so a claim may name a later source.
    b.claim("cb", "ByteDance Ltd", "h20_status")
        .id("c1")
        .is("restricted")
        .valid_from("2025-04")
        .scope("jurisdiction", "china")
        .scope("market", "retail")
        .quote("eingeschränkt", "de")
        .cites("ft");
    b.claim("cb", "bytedance", "gpus").about(36000, "B200").valid("2025-Q2").mode(modality::estimated);
    b.claim("ft", "bytedance", "capex").over(2.5, "bn_usd").valid_until("2025-H1");
    b.claim("ft", "bytedance", "staff").under(100000);
    b.claim("ft", "bytedance", "staff").is(110000.0);
    b.claim("ft", "bytedance", "height").is(8848.86, "m").valid("2020", "2024");
    b.claim("ft", "bytedance", "range").between(1, 3, "km");
    b.claim("ft", "bytedance", "floor").between(10, std::nullopt);
    b.claim("ft", "bytedance", "ceiling").between(std::nullopt, 7.5, "t");
    auto q = quantity::bounds(4, 6, "GW");
    q.amount = 5;
    q.kind = approx::about;
    b.claim("ft", "bytedance", "power").is(q);
    b.claim("ft", "bytedance", "founded").on("2012-03");
    b.claim("ft", "bytedance", "note").text("see the filing");
    b.claim("ft", "bytedance", "level").value(crosscheck::custom_value{builder_test_ns::level{3}});
    b.claim("ft", "bytedance", "plan").is("expand").planned();
    b.claim("filing", "bytedance", "status").is("banned").mode(modality::reported).quote("banned");

    b.source("ft")
        .outlet("Financial Times")
        .title("Chip curbs")
        .url("https://ft.example/x")
        .author("A. Writer")
        .language("en")
        .published("2025-11")
        .reliability(0.9)
        .cites("filing");
    b.source("cb").outlet("ComputerBase").language("de").cites("ft").cites("reuters").translation_of("ft");
    b.source("filing");
    b.entity("bytedance", {"ByteDance Ltd", "字节跳动"})
        .vocabulary("h20_status", status_vocab())
        .scope_contains("jurisdiction", "china", "shanghai")
        .unit("km", "m", 1000)
        .unit("GW", "MW", 1000)
        .add_rule(sum_rule());

    const corpus built = b.build();

    // The same corpus through the corpus API, written out by hand.
    corpus hand;
    hand.add_entity("bytedance", {"ByteDance Ltd", "字节跳动"});
    hand.set_vocabulary("h20_status", status_vocab());
    hand.add_scope_containment("jurisdiction", "china", "shanghai");
    hand.units().add("km", "m", 1000);
    hand.units().add("GW", "MW", 1000);
    crosscheck::source ft;
    ft.id = "ft";
    ft.outlet = "Financial Times";
    ft.title = "Chip curbs";
    ft.url = "https://ft.example/x";
    ft.author = "A. Writer";
    ft.language = "en";
    ft.published = D("2025-11");
    ft.reliability = 0.9;
    ft.cites = {"filing"};
    crosscheck::source cb;
    cb.id = "cb";
    cb.outlet = "ComputerBase";
    cb.language = "de";
    cb.cites = {"ft", "reuters"};
    cb.translation_of = "ft";
    crosscheck::source filing;
    filing.id = "filing";
    hand.add_source(ft);
    hand.add_source(cb);
    hand.add_source(filing);
    std::vector<claim<any_value>> expected;
    {
        auto c = cl("c1", "cb", "ByteDance Ltd", "h20_status", crosscheck::token("restricted"));
        c.valid = validity::range(D("2025-04"), std::nullopt);
        c.scope = {{"jurisdiction", "china"}, {"market", "retail"}};
        c.quote = "eingeschränkt";
        c.lang = "de";
        c.cites = {"ft"};
        expected.push_back(c);
    }
    {
        auto c = cl("cb#2", "cb", "bytedance", "gpus", quantity(36000, approx::about, "B200"));
        c.valid = validity(D("2025-Q2"));
        c.mode = modality::estimated;
        expected.push_back(c);
    }
    {
        auto c = cl("ft#1", "ft", "bytedance", "capex", quantity(2.5, approx::at_least, "bn_usd"));
        c.valid = validity::range(std::nullopt, D("2025-H1"));
        expected.push_back(c);
    }
    expected.push_back(cl("ft#2", "ft", "bytedance", "staff", quantity(100000, approx::at_most)));
    expected.push_back(cl("ft#3", "ft", "bytedance", "staff", quantity(110000)));
    {
        auto c = cl("ft#4", "ft", "bytedance", "height", quantity(8848.86, "m"));
        c.valid = validity::range(D("2020"), D("2024"));
        expected.push_back(c);
    }
    expected.push_back(cl("ft#5", "ft", "bytedance", "range", quantity::bounds(1, 3, "km")));
    expected.push_back(cl("ft#6", "ft", "bytedance", "floor", quantity::bounds(10, std::nullopt)));
    expected.push_back(cl("ft#7", "ft", "bytedance", "ceiling", quantity::bounds(std::nullopt, 7.5, "t")));
    {
        auto p = quantity::bounds(4, 6, "GW");
        p.amount = 5;
        p.kind = approx::about;
        expected.push_back(cl("ft#8", "ft", "bytedance", "power", p));
    }
    expected.push_back(cl("ft#9", "ft", "bytedance", "founded", crosscheck::calendar_value{D("2012-03")}));
    expected.push_back(cl("ft#10", "ft", "bytedance", "note", crosscheck::text_value{"see the filing"}));
    expected.push_back(cl("ft#11", "ft", "bytedance", "level", crosscheck::custom_value{builder_test_ns::level{3}}));
    {
        auto c = cl("ft#12", "ft", "bytedance", "plan", crosscheck::token("expand"));
        c.mode = modality::planned;
        expected.push_back(c);
    }
    {
        auto c = cl("filing#1", "filing", "bytedance", "status", crosscheck::token("banned"));
        c.mode = modality::reported;
        c.quote = "banned";
        expected.push_back(c);
    }
    for (const auto& c : expected) hand.add(c);
    hand.rules().push_back(sum_rule());

    SECTION("claims") {
        REQUIRE(built.size() == expected.size());
        REQUIRE(hand.size() == expected.size());
        for (crosscheck::claim_index i : built.claim_indices()) {
            CAPTURE(i);
            CHECK(built[i].to_claim() == expected[to_index(i)]);
            CHECK(built[i].to_claim() == hand[i].to_claim());
            CHECK(built[i].assertion_period() == hand[i].assertion_period());
            CHECK(built.claim_origins(i) == hand.claim_origins(i));
        }
    }
    SECTION("sources") {
        REQUIRE(built.source_count() == hand.source_count());
        for (crosscheck::source_index i : built.source_indices()) {
            CAPTURE(i);
            CHECK(built.source_at(i) == hand.source_at(i));
            CHECK(built.declared(i) == hand.declared(i));
        }
        CHECK(built.source_at(*built.find_source("ft")) == ft);
        CHECK(built.source_at(*built.find_source("cb")) == cb);
        CHECK(built.declared(*built.find_source("cb")));  // declared after its claims
        // "reuters" is only cited: reported as a dangling reference of cb.
        const auto dangling = built.dangling_source_references();
        REQUIRE(dangling.size() == 1);
        CHECK(dangling[0].first == *built.find_source("cb"));
        CHECK(dangling[0].second == "reuters");
    }
    SECTION("entities, vocabulary, scopes, units, rules") {
        const auto& n = built.names();
        CHECK(built.entities().size() == 1);
        CHECK(built.resolve(*n.find("字节跳动")) == *n.find("bytedance"));
        CHECK(built[claim_n(0)].subject() == "bytedance");
        const auto status = *n.find("h20_status");
        REQUIRE(built.vocabulary(status) != nullptr);
        CHECK(built.vocabulary(status)->values == status_vocab().values);
        CHECK(built.compatible_tokens(status, *n.find("banned"), *n.find("restricted")));
        CHECK(built.default_valid_published(status));
        CHECK(built.scope_contains(*n.find("jurisdiction"), *n.find("china"), *n.find("shanghai")));
        CHECK(built.units() == hand.units());
        CHECK(built.units().factor("km", "m") == 1000.0);
        REQUIRE(built.rules().size() == 1);
        CHECK(built.rules()[0] == sum_rule());
    }
}

TEST_CASE("corpus_builder: a claim with no value set is the empty token", "[builder]") {
    crosscheck::corpus_builder b;
    b.claim("s", "x", "p");
    auto c = b.build();
    REQUIRE(c.size() == 1);
    CHECK(c[claim_n(0)].kind() == crosscheck::value_kind::token);
    CHECK(c[claim_n(0)].value_text().empty());
    CHECK_FALSE(c.declared(source_n(0)));  // "s" was never declared
}

TEST_CASE("corpus_builder: the last value setter wins", "[builder]") {
    crosscheck::corpus_builder b;
    b.claim("s", "x", "p").is("a").about(5).on("2025");
    auto c = b.build();
    CHECK(c[claim_n(0)].value() == any_value{crosscheck::calendar_value{D("2025")}});
}

TEST_CASE("corpus_builder: bad dates throw parse_error", "[builder][error]") {
    crosscheck::corpus_builder b;
    CHECK_THROWS_WITH(b.source("s").published("2025-13"),
                      "[crosscheck.parse_error.1] invalid date '2025-13': month must be 01-12");
    CHECK_THROWS_AS(b.claim("s", "x", "p").valid("2025-02-30"), crosscheck::parse_error);
    CHECK_THROWS_WITH(b.claim("s", "x", "p").valid("2025-02-30"),
                      "[crosscheck.parse_error.1] invalid date '2025-02-30': no such day in that month");
    CHECK_THROWS_AS(b.claim("s", "x", "p").valid("2025", "soon"), crosscheck::parse_error);
    CHECK_THROWS_AS(b.claim("s", "x", "p").valid_from("later"), crosscheck::parse_error);
    CHECK_THROWS_AS(b.claim("s", "x", "p").valid_until("soon"), crosscheck::parse_error);
    // An open end is said with valid_from or valid_until; an empty Date is no Date.
    CHECK_THROWS_WITH(b.claim("s", "x", "p").valid("2025-04", ""),
                      "[crosscheck.parse_error.1] invalid date '': expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or "
                      "YYYY-Hn");
    CHECK_THROWS_AS(b.claim("s", "x", "p").valid("", "2025-04"), crosscheck::parse_error);
    CHECK_THROWS_AS(b.claim("s", "x", "p").valid_from(""), crosscheck::parse_error);
    CHECK_THROWS_WITH(b.claim("s", "x", "p").on("2025-Q5"),
                      "[crosscheck.parse_error.1] invalid date '2025-Q5': quarter must be Q1-Q4");
    CHECK_THROWS_AS(b.claim("s", "x", "p").valid(" 2025"), crosscheck::parse_error);
}

TEST_CASE("corpus_builder: build() reports model errors", "[builder][error]") {
    SECTION("duplicate source") {
        crosscheck::corpus_builder b;
        b.source("ft");
        b.source("ft");
        CHECK_THROWS_WITH(b.build(), "[crosscheck.model_error.5] duplicate source id 'ft'");
    }
    SECTION("alias clash") {
        crosscheck::corpus_builder b;
        b.entity("a", {"x"}).entity("b", {"X"});
        CHECK_THROWS_AS(b.build(), crosscheck::model_error);
    }
    SECTION("unit cycle") {
        crosscheck::corpus_builder b;
        b.unit("a", "b", 2).unit("b", "a", 0.5);
        CHECK_THROWS_WITH(b.build(), "[crosscheck.model_error.4] unit cycle: b -> a -> b");
    }
    SECTION("bad factor") {
        crosscheck::corpus_builder b;
        b.unit("a", "b", 0);
        CHECK_THROWS_AS(b.build(), crosscheck::model_error);
    }
}

TEST_CASE("corpus_builder: build() can be called twice", "[builder]") {
    crosscheck::corpus_builder b;
    b.source("s").published("2025");
    b.claim("s", "x", "p").is(1.0);
    auto c1 = b.build();
    b.claim("s", "x", "p").is(2.0);
    auto c2 = b.build();
    CHECK(c1.size() == 1);
    CHECK(c2.size() == 2);
    CHECK(c1[claim_n(0)].to_claim() == c2[claim_n(0)].to_claim());
    CHECK(c2[claim_n(1)].id() == "s#2");
}
