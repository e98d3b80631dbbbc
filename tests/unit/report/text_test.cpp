// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#include <crosscheck/report/text.hpp>

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <sstream>
#include <string>

namespace {

using crosscheck::evidence;
using crosscheck::finding;
using crosscheck::report;
using crosscheck::severity;
using crosscheck::value_group;

evidence ev(std::string claim, std::string source, std::string outlet, std::string quote = {}, std::string lang = {}) {
    evidence e;
    e.claim = std::move(claim);
    e.source = std::move(source);
    e.outlet = std::move(outlet);
    e.period = "2025-04";
    e.quote = std::move(quote);
    e.lang = std::move(lang);
    e.modality = "asserted";
    return e;
}

/// A status dispute in the shape the conflict checker reports: three claims say "banned" (two of
/// them relaying the Financial Times), one says "allowed".
report status_report() {
    report r;
    finding f;
    f.kind = "conflict";
    f.severity = severity::error;
    f.subject = "bytedance";
    f.predicate = "b200_status";
    f.claims = {"ft1", "wsj1", "spiegel1", "xinhua1"};
    f.sources = {"ft", "wsj", "spiegel", "xinhua"};
    f.message = "2 values disagree";
    f.pairs = 3;
    value_group banned;
    banned.value = "banned";
    banned.claims = {ev("ft1", "ft", "Financial Times", "ByteDance is barred from buying B200 chips", "en"),
                     ev("wsj1", "wsj", "WSJ"),
                     ev("spiegel1", "spiegel", "Der Spiegel", "ByteDance darf keine B200-Chips kaufen", "de")};
    banned.origins = 2;
    banned.origin_names = {"Financial Times", "WSJ"};
    value_group allowed;
    allowed.value = "allowed";
    allowed.claims = {ev("xinhua1", "xinhua", "Xinhua")};
    allowed.origins = 1;
    allowed.origin_names = {"Xinhua"};
    f.values = {banned, allowed};
    r.findings.push_back(f);

    finding rv;
    rv.kind = "rule_violation";
    rv.severity = severity::error;
    rv.subject = "acme";
    rv.predicate = "revenue";
    rv.claims = {"r1", "r2", "r3"};
    rv.message = "total 100 is not the sum of its parts 40 + 50 = 90";
    r.findings.push_back(rv);

    finding so;
    so.kind = "single_origin";
    so.severity = severity::info;
    so.subject = "bytedance";
    so.predicate = "b200_chips";
    so.claims = {"a1", "a2"};
    so.message = "36000 rests on one origin (The Information)";
    r.findings.push_back(so);

    finding iw;
    iw.kind = "input_warning";
    iw.severity = severity::warning;
    iw.subject = "bytedance";
    iw.predicate = "b200_status";
    iw.field = "value";
    iw.claims = {"x9"};
    iw.message = "token 'bannned' is not one of banned, allowed";
    r.findings.push_back(iw);

    r.stats.claims = 9;
    r.stats.keys = 3;
    r.stats.conflicting_pairs = 3;
    r.stats.conflicted_keys = 1;
    r.stats.rule_violations = 1;
    r.stats.input_warnings = 1;
    return r;
}

bool has_escape(const std::string& s) {
    return s.find('\x1b') != std::string::npos;
}

}  // namespace

TEST_CASE("write_text groups a dispute by subject and predicate with origins and quotes", "[format]") {
    const std::string out = crosscheck::to_text(status_report());
    CHECK_THAT(out, Catch::Matchers::StartsWith("bytedance \xc2\xb7 b200_status\n"));
    CHECK_THAT(out, Catch::Matchers::Contains("  error conflict (3 conflicting pairs): 2 values disagree\n"));
    CHECK_THAT(out, Catch::Matchers::Contains(
                        "    banned \xe2\x80\x94 3 claims, 2 independent origins (Financial Times, WSJ)\n"));
    CHECK_THAT(out, Catch::Matchers::Contains("    allowed \xe2\x80\x94 1 claim, 1 independent origin (Xinhua)\n"));
    CHECK_THAT(out, Catch::Matchers::Contains("      ft1  Financial Times (ft), 2025-04\n"));
    // The quote stays in its own language, with the language tag.
    CHECK_THAT(out, Catch::Matchers::Contains("        [de] \"ByteDance darf keine B200-Chips kaufen\"\n"));
    // Values come in the finding's order: banned before allowed.
    CHECK(out.find("banned \xe2\x80\x94") < out.find("allowed \xe2\x80\x94"));
}

TEST_CASE("write_text puts the other sections after the disputes, then the counts", "[format]") {
    const std::string out = crosscheck::to_text(status_report());
    const auto rule_at = out.find("\nRule violations\n");
    const auto single = out.find("\nSingle-origin values\n");
    const auto input = out.find("\nInput warnings\n");
    REQUIRE(rule_at != std::string::npos);
    REQUIRE(single != std::string::npos);
    REQUIRE(input != std::string::npos);
    CHECK(out.find("banned") < rule_at);
    CHECK(rule_at < single);
    CHECK(single < input);
    CHECK_THAT(out,
               Catch::Matchers::Contains(
                   "  error acme.revenue: total 100 is not the sum of its parts 40 + 50 = 90 (claims r1, r2, r3)\n"));
    CHECK_THAT(out, Catch::Matchers::Contains("  warning bytedance.b200_status (field value): token 'bannned'"));
    CHECK_THAT(out, Catch::Matchers::EndsWith(
                        "\n9 claims, 3 keys: 3 conflicting pairs in 1 key, 0 self-contradictions, 1 rule violation, "
                        "1 input warning\n4 findings: 2 errors, 1 warning, 1 info\n"));
}

TEST_CASE("write_text colours only when asked", "[format]") {
    const report r = status_report();
    CHECK_FALSE(has_escape(crosscheck::to_text(r)));
    crosscheck::text_options o;
    o.color = true;
    const std::string coloured = crosscheck::to_text(r, o);
    CHECK(has_escape(coloured));
    CHECK_THAT(coloured, Catch::Matchers::Contains("\x1b[1;31merror\x1b[0m conflict"));
    CHECK_FALSE(has_escape(crosscheck::to_markdown(r)));
}

TEST_CASE("write_text on an empty report says so", "[format]") {
    report r;
    r.stats.claims = 2;
    r.stats.keys = 1;
    CHECK(crosscheck::to_text(r) ==
          "No findings.\n\n2 claims, 1 key: 0 conflicting pairs in 0 keys, 0 self-contradictions, 0 rule "
          "violations, 0 input warnings\n");
}

TEST_CASE("write_text can cut long value lists and drop quotes", "[format]") {
    crosscheck::text_options o;
    o.max_claims_per_value = 1;
    o.quotes = false;
    const std::string out = crosscheck::to_text(status_report(), o);
    CHECK_THAT(out, Catch::Matchers::Contains(
                        "      ft1  Financial Times (ft), 2025-04\n      \xe2\x80\xa6 and 2 more claims\n"));
    CHECK_THAT(out, !Catch::Matchers::Contains("wsj1"));
    CHECK_THAT(out, !Catch::Matchers::Contains("barred"));
}

TEST_CASE("write_text shows period, scope and modality of a claim when they say something", "[format]") {
    report r;
    finding f;
    f.kind = "self_contradiction";
    f.severity = severity::error;
    f.subject = "mount-everest";
    f.predicate = "summit_status";
    f.scope = "route=south-col";
    f.message = "natgeo-1999 says both open and closed";
    value_group a;
    a.value = "open";
    a.claims = {ev("e15", "natgeo-1999", "")};
    a.claims[0].period = "..";
    a.claims[0].scope = "route=south-col";
    value_group b;
    b.value = "closed";
    b.claims = {ev("e14", "natgeo-1999", "")};
    b.claims[0].period = "1999";
    b.claims[0].scope = "route=any";
    b.claims[0].modality = "reported";
    f.values = {a, b};
    r.findings.push_back(f);
    const std::string out = crosscheck::to_text(r);
    CHECK_THAT(out, Catch::Matchers::Contains("  error self_contradiction [route=south-col]: natgeo-1999 says"));
    CHECK_THAT(out, Catch::Matchers::Contains("      e15  natgeo-1999, all time\n"));
    CHECK_THAT(out, Catch::Matchers::Contains("      e14  natgeo-1999, 1999, route=any, reported\n"));
}

TEST_CASE("write_markdown makes headings, tables and blockquotes", "[format]") {
    const std::string md = crosscheck::to_markdown(status_report());
    CHECK_THAT(md, Catch::Matchers::StartsWith("## crosscheck report\n\n9 claims, 3 keys:"));
    CHECK_THAT(md, Catch::Matchers::Contains("\n### Disputed values\n"));
    CHECK_THAT(md, Catch::Matchers::Contains("\n#### bytedance \xe2\x80\x94 b200\\_status\n"));
    CHECK_THAT(md, Catch::Matchers::Contains(
                       "| Value | Claims | Independent origins |\n|---|---:|---|\n"
                       "| **banned** | 3 | 2: Financial Times, WSJ |\n| **allowed** | 1 | 1: Xinhua |\n"));
    CHECK_THAT(md, Catch::Matchers::Contains("| `ft1` | banned | Financial Times (`ft`) | 2025-04 |  | asserted |\n"));
    CHECK_THAT(md,
               Catch::Matchers::Contains(
                   "\n> ByteDance darf keine B200-Chips kaufen\n>\n> \xe2\x80\x94 Der Spiegel, `spiegel1` (`de`)\n"));
    CHECK_THAT(md, Catch::Matchers::Contains("\n### Rule violations\n\n- **error** `acme.revenue`: total 100"));
    CHECK_THAT(md, Catch::Matchers::Contains("- **warning** `bytedance.b200_status` (field `value`): token"));
}

TEST_CASE("write_markdown escapes what would break a table or start markup", "[format]") {
    using crosscheck::detail::md_code;
    using crosscheck::detail::md_escape;
    using crosscheck::detail::md_escape_line;
    CHECK(md_escape("a|b") == "a\\|b");
    CHECK(md_escape("*bold* _it_ [link](x) <b> `c`") == "\\*bold\\* \\_it\\_ \\[link\\](x) \\<b\\> \\`c\\`");
    CHECK(md_escape("AT&T #1\nnext") == "AT\\&T \\#1<br>next");
    CHECK(md_escape("- not a list") == "- not a list");  // inside a cell it cannot be one
    CHECK(md_escape_line("- not a list") == "\\- not a list");
    CHECK(md_escape_line("1. not a list") == "1\\. not a list");
    CHECK(md_escape_line("1953 was the year") == "1953 was the year");
    CHECK(md_code("a|b") == "`a\\|b`");
    CHECK(md_code("x`y") == "``x`y``");
    CHECK(md_code("`x") == "`` `x ``");

    report r;
    finding f;
    f.kind = "conflict";
    f.severity = severity::error;
    f.subject = "a|b";
    f.predicate = "p";
    f.message = "m";
    value_group v;
    v.value = "x|y";
    v.claims = {ev("c|1", "s", "Out|let", "line one\n- line two", "en")};
    f.values = {v};
    r.findings.push_back(f);
    const std::string md = crosscheck::to_markdown(r);
    CHECK_THAT(md, Catch::Matchers::Contains("| **x\\|y** | 1 | 0 |\n"));
    CHECK_THAT(md, Catch::Matchers::Contains("| `c\\|1` | x\\|y | Out\\|let (`s`) |"));
    CHECK_THAT(md, Catch::Matchers::Contains("\n> line one  \n> \\- line two\n"));
    CHECK_THAT(md, Catch::Matchers::Contains("#### a\\|b \xe2\x80\x94 p\n"));
}

TEST_CASE("capped evidence lists say how many claims are not shown", "[format]") {
    report r = status_report();
    auto& banned = r.findings[0].values[0];
    banned.claim_count = 40;  // the checker listed 3 of 40 claims
    const std::string out = crosscheck::to_text(r);
    CHECK_THAT(out, Catch::Matchers::Contains("    banned \xe2\x80\x94 40 claims, 2 independent origins"));
    CHECK_THAT(out, Catch::Matchers::Contains("      \xe2\x80\xa6 and 37 more claims\n"));
    const std::string md = crosscheck::to_markdown(r);
    CHECK_THAT(md, Catch::Matchers::Contains("| **banned** | 40 | 2: Financial Times, WSJ |"));
    CHECK_THAT(md, Catch::Matchers::Contains("\n37 more claims are not listed.\n"));

    r.findings[1].claim_count = 5;  // rule violation listing r1..r3 of 5
    CHECK_THAT(crosscheck::to_text(r), Catch::Matchers::Contains("(claims r1, r2, r3 and 2 more)"));
}
