// Tests for include/crosscheck/corpus/corpus.hpp: sources and placeholders, entities and aliases,
// vocabulary, scopes (§3.2), units, default claim ids (§1), storage round trips for every value
// kind, assertion periods (§3.3) and origins (§4).
#include <crosscheck/corpus/corpus.hpp>

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <algorithm>
#include <limits>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace corpus_test_ns {
// A user value type stored type-erased (value_kind::custom).
struct grade {
    char letter = 'C';
    friend bool operator==(const grade& a, const grade& b) { return a.letter == b.letter; }
};
inline crosscheck::agreement crosscheck_compare(const grade& a, const grade& b, const crosscheck::compare_options&) {
    return a.letter == b.letter ? crosscheck::agreement::agree : crosscheck::agreement::conflict;
}
inline std::string crosscheck_to_string(const grade& g) {
    return std::string("grade ") + g.letter;
}
}  // namespace corpus_test_ns

namespace {

using crosscheck::any_value;
using crosscheck::approx;
using crosscheck::claim;
using crosscheck::corpus;
using crosscheck::modality;
using crosscheck::period;
using crosscheck::quantity;
using crosscheck::source;
using crosscheck::source_index;
using crosscheck::symbol;
using crosscheck::token;
using crosscheck::validity;
using crosscheck::testing::claim_n;
using crosscheck::testing::source_n;

crosscheck::day_number day(int y, unsigned m, unsigned d) {
    return static_cast<crosscheck::day_number>(
        date::sys_days{date::year{y} / date::month{m} / date::day{d}}.time_since_epoch().count());
}

source src(std::string id, std::vector<std::string> cites = {}, std::optional<std::string> translation_of = {},
           const char* published = nullptr) {
    source s;
    s.id = std::move(id);
    s.cites = std::move(cites);
    s.translation_of = std::move(translation_of);
    if (published) s.published = crosscheck::parse_date(published);
    return s;
}

claim<any_value> make_claim(std::string source_id, std::string subject, std::string predicate, any_value v) {
    claim<any_value> c;
    c.source = std::move(source_id);
    c.subject = std::move(subject);
    c.predicate = std::move(predicate);
    c.value = std::move(v);
    return c;
}

template <class F>
std::string what_of(F&& f) {
    try {
        f();
    } catch (const crosscheck::error& e) {
        return e.what();
    }
    return "<no exception>";
}

std::vector<source_index> idx(std::initializer_list<source_index> l) {
    return l;
}

}  // namespace

TEST_CASE("an empty corpus", "[corpus]") {
    const corpus c;
    CHECK(c.size() == 0);
    CHECK(c.empty());
    CHECK(c.begin() == c.end());
    CHECK(c.source_count() == 0);
    CHECK(c.sources().empty());
    CHECK_FALSE(c.find_source("ft").has_value());
    CHECK(c.entities().empty());
    CHECK(c.units().empty());
    CHECK(c.rules().empty());
    CHECK(c.scope_count() == 1);  // the empty scope, id 0
    CHECK(c.scope_entries(crosscheck::empty_scope).empty());
    CHECK(c.scope_text(crosscheck::empty_scope).empty());
    CHECK(c.dangling_source_references().empty());
    CHECK(c.vocabulary_predicates().empty());
}

TEST_CASE("sources", "[corpus][source]") {
    corpus c;
    auto ft = src("ft");
    ft.outlet = "Financial Times";
    ft.language = "en";
    CHECK(c.add_source(ft) == source_n(0));
    CHECK(c.add_source(src("cb")) == source_n(1));
    CHECK(c.add_source(src("FT")) == source_n(2));  // ids are exact
    CHECK(c.source_count() == 3);
    CHECK(c.find_source("ft") == std::optional<source_index>{source_n(0)});
    CHECK(c.find_source("FT") == std::optional<source_index>{source_n(2)});
    CHECK_FALSE(c.find_source("Ft").has_value());
    CHECK(c.source_at(source_n(0)) == ft);
    CHECK(c.declared(source_n(0)));
    SECTION("a duplicate id is a model_error and changes nothing") {
        auto dup = src("ft");
        dup.outlet = "other";
        CHECK(what_of([&] { c.add_source(dup); }) == "[crosscheck.model_error.5] duplicate source id 'ft'");
        CHECK_THROWS_AS(c.add_source(dup), crosscheck::model_error);
        CHECK(c.source_count() == 3);
        CHECK(c.source_at(source_n(0)).outlet == "Financial Times");
    }
    SECTION("a placeholder becomes declared later, keeping its index") {
        auto r = c.intern_source("reuters");
        CHECK(r == source_n(3));
        CHECK_FALSE(c.declared(r));
        CHECK(c.source_at(r).id == "reuters");
        CHECK(c.intern_source("reuters") == r);  // idempotent
        CHECK(c.intern_source("ft") == source_n(0));  // known ids are found, not duplicated
        auto cl = make_claim("reuters", "x", "p", token("a"));
        auto ci = c.add(cl);
        auto decl = src("reuters");
        decl.outlet = "Reuters";
        CHECK(c.add_source(decl) == r);
        CHECK(c.declared(r));
        CHECK(c.source_at(r).outlet == "Reuters");
        CHECK(c.source_count() == 4);
        CHECK(c[ci].source_info().outlet == "Reuters");
        CHECK(c[ci].id() == "reuters#1");
        CHECK_THROWS_AS(c.add_source(src("reuters")), crosscheck::model_error);
    }
    SECTION("a claim naming an unknown source creates a placeholder") {
        auto ci = c.add(make_claim("ap", "x", "p", token("a")));
        auto ap = c.find_source("ap");
        REQUIRE(ap.has_value());
        CHECK_FALSE(c.declared(*ap));
        CHECK(c[ci].source_id() == "ap");
        // So do the claim's own cites.
        auto cl = make_claim("ft", "x", "p", token("a"));
        cl.cites = {"filing"};
        c.add(cl);
        REQUIRE(c.find_source("filing").has_value());
        CHECK_FALSE(c.declared(*c.find_source("filing")));
    }
    SECTION("display name and printing") {
        CHECK(c.source_at(source_n(0)).display_name() == "Financial Times");
        CHECK(c.source_at(source_n(1)).display_name() == "cb");
        auto s = src("cb", {}, {}, "2025-04");
        s.outlet = "ComputerBase";
        std::ostringstream os;
        os << s;
        CHECK(os.str() == "cb (ComputerBase) 2025-04");
    }
}

TEST_CASE("dangling source references", "[corpus][source]") {
    corpus c;
    c.add_source(src("a", {"x", "b"}, std::string("y")));
    c.add_source(src("b"));
    using pairs = std::vector<std::pair<source_index, std::string>>;
    CHECK(c.dangling_source_references() == pairs{{source_n(0), "x"}, {source_n(0), "y"}});
    c.intern_source("x");  // a placeholder is still not declared
    CHECK(c.dangling_source_references() == pairs{{source_n(0), "x"}, {source_n(0), "y"}});
    c.add_source(src("x"));
    CHECK(c.dangling_source_references() == pairs{{source_n(0), "y"}});
}

TEST_CASE("entities and aliases", "[corpus][entity]") {
    corpus c;
    c.add_entity("ByteDance", {"字节跳动", "ByteDance Ltd"});
    c.add_entity("alibaba", {"Alibaba Group", "阿里巴巴"});
    auto& n = c.names();
    const symbol bd = *n.find("bytedance");
    const symbol ali = *n.find("ALIBABA");
    CHECK(c.entities() == std::vector<symbol>{bd, ali});
    CHECK(c.resolve(*n.find("bytedance ltd")) == bd);
    CHECK(c.resolve(*n.find("BYTEDANCE LTD")) == bd);
    CHECK(c.resolve(*n.find("字节跳动")) == bd);
    CHECK(c.resolve(bd) == bd);
    CHECK(c.resolve(*n.find("阿里巴巴")) == ali);
    const symbol other = n.intern("tencent");
    CHECK(c.resolve(other) == other);
    CHECK(c.is_entity(bd));
    CHECK(c.is_entity(*n.find("bytedance ltd")));  // aliases are keys too
    CHECK_FALSE(c.is_entity(other));
    auto al = c.aliases_of(bd);
    std::vector<symbol> expected{*n.find("字节跳动"), *n.find("bytedance ltd")};
    std::sort(expected.begin(), expected.end());
    CHECK(al == expected);
    CHECK(c.aliases_of(other).empty());

    SECTION("claims are reported under the entity id") {
        auto i = c.add(make_claim("s", "BYTEDANCE LTD", "status", token("x")));
        auto j = c.add(make_claim("s", "字节跳动", "status", token("x")));
        CHECK(c[i].subject() == "ByteDance");
        CHECK(c[j].subject() == "ByteDance");
        // to_claim gives the subject before alias resolution, in its first spelling.
        CHECK(c[i].to_claim().subject == "ByteDance Ltd");
        CHECK(c[j].to_claim().subject == "字节跳动");
    }
    SECTION("an alias naming two entities is a model_error") {
        CHECK(what_of([&] { c.add_entity("tiktok", {"bytedance ltd"}); }) ==
              "[crosscheck.model_error.6] alias 'bytedance ltd' names two entities: 'ByteDance' and 'tiktok'");
        CHECK(what_of([&] { c.add_entity("x", {"ALIBABA GROUP"}); }) ==
              "[crosscheck.model_error.6] alias 'ALIBABA GROUP' names two entities: 'alibaba' and 'x'");
        // An entity id that is already another entity's alias.
        CHECK(what_of([&] { c.add_entity("Alibaba Group", {}); }) ==
              "[crosscheck.model_error.6] alias 'Alibaba Group' names two entities: 'alibaba' and 'Alibaba Group'");
        // An alias that is another entity's id.
        CHECK_THROWS_AS(c.add_entity("y", {"ByteDance"}), crosscheck::model_error);
        CHECK(c.resolve(*n.find("bytedance ltd")) == bd);  // unchanged
    }
    SECTION("repeating an alias for the same entity is fine") {
        CHECK_NOTHROW(c.add_entity("ByteDance", {"bytedance ltd", "BYTEDANCE LTD"}));
        CHECK(c.resolve(*n.find("bytedance ltd")) == bd);
    }
}

TEST_CASE("an entity declared after claims that name it is still reported by its id", "[corpus][entity][regression]") {
    // §3: "Reports show an entity's id, or otherwise the first spelling seen." Regression: subject()
    // used to show the first spelling of the folded name even when a claim spelled it first.
    corpus c;
    auto i = c.add(make_claim("s", "BYTEDANCE", "status", token("x")));
    c.add_entity("ByteDance", {"ByteDance Ltd"});
    CHECK(c[i].subject() == "ByteDance");
}

TEST_CASE("first spelling is kept for names", "[corpus][names]") {
    corpus c;
    auto a = c.add(make_claim("s", "Moore Threads", "GPU_Status", token("Restricted")));
    auto b = c.add(make_claim("s", "moore threads", "gpu_status", token("RESTRICTED")));
    CHECK(c[b].subject() == "Moore Threads");
    CHECK(c[b].predicate() == "GPU_Status");
    CHECK(c[a].stored().subject == c[b].stored().subject);
    CHECK(c[a].stored().predicate == c[b].stored().predicate);
    CHECK(c[a].stored().sym == c[b].stored().sym);
    CHECK(c[b].value_text() == "Restricted");
}

TEST_CASE("vocabulary", "[corpus][vocabulary]") {
    corpus c;
    crosscheck::vocabulary_entry v;
    v.values = {"Allowed", "Restricted", "Banned"};
    v.compatible = {{"restricted", "BANNED"}};
    v.default_valid_published = true;
    c.set_vocabulary("Status", v);
    crosscheck::vocabulary_entry w;
    w.compatible = {{"x", "y"}};
    c.set_vocabulary("other", w);
    auto& n = c.names();
    const symbol status = *n.find("status"), other = *n.find("OTHER");
    const symbol unknown = n.intern("no_vocab");
    const symbol allowed = *n.find("allowed"), restricted = *n.find("restricted"), banned = *n.find("banned");
    const symbol x = *n.find("x"), y = *n.find("y"), z = n.intern("z");
    SECTION("allowed tokens") {
        CHECK(c.allowed_token(status, allowed));
        CHECK(c.allowed_token(status, n.intern("BANNED")));
        CHECK_FALSE(c.allowed_token(status, z));
        CHECK(c.allowed_token(other, z));    // no values declared: any token
        CHECK(c.allowed_token(unknown, z));  // no entry: any token
    }
    SECTION("compatible pairs are symmetric") {
        CHECK(c.compatible_tokens(status, restricted, banned));
        CHECK(c.compatible_tokens(status, banned, restricted));
        CHECK_FALSE(c.compatible_tokens(status, allowed, banned));
        CHECK_FALSE(c.compatible_tokens(status, banned, allowed));
        CHECK(c.compatible_tokens(status, allowed, allowed));  // equal tokens always
        CHECK(c.compatible_tokens(unknown, z, z));
        CHECK_FALSE(c.compatible_tokens(unknown, x, y));
        CHECK_FALSE(c.compatible_tokens(status, x, y));  // pairs belong to their predicate
        CHECK(c.compatible_tokens(other, y, x));
        const auto& pairs = c.compatible_pairs(status);
        REQUIRE(pairs.size() == 1);
        CHECK(pairs[0] == std::make_pair(std::min(restricted, banned), std::max(restricted, banned)));
        CHECK(c.compatible_pairs(unknown).empty());
    }
    SECTION("default_valid") {
        CHECK(c.default_valid_published(status));
        CHECK_FALSE(c.default_valid_published(other));
        CHECK_FALSE(c.default_valid_published(unknown));
    }
    SECTION("entries as given") {
        REQUIRE(c.vocabulary(status) != nullptr);
        CHECK(c.vocabulary(status)->values == std::vector<std::string>{"Allowed", "Restricted", "Banned"});
        CHECK(c.vocabulary(unknown) == nullptr);
        auto preds = c.vocabulary_predicates();
        std::vector<symbol> expected{status, other};
        std::sort(expected.begin(), expected.end());
        CHECK(preds == expected);
    }
    SECTION("setting it again replaces it") {
        c.set_vocabulary("STATUS", crosscheck::vocabulary_entry{});
        CHECK(c.allowed_token(status, z));
        CHECK_FALSE(c.compatible_tokens(status, restricted, banned));
        CHECK_FALSE(c.default_valid_published(status));
    }
}

TEST_CASE("scope containment", "[corpus][scope]") {
    corpus c;
    c.add_scope_containment("region", "EU", "Germany");
    c.add_scope_containment("Region", "germany", "Bavaria");
    c.add_scope_containment("region", "eu", "France");
    auto& n = c.names();
    const symbol region = *n.find("region"), eu = *n.find("eu"), de = *n.find("germany"), by = *n.find("bavaria"),
                 fr = *n.find("france");
    CHECK(c.scope_contains(region, eu, de));
    CHECK(c.scope_contains(region, eu, by));  // transitively
    CHECK(c.scope_contains(region, de, by));
    CHECK(c.scope_contains(region, eu, fr));
    CHECK_FALSE(c.scope_contains(region, de, eu));
    CHECK_FALSE(c.scope_contains(region, by, eu));
    CHECK_FALSE(c.scope_contains(region, de, fr));
    CHECK_FALSE(c.scope_contains(region, eu, eu));  // not itself
    const symbol market = n.intern("market");
    CHECK_FALSE(c.scope_contains(market, eu, de));  // only in its dimension
    SECTION("declared later: the closure is recomputed") {
        c.add_scope_containment("region", "Bavaria", "Munich");
        CHECK(c.scope_contains(region, eu, *n.find("munich")));
    }
    SECTION("a containment cycle is harmless") {
        c.add_scope_containment("region", "a", "b");
        c.add_scope_containment("region", "b", "a");
        const symbol a = *n.find("a"), b = *n.find("b");
        CHECK(c.scope_contains(region, a, b));
        CHECK(c.scope_contains(region, b, a));
        CHECK_FALSE(c.scope_contains(region, a, a));
    }
    SECTION("declared containments") {
        const auto& m = c.scope_containments();
        CHECK(m.size() == 2);
        CHECK(m.at({region, eu}).size() == 2);
    }
}

TEST_CASE("scopes overlap (§3.2)", "[corpus][scope]") {
    corpus c;
    c.add_scope_containment("region", "eu", "germany");
    c.add_scope_containment("region", "germany", "bavaria");
    c.add_scope_containment("region", "eu", "france");
    using crosscheck::scope_map;
    auto S = [&](scope_map m) { return c.intern_scope(m); };
    CHECK(S({}) == crosscheck::empty_scope);
    const auto eu = S({{"region", "eu"}}), de = S({{"Region", "Germany"}}), fr = S({{"region", "france"}}),
               by = S({{"region", "bavaria"}});
    CHECK(S({{"REGION", "GERMANY"}}) == de);  // canonical, case-insensitive
    struct row {
        scope_map a, b;
        bool overlap;
    };
    auto r = GENERATE(values<row>({
        {{}, {{"region", "germany"}}, true},                       // no scope
        {{{"region", "germany"}}, {{"region", "germany"}}, true},  // same
        {{{"region", "eu"}}, {{"region", "germany"}}, true},       // contains
        {{{"region", "eu"}}, {{"region", "bavaria"}}, true},       // transitively
        {{{"region", "germany"}}, {{"region", "france"}}, false},  // siblings
        {{{"region", "bavaria"}}, {{"region", "france"}}, false},
        {{{"region", "germany"}}, {{"region", "spain"}}, false},  // undeclared token
        {{{"region", "germany"}}, {{"market", "retail"}}, true},  // missing dimension
        {{{"region", "germany"}, {"market", "retail"}}, {{"region", "eu"}}, true},
        {{{"region", "germany"}, {"market", "retail"}}, {{"region", "eu"}, {"market", "wholesale"}}, false},
        {{{"region", "germany"}, {"market", "retail"}}, {{"region", "france"}, {"market", "retail"}}, false},
        {{{"region", "bavaria"}, {"market", "retail"}}, {{"region", "eu"}, {"market", "RETAIL"}}, true},
        {{{"a", "1"}, {"b", "2"}}, {{"b", "2"}, {"c", "3"}}, true},
        {{{"a", "1"}, {"b", "2"}}, {{"b", "3"}, {"c", "3"}}, false},
        {{{"a", "1"}}, {{"b", "2"}, {"c", "3"}}, true},
    }));
    const auto a = S(r.a), b = S(r.b);
    CAPTURE(c.scope_text(a), c.scope_text(b));
    CHECK(c.scopes_overlap(a, b) == r.overlap);
    CHECK(c.scopes_overlap(b, a) == r.overlap);
    CHECK(c.scopes_overlap(a, a));
    (void)eu, (void)fr, (void)by;
}

TEST_CASE("scope overlap is recomputed after a containment is added", "[corpus][scope]") {
    corpus c;
    const auto de = c.intern_scope({{"region", "germany"}}), by = c.intern_scope({{"region", "bavaria"}});
    CHECK_FALSE(c.scopes_overlap(de, by));
    c.add_scope_containment("region", "germany", "bavaria");
    CHECK(c.scopes_overlap(de, by));
}

TEST_CASE("scope ids, text and lookup", "[corpus][scope]") {
    corpus c;
    const auto s = c.intern_scope({{"Region", "Germany"}, {"market", "Retail"}});
    CHECK(s != crosscheck::empty_scope);
    CHECK(c.intern_scope({{"market", "RETAIL"}, {"REGION", "germany"}}) == s);
    CHECK(c.scope_text(s) == "market=retail;region=germany");
    CHECK(c.scope_of(s) == crosscheck::scope_map{{"Region", "Germany"}, {"market", "Retail"}});
    CHECK(c.find_scope({{"region", "GERMANY"}, {"Market", "retail"}}) == std::optional<crosscheck::scope_id>{s});
    CHECK(c.find_scope({}) == std::optional<crosscheck::scope_id>{crosscheck::empty_scope});
    CHECK_FALSE(c.find_scope({{"region", "france"}}).has_value());   // unknown token
    CHECK_FALSE(c.find_scope({{"region", "germany"}}).has_value());  // known names, unused scope
    CHECK(c.scope_count() == 2);
    CHECK(c.scope_entries(s).size() == 2);
}

TEST_CASE("units through the corpus", "[corpus][units]") {
    corpus c;
    c.units().add("km", "m", 1000);
    c.units().add("m", "mm", 1000);
    auto i = c.add(make_claim("s", "everest", "height", quantity(8.849, "km")));
    const auto& r = c.stored(i);
    REQUIRE(r.value_unit() != crosscheck::no_unit);
    CHECK(c.unit_names().str(r.value_unit()) == "km");
    auto [base, f] = c.unit_base(r.value_unit());
    CHECK(c.unit_base_name(base) == "mm");
    CHECK(f == Approx(1e6));
    const crosscheck::unit_id m = c.unit_names().intern("m");
    CHECK(c.unit_base(m).first == base);
    CHECK(c.unit_base(m).second == Approx(1000.0));
    const crosscheck::unit_id usd = c.unit_names().intern("usd");
    CHECK(c.unit_base_name(c.unit_base(usd).first) == "usd");  // undeclared: its own base
    CHECK(c.unit_base(usd).second == 1.0);
    CHECK(c.unit_base(crosscheck::no_unit) ==
          std::pair<crosscheck::unit_base_id, double>{crosscheck::no_unit_base, 1.0});
    // Units are exact: "KM" is another unit.
    const crosscheck::unit_id KM = c.unit_names().intern("KM");
    CHECK(KM != r.value_unit());
    CHECK(c.unit_base_name(c.unit_base(KM).first) == "KM");
    SECTION("a unit declared after a look-up is seen") {
        const crosscheck::unit_id mile = c.unit_names().intern("mile");
        CHECK(c.unit_base_name(c.unit_base(mile).first) == "mile");
        c.units().add("mile", "m", 1609.344);
        CHECK(c.unit_base(mile).first == base);
        CHECK(c.unit_base(mile).second == Approx(1609344.0));
    }
    SECTION("a claim with no unit") {
        auto j = c.add(make_claim("s", "x", "count", quantity(3)));
        CHECK(c.stored(j).value_unit() == crosscheck::no_unit);
        CHECK(c[j].to_claim().value == any_value{quantity(3)});
    }
}

TEST_CASE("a redefined unit is not served from a stale cache", "[corpus][units]") {
    // corpus::unit_base caches per unit and clears the cache only when units().size() changes;
    // unit_registry::add replaces an existing definition without changing the size.
    corpus c;
    c.units().add("bn_usd", "usd", 1e6);  // a mistake, corrected below
    const crosscheck::unit_id bn = c.unit_names().intern("bn_usd");
    CHECK(c.unit_base(bn).second == Approx(1e6));
    c.units().add("bn_usd", "usd", 1e9);
    CHECK(c.unit_base(bn).second == Approx(1e9));
}

TEST_CASE("default claim ids are SOURCE#N, 1-based per source", "[corpus][ids]") {
    corpus c;
    c.add_source(src("ft"));
    c.add_source(src("cb"));
    std::vector<crosscheck::claim_index> got;
    auto add = [&](const char* s, const char* id) {
        auto cl = make_claim(s, "x", "p", token("v"));
        if (id) cl.id = id;
        got.push_back(c.add(cl));
    };
    add("ft", nullptr);
    add("cb", nullptr);
    add("ft", nullptr);
    add("ft", "ft-explicit");  // counts towards N
    add("ft", nullptr);
    add("cb", "cb#1");        // an explicit id is taken as given
    add("reuters", nullptr);  // a placeholder source numbers its claims too
    std::vector<std::string> ids;
    for (auto i : got) ids.emplace_back(c.claim_id(i));
    CHECK(ids == std::vector<std::string>{"ft#1", "cb#1", "ft#2", "ft-explicit", "ft#4", "cb#1", "reuters#1"});
    CHECK(c[got[4]].id() == "ft#4");
    SECTION("through add_stored as well") {
        crosscheck::stored_claim r;
        r.subject = c.names().intern("y");
        r.predicate = c.names().intern("q");
        r.source = *c.find_source("cb");
        r.set_value_token(c.names().intern("t"));
        auto i = c.add_stored(r, "");
        CHECK(c.claim_id(i) == "cb#3");
        auto j = c.add_stored(r, "given");
        CHECK(c.claim_id(j) == "given");
    }
}

TEST_CASE("claims round-trip through storage for every value kind", "[corpus][roundtrip]") {
    corpus c;
    auto s = src("ft", {}, {}, "2025-06");
    s.language = "en";
    c.add_source(s);
    c.add_source(src("filing"));
    c.add_source(src("wsj"));

    auto lower_only = quantity::bounds(10, std::nullopt, "GW");
    auto upper_only = quantity::bounds(std::nullopt, 3.5);
    auto with_amount = quantity::bounds(8844.22, 8844.64, "m");
    with_amount.amount = 8848.86;
    auto about_bounds = quantity::bounds(1, 2);
    about_bounds.kind = approx::about;
    const auto value = GENERATE_COPY(values<any_value>({
        token("Restricted"),
        token("true"),
        quantity(42),
        quantity(-3.25, "°C"),
        quantity(36000, approx::about, "B200"),
        quantity(2.5, approx::at_least, "bn_usd"),
        quantity(100, approx::at_most, "t"),
        quantity::bounds(1, 3, "km"),
        lower_only,
        upper_only,
        with_amount,
        about_bounds,
        quantity(std::numeric_limits<double>::max()),
        quantity(5e-324),
        crosscheck::calendar_value{crosscheck::parse_period("1953-05")},
        crosscheck::calendar_value{crosscheck::parse_period("1953-05-29")},
        crosscheck::calendar_value{crosscheck::parse_period("2025")},
        crosscheck::calendar_value{crosscheck::parse_period("2025-Q2")},
        crosscheck::calendar_value{crosscheck::parse_period("2025-H2")},
        crosscheck::calendar_value{crosscheck::parse_period("2025-Q1..2025-05")},
        crosscheck::calendar_value{crosscheck::parse_period("1969-12-31")},
        crosscheck::text_value{"a sentence, kept as written"},
        crosscheck::text_value{""},
        crosscheck::custom_value{corpus_test_ns::grade{'A'}},
    }));
    const auto valid = GENERATE(values<validity>({
        validity{},
        validity{crosscheck::parse_date("2025-04")},
        validity::range(crosscheck::parse_date("2025-01"), crosscheck::parse_date("2025-Q2")),
        validity::range(crosscheck::parse_date("2025-01-15"), std::nullopt),
        validity::range(std::nullopt, crosscheck::parse_date("2024-H2")),
        validity::range(std::nullopt, std::nullopt),
    }));
    claim<any_value> in = make_claim("ft", "ByteDance", "H20_status", value);
    in.id = "c-1";
    in.valid = valid;
    in.scope = {{"jurisdiction", "China"}, {"Market", "retail"}};
    in.mode = modality::reported;
    in.quote = "«restricted»";
    in.lang = "de";
    in.cites = {"filing", "wsj"};
    const auto i = c.add(in);
    const auto out = c[i].to_claim();
    CAPTURE(crosscheck::to_string(value));
    CHECK(out == in);
    CHECK(crosscheck::kind_of(out.value) == crosscheck::kind_of(value));
    CHECK(crosscheck::to_string(out.value) == crosscheck::to_string(value));
    if (auto q = std::get_if<quantity>(&value)) {
        // Exact fields, not only ==: amount, bounds and hedge survive the compact record.
        const auto& oq = std::get<quantity>(out.value);
        CHECK(oq.amount == q->amount);
        CHECK(oq.lower == q->lower);
        CHECK(oq.upper == q->upper);
        CHECK(oq.kind == q->kind);
        CHECK(oq.unit == q->unit);
    }
    if (auto cv = std::get_if<crosscheck::calendar_value>(&value)) {
        const auto& oc = std::get<crosscheck::calendar_value>(out.value);
        CHECK(oc.when.first() == cv->when.first());
        CHECK(oc.when.last() == cv->when.last());
        CHECK(oc.when.first_precision() == cv->when.first_precision());
        CHECK(oc.when.last_precision() == cv->when.last_precision());
    }
    if (std::holds_alternative<crosscheck::custom_value>(value)) {
        const auto* g = std::get<crosscheck::custom_value>(out.value).get_if<corpus_test_ns::grade>();
        REQUIRE(g != nullptr);
        CHECK(g->letter == 'A');
    }
    // The accessors agree with the claim.
    const auto ref = c[i];
    CHECK(ref.id() == "c-1");
    CHECK(ref.subject() == "ByteDance");
    CHECK(ref.predicate() == "H20_status");
    CHECK(ref.source_id() == "ft");
    CHECK(&ref.source_info() == &c.source_at(source_n(0)));
    CHECK(ref.kind() == crosscheck::kind_of(value));
    CHECK(ref.mode() == modality::reported);
    CHECK(ref.valid() == valid);
    CHECK(ref.scope() == crosscheck::scope_map{{"jurisdiction", "China"}, {"Market", "retail"}});
    CHECK(ref.value() == value);
    CHECK(ref.value_text() == crosscheck::to_string(value));
    CHECK(ref.quote() == "«restricted»");
    CHECK(ref.lang() == "de");
    CHECK(ref.index() == i);
    CHECK(&ref.owner() == &c);
}

TEST_CASE("claims of typed values and the claim range", "[corpus]") {
    corpus c;
    auto s = src("s");
    s.language = "fr";
    c.add_source(s);
    claim<token> t;
    t.source = "s";
    t.subject = "a";
    t.predicate = "p";
    t.value = token("yes");
    claim<quantity> q;
    q.source = "s";
    q.subject = "a";
    q.predicate = "n";
    q.value = quantity(7, "kg");
    claim<corpus_test_ns::grade> g;
    g.source = "s";
    g.subject = "a";
    g.predicate = "g";
    g.value = corpus_test_ns::grade{'B'};
    g.quote = "B";
    CHECK(c.add(t) == claim_n(0));
    CHECK(c.add(q) == claim_n(1));
    CHECK(c.add(g) == claim_n(2));
    CHECK(c.size() == 3);
    CHECK_FALSE(c.empty());
    CHECK(c[claim_n(0)].kind() == crosscheck::value_kind::token);
    CHECK(c[claim_n(1)].kind() == crosscheck::value_kind::quantity);
    CHECK(c[claim_n(2)].kind() == crosscheck::value_kind::custom);
    CHECK(c[claim_n(2)].value_text() == "grade B");
    CHECK(c[claim_n(0)].lang() == "fr");  // no claim language: the source's
    CHECK(c[claim_n(0)].quote().empty());
    CHECK(c.extra(claim_n(0)) == nullptr);  // nothing rare: no side-table entry
    REQUIRE(c.extra(claim_n(2)) != nullptr);
    CHECK(c.extra(claim_n(2))->quote == "B");
    // The range yields every claim in order.
    std::vector<std::string> ids;
    for (auto ref : c) ids.emplace_back(ref.id());
    CHECK(ids == std::vector<std::string>{"s#1", "s#2", "s#3"});
    CHECK(c.end() - c.begin() == 3);
    CHECK((*(c.begin() + 2)).id() == "s#3");
    CHECK(c.begin()[1] == c[claim_n(1)]);
    CHECK(c[claim_n(0)] != c[claim_n(1)]);
    std::ostringstream os;
    os << c[claim_n(1)];
    CHECK(os.str() == "s#2: a.n = 7 kg (s)");
}

TEST_CASE("a copied corpus is independent", "[corpus]") {
    auto original = std::make_unique<corpus>();
    original->add_source(src("s"));
    original->add_entity("ByteDance", {"bd"});
    original->add(make_claim("s", "BD", "Status", token("Banned")));
    const auto before = (*original)[claim_n(0)].to_claim();
    corpus copy = *original;
    original.reset();
    CHECK(copy.size() == 1);
    CHECK(copy[claim_n(0)].to_claim() == before);
    CHECK(copy[claim_n(0)].subject() == "ByteDance");
    CHECK(copy[claim_n(0)].id() == "s#1");
}

TEST_CASE("assertion periods (§3.3)", "[corpus][period]") {
    corpus c;
    crosscheck::vocabulary_entry dv;
    dv.default_valid_published = true;
    c.set_vocabulary("ceo", dv);
    c.add_source(src("pub", {}, {}, "2025-Q2"));
    c.add_source(src("pubday", {}, {}, "2025-04-15"));
    c.add_source(src("nopub"));
    auto P = [](const char* t) { return crosscheck::parse_period(t); };
    auto ap = [&](const char* source_id, const char* predicate, validity v) {
        auto cl = make_claim(source_id, "x", predicate, token("v"));
        cl.valid = v;
        auto i = c.add(cl);
        CHECK(c[i].assertion_period() == c.assertion_period(i));
        return c.assertion_period(i);
    };
    const auto d = [](const char* t) { return crosscheck::parse_date(t); };
    SECTION("a Date: that period") {
        CHECK(ap("pub", "status", validity{d("2025-04")}) == P("2025-04"));
        CHECK(ap("nopub", "status", validity{d("2024-H2")}) == P("2024-H2"));
        CHECK(ap("pub", "ceo", validity{d("2019")}) == P("2019"));  // valid wins over default_valid
    }
    SECTION("from and to") {
        auto p = ap("pub", "status", validity::range(d("2025-01"), d("2025-03-10")));
        CHECK(p.first() == day(2025, 1, 1));
        CHECK(p.last() == day(2025, 3, 10));
        CHECK(p == P("2025-01..2025-03-10"));
    }
    SECTION("from only: through the last day of the source's published period") {
        auto p = ap("pub", "status", validity::range(d("2025-01"), std::nullopt));
        CHECK(p.first() == day(2025, 1, 1));
        CHECK(p.last() == day(2025, 6, 30));
        CHECK_FALSE(p.open_end());
        auto q = ap("pubday", "status", validity::range(d("2024"), std::nullopt));
        CHECK(q.first() == day(2024, 1, 1));
        CHECK(q.last() == day(2025, 4, 15));
    }
    SECTION("from only, no published: open-ended") {
        auto p = ap("nopub", "status", validity::range(d("2025-01"), std::nullopt));
        CHECK(p.first() == day(2025, 1, 1));
        CHECK(p.open_end());
        CHECK(p == P("2025-01.."));
    }
    SECTION("to only: open past") {
        auto p = ap("pub", "status", validity::range(std::nullopt, d("2025-03")));
        CHECK(p.open_start());
        CHECK(p.last() == day(2025, 3, 31));
        CHECK(p == P("..2025-03"));
    }
    SECTION("none: all time") {
        CHECK(ap("pub", "status", validity{}).all_time());
        CHECK(ap("nopub", "status", validity{}).all_time());
        CHECK(ap("pub", "status", validity::range(std::nullopt, std::nullopt)).all_time());
    }
    SECTION("none with default_valid published: the source's published period") {
        CHECK(ap("pub", "ceo", validity{}) == P("2025-Q2"));
        CHECK(ap("pub", "CEO", validity{}) == P("2025-Q2"));  // predicate names are case-insensitive
        CHECK(ap("pubday", "ceo", validity{}) == P("2025-04-15"));
        CHECK(ap("nopub", "ceo", validity{}).all_time());       // no published: all time
        CHECK(ap("undeclared", "ceo", validity{}).all_time());  // a placeholder source has none
    }
}

TEST_CASE("origins (§4)", "[corpus][origins]") {
    corpus c;
    SECTION("a source citing nothing is its own origin") {
        const auto a = c.add_source(src("a"));
        CHECK(c.origins(a) == idx({a}));
    }
    SECTION("cites chains") {
        const auto a = c.add_source(src("a", {"b"}));
        const auto b = c.add_source(src("b", {"c"}));
        const auto cc = c.add_source(src("c"));
        CHECK(c.origins(a) == idx({cc}));
        CHECK(c.origins(b) == idx({cc}));
        CHECK(c.origins(cc) == idx({cc}));
    }
    SECTION("translation chains") {
        const auto de = c.add_source(src("de", {}, std::string("en")));
        const auto en = c.add_source(src("en", {}, std::string("orig")));
        const auto orig = c.add_source(src("orig"));
        const auto fr = c.add_source(src("fr", {}, std::string("de")));
        CHECK(c.origins(de) == idx({orig}));
        CHECK(c.origins(en) == idx({orig}));
        CHECK(c.origins(fr) == idx({orig}));
    }
    SECTION("translation and cites together") {
        const auto t = c.add_source(src("t", {"x"}, std::string("y")));
        const auto x = c.add_source(src("x"));
        const auto y = c.add_source(src("y"));
        CHECK(c.origins(t) == idx({x, y}));
    }
    SECTION("a source citing two others has two origins") {
        const auto p = c.add_source(src("p"));
        const auto m = c.add_source(src("m", {"q", "p"}));
        const auto q = c.add_source(src("q"));
        CHECK(c.origins(m) == idx({p, q}));
    }
    SECTION("diamond: one origin reached twice") {
        const auto top = c.add_source(src("top", {"l", "r"}));
        c.add_source(src("l", {"root"}));
        c.add_source(src("r", {"root"}));
        const auto root = c.add_source(src("root"));
        CHECK(c.origins(top) == idx({root}));
    }
    // "First member": the member of the cycle with the lowest source index.
    SECTION("a cycle with no exit is one origin, its first member") {
        const auto k = c.add_source(src("k"));
        const auto m = c.add_source(src("m", {"n"}));
        const auto n = c.add_source(src("n", {"o"}));
        const auto o = c.add_source(src("o", {"m"}));
        const auto r = c.add_source(src("r", {"n"}));
        const auto first = std::min({m, n, o});
        CHECK(first == m);
        CHECK(c.origins(k) == idx({k}));
        CHECK(c.origins(m) == idx({first}));
        CHECK(c.origins(n) == idx({first}));
        CHECK(c.origins(o) == idx({first}));
        CHECK(c.origins(r) == idx({first}));  // citing into the cycle
    }
    SECTION("a cycle that is entered before its first member is visited") {
        const auto r = c.add_source(src("r", {"v"}));  // visited first, enters the cycle at v
        const auto u = c.add_source(src("u", {"v"}));
        const auto v = c.add_source(src("v", {"u"}));
        const auto first = std::min(u, v);
        CHECK(r != first);
        CHECK(c.origins(r) == idx({first}));
        CHECK(c.origins(u) == idx({first}));
        CHECK(c.origins(v) == idx({first}));
    }
    SECTION("a source citing itself") {
        const auto s = c.add_source(src("s", {"s"}));
        CHECK(c.origins(s) == idx({s}));
    }
    SECTION("a cycle that also cites an outside source") {
        const auto u = c.add_source(src("u", {"v"}));
        const auto v = c.add_source(src("v", {"u", "w"}));
        const auto w = c.add_source(src("w"));
        CHECK(c.origins(u) == idx({w}));
        CHECK(c.origins(v) == idx({w}));
    }
    SECTION("a placeholder source cites nothing, so it is an origin") {
        const auto a = c.add_source(src("a", {"ft"}));
        const auto ft = c.intern_source("ft");
        CHECK(c.origins(a) == idx({ft}));
    }
    SECTION("origins are recomputed when sources are added") {
        const auto b = c.add_source(src("b"));
        const auto a = c.add_source(src("a", {"b"}));
        CHECK(c.origins(a) == idx({b}));
        CHECK(c.origins(b) == idx({b}));
        const auto top = c.add_source(src("top", {"a"}));  // added after origins were computed
        CHECK(c.origins(top) == idx({b}));
        const auto other = c.add_source(src("other"));
        const auto both = c.add_source(src("both", {"top", "other"}));
        CHECK(c.origins(both) == idx({b, other}));
    }
}

TEST_CASE("claim origins and independence (§4)", "[corpus][origins]") {
    corpus c;
    const auto ft = c.add_source(src("ft"));
    const auto reuters = c.add_source(src("reuters"));
    const auto cb = c.add_source(src("cb", {"ft"}));
    const auto heise = c.add_source(src("heise", {"ft"}));
    const auto golem = c.add_source(src("golem", {"reuters"}));
    const auto filing = c.add_source(src("filing"));
    auto add = [&](const char* s, std::vector<std::string> cites = {}) {
        auto cl = make_claim(s, "bytedance", "status", token("restricted"));
        cl.cites = std::move(cites);
        return c.add(cl);
    };
    const auto c_cb = add("cb"), c_heise = add("heise"), c_golem = add("golem"), c_ft = add("ft");
    const auto c_cb_filing = add("cb", {"filing"});  // this paragraph relies on the filing
    const auto c_cb_two = add("cb", {"filing", "reuters"});
    CHECK(c.claim_origins(c_cb) == idx({ft}));
    CHECK(c.claim_origins(c_golem) == idx({reuters}));
    CHECK(c.claim_origins(c_cb_filing) == idx({filing}));  // claim-level cites override the source's
    CHECK(c.claim_origins(c_cb_two) == idx({reuters, filing}));
    CHECK_FALSE(c.independent(c_cb, c_heise));  // both relay the FT
    CHECK_FALSE(c.independent(c_cb, c_ft));
    CHECK(c.independent(c_cb, c_golem));
    CHECK(c.independent(c_cb_filing, c_heise));
    CHECK(c.independent(c_heise, c_cb_filing));
    CHECK_FALSE(c.independent(c_cb_two, c_golem));
    CHECK_FALSE(c.independent(c_cb, c_cb));
    (void)cb, (void)heise, (void)golem;
}

TEST_CASE("sources citing an id that is never declared share that origin", "[corpus][origins][regression]") {
    // §4: origins are "followed transitively to sources that cite nothing". Two outlets that both
    // relay the (undeclared) Financial Times are not independent. Regression: edges to ids that were
    // never interned used to be dropped, making each citing source its own origin.
    corpus c;
    c.add_source(src("cb", {"ft"}));
    c.add_source(src("heise", {"ft"}));
    const auto a = c.add(make_claim("cb", "x", "p", token("v")));
    const auto b = c.add(make_claim("heise", "x", "p", token("v")));
    CHECK_FALSE(c.independent(a, b));
}

TEST_CASE("add_stored with a side table", "[corpus][stored]") {
    corpus c;
    const auto s = c.add_source(src("s"));
    const auto cited = c.add_source(src("cited"));
    crosscheck::stored_claim r;
    r.subject = c.names().intern("Everest");
    r.predicate = c.names().intern("height");
    r.scope = c.intern_scope({{"survey", "Nepal"}});
    r.source = s;
    r.kind = crosscheck::value_kind::quantity;
    r.set_value_unit(c.unit_names().intern("m"));
    r.detail_bits =
        static_cast<std::uint8_t>(static_cast<unsigned>(approx::about) | crosscheck::stored_claim::bounds_form);
    r.a = 8844.22;
    r.b = 8844.64;
    r.set_validity(validity::range(crosscheck::parse_date("2020"), std::nullopt));
    r.mode = modality::estimated;
    crosscheck::claim_extra e;
    e.quote = "q";
    e.lang = "ne";
    e.cites = {cited};
    e.amount = 8848.86;
    const auto i = c.add_stored(r, "h1", &e);
    auto expected_q = quantity::bounds(8844.22, 8844.64, "m");
    expected_q.amount = 8848.86;
    expected_q.kind = approx::about;
    claim<any_value> expected = make_claim("s", "Everest", "height", expected_q);
    expected.id = "h1";
    expected.scope = {{"survey", "Nepal"}};
    expected.valid = validity::range(crosscheck::parse_date("2020"), std::nullopt);
    expected.mode = modality::estimated;
    expected.quote = "q";
    expected.lang = "ne";
    expected.cites = {"cited"};
    CHECK(c[i].to_claim() == expected);
    CHECK(c.claim_origins(i) == idx({cited}));
    CHECK(c.stored(i).valid_form() == validity::form::range);
    CHECK(c.stored(i).valid_span() == crosscheck::parse_period("2020.."));
    CHECK(c.memory_bytes() > 0);
}

TEST_CASE("scope containment stays exact when name ids exceed 2^21", "[corpus][scope][regression]") {
    // Regression: the closure key used to pack (dimension, parent, child) as d<<42 ^ a<<21 ^ b,
    // assuming 21-bit symbols. Scope tokens share the name table with subjects and predicates, so
    // in a corpus with over 2,097,152 distinct names different triples collided: "france" was
    // taken to contain "city-5" because "eu" contains "bavaria".
    corpus c;
    auto& n = c.names();
    const std::uint32_t filler = 1u << 21;
    for (std::uint32_t i = 0; i < filler; ++i) n.intern("city-" + std::to_string(i));
    const symbol region = n.intern("region");
    n.intern("pad");
    const symbol eu = n.intern("eu");
    const symbol france = n.intern("france");
    n.intern("pad2");
    const symbol bavaria = n.intern("bavaria");
    using crosscheck::to_index;
    REQUIRE(to_index(region) == filler);  // the ids the collision below is built from
    REQUIRE(to_index(france) == (to_index(eu) ^ 1u));
    const symbol city5 = *n.find("city-5");
    REQUIRE(to_index(city5) == (to_index(bavaria) ^ filler));
    c.add_scope_containment("region", "eu", "bavaria");
    CHECK(c.scope_contains(region, eu, bavaria));
    CHECK_FALSE(c.scope_contains(region, france, city5));
    const auto a = c.intern_scope({{"region", "france"}}), b = c.intern_scope({{"region", "city-5"}});
    CHECK_FALSE(c.scopes_overlap(a, b));
}

namespace {
// A corpus whose const queries all need derived tables: origins, the scope closure, unit bases.
corpus threaded_sample() {
    corpus c;
    c.add_scope_containment("region", "world", "eu");
    c.add_scope_containment("region", "eu", "germany");
    c.add_scope_containment("region", "world", "asia");
    c.units().add("km", "m", 1000);
    c.units().add("m", "cm", 100);
    c.add_source(src("root"));
    for (int i = 0; i < 20; ++i) c.add_source(src("s" + std::to_string(i), {i ? "s" + std::to_string(i - 1) : "root"}));
    const char* regions[] = {"world", "eu", "germany", "asia", "france"};
    const char* units[] = {"km", "m", "cm", "usd", ""};
    for (int i = 0; i < 200; ++i) {
        auto cl = make_claim("s" + std::to_string(i % 20), "x", "p", quantity(i, units[i % 5]));
        cl.scope = {{"region", regions[i % 5]}};
        if (i % 7 == 0) cl.cites = {"s" + std::to_string((i + 3) % 20)};
        c.add(cl);
    }
    return c;
}

// Every derived answer, in one string, so two corpora (or two threads) can be compared.
std::string derived_answers(const corpus& c) {
    std::string out;
    for (crosscheck::claim_index i : c.claim_indices()) {
        for (auto o : c.claim_origins(i)) out += std::to_string(crosscheck::to_index(o)) + ",";
        const auto [base, f] = c.unit_base(c.stored(i).value_unit());
        out += std::string(c.unit_base_name(base)) + ":" + std::to_string(f) + ";";
        for (std::uint32_t k = 0; k < c.size(); k += 7) {
            const crosscheck::claim_index j{k};
            out += c.scopes_overlap(c.stored(i).scope, c.stored(j).scope) ? '1' : '0';
            out += c.independent(i, j) ? '1' : '0';
        }
        out += '\n';
    }
    return out;
}
}  // namespace

TEST_CASE("after prepare(), const queries from several threads agree", "[corpus][threads]") {
    // Run under -fsanitize=thread to catch races on the lazily built tables.
    const corpus reference = threaded_sample();
    const std::string expected = derived_answers(reference);
    const corpus c = threaded_sample();
    c.prepare();
    std::vector<std::string> got(4);
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < got.size(); ++t) pool.emplace_back([&, t] { got[t] = derived_answers(c); });
    for (auto& th : pool) th.join();
    for (const auto& g : got) CHECK(g == expected);
    // Spot checks of the expected answers themselves, worked out by hand.
    CHECK(reference.unit_base_name(reference.unit_base(reference.stored(claim_n(0)).value_unit()).first) == "cm");
    CHECK(reference.unit_base(reference.stored(claim_n(0)).value_unit()).second == Approx(100000.0));
    CHECK(reference.claim_origins(claim_n(1)) == idx({*reference.find_source("root")}));
    CHECK(reference.scopes_overlap(reference.stored(claim_n(2)).scope,
                                   reference.stored(claim_n(0)).scope));  // germany, world
    CHECK_FALSE(
        reference.scopes_overlap(reference.stored(claim_n(3)).scope, reference.stored(claim_n(1)).scope));  // asia, eu
}
