// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
// The parsers of the data-set converters in examples/datasets.
#include "../../../examples/datasets/book.hpp"
#include "../../../examples/datasets/flight.hpp"
#include "../../../examples/datasets/population.hpp"

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <string>
#include <vector>

namespace {

// 2011-12-01 00:00 in minutes since 1970-01-01.
constexpr long long dec1 = 15309LL * 1440;

std::vector<std::string> names(const char* s) {
    auto n = datasets::author_last_names(s);
    REQUIRE(n.has_value());
    return *n;
}

}  // namespace

TEST_CASE("ISBN-10 becomes ISBN-13", "[datasets]") {
    CHECK(datasets::isbn13("0201853949") == "9780201853940");
    CHECK(datasets::isbn13("0-201-85394-9") == "9780201853940");
    CHECK(datasets::isbn13("9780201853940") == "9780201853940");
    CHECK(datasets::isbn13("155860190X") == "9781558601901");  // check digit X
}

TEST_CASE("author strings become last names", "[datasets]") {
    using v = std::vector<std::string>;
    CHECK(names("Knuth, Donald E.") == v{"knuth"});
    CHECK(names("Donald Ervin Knuth") == v{"knuth"});
    CHECK(names("KNUTH") == v{"knuth"});
    CHECK(names("Russell, Stuart J.; Norvig, Peter") == v{"russell", "norvig"});
    CHECK(names("Kenneth L. Calvert, Michael J. Donahoo") == v{"calvert", "donahoo"});
    CHECK(names("Johnson, Michael K., Troan, Erik W.") == v{"johnson", "troan"});
    CHECK(names("Curland, Matthew J. (Author) Storage, Bill (Joint Author)") == v{"curland", "storage"});
    CHECK(names("By (author) Calvert, Kenneth L. By (author) Donahoo, Michael J.") == v{"calvert", "donahoo"});
    CHECK(names("Bernstein, Philip A./ Newcomer, Eric") == v{"bernstein", "newcomer"});
    CHECK(names("Nick Rozanski, E&oacute;in Woods") == v{"rozanski", "woods"});
    CHECK(names("o'leary, timothy j.;  o'leary, linda i.;  ") == v{"oleary"});
    CHECK_FALSE(datasets::author_last_names("Not Available").has_value());
    CHECK_FALSE(datasets::author_last_names("").has_value());
    CHECK(datasets::join_names({"norvig", "russell"}) == datasets::join_names({"russell", "norvig"}));
}

TEST_CASE("author list similarity: a truncated list partly supports the full one", "[datasets]") {
    const datasets::author_list_similarity sim;
    const auto full = crosscheck::candidate_value::token("haag; perry");
    const auto first = crosscheck::candidate_value::token("haag");
    CHECK(sim(full, first) == Approx(0.5));  // a vote for "haag" partly supports "haag; perry"
    CHECK(sim(first, full) == 0.0);          // a vote for the full list says "haag" alone is incomplete
    CHECK(sim(full, full) == 1.0);
}

TEST_CASE("flight time texts in the sources' formats", "[datasets]") {
    struct row {
        const char* text;
        long long minutes;
        int offset;  // 1 = none
    };
    const row rows[] = {
        {"12/01/2011 01:55 PM", dec1 + 13 * 60 + 55, 1},
        {"12/1/2011 2:07PM EST", dec1 + 14 * 60 + 7, -300},
        {"12/1/11 12:18 PM (-06:00)", dec1 + 12 * 60 + 18, -360},
        {"2:07 PMDec 01", dec1 + 14 * 60 + 7, 1},
        {"12:10 PM, Dec 01", dec1 + 12 * 60 + 10, 1},
        {"1:55pDec 1", dec1 + 13 * 60 + 55, 1},
        {"Dec 01 - 1:55pm", dec1 + 13 * 60 + 55, 1},
        {"12:10 PM  Thu 01-Dec-2011", dec1 + 12 * 60 + 10, 1},
        {"Thu., Dec.01, 2011 1:55 p.m.", dec1 + 13 * 60 + 55, 1},
        {"Thu, Dec 1 6:20 PM", dec1 + 18 * 60 + 20, 1},
        {"2011-12-01 12:10PM CST", dec1 + 12 * 60 + 10, -360},
        {"2011-12-01 6:20 PM (Estimated)", dec1 + 18 * 60 + 20, 1},
        {"2011-12-01 21:55 ", dec1 + 21 * 60 + 55, 1},
        {"2011-12-01 Thu  07:45", dec1 + 7 * 60 + 45, 1},
        {"2:20P 12-01-11", dec1 + 14 * 60 + 20, 1},
        {"2011-12-01  1:44P", dec1 + 13 * 60 + 44, 1},
        {"12:05 AM, Dec 01", dec1 + 5, 1},
        {"11:54 PM, Dec 01&nbsp(Estimated)", dec1 + 23 * 60 + 54, 1},
        {"Dec 01 - 11:53pm*", dec1 + 23 * 60 + 53, 1},
        {"Thu, Dec 1 7:00 PM            On Time", dec1 + 19 * 60, 1},
        {"Dec 01 - 12:00noon", dec1 + 12 * 60, 1},
        {"Dec 01 - 12:00midnight", dec1, 1},
    };
    for (const auto& r : rows) {
        INFO(r.text);
        const auto t = datasets::parse_flight_time(r.text, 2011);
        REQUIRE(t.has_value());
        CHECK(t->minutes == r.minutes);
        if (r.offset == 1) CHECK_FALSE(t->offset.has_value());
        else CHECK(t->offset == r.offset);
    }
    CHECK_FALSE(datasets::parse_flight_time("Not Available", 2011).has_value());
    CHECK_FALSE(datasets::parse_flight_time("2011-12-01 Cancelled", 2011).has_value());
}

TEST_CASE("flight times compare by time of day within 10 minutes", "[datasets]") {
    const datasets::time_of_day_tolerance tol{10};
    CHECK(tol(datasets::time_value(dec1 + 23 * 60 + 55), datasets::time_value(dec1 + 1440 + 3)) == 1.0);
    CHECK(tol(datasets::time_value(dec1 + 600), datasets::time_value(dec1 + 611)) == 0.0);
    CHECK(datasets::time_value(dec1 + 14 * 60 + 7).text == "14:07");
}

TEST_CASE("gates", "[datasets]") {
    CHECK(datasets::normalise_gate(" C20 ") == std::optional<std::string>("C20"));
    CHECK(datasets::normalise_gate("C20/C") == std::optional<std::string>("C20"));
    CHECK(datasets::normalise_gate("b84n") == std::optional<std::string>("B84N"));
    CHECK_FALSE(datasets::normalise_gate("-").has_value());
    // A terminal before the gate is dropped; a terminal alone is no gate.
    CHECK(datasets::normalise_gate("Term C - C12") == std::optional<std::string>("C12"));
    CHECK(datasets::normalise_gate("Terminal 8 - 39") == std::optional<std::string>("39"));
    CHECK(datasets::normalise_gate("North Term - D9") == std::optional<std::string>("D9"));
    CHECK_FALSE(datasets::normalise_gate("Terminal 3").has_value());
    CHECK_FALSE(datasets::normalise_gate("Terminal N").has_value());
    // Words that say no gate is known.
    for (const char* none : {"Not provided by airline", "CHK", "HOLD", "TBA", "TBD", "--"}) {
        INFO(none);
        CHECK_FALSE(datasets::normalise_gate(none).has_value());
    }
    CHECK(datasets::normalise_gate("C-39") == std::optional<std::string>("C39"));
    CHECK(datasets::normalise_gate("13?") == std::optional<std::string>("13"));
}

TEST_CASE("population property names carry the year", "[datasets]") {
    CHECK(datasets::population_year("Population2006") == 2006);
    CHECK(datasets::population_year("Population/2006") == 2006);
    CHECK(datasets::population_year("Population007") == 0);
    CHECK(datasets::population_year("Population0010") == 0);
    CHECK(datasets::population_year("Area") == 0);
    CHECK(datasets::population_key("gary, indiana", "Population2000") == "gary, indiana|2000");
    CHECK(datasets::population_key("gary, indiana", "Population007") == "gary, indiana|Population007");
    CHECK(datasets::split_csv(R"x("st. louis, missouri","Population2005","352572","0 (1.2.3.4)")x") ==
          std::vector<std::string>{"st. louis, missouri", "Population2005", "352572", "0 (1.2.3.4)"});
}

TEST_CASE("population: an edit that keeps the figure repeats the edit that put it there", "[datasets]") {
    // A page's edits in order: an editor states the census figure, a vandal changes it, a bot
    // re-saves the page with the vandal's figure; another city's single edit stands alone.
    const char* claims =
        "\"ObjectID\",\"PropertyID\",\"PropertyValue\",\"SourceID\",\"TimeStamp\"\n"
        "\"a, b\",\"Population2000\",\"1000\",\"1: Editor\",\"null\"\n"
        "\"a, b\",\"Population2000\",\"9000\",\"0 (1.2.3.4)\",\"null\"\n"
        "\"c, d\",\"Population2000\",\"5\",\"1: Editor\",\"null\"\n"
        "\"a, b\",\"Population2000\",\"9000\",\"2: Bot\",\"null\"\n";
    const char* truth = "\"ObjectID\",\"PropertyID\",\"PropertyValue\"\n\"a, b\",\"Population2000\",\"1000\"\n";
    const auto d = datasets::parse_population(claims, truth, true);
    const auto& obs = d.ev.observations();
    REQUIRE(obs.size() == 4);
    CHECK_FALSE(obs[1].cites.has_value());  // a change is stated on its own
    REQUIRE(obs[3].cites.has_value());
    CHECK(*obs[3].cites == 1);  // the bot repeats the vandal, not the other city's row
    CHECK_FALSE(obs[2].cites.has_value());
    // One origin each: the tie goes to the figure that stood first.
    CHECK(crosscheck::majority(d.ev).find(d.ev, "a, b|2000")->chosen().text == "1000");

    const auto raw = datasets::parse_population(claims, truth, false);
    CHECK_FALSE(raw.ev.observations()[3].cites.has_value());
    CHECK(crosscheck::majority(raw.ev).find(raw.ev, "a, b|2000")->chosen().text == "9000");
    REQUIRE(raw.gold.size() == 1);
}
