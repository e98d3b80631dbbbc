// Tests for include/crosscheck/model/quantity.hpp: the intervals of §3, disjointness with a relative
// tolerance, the `approx` field, and the unit registry.
#include <crosscheck/model/quantity.hpp>

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <sstream>
#include <string>

namespace {

using crosscheck::approx;
using crosscheck::interval;
using crosscheck::quantity;

constexpr double inf = std::numeric_limits<double>::infinity();
const double nan_v = std::numeric_limits<double>::quiet_NaN();

std::string model_what(crosscheck::unit_registry& r, const std::string& u, const std::string& b, double f) {
    try {
        r.add(u, b, f);
    } catch (const crosscheck::model_error& e) {
        return e.what();
    }
    return "<no exception>";
}

}  // namespace

TEST_CASE("intervals of exact, about, over and under", "[quantity][interval]") {
    SECTION("exact") {
        auto i = quantity(5).to_interval();
        CHECK(i.lo == 5.0);
        CHECK(i.hi == 5.0);
        CHECK(quantity(-3.5).to_interval() == interval{-3.5, -3.5});
        CHECK(quantity(0).to_interval() == interval{0, 0});
    }
    SECTION("about, default width 10%") {
        auto i = quantity(100, approx::about).to_interval();
        CHECK(i.lo == Approx(90.0).epsilon(1e-12));
        CHECK(i.hi == Approx(110.0).epsilon(1e-12));
        auto k = quantity(36000, approx::about, "B200").to_interval();
        CHECK(k.lo == Approx(32400.0).epsilon(1e-12));
        CHECK(k.hi == Approx(39600.0).epsilon(1e-12));
    }
    SECTION("about, configured width") {
        auto i = quantity(200, approx::about).to_interval(0.25);
        CHECK(i.lo == Approx(150.0).epsilon(1e-12));
        CHECK(i.hi == Approx(250.0).epsilon(1e-12));
        auto z = quantity(200, approx::about).to_interval(0.0);
        CHECK(z.lo == 200.0);
        CHECK(z.hi == 200.0);
    }
    SECTION("about a negative amount keeps lo <= hi") {
        auto i = quantity(-10, approx::about).to_interval();
        CHECK(i.lo == Approx(-11.0).epsilon(1e-12));
        CHECK(i.hi == Approx(-9.0).epsilon(1e-12));
        CHECK(i.ok());
    }
    SECTION("about zero") {
        CHECK(quantity(0, approx::about).to_interval() == interval{0, 0});
    }
    SECTION("over = at_least, under = at_most") {
        CHECK(quantity(5, approx::at_least).to_interval() == interval{5, inf});
        CHECK(quantity(5, approx::at_most).to_interval() == interval{-inf, 5});
        CHECK(quantity(-2, approx::at_least).to_interval(0.5) == interval{-2, inf});  // width is for about only
    }
    SECTION("explicit bounds") {
        CHECK(quantity::bounds(1, 3).to_interval() == interval{1, 3});
        CHECK(quantity::bounds(1, std::nullopt).to_interval() == interval{1, inf});
        CHECK(quantity::bounds(std::nullopt, 3).to_interval() == interval{-inf, 3});
        CHECK(quantity::bounds(-7, -7, "m").to_interval() == interval{-7, -7});
    }
    SECTION("explicit bounds win over an amount and hedge") {
        auto q = quantity::bounds(8844.22, 8844.64, "m");
        q.amount = 8848.86;
        q.kind = approx::about;
        CHECK(q.to_interval() == interval{8844.22, 8844.64});
        auto one_sided = quantity::bounds(10, std::nullopt);
        one_sided.amount = 50;
        one_sided.kind = approx::at_most;
        CHECK(one_sided.to_interval() == interval{10, inf});
    }
}

TEST_CASE("quantity::ok", "[quantity]") {
    CHECK(quantity(5).ok());
    CHECK(quantity(-5, approx::about).ok());
    CHECK(quantity::bounds(1, 1).ok());
    CHECK(quantity::bounds(1, std::nullopt).ok());
    CHECK(quantity::bounds(std::nullopt, 1).ok());
    CHECK_FALSE(quantity{}.ok());  // neither amount nor bound
    CHECK_FALSE(quantity(nan_v).ok());
    CHECK_FALSE(quantity::bounds(nan_v, 1).ok());
    CHECK_FALSE(quantity::bounds(1, nan_v).ok());
    CHECK_FALSE(quantity::bounds(3, 1).ok());
    auto q = quantity::bounds(1, 3);
    q.amount = nan_v;
    CHECK_FALSE(q.ok());
    CHECK((interval{1, 2}.ok()));
    CHECK((interval{2, 2}.ok()));
    CHECK_FALSE((interval{3, 2}.ok()));
    CHECK_FALSE((interval{nan_v, 2}.ok()));
    CHECK(interval{}.ok());
}

TEST_CASE("disjoint allows a relative 1e-9", "[quantity][disjoint]") {
    struct row {
        interval a, b;
        bool disjoint;
    };
    auto r = GENERATE(values<row>({
        {{1, 2}, {2, 3}, false},                  // touching intervals agree
        {{1, 1}, {1 + 1e-12, 1 + 1e-12}, false},  // floating-point noise
        {{1, 1}, {1 + 1e-10, 1 + 1e-10}, false},
        {{1, 1}, {1 + 3e-9, 1 + 3e-9}, true},  // beyond 1e-9 on each side
        {{1, 1}, {1.01, 1.01}, true},
        {{-1, -1}, {-1.01, -1.01}, true},
        {{-1, -1}, {-1 - 1e-12, -1 - 1e-12}, false},
        {{1e12, 1e12}, {1e12 + 1, 1e12 + 1}, false},  // 1 in 1e12 is within 1e-9
        {{1e12, 1e12}, {1e12 + 10000, 1e12 + 10000}, true},
        {{-inf, 5}, {5, inf}, false},
        {{-inf, 4}, {5, inf}, true},
        {{-inf, inf}, {7, 7}, false},
        {{0, 0}, {0, 0}, false},
        {{0, 0}, {1e-12, 1e-12}, true},  // relative slack around zero is zero
        {{90, 110}, {110, 120}, false},
        {{90, 110}, {111, 120}, true},
    }));
    CAPTURE(r.a.lo, r.a.hi, r.b.lo, r.b.hi);
    CHECK(crosscheck::disjoint(r.a, r.b) == r.disjoint);
    CHECK(crosscheck::disjoint(r.b, r.a) == r.disjoint);
}

TEST_CASE("disjoint with a wider tolerance", "[quantity][disjoint]") {
    interval a{1, 1}, b{1.01, 1.01};
    CHECK(crosscheck::disjoint(a, b));
    CHECK(crosscheck::disjoint(a, b, 0.001));
    CHECK_FALSE(crosscheck::disjoint(a, b, 0.01));
    CHECK_FALSE(crosscheck::disjoint(a, b, 0.02));
    CHECK(crosscheck::disjoint(interval{100, 100}, interval{110, 110}, 0.04));
    CHECK_FALSE(crosscheck::disjoint(interval{100, 100}, interval{110, 110}, 0.05));
    auto w = crosscheck::widen({100, 200}, 0.1);
    CHECK(w.lo == Approx(90.0));
    CHECK(w.hi == Approx(220.0));
    auto wn = crosscheck::widen({-200, -100}, 0.1);
    CHECK(wn.lo == Approx(-220.0));
    CHECK(wn.hi == Approx(-90.0));
}

TEST_CASE("try_parse_approx", "[quantity][parse]") {
    CHECK(crosscheck::try_parse_approx("exact") == approx::exact);
    CHECK(crosscheck::try_parse_approx("about") == approx::about);
    CHECK(crosscheck::try_parse_approx("over") == approx::at_least);
    CHECK(crosscheck::try_parse_approx("at_least") == approx::at_least);
    CHECK(crosscheck::try_parse_approx("under") == approx::at_most);
    CHECK(crosscheck::try_parse_approx("at_most") == approx::at_most);
    auto bad = GENERATE(as<std::string>{}, "", "About", "approx", " about", "about ", "at-least", "over_", "less");
    CAPTURE(bad);
    CHECK_FALSE(crosscheck::try_parse_approx(bad).has_value());
}

TEST_CASE("approx names", "[quantity][format]") {
    CHECK(std::string(crosscheck::to_string(approx::exact)) == "exact");
    CHECK(std::string(crosscheck::to_string(approx::about)) == "about");
    CHECK(std::string(crosscheck::to_string(approx::at_least)) == "at_least");
    CHECK(std::string(crosscheck::to_string(approx::at_most)) == "at_most");
}

TEST_CASE("quantity text", "[quantity][format]") {
    CHECK(crosscheck::to_string(quantity(5)) == "5");
    CHECK(crosscheck::to_string(quantity(5, "m")) == "5 m");
    CHECK(crosscheck::to_string(quantity(36000, approx::about, "B200")) == "about 36000 B200");
    CHECK(crosscheck::to_string(quantity(2.5, approx::at_least, "bn_usd")) == "over 2.5 bn_usd");
    CHECK(crosscheck::to_string(quantity(3, approx::at_most)) == "under 3");
    CHECK(crosscheck::to_string(quantity(-10, approx::about)) == "about -10");
    CHECK(crosscheck::to_string(quantity::bounds(8844.22, 8844.64, "m")) == "8844.22-8844.64 m");
    CHECK(crosscheck::to_string(quantity::bounds(1, std::nullopt)) == "at least 1");
    CHECK(crosscheck::to_string(quantity::bounds(std::nullopt, 2, "kg")) == "at most 2 kg");
    CHECK(crosscheck::to_string(quantity(0.1)) == "0.1");
    CHECK(crosscheck::to_string(quantity(1234567.5)) == "1234567.5");
    CHECK(crosscheck::to_string(quantity(1e15)) == "1e+15");
    std::ostringstream os;
    os << quantity(7, approx::about, "t");
    CHECK(os.str() == "about 7 t");
}

TEST_CASE("quantity equality", "[quantity]") {
    CHECK(quantity(5, "m") == quantity(5, "m"));
    CHECK(quantity(5, "m") != quantity(5, "km"));
    CHECK(quantity(5, "m") != quantity(6, "m"));
    CHECK(quantity(5) != quantity(5, approx::about));
    CHECK(quantity::bounds(1, 2) == quantity::bounds(1, 2));
    CHECK(quantity::bounds(1, 2) != quantity::bounds(1, std::nullopt));
    CHECK(quantity(1) != quantity::bounds(1, 1));
}

TEST_CASE("unit_registry: direct units and chains", "[quantity][units]") {
    crosscheck::unit_registry r;
    CHECK(r.empty());
    r.add("km", "m", 1000);
    CHECK(r.size() == 1);
    CHECK(r.contains("km"));
    CHECK_FALSE(r.contains("m"));  // only declared units
    SECTION("direct") {
        CHECK(r.to_base("km") == std::pair<std::string, double>{"m", 1000.0});
        CHECK(r.to_base("m") == std::pair<std::string, double>{"m", 1.0});
        CHECK(r.factor("km", "m") == 1000.0);
        REQUIRE(r.factor("m", "km").has_value());
        CHECK(*r.factor("m", "km") == Approx(0.001));
        CHECK(r.factor("km", "km") == 1.0);
    }
    SECTION("chains") {
        r.add("m", "cm", 100);
        r.add("mile", "m", 1609.344);
        CHECK(r.to_base("km").first == "cm");
        CHECK(r.to_base("km").second == Approx(100000.0));
        CHECK(*r.factor("km", "cm") == Approx(100000.0));
        CHECK(*r.factor("cm", "km") == Approx(1e-5));
        CHECK(*r.factor("mile", "km") == Approx(1.609344));
        CHECK(*r.factor("km", "mile") == Approx(1 / 1.609344));
        CHECK(r.definitions().at("m") == std::pair<std::string, double>{"cm", 100.0});
        CHECK(r.size() == 3);
    }
    SECTION("no common base") {
        r.add("kg", "g", 1000);
        CHECK_FALSE(r.factor("kg", "m").has_value());
        CHECK_FALSE(r.factor("km", "g").has_value());
        CHECK_FALSE(r.factor("usd", "eur").has_value());  // undeclared units are their own base
        CHECK(r.factor("usd", "usd") == 1.0);
        CHECK_FALSE(r.factor("", "m").has_value());
    }
    SECTION("redefinition replaces") {
        r.add("km", "m", 999);
        CHECK(r.factor("km", "m") == 999.0);
        CHECK(r.size() == 1);
    }
}

TEST_CASE("unit_registry rejects cycles and leaves itself unchanged", "[quantity][units][error]") {
    crosscheck::unit_registry r;
    SECTION("a -> b, b -> a") {
        r.add("a", "b", 2);
        const auto before = r;
        CHECK(model_what(r, "b", "a", 0.5) == "[crosscheck.model_error.4] unit cycle: b -> a -> b");
        CHECK(r == before);
        CHECK_FALSE(r.contains("b"));
        CHECK(r.factor("a", "b") == 2.0);
    }
    SECTION("a -> b -> c -> a") {
        r.add("a", "b", 2);
        r.add("b", "c", 3);
        const auto before = r;
        CHECK(model_what(r, "c", "a", 4) == "[crosscheck.model_error.4] unit cycle: c -> a -> b -> c");
        CHECK(r == before);
        CHECK(r.size() == 2);
        CHECK(*r.factor("a", "c") == Approx(6.0));
    }
    SECTION("self-reference") {
        CHECK(model_what(r, "a", "a", 1) == "[crosscheck.model_error.4] unit 'a' is defined in terms of itself");
        CHECK(r.empty());
    }
    SECTION("a redefinition that would close a cycle keeps the old definition") {
        r.add("x", "y", 2);
        r.add("y", "z", 3);
        const auto before = r;
        CHECK_THROWS_AS(r.add("y", "x", 4), crosscheck::model_error);
        CHECK(r == before);
        CHECK(r.definitions().at("y") == std::pair<std::string, double>{"z", 3.0});
        CHECK(*r.factor("x", "z") == Approx(6.0));
    }
    SECTION("the error is a crosscheck::error with id 4") {
        r.add("a", "b", 2);
        try {
            r.add("b", "a", 2);
            FAIL("no exception");
        } catch (const crosscheck::error& e) {
            CHECK(e.id() == 4);
        }
    }
}

TEST_CASE("unit_registry rejects bad factors", "[quantity][units][error]") {
    const double bad = GENERATE(0.0, -0.0, -1.0, -1e-300, std::numeric_limits<double>::quiet_NaN(),
                                std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity());
    CAPTURE(bad);
    crosscheck::unit_registry r;
    r.add("km", "m", 1000);
    const auto before = r;
    CHECK(model_what(r, "x", "m", bad) ==
          "[crosscheck.model_error.3] unit 'x': factor must be a finite positive number");
    CHECK(model_what(r, "km", "m", bad) ==
          "[crosscheck.model_error.3] unit 'km': factor must be a finite positive number");
    CHECK(r == before);
    // The smallest positive factors are fine.
    r.add("tiny", "m", std::numeric_limits<double>::denorm_min());
    CHECK(r.contains("tiny"));
}

TEST_CASE("numbers print as %.12g prints them, whole ones included", "[quantity]") {
    // format_number prints whole numbers below 10^12 as integers; the general formatter is the
    // reference for every value, at and around the edges of that shortcut.
    auto general = [](double v) {
        char buf[64];
        auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 12);
        return std::string(buf, r.ptr);
    };
    for (double v :
         {0.0,      -0.0,           1.0, -1.0,  7.0,      121000.0, -87100.0, 999999999999.0,     1e12,   -1e12,
          1e12 + 1, 123456789012.0, 0.5, -0.25, 114950.5, 1e-7,     3e15,     9007199254740993.0, 2.5e11, 100.0,
          1e11}) {
        INFO(v);
        CHECK(crosscheck::detail::format_number(v) == general(v));
    }
}
