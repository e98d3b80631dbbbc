// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#include <crosscheck/corpus/builder.hpp>
#include <crosscheck/corpus/value_identity.hpp>

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <unordered_set>
#include <vector>

using namespace crosscheck;

namespace {

// The claims of one key, each stating a value, and the identity of each (by claim id).
struct fixture {
    corpus c;
    value_identity of(std::string_view id, const compare_options& o = {}) const {
        for (const claim_index i : c.claim_indices())
            if (c.claim_id(i) == id) return value_identity_of(c, i, o);
        FAIL("no claim " << id);
        return {};
    }
};

fixture values() {
    corpus_builder b;
    b.source("s");
    b.unit("km", "m", 1000);
    b.unit("cm", "m", 0.01);
    b.unit("t", "kg", 1000);
    b.claim("s", "x", "p").id("tok-open").is("Open");
    b.claim("s", "x", "p").id("tok-OPEN").is("OPEN");
    b.claim("s", "x", "p").id("tok-oe").is("Ölwechsel");
    b.claim("s", "x", "p").id("tok-OE").is("ÖLWECHSEL");
    b.claim("s", "x", "p").id("tok-closed").is("closed");
    b.claim("s", "x", "p").id("km").is(1, "km");
    b.claim("s", "x", "p").id("m").is(1000, "m");
    b.claim("s", "x", "p").id("cm").is(100000, "cm");
    b.claim("s", "x", "p").id("kg").is(1000, "kg");
    b.claim("s", "x", "p").id("t").is(1, "t");
    b.claim("s", "x", "p").id("plain").is(1000);
    b.claim("s", "x", "p").id("about").about(100, "m");
    b.claim("s", "x", "p").id("bounds").between(90.0, 110.0, "m");
    b.claim("s", "x", "p").id("about-half").about(50, "m");
    b.claim("s", "x", "p").id("bounds-half").between(25.0, 75.0, "m");
    b.claim("s", "x", "p").id("over").over(5, "m");
    b.claim("s", "x", "p").id("at-least").between(5.0, std::nullopt, "m");
    b.claim("s", "x", "p").id("zero").is(0, "m");
    b.claim("s", "x", "p").id("minus-zero").is(-0.0, "m");
    b.claim("s", "x", "p").id("year").on("2025");
    b.claim("s", "x", "p").id("days").value(calendar_value{period{parse_date("2025-01-01").first(),
                                                                   parse_date("2025-12-31").last()}});
    b.claim("s", "x", "p").id("month").on("2025-07");
    b.claim("s", "x", "p").id("text-a").text("the same words");
    b.claim("s", "x", "p").id("text-b").text("the same words");
    b.claim("s", "x", "p").id("text-c").text("other words");
    return {b.build()};
}

}  // namespace

TEST_CASE("value identity: the same value however it is written", "[corpus][identity]") {
    const auto f = values();
    CHECK(f.of("tok-open") == f.of("tok-OPEN"));  // tokens after case folding
    CHECK(f.of("tok-oe") == f.of("tok-OE"));      // simple Unicode folding, not ASCII only
    CHECK(f.of("tok-open") != f.of("tok-closed"));
    CHECK(f.of("km") == f.of("m"));  // units of one base
    CHECK(f.of("cm") == f.of("m"));
    CHECK(f.of("kg") == f.of("t"));
    compare_options half;
    half.about_width = 0.5;
    CHECK(f.of("about-half", half) == f.of("bounds-half", half));  // about 50 is [25, 75] (exact in binary)
    CHECK(f.of("over") == f.of("at-least"));
    CHECK(f.of("zero") == f.of("minus-zero"));
    CHECK(f.of("year") == f.of("days"));  // the same days, whatever the precision
    const auto km = f.of("km");
    CHECK(km.kind == value_kind::quantity);
    CHECK(km.lo == 1000);
    CHECK(km.hi == 1000);
    CHECK(km.base == f.c.unit_base(*f.c.unit_names().find("m")).first);
    CHECK(f.of("about").lo == Approx(90));
    CHECK(f.of("about").hi == Approx(110));
}

TEST_CASE("value identity: different values are different", "[corpus][identity]") {
    const auto f = values();
    CHECK(f.of("m") != f.of("kg"));     // 1000 m and 1000 kg: the same figure, other bases
    CHECK(f.of("m") != f.of("plain"));  // a figure without a unit is its own base
    CHECK(f.of("year") != f.of("month"));
    CHECK(f.of("tok-open") != f.of("text-a"));
    // The settings decide what `about` means.
    compare_options wide;
    wide.about_width = 0.2;
    CHECK(f.of("about", wide) != f.of("bounds", wide));
    CHECK(f.of("about", wide).lo == Approx(80));
    compare_options loose;
    loose.rel_tolerance = 0.5;  // widens when comparing, not the value
    CHECK(f.of("about", loose) == f.of("about"));
    // Texts: value_identity_of names the claim; same_text_claims makes equal texts one value.
    CHECK(f.of("text-a") != f.of("text-b"));
    same_text_claims same_text;
    const auto a = same_text(f.c, f.of("text-a"));
    const auto b = same_text(f.c, f.of("text-b"));
    const auto other = same_text(f.c, f.of("text-c"));
    CHECK(a == b);
    CHECK(a != other);
    CHECK(same_text(f.c, f.of("km")) == f.of("km"));  // other values pass unchanged
}

TEST_CASE("value identity: equal ends, not equal bits mixed with the unit", "[corpus][identity]") {
    // The old keys mixed the base unit's id into an end's bits: two values whose bits and unit
    // ids cancel out were one key. The identity compares each field.
    value_identity x, y;
    x.kind = y.kind = value_kind::quantity;
    x.base = crosscheck::unit_base_id{1};
    y.base = crosscheck::unit_base_id{2};
    x.lo = 1.0;
    std::uint64_t bits;
    std::memcpy(&bits, &x.lo, sizeof bits);
    bits ^= (std::uint64_t{1} ^ std::uint64_t{2}) << 1;
    std::memcpy(&y.lo, &bits, sizeof bits);
    x.hi = y.hi = 2.0;
    CHECK(x != y);
    y.base = crosscheck::unit_base_id{1};
    CHECK(x != y);  // different lower ends
    y.lo = x.lo;
    CHECK(x == y);
    CHECK(value_identity_hash{}(x) == value_identity_hash{}(y));
    // -0 and 0 hash alike, and a NaN end equals itself (sorting stays well defined).
    y.lo = -0.0;
    x.lo = 0.0;
    CHECK(x == y);
    CHECK(value_identity_hash{}(x) == value_identity_hash{}(y));
    x.lo = y.lo = std::numeric_limits<double>::quiet_NaN();
    CHECK(x == y);
    CHECK_FALSE(x < y);
    std::unordered_set<value_identity, value_identity_hash> set{x, y};
    CHECK(set.size() == 1);
}
