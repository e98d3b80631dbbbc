// Tests for include/crosscheck/model/claim.hpp: the value kinds and how they compare (§3), the
// value_traits customization point (ADL hooks and specializations), type erasure, claim<T>.
#include <crosscheck/model/claim.hpp>

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <memory>
#include <sstream>
#include <string>
#include <type_traits>

// A user's value type that opts in through ADL hooks in its own namespace.
namespace user_ns {
struct rating {
    int stars = 0;
    friend bool operator==(const rating& a, const rating& b) { return a.stars == b.stars; }
};
// Ratings one star apart still agree (a reviewer's rounding); further apart they conflict.
inline crosscheck::agreement crosscheck_compare(const rating& a, const rating& b, const crosscheck::compare_options&) {
    const int d = a.stars > b.stars ? a.stars - b.stars : b.stars - a.stars;
    return d <= 1 ? crosscheck::agreement::agree : crosscheck::agreement::conflict;
}
inline std::string crosscheck_to_string(const rating& r) {
    return std::to_string(r.stars) + " stars";
}

// Has hooks but cannot be copied: not a claim value.
struct unique_thing {
    std::unique_ptr<int> p;
};
inline crosscheck::agreement crosscheck_compare(const unique_thing&, const unique_thing&,
                                                const crosscheck::compare_options&) {
    return crosscheck::agreement::agree;
}
inline std::string crosscheck_to_string(const unique_thing&) {
    return "unique";
}

// No hooks, no specialization.
struct plain {
    int x = 0;
};
}  // namespace user_ns

// A third-party type that cannot be changed: opts in through a value_traits specialization.
namespace third_party {
struct colour {
    std::string name;
    friend bool operator==(const colour& a, const colour& b) { return a.name == b.name; }
};
}  // namespace third_party

template <>
struct crosscheck::value_traits<third_party::colour> {
    static agreement compare(const third_party::colour& a, const third_party::colour& b, const compare_options&) {
        if (a.name == "unknown" || b.name == "unknown") return agreement::not_comparable;
        return a.name == b.name ? agreement::agree : agreement::conflict;
    }
    static std::string to_string(const third_party::colour& c) { return "colour " + c.name; }
};

using crosscheck::agreement;
using crosscheck::any_value;
using crosscheck::calendar_value;
using crosscheck::compare_options;
using crosscheck::custom_value;
using crosscheck::quantity;
using crosscheck::text_value;
using crosscheck::token;

namespace {
calendar_value cal(const char* text) {
    return calendar_value{crosscheck::parse_period(text)};
}
}  // namespace

TEST_CASE("modality", "[claim][modality]") {
    using crosscheck::modality;
    CHECK(std::string(crosscheck::to_string(modality::asserted)) == "asserted");
    CHECK(std::string(crosscheck::to_string(modality::reported)) == "reported");
    CHECK(std::string(crosscheck::to_string(modality::estimated)) == "estimated");
    CHECK(std::string(crosscheck::to_string(modality::planned)) == "planned");
    CHECK(crosscheck::try_parse_modality("asserted") == modality::asserted);
    CHECK(crosscheck::try_parse_modality("reported") == modality::reported);
    CHECK(crosscheck::try_parse_modality("estimated") == modality::estimated);
    CHECK(crosscheck::try_parse_modality("planned") == modality::planned);
    CHECK_FALSE(crosscheck::try_parse_modality("Planned").has_value());
    CHECK_FALSE(crosscheck::try_parse_modality("").has_value());
    // §3.4: planned only with planned; the others with each other.
    CHECK(crosscheck::compatible(modality::planned, modality::planned));
    CHECK_FALSE(crosscheck::compatible(modality::planned, modality::asserted));
    CHECK_FALSE(crosscheck::compatible(modality::reported, modality::planned));
    CHECK(crosscheck::compatible(modality::asserted, modality::estimated));
    CHECK(crosscheck::compatible(modality::reported, modality::asserted));
    CHECK(crosscheck::compatible(modality::estimated, modality::estimated));
}

TEST_CASE("tokens compare case-insensitively", "[claim][token]") {
    CHECK(token("Restricted") == token("restricted"));
    CHECK(token("RESTRICTED") == token("restricted"));
    CHECK(token("Ärger") == token("ärger"));
    CHECK(token("restricted") != token("banned"));
    CHECK(token("true") != token("false"));
    CHECK(token(std::string("x")) == token("X"));
    CHECK(token{}.text.empty());
    std::ostringstream os;
    os << token("Banned");
    CHECK(os.str() == "Banned");

    using T = crosscheck::value_traits<token>;
    CHECK(T::compare(token("Banned"), token("banned"), {}) == agreement::agree);
    CHECK(T::compare(token("banned"), token("allowed"), {}) == agreement::conflict);
    CHECK(T::to_string(token("Banned")) == "Banned");
}

TEST_CASE("value_traits<quantity>", "[claim][quantity]") {
    using T = crosscheck::value_traits<quantity>;
    const compare_options def{};
    CHECK(T::compare(quantity(5, "m"), quantity(5, "m"), def) == agreement::agree);
    CHECK(T::compare(quantity(5, "m"), quantity(6, "m"), def) == agreement::conflict);
    CHECK(T::compare(quantity(5), quantity(5.4, crosscheck::approx::about), def) == agreement::agree);
    CHECK(T::compare(quantity(5), quantity(6, crosscheck::approx::at_least), def) == agreement::conflict);
    CHECK(T::compare(quantity(7), quantity(6, crosscheck::approx::at_least), def) == agreement::agree);
    CHECK(T::compare(quantity(5, "m"), quantity(5, "km"), def) == agreement::not_comparable);
    CHECK(T::compare(quantity(5, "m"), quantity(5), def) == agreement::not_comparable);
    SECTION("about width from the options") {
        // about 120 is [108, 132] by default, [90, 150] at 25%.
        CHECK(T::compare(quantity(100), quantity(120, crosscheck::approx::about), def) == agreement::conflict);
        compare_options wide;
        wide.about_width = 0.25;
        CHECK(T::compare(quantity(100), quantity(120, crosscheck::approx::about), wide) == agreement::agree);
    }
    SECTION("relative tolerance from the options") {
        CHECK(T::compare(quantity(1), quantity(1.01), def) == agreement::conflict);
        CHECK(T::compare(quantity(1), quantity(1 + 1e-12), def) == agreement::agree);
        compare_options loose;
        loose.rel_tolerance = 0.02;
        CHECK(T::compare(quantity(1), quantity(1.01), loose) == agreement::agree);
    }
    CHECK(T::to_string(quantity(36000, crosscheck::approx::about, "B200")) == "about 36000 B200");
}

TEST_CASE("value_traits<calendar_value>", "[claim][calendar]") {
    using T = crosscheck::value_traits<calendar_value>;
    CHECK(T::compare(cal("2025"), cal("2025-04"), {}) == agreement::agree);
    CHECK(T::compare(cal("2025-04"), cal("2025-05"), {}) == agreement::conflict);
    CHECK(T::compare(cal("2025-04-30"), cal("2025-04"), {}) == agreement::agree);
    CHECK(T::compare(cal("2025-Q1"), cal("2025-04-01"), {}) == agreement::conflict);
    CHECK(T::to_string(cal("1953-05")) == "1953-05");
    CHECK(cal("2025-04") == cal("2025-04"));
    CHECK(cal("2025-04") != cal("2025-04-01..2025-04-30"));  // precision is part of the value
    std::ostringstream os;
    os << cal("2025-Q2");
    CHECK(os.str() == "2025-Q2");
}

TEST_CASE("value_traits<text_value>: never compared", "[claim][text]") {
    using T = crosscheck::value_traits<text_value>;
    CHECK(T::compare(text_value{"same"}, text_value{"same"}, {}) == agreement::not_comparable);
    CHECK(T::compare(text_value{"a"}, text_value{"b"}, {}) == agreement::not_comparable);
    CHECK(T::to_string(text_value{"free text"}) == "free text");
    CHECK(text_value{"a"} == text_value{"a"});
    CHECK(text_value{"a"} != text_value{"A"});  // kept exactly
    std::ostringstream os;
    os << text_value{"hi"};
    CHECK(os.str() == "\"hi\"");
}

TEST_CASE("a user type with ADL hooks", "[claim][custom]") {
    STATIC_REQUIRE(crosscheck::is_claim_value_v<user_ns::rating>);
    CHECK(crosscheck::compare_values(user_ns::rating{3}, user_ns::rating{4}) == agreement::agree);
    CHECK(crosscheck::compare_values(user_ns::rating{1}, user_ns::rating{4}) == agreement::conflict);
    CHECK(crosscheck::value_traits<user_ns::rating>::to_string(user_ns::rating{5}) == "5 stars");
}

TEST_CASE("a third-party type with a value_traits specialization", "[claim][custom]") {
    STATIC_REQUIRE(crosscheck::is_claim_value_v<third_party::colour>);
    CHECK(crosscheck::compare_values(third_party::colour{"red"}, third_party::colour{"red"}) == agreement::agree);
    CHECK(crosscheck::compare_values(third_party::colour{"red"}, third_party::colour{"blue"}) == agreement::conflict);
    CHECK(crosscheck::compare_values(third_party::colour{"red"}, third_party::colour{"unknown"}) ==
          agreement::not_comparable);
}

TEST_CASE("types without value_traits are not claim values", "[claim][custom][regression]") {
    // Regression: the primary value_traits used to declare compare/to_string for every T, so
    // has_value_traits_v was true for ANY T and only the function bodies failed later.
    CHECK_FALSE(crosscheck::is_claim_value_v<user_ns::plain>);
    CHECK_FALSE(crosscheck::is_claim_value_v<int>);
    CHECK_FALSE(crosscheck::is_claim_value_v<std::string>);
}

TEST_CASE("non-copyable types are not claim values", "[claim][custom]") {
    CHECK_FALSE(crosscheck::is_claim_value_v<user_ns::unique_thing>);
}

TEST_CASE("custom_value erases the type", "[claim][custom]") {
    custom_value r3{user_ns::rating{3}}, r4{user_ns::rating{4}}, r1{user_ns::rating{1}};
    custom_value red{third_party::colour{"red"}}, blue{third_party::colour{"blue"}};
    const compare_options o{};
    CHECK(r3.compare(r4, o) == agreement::agree);
    CHECK(r3.compare(r1, o) == agreement::conflict);
    CHECK(red.compare(blue, o) == agreement::conflict);
    CHECK(red.compare(red, o) == agreement::agree);
    // Different held types are never comparable, in either order.
    CHECK(r3.compare(red, o) == agreement::not_comparable);
    CHECK(red.compare(r3, o) == agreement::not_comparable);
    CHECK(r3.to_string() == "3 stars");
    CHECK(red.to_string() == "colour red");
    REQUIRE(r3.get_if<user_ns::rating>() != nullptr);
    CHECK(r3.get_if<user_ns::rating>()->stars == 3);
    CHECK(r3.get_if<third_party::colour>() == nullptr);
    CHECK(red.get_if<third_party::colour>()->name == "red");
    // Equality: agree and same text.
    CHECK(r3 == custom_value{user_ns::rating{3}});
    CHECK(r3 != r4);  // agree, but print differently
    CHECK(r3 != red);
    // Copies share the value and compare equal.
    custom_value copy = r3;
    CHECK(copy == r3);
    CHECK(copy.get_if<user_ns::rating>()->stars == 3);
    using T = crosscheck::value_traits<custom_value>;
    CHECK(T::compare(r3, r1, o) == agreement::conflict);
    CHECK(T::compare(r3, blue, o) == agreement::not_comparable);
    CHECK(T::to_string(blue) == "colour blue");
}

TEST_CASE("any_value", "[claim][any]") {
    const any_value t = token("Banned"), t2 = token("BANNED"), t3 = token("allowed");
    const any_value q = quantity(5, "m"), q2 = quantity(9, "m");
    const any_value c = cal("2025-04"), c2 = cal("2025");
    const any_value x = text_value{"note"};
    const any_value u = custom_value{user_ns::rating{2}}, u2 = custom_value{user_ns::rating{5}};
    SECTION("kinds") {
        CHECK(crosscheck::kind_of(t) == crosscheck::value_kind::token);
        CHECK(crosscheck::kind_of(q) == crosscheck::value_kind::quantity);
        CHECK(crosscheck::kind_of(c) == crosscheck::value_kind::calendar);
        CHECK(crosscheck::kind_of(x) == crosscheck::value_kind::text);
        CHECK(crosscheck::kind_of(u) == crosscheck::value_kind::custom);
        CHECK(crosscheck::kind_of(any_value{}) == crosscheck::value_kind::token);
        CHECK(std::string(crosscheck::to_string(crosscheck::value_kind::token)) == "token");
        CHECK(std::string(crosscheck::to_string(crosscheck::value_kind::quantity)) == "quantity");
        CHECK(std::string(crosscheck::to_string(crosscheck::value_kind::calendar)) == "calendar");
        CHECK(std::string(crosscheck::to_string(crosscheck::value_kind::text)) == "text");
        CHECK(std::string(crosscheck::to_string(crosscheck::value_kind::custom)) == "custom");
    }
    SECTION("same kind compares by that kind's rules") {
        CHECK(crosscheck::compare_values(t, t2) == agreement::agree);
        CHECK(crosscheck::compare_values(t, t3) == agreement::conflict);
        CHECK(crosscheck::compare_values(q, q2) == agreement::conflict);
        CHECK(crosscheck::compare_values(c, c2) == agreement::agree);
        CHECK(crosscheck::compare_values(x, x) == agreement::not_comparable);
        CHECK(crosscheck::compare_values(u, u2) == agreement::conflict);
        CHECK(crosscheck::compare_values(u, u) == agreement::agree);
        compare_options loose;
        loose.rel_tolerance = 1.0;
        CHECK(crosscheck::compare_values(q, q2, loose) == agreement::agree);
    }
    SECTION("different kinds are never comparable") {
        const any_value all[] = {t, q, c, x, u};
        for (std::size_t i = 0; i < 5; ++i)
            for (std::size_t j = 0; j < 5; ++j)
                if (i != j) {
                    CAPTURE(i, j);
                    CHECK(crosscheck::compare_values(all[i], all[j]) == agreement::not_comparable);
                    CHECK(crosscheck::value_traits<any_value>::compare(all[i], all[j], {}) ==
                          agreement::not_comparable);
                }
        // A token "5" and the number 5 are different kinds.
        CHECK(crosscheck::compare_values(any_value{token("5")}, any_value{quantity(5)}) == agreement::not_comparable);
    }
    SECTION("text") {
        CHECK(crosscheck::to_string(t) == "Banned");
        CHECK(crosscheck::to_string(q) == "5 m");
        CHECK(crosscheck::to_string(c) == "2025-04");
        CHECK(crosscheck::to_string(x) == "note");
        CHECK(crosscheck::to_string(u) == "2 stars");
        CHECK(crosscheck::value_traits<any_value>::to_string(q2) == "9 m");
    }
}

TEST_CASE("validity", "[claim][validity]") {
    using crosscheck::validity;
    const auto apr = crosscheck::parse_date("2025-04"), q3 = crosscheck::parse_date("2025-Q3");
    validity none;
    CHECK(none.how == validity::form::none);
    CHECK_FALSE(none.has_from());
    CHECK_FALSE(none.has_to());
    validity one{apr};
    CHECK(one.how == validity::form::date);
    CHECK(one.span == apr);
    CHECK(one.has_from());
    CHECK(one.has_to());
    auto both = validity::range(apr, q3);
    CHECK(both.how == validity::form::range);
    CHECK(both.span == crosscheck::parse_period("2025-04..2025-Q3"));
    auto from = validity::range(apr, std::nullopt);
    CHECK(from.has_from());
    CHECK_FALSE(from.has_to());
    CHECK(from.span == crosscheck::parse_period("2025-04.."));
    auto to = validity::range(std::nullopt, q3);
    CHECK_FALSE(to.has_from());
    CHECK(to.has_to());
    CHECK(to.span == crosscheck::parse_period("..2025-Q3"));
    auto neither = validity::range(std::nullopt, std::nullopt);
    CHECK(neither.how == validity::form::range);
    CHECK(neither.span.all_time());
    CHECK(neither != none);  // written as {} versus absent
    CHECK(one != validity::range(apr, apr));
    CHECK(both == validity::range(apr, q3));
}

TEST_CASE("claim<T> equality and printing", "[claim]") {
    crosscheck::claim<token> a;
    a.id = "c1";
    a.source = "ft";
    a.subject = "bytedance";
    a.predicate = "h20_status";
    a.value = token("restricted");
    a.scope = {{"jurisdiction", "china"}};
    a.valid = crosscheck::validity(crosscheck::parse_date("2025-04"));
    a.quote = "…";
    a.lang = "en";
    a.cites = {"reuters"};
    const auto b = a;
    CHECK(a == b);
    SECTION("every field takes part in ==") {
        auto c = a;
        auto field = GENERATE(range(0, 12));
        CAPTURE(field);
        switch (field) {
            case 0: c.id = "c2"; break;
            case 1: c.source = "FT"; break;  // source ids are exact
            case 2: c.subject = "alibaba"; break;
            case 3: c.predicate = "status"; break;
            case 4: c.value = token("allowed"); break;
            case 5: c.scope = {}; break;
            case 6: c.valid = {}; break;
            case 7: c.mode = crosscheck::modality::planned; break;
            case 8: c.quote = ""; break;
            case 9: c.lang = "de"; break;
            case 10: c.cites = {}; break;
            case 11: c.scope["market"] = "eu"; break;
        }
        CHECK(c != a);
        CHECK_FALSE(c == a);
    }
    SECTION("a token value differing only in case is the same value") {
        auto c = a;
        c.value = token("RESTRICTED");
        CHECK(c == a);
    }
    SECTION("operator<<") {
        std::ostringstream os;
        os << a;
        CHECK(os.str() == "c1: bytedance.h20_status[jurisdiction=china] = restricted @2025-04 (ft)");
        crosscheck::claim<quantity> q;
        q.source = "cb";
        q.subject = "x";
        q.predicate = "gpus";
        q.value = quantity(36000, crosscheck::approx::about, "B200");
        q.scope = {{"b", "2"}, {"a", "1"}};
        q.valid = crosscheck::validity::range(crosscheck::parse_date("2025-04"), std::nullopt);
        std::ostringstream os2;
        os2 << q;
        CHECK(os2.str() == "?: x.gpus[a=1][b=2] = about 36000 B200 @2025-04.. (cb)");
        crosscheck::claim<user_ns::rating> r;
        r.id = "r";
        r.source = "s";
        r.subject = "film";
        r.predicate = "rating";
        r.value = user_ns::rating{4};
        std::ostringstream os3;
        os3 << r;
        CHECK(os3.str() == "r: film.rating = 4 stars (s)");
    }
}

TEST_CASE("claim<any_value> and user value types", "[claim]") {
    crosscheck::claim<any_value> a;
    a.value = quantity(5, "m");
    auto b = a;
    CHECK(a == b);
    b.value = quantity(5, "km");
    CHECK(a != b);
    b.value = token("5");
    CHECK(a != b);
    crosscheck::claim<user_ns::rating> r1, r2;
    r1.value = user_ns::rating{3};
    r2.value = user_ns::rating{3};
    CHECK(r1 == r2);
    r2.value = user_ns::rating{4};
    CHECK(r1 != r2);
    crosscheck::claim<third_party::colour> c1;
    c1.value = third_party::colour{"red"};
    CHECK(c1 == c1);
}
