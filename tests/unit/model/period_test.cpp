// Tests for include/crosscheck/model/period.hpp: the Dates and periods of §2 of the corpus format.
// Expected days are computed with Howard Hinnant's date library directly, never through the code
// under test.
#include <crosscheck/model/period.hpp>

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <algorithm>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

using crosscheck::period;
using crosscheck::precision;

// Day count since 1970-01-01 of a calendar day, straight from date.
crosscheck::day_number day(int y, unsigned m, unsigned d) {
    return static_cast<crosscheck::day_number>(
        date::sys_days{date::year{y} / date::month{m} / date::day{d}}.time_since_epoch().count());
}

std::string what_of(const std::string& text) {
    try {
        (void)crosscheck::parse_date(text);
    } catch (const crosscheck::parse_error& e) {
        return e.what();
    }
    return "<no exception>";
}

std::string period_what_of(const std::string& text) {
    try {
        (void)crosscheck::parse_period(text);
    } catch (const crosscheck::parse_error& e) {
        return e.what();
    }
    return "<no exception>";
}

}  // namespace

TEST_CASE("day numbers agree with date::sys_days", "[period]") {
    // The epoch and a few known offsets, written out by hand.
    CHECK(day(1970, 1, 1) == 0);
    CHECK(day(1970, 1, 2) == 1);
    CHECK(day(1969, 12, 31) == -1);
    CHECK(crosscheck::to_day_number(date::sys_days{date::year{2000} / 3 / 1}) == 11017);
    CHECK(crosscheck::to_sys_days(11017) == date::sys_days{date::year{2000} / 3 / 1});
}

TEST_CASE("each Date form names its whole period", "[period][parse]") {
    struct row {
        const char* text;
        crosscheck::day_number first, last;
        precision prec;
    };
    auto r = GENERATE(values<row>({
        {"2025", day(2025, 1, 1), day(2025, 12, 31), precision::year},
        {"2024", day(2024, 1, 1), day(2024, 12, 31), precision::year},
        {"0000", day(0, 1, 1), day(0, 12, 31), precision::year},
        {"9999", day(9999, 1, 1), day(9999, 12, 31), precision::year},
        {"2025-04", day(2025, 4, 1), day(2025, 4, 30), precision::month},
        {"2025-01", day(2025, 1, 1), day(2025, 1, 31), precision::month},
        {"2025-12", day(2025, 12, 1), day(2025, 12, 31), precision::month},
        {"2024-02", day(2024, 2, 1), day(2024, 2, 29), precision::month},
        {"2023-02", day(2023, 2, 1), day(2023, 2, 28), precision::month},
        {"2000-02", day(2000, 2, 1), day(2000, 2, 29), precision::month},
        {"1900-02", day(1900, 2, 1), day(1900, 2, 28), precision::month},
        {"2025-04-30", day(2025, 4, 30), day(2025, 4, 30), precision::day},
        {"2024-02-29", day(2024, 2, 29), day(2024, 2, 29), precision::day},
        {"2000-02-29", day(2000, 2, 29), day(2000, 2, 29), precision::day},
        {"1969-12-31", day(1969, 12, 31), day(1969, 12, 31), precision::day},
        {"2025-Q1", day(2025, 1, 1), day(2025, 3, 31), precision::quarter},
        {"2025-Q2", day(2025, 4, 1), day(2025, 6, 30), precision::quarter},
        {"2025-Q3", day(2025, 7, 1), day(2025, 9, 30), precision::quarter},
        {"2025-Q4", day(2025, 10, 1), day(2025, 12, 31), precision::quarter},
        {"2024-Q1", day(2024, 1, 1), day(2024, 3, 31), precision::quarter},
        {"2025-H1", day(2025, 1, 1), day(2025, 6, 30), precision::half},
        {"2025-H2", day(2025, 7, 1), day(2025, 12, 31), precision::half},
    }));
    CAPTURE(r.text);
    auto p = crosscheck::try_parse_date(r.text);
    REQUIRE(p.has_value());
    CHECK(p->first() == r.first);
    CHECK(p->last() == r.last);
    CHECK(p->first_precision() == r.prec);
    CHECK(p->last_precision() == r.prec);
    CHECK(p->ok());
    CHECK_FALSE(p->open_start());
    CHECK_FALSE(p->open_end());
    CHECK(p->is_single_date());
    // The throwing twin gives the same period, and so does parse_period.
    CHECK(crosscheck::parse_date(r.text) == *p);
    CHECK(crosscheck::parse_period(r.text) == *p);
    // It prints back as the same text.
    CHECK(crosscheck::to_string(*p) == r.text);
}

TEST_CASE("period from sys_days has day precision", "[period]") {
    period p{date::sys_days{date::year{2025} / 4 / 1}, date::sys_days{date::year{2025} / 4 / 30}};
    CHECK(p.first() == day(2025, 4, 1));
    CHECK(p.last() == day(2025, 4, 30));
    CHECK(p.first_precision() == precision::day);
    CHECK(p.last_precision() == precision::day);
    // Same days as 2025-04 but not the same Date: equality includes how the ends were written.
    CHECK(p != crosscheck::parse_date("2025-04"));
    CHECK_FALSE(p.is_single_date());
    CHECK(crosscheck::to_string(p) == "2025-04-01..2025-04-30");
}

TEST_CASE("invalid Dates are rejected with what was expected", "[period][parse][error]") {
    const std::string generic = "expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Hn";
    struct row {
        const char* text;
        std::string reason;
    };
    auto r = GENERATE_COPY(values<row>({
        {"2025-13", "month must be 01-12"},
        {"2025-00", "month must be 01-12"},
        {"2025-13-01", "month must be 01-12"},
        {"2025-02-30", "no such day in that month"},
        {"2023-02-29", "no such day in that month"},
        {"1900-02-29", "no such day in that month"},
        {"2025-04-31", "no such day in that month"},
        {"2025-04-00", "no such day in that month"},
        {"2025-Q5", "quarter must be Q1-Q4"},
        {"2025-Q0", "quarter must be Q1-Q4"},
        {"2025-H3", "half must be H1 or H2"},
        {"2025-H0", "half must be H1 or H2"},
        {"25-04", generic},
        {"2025-04x", generic},
        {"", generic},
        {" 2025", generic},
        {"2025 ", generic},
        {"202", generic},
        {"20250", generic},
        {"2025-4", generic},
        {"2025/04", generic},
        {"2025-04-1", generic},
        {"2025-04-011", generic},
        {"2025-Qx", generic},
        {"2025-W1", generic},
        {"2025-Q12", generic},
        {"abcd", generic},
        {"-2025", generic},
    }));
    CAPTURE(r.text);
    CHECK_FALSE(crosscheck::try_parse_date(r.text).has_value());
    CHECK_FALSE(crosscheck::try_parse_period(r.text).has_value());
    const std::string expected = "[crosscheck.parse_error.1] invalid date '" + std::string(r.text) + "': " + r.reason;
    CHECK(what_of(r.text) == expected);
    CHECK(period_what_of(r.text) == expected);  // no `..`: parse_period reports the Date's reason
    CHECK_THROWS_AS(crosscheck::parse_date(r.text), crosscheck::parse_error);
    CHECK_THROWS_AS(crosscheck::parse_date(r.text), crosscheck::error);
    try {
        (void)crosscheck::parse_date(r.text);
    } catch (const crosscheck::error& e) {
        CHECK(e.id() == 1);
    }
}

TEST_CASE("A..B periods", "[period][parse]") {
    SECTION("both ends: first day of A through last day of B") {
        auto p = crosscheck::parse_period("2025-04..2025-Q3");
        CHECK(p.first() == day(2025, 4, 1));
        CHECK(p.last() == day(2025, 9, 30));
        CHECK(p.first_precision() == precision::month);
        CHECK(p.last_precision() == precision::quarter);
        CHECK_FALSE(p.is_single_date());
        CHECK(p == period::between(crosscheck::parse_date("2025-04"), crosscheck::parse_date("2025-Q3")));
    }
    SECTION("open end") {
        auto p = crosscheck::parse_period("2025-04..");
        CHECK(p.first() == day(2025, 4, 1));
        CHECK(p.open_end());
        CHECK_FALSE(p.open_start());
        CHECK(p.last() == crosscheck::open_end_day);
        CHECK(p.first_precision() == precision::month);
        CHECK(p == period::starting(crosscheck::parse_date("2025-04")));
    }
    SECTION("open start") {
        auto p = crosscheck::parse_period("..2020-12-07");
        CHECK(p.open_start());
        CHECK_FALSE(p.open_end());
        CHECK(p.first() == crosscheck::open_start_day);
        CHECK(p.last() == day(2020, 12, 7));
        CHECK(p == period::until(crosscheck::parse_date("2020-12-07")));
    }
    SECTION("all time") {
        auto p = crosscheck::parse_period("..");
        CHECK(p.all_time());
        CHECK(p == period{});
        CHECK(p.ok());
    }
    SECTION("one shared day is a valid period") {
        auto p = crosscheck::parse_period("2025-04-30..2025-04");
        CHECK(p.first() == day(2025, 4, 30));
        CHECK(p.last() == day(2025, 4, 30));
    }
    SECTION("start after end is rejected") {
        CHECK_FALSE(crosscheck::try_parse_period("2025..2024").has_value());
        CHECK_FALSE(crosscheck::try_parse_period("2025-05..2025-04-30").has_value());
        CHECK(period_what_of("2025..2024") ==
              "[crosscheck.parse_error.2] invalid period '2025..2024': expected DATE, DATE..DATE, DATE.., ..DATE "
              "with DATE as YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Hn, start not after end");
    }
    SECTION("a bad end is rejected") {
        auto text = GENERATE(as<std::string>{}, "2025-13..2026", "2025..2026-02-30", "2025...2026", "2025.. 2026",
                             "x..", "..x", "2025-04..2025-04x", "....");
        CAPTURE(text);
        CHECK_FALSE(crosscheck::try_parse_period(text).has_value());
        CHECK(period_what_of(text) ==
              "[crosscheck.parse_error.2] invalid period '" + text +
                  "': expected DATE, DATE..DATE, DATE.., ..DATE with DATE as YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn "
                  "or YYYY-Hn, start not after end");
    }
}

TEST_CASE("periods print back to the text they were parsed from", "[period][format]") {
    auto text =
        GENERATE(as<std::string>{}, "2025", "0000", "9999", "2025-04", "2024-02", "2025-04-30", "2024-02-29", "2025-Q1",
                 "2025-Q4", "2025-H1", "2025-H2", "2025-04..2025-06", "2025..2026", "2025-Q1..2025-H2",
                 "2025-04-01..2025-04-30", "2025-01-01..2025-12-31", "2025-Q2..2025-05", "2025-04..", "2025-04-30..",
                 "2025..", "..2020-12-07", "..2025-Q3", "..2025", "..", "1999-12-31..2000-01-01");
    CAPTURE(text);
    auto p = crosscheck::parse_period(text);
    CHECK(crosscheck::to_string(p) == text);
    std::ostringstream os;
    os << p;
    CHECK(os.str() == text);
    // And the text reads back as the same period.
    CHECK(crosscheck::parse_period(crosscheck::to_string(p)) == p);
}

TEST_CASE("a range that is one Date prints as that Date", "[period][format]") {
    CHECK(crosscheck::to_string(crosscheck::parse_period("2025..2025")) == "2025");
    CHECK(crosscheck::to_string(crosscheck::parse_period("2025-Q2..2025-Q2")) == "2025-Q2");
    CHECK(crosscheck::to_string(crosscheck::parse_period("2025-04-01..2025-04-01")) == "2025-04-01");
    // Same days as 2025-Q2, but written as months: not one Date.
    CHECK(crosscheck::to_string(crosscheck::parse_period("2025-04..2025-06")) == "2025-04..2025-06");
}

TEST_CASE("precision names", "[period][format]") {
    CHECK(std::string(crosscheck::to_string(precision::day)) == "day");
    CHECK(std::string(crosscheck::to_string(precision::month)) == "month");
    CHECK(std::string(crosscheck::to_string(precision::quarter)) == "quarter");
    CHECK(std::string(crosscheck::to_string(precision::half)) == "half");
    CHECK(std::string(crosscheck::to_string(precision::year)) == "year");
}

TEST_CASE("overlap is inclusive", "[period][overlap]") {
    auto P = [](const char* t) { return crosscheck::parse_period(t); };
    struct row {
        const char* a;
        const char* b;
        bool overlap;
    };
    auto r = GENERATE(values<row>({
        {"2025", "2025-04", true},
        {"2025-04", "2025-04-30", true},
        {"2025-04", "2025-05", false},
        {"2025-04", "2025-05-01", false},
        {"2025-04-30", "2025-05-01", false},
        {"2025-01..2025-04-01", "2025-04-01..2025-06", true},  // one shared day
        {"2025-01..2025-03-31", "2025-04-01..2025-06", false},
        {"..2025-03-31", "2025-04..", false},
        {"..2025-04-01", "2025-04..", true},
        {"..", "1900", true},
        {"..", "..", true},
        {"2025..", "..2024", false},
        {"2025..", "..2025", true},
        {"2025-Q1", "2025-H1", true},
        {"2025-Q3", "2025-H1", false},
        {"2024-12-31", "2025", false},
    }));
    CAPTURE(r.a, r.b);
    CHECK(P(r.a).overlaps(P(r.b)) == r.overlap);
    CHECK(P(r.b).overlaps(P(r.a)) == r.overlap);
}

TEST_CASE("containment", "[period][contains]") {
    auto P = [](const char* t) { return crosscheck::parse_period(t); };
    CHECK(P("2025").contains(P("2025-Q2")));
    CHECK_FALSE(P("2025-Q2").contains(P("2025")));
    CHECK(P("2025-Q2").contains(P("2025-Q2")));
    CHECK(P("2025-Q2").contains(P("2025-04..2025-06")));  // same days, other precision
    CHECK(P("2025-H1").contains(P("2025-Q2")));
    CHECK_FALSE(P("2025-H1").contains(P("2025-Q3")));
    CHECK_FALSE(P("2025-H1").contains(P("2025-06..2025-07")));  // only partly inside
    CHECK(P("2025..").contains(P("2030")));
    CHECK_FALSE(P("2025..").contains(P("2024-12-31")));
    CHECK(P("..").contains(P("2025..")));
    CHECK(P("..").contains(P("..")));
    CHECK_FALSE(P("2025..").contains(P("..")));
    CHECK(P("2025-04").contains(day(2025, 4, 1)));
    CHECK(P("2025-04").contains(day(2025, 4, 30)));
    CHECK_FALSE(P("2025-04").contains(day(2025, 5, 1)));
    CHECK_FALSE(P("2025-04").contains(day(2025, 3, 31)));
}

TEST_CASE("intersection", "[period][intersect]") {
    auto P = [](const char* t) { return crosscheck::parse_period(t); };
    SECTION("partial") {
        auto i = P("2025-Q2").intersect(P("2025-05..2025-12"));
        REQUIRE(i.ok());
        CHECK(i.first() == day(2025, 5, 1));
        CHECK(i.last() == day(2025, 6, 30));
        CHECK(i.first_precision() == precision::month);   // the later start's
        CHECK(i.last_precision() == precision::quarter);  // the earlier end's
    }
    SECTION("with an open period") {
        auto i = P("2025-04..").intersect(P("..2025-04-10"));
        REQUIRE(i.ok());
        CHECK(i.first() == day(2025, 4, 1));
        CHECK(i.last() == day(2025, 4, 10));
        CHECK(P("..").intersect(P("2025-Q3")) == P("2025-Q3"));
        CHECK(P("2025-Q3").intersect(P("..")) == P("2025-Q3"));
    }
    SECTION("one shared day") {
        auto i = P("2025-01..2025-04-01").intersect(P("2025-04-01..2025-06"));
        REQUIRE(i.ok());
        CHECK(i.first() == day(2025, 4, 1));
        CHECK(i.last() == day(2025, 4, 1));
    }
    SECTION("disjoint periods intersect to an empty period") {
        CHECK_FALSE(P("2025-04").intersect(P("2025-05")).ok());
        CHECK_FALSE(P("2025..").intersect(P("..2024")).ok());
    }
}

TEST_CASE("periods are ordered like a timeline", "[period][order]") {
    auto P = [](const char* t) { return crosscheck::parse_period(t); };
    CHECK(P("2025-Q1") < P("2025-Q2"));
    CHECK_FALSE(P("2025-Q2") < P("2025-Q1"));
    CHECK(P("..2020") < P("2019"));      // open start comes first
    CHECK(P("2025-01") < P("2025-Q1"));  // same first day: shorter first
    CHECK_FALSE(P("2025-Q1") < P("2025-Q1"));
    std::vector<period> v{P("2025"),    P("2025-04"), P("2025-H1"),   P("..2030"),    P("2024-12-31"),
                          P("2025-Q1"), P("2025-01"), P("2025-04.."), P("2025-04-30")};
    std::sort(v.begin(), v.end());
    std::vector<std::string> got;
    for (const auto& p : v) got.push_back(crosscheck::to_string(p));
    CHECK(got == std::vector<std::string>{"..2030", "2024-12-31", "2025-01", "2025-Q1", "2025-H1", "2025", "2025-04",
                                          "2025-04..", "2025-04-30"});
}

TEST_CASE("default period is all time", "[period]") {
    constexpr period p{};
    STATIC_REQUIRE(p.all_time());
    STATIC_REQUIRE(p.ok());
    CHECK(crosscheck::to_string(p) == "..");
    CHECK_FALSE(period(day(2025, 5, 1), day(2025, 4, 1)).ok());
}
