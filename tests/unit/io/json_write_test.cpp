// The hand-written report writer must print what nlohmann prints for the same report.
#include <crosscheck/check/check.hpp>
#include <crosscheck/io/csv.hpp>
#include <crosscheck/io/json.hpp>

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using namespace crosscheck;

namespace {
std::string written(const std::string& s) {
    detail::json_writer w;
    w.string(s);
    return std::string(w.view());
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
    g.interval =
        "32400\xE2\x80\x93"
        "39600";
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

TEST_CASE("json_writer escapes long strings as nlohmann does, wherever the special bytes fall", "[json]") {
    // The writer checks 16 bytes at a time: put each kind of special byte at every position of
    // a 40-byte text, so it falls at the start, inside and at the end of a block and in the tail.
    const std::string base(40, 'a');
    const std::vector<std::string> specials = {"\"",   "\\",       "\n",           std::string("\x01", 1),
                                               "\x7f", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80",
                                               "\xFF", "\xC3"};
    for (const auto& sp : specials)
        for (std::size_t at = 0; at <= base.size(); ++at) {
            std::string s = base;
            s.insert(at, sp);
            INFO(at << ": " << s);
            CHECK(written(s) == by_nlohmann(s));
        }
    std::string mixed;
    for (int i = 0; i < 300; ++i) mixed += static_cast<char>(i % 7 == 0 ? '"' : i % 11 == 0 ? '\n' : 'a' + i % 26);
    CHECK(written(mixed) == by_nlohmann(mixed));
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

namespace {
// Many small keys with conflicts, in more groups than one streaming batch holds, and one key
// large enough to be counted rather than compared pairwise.
std::string many_keys_csv(std::size_t keys) {
    std::string t = "claim_id,subject,predicate,scope,kind,value,lo,hi,valid_from,valid_to,source_id\n";
    std::size_t id = 0;
    auto row = [&](std::size_t k, const char* kind, const std::string& value, const std::string& lo, const char* from,
                   const char* to, std::size_t src) {
        t += std::to_string(++id) + ",e" + std::to_string(k) + ",p,global," + kind + "," + value + "," + lo + "," + lo +
             "," + from + "," + to + ",s" + std::to_string(src) + "\n";
    };
    for (std::size_t k = 0; k < keys; ++k) {
        row(k, "cat", "v" + std::to_string(k % 3), "", "2020-01-01", "2020-12-31", k % 7);
        row(k, "cat", "v" + std::to_string((k + k / 5) % 3), "", "2020-06-01", "2021-12-31", k % 5);
        if (k % 997 == 0) row(k, "num", "", "7", "2020-01-01", "2020-12-31", 1);  // an input warning
    }
    for (std::size_t j = 0; j < 300; ++j)
        row(keys, "num", "", std::to_string(j % 4 * 10), "2020-01-01", "2020-12-31", j % 3);
    return t;
}
}  // namespace

TEST_CASE("a streaming check writes the same JSON report as a collected one", "[json][stream]") {
    corpus c;
    REQUIRE(load_csv(many_keys_csv(40000), c).ok());
    check_options o;
    o.threads = 2;  // the one-thread run below must give the same report
    o.list_pairs = GENERATE(false, true);
    const report whole = check(c, o);
    REQUIRE(whole.findings.size() > 20000);  // several batches' worth
    std::ostringstream expected;
    write_json(expected, whole);

    std::ostringstream streamed;
    json_report_writer w(streamed);
    std::size_t handed = 0;
    const report rest = check(c, o, [&](finding&& f) {
        ++handed;
        w.add(f);
    });
    CHECK(rest.findings.empty());
    CHECK(rest.stats == whole.stats);
    CHECK(rest.pairs == whole.pairs);
    w.finish(rest);
    CHECK(handed == whole.findings.size());
    CHECK(w.findings_written() == whole.findings.size());
    CHECK(streamed.str() == expected.str());
    CHECK(whole.stats.input_warnings > 30);

    // The same report whatever the thread count (groups, group order and warnings are split
    // across threads above 65,536 claims and 4,096 groups).
    check_options one = o;
    one.threads = 1;
    std::ostringstream single;
    write_json(single, check(c, one));
    CHECK(single.str() == expected.str());
}

TEST_CASE("a sink that throws stops a multi-threaded check with that exception", "[json][stream]") {
    // Before, the exception left the consumer loop with the workers still running, which ends
    // the program (std::terminate) instead of reaching the caller.
    corpus c;
    REQUIRE(load_csv(many_keys_csv(20000), c).ok());
    check_options o;
    o.threads = 2;
    std::size_t handed = 0;
    auto throwing = [&](finding&&) {
        if (++handed == 100) throw std::runtime_error("disk full");
    };
    CHECK_THROWS_WITH(check(c, o, throwing), "disk full");
    CHECK(handed == 100);  // nothing was handed on after the failure
    // The check can run again afterwards: nothing was left locked or running.
    std::size_t all = 0;
    const report rest = check(c, o, [&](finding&&) { ++all; });
    CHECK(all > 100);
    CHECK(rest.stats.conflicted_keys > 0);
}
