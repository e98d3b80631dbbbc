// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#include <crosscheck/io/csv.hpp>
#include <crosscheck/io/json.hpp>
#include <crosscheck/io/load.hpp>

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

using namespace crosscheck;
using crosscheck::testing::claim_n;

namespace {

const std::string header = "claim_id,subject,predicate,scope,kind,value,lo,hi,valid_from,valid_to,source_id\n";

std::string messages(const std::vector<diagnostic>& ds) {
    std::string s;
    for (const auto& d : ds) s += to_string(d) + "\n";
    return s;
}

load_result load(const std::string& text, corpus& c, load_options o = {}) {
    return load_csv(text, c, o, "t.csv");
}

// Whether two corpora hold the same records (names, values, periods, ids), claim by claim: a
// parallel load must store what a one-thread load stores.
bool same_claims(const corpus& x, const corpus& y) {
    if (x.size() != y.size()) return false;
    for (claim_index i : x.claim_indices()) {
        const auto &a = x.stored(i), &b = y.stored(i);
        if (!(a.a == b.a && a.b == b.b && a.subject == b.subject && a.predicate == b.predicate && a.scope == b.scope &&
              a.source == b.source && a.valid_from == b.valid_from && a.valid_to == b.valid_to && a.sym == b.sym &&
              a.kind == b.kind && x.claim_id(i) == y.claim_id(i)))
            return false;
    }
    return true;
}


}  // namespace

TEST_CASE("a claims table loads into stored claims", "[csv]") {
    corpus c;
    auto r = load(header +
                      "1,ent1,p00,global,cat,P00V0,,,2016-11-10,2016-11-18,src1\n"
                      "2,ent1,p01,cn,num,,361.95,400.05,2022-09-25,2026-12-31,src2\n"
                      "3,Ent1,p01,cn,num,,7,,2021,2021-Q3,src1\n",
                  c);
    INFO(messages(r.errors));
    REQUIRE(r.ok());
    CHECK(r.warnings.empty());
    CHECK(r.claims_added == 3);
    REQUIRE(c.size() == 3);

    const auto& s0 = c.stored(claim_n(0));
    CHECK(c.claim_id(claim_n(0)) == "1");
    CHECK(s0.kind == value_kind::token);
    CHECK(c.names().display(s0.value_token()) == "P00V0");
    CHECK(c.names().display(s0.subject) == "ent1");
    CHECK(c.scope_text(s0.scope) == "scope=global");
    CHECK(s0.valid_form() == validity::form::range);
    CHECK(s0.valid_from == to_day_number(date::sys_days{date::year{2016} / 11 / 10}));
    CHECK(s0.valid_to == to_day_number(date::sys_days{date::year{2016} / 11 / 18}));
    CHECK(c.source_at(s0.source).id == "src1");
    CHECK_FALSE(c.declared(s0.source));  // the CSV carries no source metadata
    CHECK(s0.extra == stored_claim::none);

    const auto& s1 = c.stored(claim_n(1));
    CHECK(s1.kind == value_kind::quantity);
    CHECK(s1.is_bounds_form());
    CHECK(s1.approx_kind() == approx::exact);
    CHECK(s1.a == 361.95);
    CHECK(s1.b == 400.05);
    CHECK(s1.value_unit() == no_unit);

    // An empty bound is unbounded; Dates of other precisions take the whole period.
    const auto& s2 = c.stored(claim_n(2));
    CHECK(s2.subject == s0.subject);  // names are case-insensitive
    CHECK(s2.a == 7);
    CHECK(s2.b == std::numeric_limits<double>::infinity());
    CHECK(to_string(s2.valid_span()) == "2021..2021-Q3");
    CHECK(s2.valid_span().last() == to_day_number(date::sys_days{date::year{2021} / 9 / 30}));
    auto q = std::get<quantity>(c[claim_n(2)].value());
    CHECK(q.lower == std::optional<double>(7));
    CHECK_FALSE(q.upper);

    CHECK(c.source_count() == 2);
}

TEST_CASE("columns come in any order, with the optional ones", "[csv]") {
    corpus c;
    auto r = load(
        "source_id,quote,hi,lo,modality,unit,valid_to,valid_from,value,kind,scope,predicate,subject,claim_id\n"
        "s,\"about 36,000 chips\",39600,32400,reported,B200,,2025-01,,num,jurisdiction=china;market=ai,chips,"
        "ByteDance,c1\n"
        "s,,,,,,2024,,open,cat,,status,ByteDance,c2\n",
        c);
    INFO(messages(r.errors));
    REQUIRE(r.ok());
    REQUIRE(c.size() == 2);
    auto c1 = c[claim_n(0)].to_claim();
    CHECK(c1.id == "c1");
    CHECK(c1.subject == "ByteDance");
    CHECK(c1.predicate == "chips");
    CHECK(c1.scope == scope_map{{"jurisdiction", "china"}, {"market", "ai"}});
    CHECK(c1.mode == modality::reported);
    CHECK(c1.quote == "about 36,000 chips");
    CHECK(std::get<quantity>(c1.value) == quantity::bounds(32400, 39600, "B200"));
    CHECK(c1.valid.has_from());
    CHECK_FALSE(c1.valid.has_to());
    CHECK(to_string(c1.valid.span) == "2025-01..");

    auto c2 = c[claim_n(1)].to_claim();
    CHECK(c2.scope.empty());
    CHECK(c.stored(claim_n(1)).scope == empty_scope);
    CHECK(std::get<token>(c2.value).text == "open");
    CHECK(c2.valid.how == validity::form::range);
    CHECK(to_string(c2.valid.span) == "..2024");
    CHECK(c2.quote.empty());
    CHECK(c.stored(claim_n(1)).extra == stored_claim::none);
}

TEST_CASE("RFC 4180 quoting, CRLF and a byte order mark", "[csv]") {
    corpus c;
    std::string text =
        "\xEF\xBB\xBF"
        "claim_id,subject,predicate,scope,kind,value,lo,hi,valid_from,valid_to,source_id,quote\r\n"
        "\"a,1\",x,p,,cat,\"say \"\"hi\"\"\",,,,,s,\"line one\r\nline two, \"\"quoted\"\"\"\r\n"
        "a2,x,p,,cat,\"\",,,,,s,\r\n"
        "\r\n"
        "a3,\"x\",p,,cat,v,,,,,s,\"\"\"\"";  // no final newline
    auto r = load(text, c);
    INFO(messages(r.errors));
    REQUIRE(c.size() == 2);
    CHECK(c.claim_id(claim_n(0)) == "a,1");
    CHECK(std::get<token>(c[claim_n(0)].value()).text == "say \"hi\"");
    CHECK(c[claim_n(0)].quote() == "line one\r\nline two, \"quoted\"");
    CHECK(c.claim_id(claim_n(1)) == "a3");
    CHECK(c[claim_n(1)].quote() == "\"");
    // a2 has an empty quoted value: an error on line 3 (line 2 holds a quoted line break).
    REQUIRE(r.errors.size() == 1);
    CHECK(to_string(r.errors[0]) ==
          "t.csv:4:13: error: claim 'a2' field 'value': empty value: a cat claim needs a token");
}

TEST_CASE("scopes: empty, a plain token, or dim=token pairs", "[csv]") {
    corpus c;
    auto r = load(header +
                      "1,x,p,,cat,v,,,,,s\n"
                      "2,x,p,EU,cat,v,,,,,s\n"
                      "3,x,p,region=eu;market=retail,cat,v,,,,,s\n"
                      "4,x,p,market=retail;region=EU,cat,v,,,,,s\n"
                      "5,x,p,scope=eu,cat,v,,,,,s\n",
                  c);
    REQUIRE(r.ok());
    CHECK(c.stored(claim_n(0)).scope == empty_scope);
    CHECK(c[claim_n(1)].scope() == scope_map{{"scope", "EU"}});
    CHECK(c.scope_text(c.stored(claim_n(2)).scope) == "market=retail;region=eu");
    CHECK(c.stored(claim_n(3)).scope == c.stored(claim_n(2)).scope);  // order and case do not matter
    CHECK(c.stored(claim_n(4)).scope == c.stored(claim_n(1)).scope);  // a plain token is dimension `scope`
}

TEST_CASE("claims without an id are named SOURCE#N", "[csv]") {
    corpus c;
    auto r = load(header + ",x,p,,cat,v,,,,,s\n,x,p,,cat,w,,,,,s\n,x,p,,cat,w,,,,,t\n", c);
    REQUIRE(r.ok());
    CHECK(c.claim_id(claim_n(0)) == "s#1");
    CHECK(c.claim_id(claim_n(1)) == "s#2");
    CHECK(c.claim_id(claim_n(2)) == "t#1");
}

TEST_CASE("the same claims in CSV and JSON give identical stored fields", "[csv][json]") {
    corpus from_csv, from_json;
    auto rc = load(
        "claim_id,subject,predicate,scope,kind,value,lo,hi,valid_from,valid_to,source_id,unit,modality,quote\n"
        "c1,ByteDance,b200,jurisdiction=china,num,,32400,39600,2025-01,2025-Q2,ft,B200,reported,about 36k\n"
        "c2,bytedance,status,,cat,Banned,,,2024,,ft,,,\n"
        "c3,x,n,,num,,,5,,2020-12-07,wsj,,,\n",
        from_csv);
    REQUIRE(rc.ok());
    auto rj = load_json(R"({"format": "crosscheck/1",
        "sources": [{"id": "ft", "declared": false}, {"id": "wsj", "declared": false}],
        "claims": [
          {"id": "c1", "source": "ft", "subject": "ByteDance", "predicate": "b200", "scope": {"jurisdiction": "china"},
           "value": {"lower": 32400, "upper": 39600, "unit": "B200"}, "valid": {"from": "2025-01", "to": "2025-Q2"},
           "modality": "reported", "quote": "about 36k"},
          {"id": "c2", "source": "ft", "subject": "bytedance", "predicate": "status", "value": "Banned",
           "valid": {"from": "2024"}},
          {"id": "c3", "source": "wsj", "subject": "x", "predicate": "n", "value": {"upper": 5},
           "valid": {"to": "2020-12-07"}}]})",
                        from_json);
    INFO(messages(rj.errors));
    REQUIRE(rj.ok());
    REQUIRE(from_csv.size() == 3);
    REQUIRE(from_json.size() == 3);
    for (claim_index i : from_csv.claim_indices()) {
        const auto& a = from_csv.stored(i);
        const auto& b = from_json.stored(i);
        INFO("claim " << to_index(i));
        CHECK(a.a == b.a);
        CHECK(a.b == b.b);
        CHECK(a.subject == b.subject);
        CHECK(a.predicate == b.predicate);
        CHECK(a.scope == b.scope);
        CHECK(a.source == b.source);
        CHECK(a.valid_from == b.valid_from);
        CHECK(a.valid_to == b.valid_to);
        CHECK(a.sym == b.sym);
        CHECK(a.kind == b.kind);
        CHECK(a.mode == b.mode);
        CHECK(a.detail_bits == b.detail_bits);
        CHECK(a.valid_bits == b.valid_bits);
        CHECK(from_csv[i].to_claim() == from_json[i].to_claim());
        CHECK(from_csv.declared(a.source) == from_json.declared(b.source));
    }
}

TEST_CASE("CSV errors name line, column, claim and field", "[csv]") {
    struct bad_case {
        std::string row;
        std::string expected;
    };
    // Each row is line 2 of its file.
    auto [row, expected] = GENERATE(values<bad_case>({
        {"e1,x,p,,cat,v,,,2025-13,,s",
         "t.csv:2:17: error: claim 'e1' field 'valid_from': invalid date '2025-13': month must be 01-12"},
        {"e2,x,p,,cat,v,,,,2025-02-30,s",
         "t.csv:2:18: error: claim 'e2' field 'valid_to': invalid date '2025-02-30': no such day in that month"},
        {"e3,x,p,,num,,5,4,,,s", "t.csv:2:14: error: claim 'e3' field 'lo': lower bound 5 exceeds upper bound 4"},
        {"e4,x,p,,num,,abc,,,,s",
         "t.csv:2:14: error: claim 'e4' field 'lo': invalid number 'abc': expected a finite decimal number such as "
         "12.5, or empty for unbounded"},
        {"e5,x,p,,num,,nan,,,,s",
         "t.csv:2:14: error: claim 'e5' field 'lo': invalid number 'nan': expected a finite decimal number such as "
         "12.5, or empty for unbounded"},
        {"e6,x,p,,num,,,,,,s",
         "t.csv:2:14: error: claim 'e6' field 'lo': a num claim needs lo, hi or both (an exact figure has lo = hi)"},
        {"e7,x,p,,text,v,,,,,s",
         "t.csv:2:9: error: claim 'e7' field 'kind': invalid kind 'text': expected 'cat' or 'num'"},
        {"e8,x,p,a=b;c,cat,v,,,,,s",
         "t.csv:2:8: error: claim 'e8' field 'scope': invalid scope 'a=b;c': expected empty, a token, or "
         "dim=token;dim=token"},
        {"e9,x,p,a=b;A=c,cat,v,,,,,s",
         "t.csv:2:8: error: claim 'e9' field 'scope': invalid scope 'a=b;A=c': dimension 'A' appears twice"},
        {"e10,x,p,,cat,v,,,2021,2020,s",
         "t.csv:2:23: error: claim 'e10' field 'valid_to': valid_to '2020' is before valid_from '2021'"},
        {"e11,,p,,cat,v,,,,,s",
         "t.csv:2:5: error: claim 'e11' field 'subject': empty subject: expected an entity id or alias"},
        {"e12,x,p,,cat,v,,,,,",
         "t.csv:2:20: error: claim 'e12' field 'source_id': empty source id: expected the id of the "
         "source making the claim"},
        {"e13,x,p,,cat,v,,,,s", "t.csv:2:1: error: claim 'e13': expected 11 fields as in the header, found 10"},
        {"e14,x,p,,cat,v,,,,,s,extra", "t.csv:2:1: error: claim 'e14': expected 11 fields as in the header, found 12"},
        {"e15,x\"y,p,,cat,v,,,,,s",
         "t.csv:2:6: error: quote inside an unquoted field: quote the whole field and double the quote"},
        {"e16,\"x\"y,p,,cat,v,,,,,s", "t.csv:2:8: error: expected ',' or the end of the line after a closing quote"},
        {"e17,\"x,p,,cat,v,,,,,s", "t.csv:2:5: error: unterminated quoted field: expected a closing '\"'"},
        {"e18,x,p,,cat,\xC3\xA9t\xE9,,,,,s",
         "t.csv:2:14: error: field 'value': invalid UTF-8: the file must be UTF-8 text"},
        {"e19,x,p,,num,,1e999,,,,s",
         "t.csv:2:15: error: claim 'e19' field 'lo': invalid number '1e999': expected a finite decimal number such as "
         "12.5, or empty for unbounded"},
    }));
    corpus c;
    auto r = load(header + row + "\nok,x,p,,cat,v,,,,,s\n", c);
    REQUIRE(r.errors.size() == 1);
    CHECK(to_string(r.errors[0]) == expected);
    // The bad claim is not added; the good one after it is, unless an unterminated quote
    // swallowed it.
    if (row.rfind("e17,", 0) == 0) {
        CHECK(c.empty());
    } else {
        REQUIRE(c.size() == 1);
        CHECK(c.claim_id(claim_n(0)) == "ok");
    }
}

TEST_CASE("CSV header problems", "[csv]") {
    corpus c;
    SECTION("missing column") {
        auto r = load("claim_id,subject,predicate,scope,kind,value,lo,valid_from,valid_to,source_id\n", c);
        REQUIRE(r.errors.size() == 1);
        CHECK(to_string(r.errors[0]) ==
              "t.csv:1:1: error: missing required column 'hi': the header must name claim_id, subject, predicate, "
              "scope, kind, value, lo, hi, valid_from, valid_to, source_id (and may add unit, modality, quote)");
    }
    SECTION("duplicate column") {
        auto r = load("claim_id,subject,predicate,scope,kind,value,lo,hi,valid_from,valid_to,source_id,lo\n", c);
        REQUIRE(r.errors.size() == 1);
        CHECK(to_string(r.errors[0]) == "t.csv:1:81: error: column 'lo' appears twice in the header");
    }
    SECTION("unknown column is a warning") {
        auto r = load(
            "claim_id,subject,predicate,scope,kind,value,lo,hi,valid_from,valid_to,source_id,note\n"
            "1,x,p,,cat,v,,,,,s,hello\n",
            c);
        CHECK(r.ok());
        REQUIRE(r.warnings.size() == 1);
        CHECK(to_string(r.warnings[0]) == "t.csv:1:81: warning: unknown column 'note' ignored");
        CHECK(c.size() == 1);
    }
    SECTION("empty file") {
        for (std::string text : {"", "\n\n", "\xEF\xBB\xBF"}) {
            auto r = load(text, c);
            REQUIRE(r.errors.size() == 1);
            CHECK(
                r.errors[0].message ==
                "empty file: expected a header row with the columns claim_id, subject, predicate, scope, kind, value, "
                "lo, hi, valid_from, valid_to, source_id");
        }
    }
    SECTION("a header alone is an empty table") {
        auto r = load(header, c);
        CHECK(r.ok());
        CHECK(c.empty());
    }
}

TEST_CASE("duplicate claim ids in CSV", "[csv]") {
    corpus c;
    SECTION("increasing numbers, then a repeat") {
        auto r = load(header +
                          "1,x,p,,cat,v,,,,,s\n2,x,p,,cat,v,,,,,s\n5,x,p,,cat,v,,,,,s\n2,x,p,,cat,w,,,,,s\n"
                          "7,x,p,,cat,v,,,,,s\n",
                      c);
        REQUIRE(r.errors.size() == 1);
        CHECK(to_string(r.errors[0]) ==
              "t.csv:5:1: error: claim '2' field 'claim_id': duplicate claim id '2' (earlier in this file)");
        CHECK(c.size() == 4);
    }
    SECTION("text ids") {
        auto r = load(header + "a,x,p,,cat,v,,,,,s\nb,x,p,,cat,v,,,,,s\na,x,p,,cat,w,,,,,s\n", c);
        REQUIRE(r.errors.size() == 1);
        CHECK(to_string(r.errors[0]) ==
              "t.csv:4:1: error: claim 'a' field 'claim_id': duplicate claim id 'a' (first on line 2)");
        CHECK(c.size() == 2);
    }
    SECTION("against claims already in the corpus") {
        REQUIRE(load(header + "1,x,p,,cat,v,,,,,s\n", c).ok());
        auto r = load(header + "1,x,p,,cat,v,,,,,s\n", c);
        REQUIRE(r.errors.size() == 1);
        CHECK(to_string(r.errors[0]) ==
              "t.csv:2:1: error: claim '1' field 'claim_id': duplicate claim id '1' (already in the corpus)");
    }
}

TEST_CASE("skip_invalid leaves out bad claims and lists them", "[csv]") {
    corpus c;
    load_options o;
    o.skip_invalid = true;
    auto r =
        load(header + "1,x,p,,cat,v,,,,,s\n2,x,p,,cat,v,,,2025-13,,s\n,x,p,,bad,v,,,,,s\n4,x,p,,cat,v,,,,,s\n", c, o);
    CHECK(r.ok());
    CHECK(r.skipped == std::vector<std::string>{"2", "t.csv:4"});
    REQUIRE(r.warnings.size() == 2);
    CHECK(to_string(r.warnings[0]) ==
          "t.csv:3:16: warning: claim '2' field 'valid_from': invalid date '2025-13': month must be 01-12");
    CHECK(c.size() == 2);
    CHECK(r.claims_added == 2);
}

TEST_CASE("max_errors stops the load", "[csv]") {
    corpus c;
    load_options o;
    o.max_errors = 3;
    std::string text = header;
    for (int i = 0; i < 10; ++i) text += std::to_string(i) + ",x,p,,zzz,v,,,,,s\n";
    auto r = load(text, c, o);
    REQUIRE(r.errors.size() == 4);
    CHECK(r.errors[3].message == "too many errors; stopped after 3");
    CHECK(c.empty());
}

TEST_CASE("CSV files load through load_csv_file and load_file", "[csv][io]") {
    const std::string path = "/tmp/crosscheck_csv_test.csv";
    {
        std::ofstream out(path, std::ios::binary);
        out << header << "1,x,p,,cat,v,,,,,paper-a-2021\n2,x,p,,cat,w,,,,,nobody\n";
    }
    corpus c;
    auto r = load_csv_file(path, c);
    REQUIRE(r.ok());
    CHECK(c.size() == 2);

    // Sources declared in a JSON file give CSV claims their metadata, whatever the file order.
    corpus d;
    auto r2 = load_files({path, std::string(CROSSCHECK_TEST_DATA_DIR) + "/example-corpus.json"}, d);
    INFO(messages(r2.errors));
    REQUIRE(r2.ok());
    CHECK(d.size() == 20);
    CHECK(r2.claims_added == 20);
    CHECK(d.claim_id(claim_n(0)) == "1");
    CHECK(d[claim_n(0)].source_info().outlet == "Example Daily");
    CHECK(d.declared(d.stored(claim_n(0)).source));
    CHECK_FALSE(d.declared(d.stored(claim_n(1)).source));

    auto missing = load_csv_file("/nonexistent/x.csv", c);
    REQUIRE(missing.errors.size() == 1);
    CHECK(to_string(missing.errors[0]) == "/nonexistent/x.csv: error: cannot read file: No such file or directory");
    CHECK_THROWS_AS(read_csv_file("/nonexistent/x.csv"), load_error);
    std::remove(path.c_str());
}

TEST_CASE("the generated benchmark table loads the same on one or more threads", "[csv]") {
    // A table big enough to be split, written like the benchmark generator writes it.
    std::string text = header;
    for (int i = 1; i <= 200000; ++i) {
        int e = (i * 7919) % 5003;
        bool num = (e % 2) == 0;
        text += std::to_string(i) + ",ent" + std::to_string(e) + ",p" + std::to_string(e % 19) + "," +
                (e % 3 == 0 ? "cn" : "global") + "," + (num ? "num,," : "cat,v" + std::to_string(e % 4) + ",") +
                (num ? std::to_string(e) + "," + std::to_string(e + i % 3) : std::string(",")) + ",2020-01-" +
                std::to_string(10 + i % 9) + ",2021-02-28,src" + std::to_string(i % 97) + "\n";
    }
    // Two bad rows far into the file: a bad date and a repeated id.
    auto replace_row = [&](int i, const std::string& row) {
        auto at = text.find("\n" + std::to_string(i) + ",");
        REQUIRE(at != std::string::npos);
        auto stop = text.find('\n', at + 1);
        text.replace(at + 1, stop - at - 1, row);
    };
    load_options o1, o2, o3;
    o1.threads = 1;
    o2.threads = 2;
    o3.threads = 3;
    replace_row(150000, "150000,x,p,,cat,v,,,2025-13,,s");
    {
        // Ids still rising: the later chunks' records are renumbered where their threads wrote
        // them, and moved down over the rows that were not claims (the header's line, the bad row).
        corpus a, b, c;
        auto ra = load(text, a, o1);
        auto rb = load(text, b, o2);
        auto rc = load(text, c, o3);
        REQUIRE(ra.errors.size() == 1);
        CHECK(messages(rb.errors) == messages(ra.errors));
        CHECK(messages(rc.errors) == messages(ra.errors));
        CHECK(a.size() == 199999);
        CHECK(same_claims(a, b));
        CHECK(same_claims(a, c));
    }
    replace_row(180000, "5,x,p,,cat,v,,,,,s");
    corpus one, two;
    auto r1 = load(text, one, o1);
    auto r2 = load(text, two, o2);
    REQUIRE(r1.errors.size() == 2);
    CHECK(to_string(r1.errors[0]) ==
          "t.csv:150001:21: error: claim '150000' field 'valid_from': invalid date '2025-13': month must be 01-12");
    CHECK(to_string(r1.errors[1]) ==
          "t.csv:180001:1: error: claim '5' field 'claim_id': duplicate claim id '5' (earlier in this file)");
    CHECK(messages(r2.errors) == messages(r1.errors));
    REQUIRE(one.size() == 199998);
    REQUIRE(two.size() == one.size());
    CHECK(same_claims(one, two));
    corpus three;
    CHECK(messages(load(text, three, o3).errors) == messages(r1.errors));
    CHECK(same_claims(one, three));
    CHECK(one.names().size() == two.names().size());
    CHECK(one.source_count() == two.source_count());
    // Spot-check one row against the text that made it.
    CHECK(one.claim_id(claim_n(41)) == "42");
    CHECK(one.claim_id(claim_n(149999)) == "150001");  // row 150000 was left out
    CHECK(one.names().display(one.stored(claim_n(41)).subject) == "ent" + std::to_string((42 * 7919) % 5003));

    // A quoted field holding a line break, far into the file (in the last thread's slice of the
    // first scan): the text cannot be cut at line breaks, so both loads read it in one piece and
    // agree, line numbers included.
    replace_row(190000, "190000,\"x\ny\",p,,cat,v,,,2025-13,,s");
    corpus q1, q2;
    auto s1 = load(text, q1, o1);
    auto s2 = load(text, q2, o2);
    REQUIRE(s1.errors.size() == 3);
    CHECK(to_string(s1.errors[2]) ==
          "t.csv:190002:15: error: claim '190000' field 'valid_from': invalid date '2025-13': month must be 01-12");
    CHECK(messages(s2.errors) == messages(s1.errors));
    REQUIRE(q1.size() == 199997);
    CHECK(q2.size() == q1.size());
    CHECK(q2.claim_id(static_cast<claim_index>(q2.size() - 1)) == q1.claim_id(static_cast<claim_index>(q1.size() - 1)));
}

TEST_CASE("a parallel load's storage holds every chunk's records, the last line without a break", "[csv]") {
    // Long rows first, so the reservation estimated from the first rows is short and the load
    // sizes the storage from the line counts alone; no line break after the last row, so the
    // last chunk has one record more than line breaks. Every chunk's part must fit (ASan checks
    // the writes), and the claims equal a one-thread load's.
    std::string text = header;
    const std::string long_subject(400, 's');
    for (int i = 1; i <= 400; ++i)
        text += std::to_string(i) + "," + long_subject + ",p,global,cat,v,,,2020-01-01,2020-12-31,src1\n";
    for (int i = 401; text.size() < (std::size_t{10} << 20); ++i)
        text += std::to_string(i) + ",e" + std::to_string(i % 7) + ",p,global,cat,v" + std::to_string(i % 3) +
                ",,,2020-01-01,2020-12-31,src" + std::to_string(i % 5) + "\n";
    text.pop_back();  // the last row ends the file
    corpus one, two;
    load_options o1, o2;
    o1.threads = 1;
    o2.threads = 2;
    REQUIRE(load(text, one, o1).ok());
    REQUIRE(load(text, two, o2).ok());
    REQUIRE(two.size() == one.size());
    CHECK(same_claims(one, two));
    CHECK(two.claim_id(static_cast<claim_index>(two.size() - 1)) == std::to_string(one.size()));
}

namespace {
// RFC 4180 as the format describes it, byte by byte and without any fast path: the reference
// the splitter is compared with.
struct reference_record {
    std::vector<std::string> fields;
    bool ok = true;
    bool non_ascii = false;
};
std::vector<reference_record> reference_split(const std::string& t) {
    std::vector<reference_record> out;
    std::size_t p = 0;
    const std::size_t n = t.size();
    auto line_end = [&](std::size_t& q) {
        if (t[q] == '\r' && q + 1 < n && t[q + 1] == '\n') q += 2;
        else ++q;
    };
    while (p < n) {
        if (t[p] == '\n' || (t[p] == '\r' && p + 1 < n && t[p + 1] == '\n')) {  // blank line
            line_end(p);
            continue;
        }
        reference_record r;
        for (;;) {
            std::string f;
            if (p < n && t[p] == '"') {
                ++p;
                bool closed = false;
                while (p < n) {
                    if (t[p] == '"') {
                        if (p + 1 < n && t[p + 1] == '"') f += '"', p += 2;
                        else {
                            ++p, closed = true;
                            break;
                        }
                    } else {
                        f += t[p++];
                    }
                }
                if (!closed || (p < n && t[p] != ',' && t[p] != '\n' && t[p] != '\r')) r.ok = false;
            } else {
                while (p < n && t[p] != ',' && t[p] != '\n' && t[p] != '\r' && t[p] != '"') f += t[p++];
                if (p < n && t[p] == '"') r.ok = false;
            }
            for (char ch : f) r.non_ascii = r.non_ascii || static_cast<unsigned char>(ch) >= 0x80;
            r.fields.push_back(f);
            if (!r.ok || p >= n) break;
            if (t[p] == ',') {
                ++p;
                continue;
            }
            line_end(p);
            break;
        }
        if (!r.ok) {  // the splitter resumes after the line (or at the end, for an open quote)
            out.push_back(std::move(r));
            break;  // what follows a malformed record is not compared
        }
        out.push_back(std::move(r));
    }
    return out;
}
}  // namespace

TEST_CASE("the record splitter agrees with a byte-by-byte reading of RFC 4180", "[csv]") {
    // Random texts over the bytes that matter (separators, quotes, CR, LF, UTF-8 and stray high
    // bytes) with fields of every length, so records and fields start and end at every position
    // of the splitter's 16-byte blocks, and some records fall back to the careful path.
    std::uint64_t state = 12345;
    auto next = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<unsigned>(state >> 33);
    };
    const std::vector<std::string> pieces = {"a",    "bc",    "0123456789", ",",          ",",
                                             ",",    "\n",    "\r\n",       "\r",         "\xC3\xA9",
                                             "\xFF", "\"q\"", "\"x,y\"",    "\"a\"\"b\"", "\"l\nf\""};
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const unsigned len = next() % 60;
        for (unsigned k = 0; k < len; ++k) {
            // Mostly plain text, so that long quote-free records are common.
            const unsigned pick = next() % 100;
            text += pick < 60 ? pieces[pick % 3] : pick < 80 ? std::string(",") : pieces[pick % pieces.size()];
        }
        const auto expected = reference_split(text);
        detail::csv_splitter sp(text.data(), text.data() + text.size(), 1);
        std::array<detail::csv_field, detail::csv_splitter::max_fields> fields;
        std::array<std::string, detail::csv_splitter::max_fields> scratch;
        std::size_t count = 0;
        bool non_ascii = false;
        const char* err = nullptr;
        const char* err_at = nullptr;
        INFO("text: " << text);
        for (const auto& want : expected) {
            REQUIRE(sp.skip_blank_lines());
            const bool ok = sp.next(fields, count, non_ascii, scratch, err, err_at);
            REQUIRE(ok == want.ok);
            if (!ok) break;
            REQUIRE(count == want.fields.size());
            for (std::size_t f = 0; f < count && f < fields.size(); ++f)
                CHECK(std::string(fields[f].text) == want.fields[f]);
            CHECK(non_ascii == want.non_ascii);
        }
        if (expected.empty() || expected.back().ok) CHECK_FALSE(sp.skip_blank_lines());
    }
}

TEST_CASE("the first pass counts line breaks and finds quotes like a byte loop", "[csv]") {
    // Lengths around the 16-byte blocks and the 255-block sums, newlines up to every byte (so a
    // byte lane would overflow if the sums came later), a quote at any position or none.
    std::uint64_t state = 99;
    auto next = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>(state >> 33);
    };
    for (std::size_t len : {0u, 1u, 15u, 16u, 17u, 4079u, 4080u, 4081u, 8200u, 70000u}) {
        for (int density : {0, 1, 50, 100}) {
            std::string text(len, 'x');
            for (auto& ch : text)
                if (static_cast<int>(next() % 100) < density) ch = '\n';
            const bool with_quote = len > 0 && density != 50;
            if (with_quote) text[next() % len] = '"';
            std::size_t expected = 0;
            bool expected_quote = false;
            for (char ch : text) expected += ch == '\n', expected_quote = expected_quote || ch == '"';
            bool quote = !expected_quote;
            INFO("length " << len << ", newline density " << density);
            CHECK(detail::scan_line_breaks(text.data(), text.data() + text.size(), quote) == expected);
            CHECK(quote == expected_quote);
            CHECK(expected_quote == with_quote);
        }
    }
}
