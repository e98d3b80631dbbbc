// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#include <crosscheck/check/check.hpp>
#include <crosscheck/io/json.hpp>

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace {

const std::string example_path = std::string(CROSSCHECK_TEST_DATA_DIR) + "/example-corpus.json";

std::string all_errors(const crosscheck::load_result& r) {
    std::string s;
    for (const auto& d : r.errors) s += to_string(d) + "\n";
    return s;
}

// Everything a corpus holds, as comparable values, for round-trip checks.
struct snapshot {
    std::vector<crosscheck::claim<crosscheck::any_value>> claims;
    std::vector<crosscheck::source> sources;
    std::vector<bool> declared;
    std::vector<std::pair<std::string, std::vector<std::string>>> entities;
    std::map<std::string, std::pair<std::string, double>> units;
    std::vector<std::string> scopes;
    std::vector<crosscheck::rule> rules;
    std::vector<std::string> vocabulary;
};

snapshot take(const crosscheck::corpus& c) {
    snapshot s;
    for (auto cr : c) s.claims.push_back(cr.to_claim());
    for (crosscheck::source_index i : c.source_indices()) {
        s.sources.push_back(c.source_at(i));
        s.declared.push_back(c.declared(i));
    }
    for (auto e : c.entities()) {
        std::vector<std::string> al;
        for (auto a : c.aliases_of(e)) al.emplace_back(c.names().display(a));
        std::sort(al.begin(), al.end());
        s.entities.emplace_back(std::string(c.names().display(e)), al);
    }
    s.units = c.units().definitions();
    for (const auto& [dp, ch] : c.scope_containments())
        for (auto x : ch)
            s.scopes.push_back(std::string(c.names().display(dp.first)) + ":" +
                               std::string(c.names().display(dp.second)) + ">" + std::string(c.names().display(x)));
    std::sort(s.scopes.begin(), s.scopes.end());
    s.rules = c.rules();
    for (auto p : c.vocabulary_predicates()) {
        const auto* v = c.vocabulary(p);
        std::string t = std::string(c.names().display(p)) + ":";
        for (const auto& x : v->values) t += x + ",";
        for (const auto& [a, b] : v->compatible) t += a + "~" + b + ",";
        t += v->default_valid_published ? "P" : "-";
        s.vocabulary.push_back(t);
    }
    std::sort(s.vocabulary.begin(), s.vocabulary.end());
    return s;
}

void require_same(const snapshot& a, const snapshot& b) {
    REQUIRE(a.claims.size() == b.claims.size());
    for (std::size_t i = 0; i < a.claims.size(); ++i) {
        INFO("claim " << i << ": " << a.claims[i] << " vs " << b.claims[i]);
        CHECK(a.claims[i] == b.claims[i]);
    }
    CHECK(a.sources == b.sources);
    CHECK(a.declared == b.declared);
    CHECK(a.entities == b.entities);
    CHECK(a.units == b.units);
    CHECK(a.scopes == b.scopes);
    CHECK(a.rules == b.rules);
    CHECK(a.vocabulary == b.vocabulary);
}

}  // namespace

using namespace crosscheck;
using crosscheck::testing::claim_n;
using nlohmann::json;

TEST_CASE("the example corpus loads with everything it declares", "[json]") {
    corpus c;
    auto r = load_json_file(example_path, c);
    INFO(all_errors(r));
    REQUIRE(r.ok());
    CHECK(r.warnings.empty());
    CHECK(r.claims_added == 18);
    CHECK(c.size() == 18);
    CHECK(c.source_count() == 6);
    for (source_index i : c.source_indices()) CHECK(c.declared(i));

    // Entity aliases resolve case-insensitively to the entity id.
    auto everest = c.names().find("mount-everest");
    REQUIRE(everest);
    for (const char* alias : {"Everest", "sagarmatha", "QOMOLANGMA", "Mount Everest"}) {
        auto a = c.names().find(alias);
        REQUIRE(a);
        CHECK(c.resolve(*a) == *everest);
    }
    CHECK(c[claim_n(1)].subject() == "mount-everest");  // e2 says "Everest"
    CHECK(c[claim_n(1)].to_claim().subject == "Everest");

    CHECK(c.units().definitions().at("ft") == std::make_pair(std::string("m"), 0.3048));

    auto status = c.names().find("summit_status");
    REQUIRE(status);
    const auto* v = c.vocabulary(*status);
    REQUIRE(v);
    CHECK(v->values == std::vector<std::string>{"open", "closed", "restricted"});
    CHECK(c.compatible_tokens(*status, *c.names().find("open"), *c.names().find("restricted")));
    CHECK_FALSE(c.compatible_tokens(*status, *c.names().find("open"), *c.names().find("closed")));

    auto route = c.names().find("route");
    REQUIRE(route);
    CHECK(c.scope_contains(*route, *c.names().find("any"), *c.names().find("south-col")));
    CHECK(c.scope_contains(*route, *c.names().find("any"), *c.names().find("north-ridge")));

    // Sources keep their metadata.
    const auto& de = c.source_at(*c.find_source("paper-a-2021-de"));
    CHECK(de.outlet == "Beispiel-Zeitung");
    CHECK(de.language == "de");
    CHECK(de.translation_of == std::optional<std::string>("paper-a-2021"));
    CHECK(to_string(*de.published) == "2021-01-05");
    CHECK(c.source_at(*c.find_source("paper-a-2021")).cites == std::vector<std::string>{"joint-2020"});

    // A few claims, field by field.
    auto e1 = c[claim_n(0)].to_claim();
    CHECK(e1.id == "e1");
    CHECK(e1.source == "survey-of-india-1955");
    CHECK(std::get<quantity>(e1.value) == quantity(8848, "m"));
    CHECK(e1.valid.how == validity::form::range);
    CHECK(to_string(e1.valid.span) == "1955..2020-12-07");
    CHECK(e1.quote == "8,848 m");

    auto e2 = c[claim_n(1)].to_claim();
    CHECK(std::get<quantity>(e2.value) == quantity(29029, approx::about, "ft"));

    auto e4 = c[claim_n(3)].to_claim();
    auto q4 = std::get<quantity>(e4.value);
    CHECK(q4.lower == std::optional<double>(8844.22));
    CHECK(q4.upper == std::optional<double>(8844.64));
    CHECK_FALSE(q4.amount);

    auto e3 = c[claim_n(2)].to_claim();
    CHECK(e3.valid.how == validity::form::date);
    CHECK(to_string(e3.valid.span) == "1999");

    auto e5 = c[claim_n(4)].to_claim();
    CHECK(e5.valid.has_from());
    CHECK_FALSE(e5.valid.has_to());

    CHECK(c[claim_n(6)].to_claim().lang == "de");
    CHECK(std::get<calendar_value>(c[claim_n(8)].to_claim().value).when == parse_date("1953-05"));
    CHECK(std::get<token>(c[claim_n(10)].to_claim().value).text == "open");
    CHECK(c[claim_n(10)].to_claim().scope == scope_map{{"route", "south-col"}});
    CHECK(c[claim_n(15)].to_claim().mode == modality::planned);
    CHECK(std::get<quantity>(c[claim_n(15)].to_claim().value) == quantity(300, approx::about));
    CHECK(std::get<quantity>(c[claim_n(16)].to_claim().value) == quantity(408));
}

TEST_CASE("a corpus saved as JSON loads back identically", "[json]") {
    corpus a;
    REQUIRE(load_json_file(example_path, a).ok());
    // Add what the example lacks: rules, free text, explicit bounds with an amount, a generated
    // id, cites on a claim, a placeholder source, default_valid.
    a.rules().push_back(
        rule{rule_type::sum, {"x", "total", {}}, {{"x", "a", {{"region", "eu"}}}, {"x", "b", {}}}, 0.02});
    claim<any_value> t;
    t.source = "natgeo-1999";
    t.subject = "mount-everest";
    t.predicate = "note";
    t.value = text_value{"first climbed by \"Hillary\" and Norgay\n"};
    t.cites = {"joint-2020", "unknown-filing"};
    a.add(t);
    claim<any_value> q;
    q.id = "bounded";
    q.source = "natgeo-1999";
    q.subject = "x";
    q.predicate = "y";
    quantity qq = quantity::bounds(1.5, std::nullopt, "kg");
    qq.amount = 2.25;
    qq.kind = approx::at_least;
    q.value = qq;
    q.valid = validity::range(std::nullopt, parse_date("2024-Q3"));
    a.add(q);
    a.set_vocabulary("launch", vocabulary_entry{{}, {}, true});

    json j = to_json_corpus(a);
    std::string text = j.dump(1);
    corpus b;
    auto r = load_json(text, b, {}, "saved.json");
    INFO(all_errors(r) << text);
    REQUIRE(r.ok());
    require_same(take(a), take(b));
    CHECK(b.claim_id(claim_n(18)) == "natgeo-1999#6");  // natgeo-1999 has e3, e10, e14, e15, e18 before it

    // And the saved form is stable: saving the reloaded corpus gives the same text.
    CHECK(to_json_corpus(b).dump(1) == text);

    // Through a file too.
    const std::string path = "/tmp/crosscheck_json_test_roundtrip.json";
    save_json_file(b, path);
    corpus d;
    REQUIRE(load_json_file(path, d).ok());
    require_same(take(a), take(d));
    std::remove(path.c_str());
}

TEST_CASE("values convert to and from their JSON forms", "[json]") {
    CHECK(json(token{"banned"}) == json("banned"));
    CHECK(json(quantity(408)) == json(408.0));
    CHECK(json(quantity(300, approx::about)) == json{{"amount", 300.0}, {"approx", "about"}});
    CHECK(json(quantity::bounds(1.0, 2.0, "m")) == json{{"lower", 1.0}, {"upper", 2.0}, {"unit", "m"}});
    CHECK(json(quantity::bounds(std::nullopt, 2.0)) == json{{"upper", 2.0}});
    CHECK(json(calendar_value{parse_date("1953-05")}) == json{{"date", "1953-05"}});
    CHECK(json(text_value{"hi"}) == json{{"text", "hi"}});
    CHECK(json(parse_period("2025-04..")) == json("2025-04.."));

    CHECK(json::parse(R"("Banned")").get<token>() == token{"banned"});
    CHECK(json::parse("true").get<any_value>() == any_value{token{"true"}});
    CHECK(json::parse(R"({"amount": 5, "approx": "over"})").get<quantity>() == quantity(5, approx::at_least));
    CHECK(json::parse(R"({"amount": 5, "approx": "under"})").get<quantity>() == quantity(5, approx::at_most));
    CHECK(json::parse(R"({"date": "2025-Q2"})").get<any_value>() == any_value{calendar_value{parse_date("2025-Q2")}});
    CHECK(json::parse(R"("2020..2021-06")").get<period>() == parse_period("2020..2021-06"));
    CHECK(json::parse(R"({"text": "x"})").get<text_value>().text == "x");

    CHECK_THROWS_WITH(json::parse(R"({"amount": 5, "approx": "roughly"})").get<quantity>(),
                      "[crosscheck.parse_error.10] field 'approx': unknown approx 'roughly': expected exact, about, "
                      "over, under, at_least or at_most");
    CHECK_THROWS_WITH(json::parse(R"({"lower": 5, "upper": 4})").get<quantity>(),
                      "[crosscheck.parse_error.10] lower bound 5 exceeds upper bound 4");
    CHECK_THROWS_WITH(json::parse("null").get<any_value>(),
                      "[crosscheck.parse_error.10] expected a value: a string (token), true/false, a number, or an "
                      "object (quantity, {\"date\": ...} or {\"text\": ...}), found null");
    CHECK_THROWS_WITH(json::parse(R"({"date": "2025-13"})").get<any_value>(),
                      "[crosscheck.parse_error.10] field 'date': invalid date '2025-13': month must be 01-12");
}

TEST_CASE("claims, sources and rules convert to and from JSON", "[json]") {
    claim<any_value> c;
    c.id = "c1";
    c.source = "s";
    c.subject = "ByteDance";
    c.predicate = "b200_chips";
    c.value = quantity(36000, approx::about, "B200");
    c.scope = {{"jurisdiction", "china"}};
    c.valid = validity(parse_date("2025-Q1"));
    c.mode = modality::reported;
    c.quote = "about 36,000";
    c.lang = "en";
    c.cites = {"ft"};
    json j = c;
    CHECK(j == json::parse(R"({"id": "c1", "source": "s", "subject": "ByteDance", "predicate": "b200_chips",
        "value": {"amount": 36000.0, "approx": "about", "unit": "B200"}, "scope": {"jurisdiction": "china"},
        "valid": "2025-Q1", "modality": "reported", "quote": "about 36,000", "lang": "en", "cites": ["ft"]})"));
    CHECK(j.get<claim<any_value>>() == c);

    json typed = claim<token>{"t", "s", "x", "status", token{"open"}, {}, {}, modality::asserted, {}, {}, {}};
    CHECK(typed["value"] == "open");

    source s;
    s.id = "ft";
    s.outlet = "Financial Times";
    s.published = parse_date("2025-03");
    s.reliability = 0.9;
    s.cites = {"filing"};
    s.translation_of = "orig";
    json js = s;
    CHECK(js == json::parse(R"({"id": "ft", "outlet": "Financial Times", "published": "2025-03",
        "reliability": 0.9, "cites": ["filing"], "translation_of": "orig"})"));
    CHECK(js.get<source>() == s);

    rule ru{rule_type::product, {"a", "revenue", {}}, {{"a", "units", {}}, {"a", "price", {{"r", "eu"}}}}, 0.05};
    json jr = ru;
    CHECK(jr == json::parse(R"({"type": "product", "total": {"subject": "a", "predicate": "revenue"},
        "parts": [{"subject": "a", "predicate": "units"}, {"subject": "a", "predicate": "price", "scope": {"r": "eu"}}],
        "tolerance": 0.05})"));
    CHECK(jr.get<rule>() == ru);

    CHECK_THROWS_WITH(json::parse(R"({"source": "s", "subject": "x", "predicate": "p"})").get<claim<any_value>>(),
                      "[crosscheck.parse_error.10] missing required field 'value'");
    CHECK_THROWS_WITH(
        json::parse(R"({"type": "mean", "total": {"subject": "a", "predicate": "b"}, "parts": []})").get<rule>(),
        "[crosscheck.parse_error.10] field 'type': unknown rule type 'mean': expected sum or product");
}

TEST_CASE("reports convert to the §6 form and back", "[json]") {
    report r;
    finding f;
    f.kind = std::string(kinds::conflict);
    f.severity = severity::error;
    f.subject = "mount-everest";
    f.predicate = "height";
    f.claims = {"e1", "e3"};
    f.sources = {"survey-of-india-1955", "natgeo-1999"};
    f.message = "8848 m vs 8850 m";
    f.pairs = 1;
    f.claim_count = 2;
    value_group g;
    g.value = "8848 m";
    g.interval = "8848-8848";
    g.claims = {
        evidence{"e1", "survey-of-india-1955", "Survey of India", "1955..2020-12-07", "", "8,848 m", "en", "asserted"}};
    g.claim_count = 1;
    g.origins = 1;
    g.origin_names = {"Survey of India"};
    f.values = {g};
    r.findings.push_back(f);
    finding w;
    w.kind = std::string(kinds::input_warning);
    w.severity = severity::warning;
    w.message = "token outside vocabulary";
    w.field = "value";
    r.findings.push_back(w);
    r.stats = {18, 7, 9, 5, 2, 0, 1};
    r.pairs = {{"e1", "e3"}};

    json j = r;
    CHECK(j["findings"][0]["kind"] == "conflict");
    CHECK(j["findings"][0]["severity"] == "error");
    CHECK(j["findings"][0]["claims"] == json::array({"e1", "e3"}));
    CHECK(j["findings"][0]["sources"] == json::array({"survey-of-india-1955", "natgeo-1999"}));
    CHECK(j["findings"][0]["message"] == "8848 m vs 8850 m");
    CHECK(j["findings"][0]["values"][0]["claims"][0]["quote"] == "8,848 m");
    CHECK(j["findings"][1]["field"] == "value");
    CHECK(j["stats"] == json::parse(R"({"claims": 18, "keys": 7, "conflicting_pairs": 9, "conflicted_keys": 5,
        "self_contradictions": 2, "rule_violations": 0, "input_warnings": 1})"));
    CHECK(j["pairs"] == json::parse(R"([["e1", "e3"]])"));
    CHECK(j.get<report>() == r);

    CHECK_THROWS_WITH(json::parse(R"({"kind": "conflict", "severity": "fatal"})").get<finding>(),
                      "[crosscheck.parse_error.10] field 'severity': unknown severity 'fatal': expected error, "
                      "warning or info");
}

TEST_CASE("diagnostics read like compiler messages", "[json][diagnostic]") {
    diagnostic d;
    d.file = "corpus.json";
    d.line = 14;
    d.column = 7;
    d.claim_id = "e3";
    d.field = "valid.from";
    d.message = "invalid date '2025-13': month must be 01-12";
    CHECK(to_string(d) ==
          "corpus.json:14:7: error: claim 'e3' field 'valid.from': invalid date '2025-13': month must be 01-12");
    d.claim_id.clear();
    d.index = 3;
    d.level = severity::warning;
    CHECK(to_string(d) ==
          "corpus.json:14:7: warning: claims[3] field 'valid.from': invalid date '2025-13': month must be 01-12");
    diagnostic e;
    e.message = "empty input";
    CHECK(to_string(e) == "<input>: error: empty input");

    load_result r;
    r.errors = {d, e};
    load_error ex(r);
    CHECK(std::string(ex.what()) ==
          "[crosscheck.load_error.1] corpus.json:14:7: warning: claims[3] field 'valid.from': invalid date '2025-13': "
          "month must be 01-12 (and 1 more errors)");
    CHECK(ex.diagnostics().size() == 2);
}

TEST_CASE("a claim whose source is not listed loads, as a source without metadata", "[json]") {
    // §1 lets `sources` be empty and does not ask that a claim's source be listed there.
    const std::string none = R"({"format": "crosscheck/1", "sources": [], "claims": [
        {"id": "a", "source": "reuters", "subject": "x", "predicate": "p", "value": "open"},
        {"id": "b", "source": "ap", "subject": "x", "predicate": "p", "value": "closed"}]})";
    corpus c;
    auto r = load_json(none, c);
    CHECK(r.ok());
    CHECK(r.errors.empty());
    CHECK(r.warnings.empty());  // nothing listed: read like a CSV table, nothing to warn about
    REQUIRE(c.size() == 2);
    CHECK(c[claim_n(1)].source_id() == "ap");
    CHECK_FALSE(c.declared(c.stored(claim_n(1)).source));
    CHECK(check(c).stats.conflicting_pairs == 1);

    // Where sources are listed, an unlisted one (here a case typo: ids are exact) is warned about
    // at load, and again by the check's input warnings; the claim is still loaded and checked.
    const std::string some = R"({"format": "crosscheck/1", "sources": [{"id": "s"}], "claims": [
        {"id": "a", "source": "s", "subject": "x", "predicate": "p", "value": "open"},
        {"id": "b", "source": "S", "subject": "x", "predicate": "p", "value": "closed"}]})";
    corpus c2;
    auto r2 = load_json(some, c2);
    CHECK(r2.ok());
    REQUIRE(r2.warnings.size() == 1);
    CHECK(to_string(r2.warnings[0]) ==
          "<input>:3:31: warning: claim 'b' field 'source': unknown source 'S': no source with this id is "
          "declared; taken as a source without metadata");
    REQUIRE(c2.size() == 2);
    const auto rep = check(c2);
    CHECK(rep.stats.conflicting_pairs == 1);
    CHECK(rep.stats.input_warnings == 1);
}

TEST_CASE("read_json_file throws load_error with every diagnostic", "[json]") {
    const std::string path = "/tmp/crosscheck_json_test_bad.json";
    {
        std::ofstream out(path);
        out << R"({"format": "crosscheck/1", "sources": [], "claims": [{"source": "s", "subject": "x", "predicate": "p", "value": 1, "valid": "2025-13"}]})";
    }
    try {
        (void)read_json_file(path);
        FAIL("expected load_error");
    } catch (const load_error& e) {
        REQUIRE(e.diagnostics().size() == 1);
        CHECK(to_string(e.diagnostics()[0]) ==
              path + ":1:125: error: claims[0] field 'valid': invalid date '2025-13': month must be 01-12");
    }
    std::remove(path.c_str());
    CHECK(read_json_file(example_path).size() == 18);
}
