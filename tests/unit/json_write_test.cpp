// The hand-written report writer must print what nlohmann prints for the same report.
#include <crosscheck/json.hpp>

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using namespace crosscheck;

namespace {
std::string written(const std::string& s) {
    std::string out;
    detail::json_writer w(out);
    w.string(s);
    return out;
}
std::string by_nlohmann(const std::string& s) {
    return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

report sample_report() {
    report r;
    finding f;
    f.kind = "conflict";
    f.severity = severity::error;
    f.subject = "nvidia \"h20\"";
    f.predicate = "status\n";
    f.scope = "region=cn";
    f.claims = {"c1", "c\\2"};
    f.sources = {"s\t1"};
    f.message = "\"banned\" vs \"available\" \xE2\x80\x93 tab\there";
    f.pairs = 12345678901ULL;
    f.claim_count = 2;
    f.omitted_values = 3;
    value_group g;
    g.value = "about 36000 B200";
    g.interval = "32400\xE2\x80\x93" "39600";
    g.claim_count = 7;
    g.origins = 1;
    g.origin_names = {"Financial Times", "\xC3\xA9"};
    evidence e;
    e.claim = "c1";
    e.source = "s1";
    e.outlet = "FT";
    e.period = "2025-Q2";
    e.scope = "region=cn";
    e.quote = "\x01 ctrl \x1f";
    e.lang = "de";
    e.modality = "asserted";
    g.claims = {e, evidence{"c3", "s2", "", "", "", "", "", ""}};
    f.values = {g};
    r.findings.push_back(f);
    finding w;
    w.kind = "input_warning";
    w.field = "value";
    w.message = "m";
    r.findings.push_back(w);
    r.stats.claims = 3;
    r.stats.conflicting_pairs = 1;
    r.pairs = {{"c1", "c3"}};
    r.pairs_complete = false;
    return r;
}
}  // namespace

TEST_CASE("json_writer escapes strings as nlohmann does", "[json]") {
    for (std::string s : {std::string(""), std::string("plain"), std::string("q\"uote\\back/slash"),
                          std::string("\b\f\n\r\t"), std::string("\x01\x02\x1f\x7f", 4), std::string("\0x", 2),
                          std::string("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"), std::string("bad \xFF byte"),
                          std::string("lone \x80 cont"), std::string("end \xC3")}) {
        INFO(s);
        CHECK(written(s) == by_nlohmann(s));
    }
}

TEST_CASE("json_writer replaces invalid UTF-8 and keeps the document valid", "[json]") {
    // Overlong encodings and surrogates are not UTF-8; the output must still parse.
    for (std::string s : {std::string("\xC0\xAF"), std::string("\xE0\x80\xAF"), std::string("\xED\xA0\x80"),
                          std::string("\xF4\x90\x80\x80"), std::string("\xF0\x9F\x98")}) {
        auto out = written(s);
        CHECK(out.find("\xEF\xBF\xBD") != std::string::npos);
        CHECK_NOTHROW(nlohmann::json::parse(out));
    }
}

TEST_CASE("write_json prints nlohmann's compact dump of each finding, in order", "[json]") {
    const report r = sample_report();
    std::ostringstream os;
    write_json(os, r, -1);
    CHECK(os.str() == "{\"findings\": [" + nlohmann::json(r.findings[0]).dump() + "," +
                          nlohmann::json(r.findings[1]).dump() + "],\"stats\": " + nlohmann::json(r.stats).dump() +
                          ",\"pairs\": " + nlohmann::json(r.pairs).dump() + ",\"pairs_complete\": false}");
    std::ostringstream indented;
    write_json(indented, r);
    CHECK(nlohmann::json::parse(indented.str()) == nlohmann::json(r));
    report back = nlohmann::json::parse(indented.str()).get<report>();
    CHECK(back == r);
}
