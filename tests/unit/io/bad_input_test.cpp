// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
//
// Every file in tests/data/bad/ is loaded; its diagnostics (errors, then warnings, one per line)
// must equal NAME.expected beside it, word for word.
#include <crosscheck/io/csv.hpp>
#include <crosscheck/io/json.hpp>
#include <crosscheck/io/load.hpp>

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace crosscheck;
using crosscheck::testing::claim_n;

namespace {

const std::string bad_dir = std::string(CROSSCHECK_TEST_DATA_DIR) + "/bad";

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream os;
    os << in.rdbuf();
    return os.str();
}

std::string lines(const load_result& r) {
    std::string s;
    for (const auto& d : r.errors) s += to_string(d) + "\n";
    for (const auto& d : r.warnings) s += to_string(d) + "\n";
    return s;
}

std::string json_with_claim_value(const std::string& value) {
    return R"({"format": "crosscheck/1", "sources": [{"id": "s"}], "claims": [{"id": "c", "source": "s", "subject": "x", "predicate": "p", "value": )" +
           value + "}]}";
}

}  // namespace

TEST_CASE("each bad input gives exactly its expected diagnostics", "[bad_input]") {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(bad_dir)) {
        auto ext = e.path().extension().string();
        if (ext == ".json" || ext == ".csv") names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    REQUIRE(names.size() >= 18);
    for (const auto& name : names) {
        INFO(name);
        auto stem = name.substr(0, name.rfind('.'));
        auto expected_path = bad_dir + "/" + stem + ".expected";
        REQUIRE(std::filesystem::exists(expected_path));
        auto text = slurp(bad_dir + "/" + name);
        corpus c;
        auto r = name.size() > 4 && name.substr(name.size() - 4) == ".csv" ? load_csv(text, c, {}, name)
                                                                           : load_json(text, c, {}, name);
        CHECK_FALSE(r.ok());
        CHECK(lines(r) == slurp(expected_path));
    }
}

TEST_CASE("bad files through load_file name the path given", "[bad_input]") {
    corpus c;
    auto r = load_file(bad_dir + "/truncated.json", c);
    REQUIRE(r.errors.size() == 1);
    CHECK(to_string(r.errors[0]) ==
          bad_dir + "/truncated.json:2:24: error: syntax error: unexpected end of input: expected ',' or '}'");
}

TEST_CASE("skip_invalid keeps the good claims of a bad file and lists the others", "[bad_input]") {
    corpus c;
    load_options o;
    o.skip_invalid = true;
    auto r = load_json(slurp(bad_dir + "/bad_dates.json"), c, o, "bad_dates.json");
    // The source's bad `published` is not a claim problem: still an error.
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].field == "sources[0].published");
    CHECK(r.skipped == std::vector<std::string>{"d1", "d2", "d3", "d4", "d5", "d6", "d8"});
    CHECK(r.warnings.size() == 7);
    REQUIRE(c.size() == 1);
    CHECK(c.claim_id(claim_n(0)) == "d7");

    corpus d;
    auto r2 = load_json(slurp(bad_dir + "/wrong_types.json"), d, o, "wrong_types.json");
    CHECK(r2.skipped == std::vector<std::string>{"c1", "c2", "c3", "c4", "wrong_types.json:11", "wrong_types.json:12",
                                                 "wrong_types.json:13"});
    CHECK(d.empty());
}

TEST_CASE("a 10 MB string loads", "[bad_input]") {
    std::string big(10u << 20, 'x');
    big[12345] = '\n';  // escaped below
    std::string escaped;
    escaped.reserve(big.size() + 16);
    for (char ch : big) {
        if (ch == '\n') escaped += "\\n";
        else escaped += ch;
    }
    corpus c;
    auto r = load_json(
        R"({"format": "crosscheck/1", "sources": [{"id": "s"}], "claims": [{"id": "c", "source": "s", "subject": "x", "predicate": "p", "value": {"text": ")" +
            escaped + R"("}, "quote": "q"}]})",
        c);
    REQUIRE(r.ok());
    REQUIRE(c.size() == 1);
    CHECK(std::get<text_value>(c[claim_n(0)].value()).text == big);

    // And in a CSV quote.
    corpus d;
    auto rc = load_csv(
        "claim_id,subject,predicate,scope,kind,value,lo,hi,valid_from,valid_to,source_id,quote\n"
        "1,x,p,,cat,v,,,,,s,\"" +
            big + "\"\n",
        d);
    REQUIRE(rc.ok());
    CHECK(d[claim_n(0)].quote() == big);
}

TEST_CASE("nesting is bounded before nlohmann parses", "[bad_input]") {
    // 512 levels in all are accepted (the top object, the claims array, the claim object and 509
    // arrays as the value), so the error is about the value, not the syntax.
    corpus c;
    auto r = load_json(json_with_claim_value(std::string(509, '[') + std::string(509, ']')), c);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].field == "value");
    CHECK(r.errors[0].message.rfind("expected a value: ", 0) == 0);

    // One more is a syntax error at the 510th bracket of the value (the prefix is 134 characters).
    auto r2 = load_json(json_with_claim_value(std::string(510, '[') + std::string(510, ']')), c, {}, "deep.json");
    REQUIRE(r2.errors.size() == 1);
    CHECK(to_string(r2.errors[0]) == "deep.json:1:644: error: syntax error: nesting deeper than 512 levels");

    // A million levels do not overflow the stack.
    auto r3 = load_json(std::string(1000000, '['), c);
    REQUIRE(r3.errors.size() == 1);
    CHECK(r3.errors[0].message == "syntax error: nesting deeper than 512 levels");
    CHECK(r3.errors[0].column == 513);
}

TEST_CASE("syntax errors at the very end and in strings", "[bad_input]") {
    struct bad_case {
        std::string text;
        std::string expected;
    };
    auto [text, expected] = GENERATE(values<bad_case>({
        {"{\"format\": \"crosscheck/1\", \"sources\": [], \"claims\": [\"\xE2\x82\"]}",
         "<input>:1:55: error: syntax error: invalid UTF-8 in string: the file must be UTF-8 text"},
        {"{\"a\": \"\\x\"}", "<input>:1:8: error: syntax error: invalid escape '\\x' in string"},
        {"{\"a\": \"\\ud800\"}",
         "<input>:1:8: error: syntax error: invalid \\u escape: a high surrogate must be followed by a low one"},
        {"{\"a\": \"tab\there\"}",
         "<input>:1:11: error: syntax error: control character in string: escape it (\\n, \\t, \\u00XX)"},
        {"{\"a\": 01}", "<input>:1:7: error: syntax error: invalid number: leading zeros are not allowed"},
        {"{\"a\": 1.}", "<input>:1:7: error: syntax error: invalid number: expected a digit after '.'"},
        {"{\"a\": tru}", "<input>:1:7: error: syntax error: invalid literal: expected true"},
        {"{\"a\": 1,}", "<input>:1:9: error: syntax error: unexpected '}': expected a key in double quotes"},
        {"{\"a\": 1} x", "<input>:1:10: error: syntax error: unexpected 'x' after the end of the JSON value"},
        {"{\"a\": \"\xC3\xA9\xC3\"}",
         "<input>:1:9: error: syntax error: invalid UTF-8 in string: the file must be UTF-8 text"},
        {"{\"a\":\n  \"unterminated", "<input>:2:3: error: syntax error: unterminated string: expected a closing '\"'"},
    }));
    corpus c;
    auto r = load_json(text, c);
    REQUIRE(r.errors.size() == 1);
    CHECK(to_string(r.errors[0]) == expected);
}

TEST_CASE("numbers beyond double and ids with NUL are refused", "[bad_input]") {
    corpus c;
    auto r = load_json(json_with_claim_value("1e999"), c);
    REQUIRE(r.errors.size() == 1);
    CHECK(to_string(r.errors[0]) == "<input>:1:135: error: syntax error: number out of range: 1e999");
    // Too small is not an error: it reads as zero.
    auto r2 = load_json(json_with_claim_value("-1e-999"), c);
    REQUIRE(r2.ok());
    CHECK(std::get<quantity>(c[claim_n(0)].value()).amount == std::optional<double>(0.0));

    corpus d;
    auto r3 = load_json(
        R"({"format": "crosscheck/1", "sources": [{"id": "s"}], "claims": [{"id": "a\u0000b", "source": "s", "subject": "x", "predicate": "p", "value": 1}]})",
        d);
    REQUIRE(r3.errors.size() == 1);
    CHECK(r3.errors[0].line == 1);
    CHECK(r3.errors[0].column == 72);
    CHECK(r3.errors[0].claim_id == std::string("a\0b", 3));
    CHECK(r3.errors[0].field == "id");
    CHECK(r3.errors[0].message == "claim id contains a NUL character");
    std::string csv = "claim_id,subject,predicate,scope,kind,value,lo,hi,valid_from,valid_to,source_id\n";
    csv += std::string("a\0b,x,p,,cat,v,,,,,s\n", 21);
    auto r4 = load_csv(csv, d);
    REQUIRE(r4.errors.size() == 1);
    CHECK(r4.errors[0].message == "claim id contains a NUL character");
    CHECK(d.empty());
}

TEST_CASE("JSON errors are collected up to max_errors", "[bad_input]") {
    std::string claims;
    for (int i = 0; i < 50; ++i) {
        if (i) claims += ",";
        claims += R"({"id": "c)" + std::to_string(i) +
                  R"(", "source": "s", "subject": "x", "predicate": "p", "value": 1, "valid": "bad"})";
    }
    corpus c;
    load_options o;
    o.max_errors = 10;
    auto r = load_json(R"({"format": "crosscheck/1", "sources": [{"id": "s"}], "claims": [)" + claims + "]}", c, o);
    REQUIRE(r.errors.size() == 11);
    CHECK(r.errors[9].claim_id == "c9");
    CHECK(r.errors[10].message == "too many errors; stopped after 10");
    CHECK(c.empty());
}

TEST_CASE("several files: sources declared in one, used in another; ids unique across", "[bad_input][io]") {
    const std::string a = "/tmp/crosscheck_bad_input_a.json", b = "/tmp/crosscheck_bad_input_b.json";
    {
        std::ofstream(a) << R"({"format": "crosscheck/1", "sources": [], "claims": [
{"id": "k1", "source": "later", "subject": "x", "predicate": "p", "value": 1}]})";
        std::ofstream(b)
            << R"({"format": "crosscheck/1", "sources": [{"id": "later", "outlet": "Later Times"}], "claims": [
{"id": "k1", "source": "later", "subject": "x", "predicate": "p", "value": 2}]})";
    }
    corpus c;
    auto r = load_files({a, b}, c);
    REQUIRE(r.errors.size() == 1);
    CHECK(to_string(r.errors[0]) ==
          b + ":2:8: error: claim 'k1' field 'id': duplicate claim id 'k1' (first at " + a + ":2:1)");
    REQUIRE(c.size() == 1);
    CHECK(c[claim_n(0)].source_info().outlet == "Later Times");
    std::remove(a.c_str());
    std::remove(b.c_str());
}
