// Tests for include/crosscheck/corpus/views.hpp: each adaptor piped and called, composed pipelines,
// other ranges of claim_ref, and the empty corpus.
#include <crosscheck/corpus/builder.hpp>
#include <crosscheck/corpus/views.hpp>

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <range/v3/range/conversion.hpp>
#include <range/v3/view/transform.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

namespace {

namespace views = crosscheck::views;
using crosscheck::modality;
using crosscheck::value_kind;
using strings = std::vector<std::string>;

template <class Rng>
strings ids(Rng&& rng) {
    strings out;
    for (auto c : rng) out.emplace_back(c.id());
    return out;
}

// Seven claims; the ids say what each is.
crosscheck::corpus sample() {
    crosscheck::corpus_builder b;
    b.source("ft").published("2025-Q2");
    b.source("FT2");
    b.source("cb").cites("ft");
    b.entity("ByteDance", {"ByteDance Ltd", "字节跳动"});
    b.claim("ft", "ByteDance", "Status").id("ft-status").is("restricted").valid("2025-04");
    b.claim("cb", "字节跳动", "status").id("cb-status").is("banned").valid("2024");
    b.claim("cb", "BYTEDANCE LTD", "gpus").id("cb-gpus").about(36000, "B200").mode(modality::estimated);
    b.claim("ft", "alibaba", "STATUS").id("ft-ali").is("allowed").valid_from("2025-01");
    b.claim("FT2", "alibaba", "launch").id("ft2-plan").on("2026-Q1").planned();
    b.claim("ft", "Moore Threads", "note").id("ft-note").text("see filing").mode(modality::reported);
    b.claim("cb", "moore threads", "gpus").id("cb-mt").is(1000.0).valid_until("2023");
    return b.build();
}

}  // namespace

TEST_CASE("views::about matches the subject case-insensitively, after aliases", "[views]") {
    const auto c = sample();
    const strings bytedance{"ft-status", "cb-status", "cb-gpus"};
    CHECK(ids(c | views::about("bytedance")) == bytedance);
    CHECK(ids(c | views::about("BYTEDANCE")) == bytedance);
    CHECK(ids(views::about(c, "ByteDance")) == bytedance);
    CHECK(ids(c | views::about("Alibaba")) == strings{"ft-ali", "ft2-plan"});
    CHECK(ids(views::about(c, "MOORE THREADS")) == strings{"ft-note", "cb-mt"});
    CHECK(ids(c | views::about("tencent")).empty());
    // A claim written with an alias is found by that alias too.
    const auto by_alias = ids(c | views::about("字节跳动"));
    CHECK(std::find(by_alias.begin(), by_alias.end(), "cb-status") != by_alias.end());
}

TEST_CASE("views::about with an alias selects the whole entity", "[views][regression]") {
    // views.hpp: "an alias selects its entity". Regression: the query used to be compared as a
    // spelling, so an alias only found claims written with that same alias.
    const auto c = sample();
    const strings bytedance{"ft-status", "cb-status", "cb-gpus"};
    CHECK(ids(c | views::about("bytedance ltd")) == bytedance);
    CHECK(ids(c | views::about("字节跳动")) == bytedance);
}

TEST_CASE("views::with_predicate", "[views]") {
    const auto c = sample();
    CHECK(ids(c | views::with_predicate("status")) == strings{"ft-status", "cb-status", "ft-ali"});
    CHECK(ids(views::with_predicate(c, "STATUS")) == strings{"ft-status", "cb-status", "ft-ali"});
    CHECK(ids(c | views::with_predicate("Gpus")) == strings{"cb-gpus", "cb-mt"});
    CHECK(ids(c | views::with_predicate("stat")).empty());
}

TEST_CASE("views::from_source compares ids exactly", "[views]") {
    const auto c = sample();
    CHECK(ids(c | views::from_source("ft")) == strings{"ft-status", "ft-ali", "ft-note"});
    CHECK(ids(views::from_source(c, "cb")) == strings{"cb-status", "cb-gpus", "cb-mt"});
    CHECK(ids(c | views::from_source("FT2")) == strings{"ft2-plan"});
    CHECK(ids(c | views::from_source("Ft")).empty());
    CHECK(ids(c | views::from_source("")).empty());
}

TEST_CASE("views::during selects by assertion period", "[views]") {
    const auto c = sample();
    // Assertion periods: ft-status 2025-04; cb-status 2024; cb-gpus all time; ft-ali
    // 2025-01..2025-06-30 (from only, through ft's publication); ft2-plan all time; ft-note all
    // time; cb-mt ..2023.
    const auto P = [](const char* t) { return crosscheck::parse_period(t); };
    CHECK(ids(c | views::during(P("2025-04-30"))) == strings{"ft-status", "cb-gpus", "ft-ali", "ft2-plan", "ft-note"});
    CHECK(ids(views::during(c, P("2024-06"))) == strings{"cb-status", "cb-gpus", "ft2-plan", "ft-note"});
    CHECK(ids(c | views::during(P("2025-07"))) == strings{"cb-gpus", "ft2-plan", "ft-note"});  // after ft-ali's end
    CHECK(ids(c | views::during(P("2023-12-31"))) == strings{"cb-gpus", "ft2-plan", "ft-note", "cb-mt"});
    CHECK(ids(c | views::during(P(".."))).size() == c.size());
}

TEST_CASE("views::of_kind", "[views]") {
    const auto c = sample();
    CHECK(ids(c | views::of_kind(value_kind::token)) == strings{"ft-status", "cb-status", "ft-ali"});
    CHECK(ids(views::of_kind(c, value_kind::quantity)) == strings{"cb-gpus", "cb-mt"});
    CHECK(ids(c | views::of_kind(value_kind::calendar)) == strings{"ft2-plan"});
    CHECK(ids(c | views::of_kind(value_kind::text)) == strings{"ft-note"});
    CHECK(ids(c | views::of_kind(value_kind::custom)).empty());
}

TEST_CASE("views::with_modality", "[views]") {
    const auto c = sample();
    CHECK(ids(c | views::with_modality(modality::asserted)) == strings{"ft-status", "cb-status", "ft-ali", "cb-mt"});
    CHECK(ids(views::with_modality(c, modality::planned)) == strings{"ft2-plan"});
    CHECK(ids(c | views::with_modality(modality::estimated)) == strings{"cb-gpus"});
    CHECK(ids(c | views::with_modality(modality::reported)) == strings{"ft-note"});
}

TEST_CASE("composed pipelines", "[views]") {
    const auto c = sample();
    CHECK(ids(c | views::about("bytedance") | views::with_predicate("status")) == strings{"ft-status", "cb-status"});
    CHECK(ids(c | views::about("bytedance") | views::with_predicate("status") | views::from_source("cb")) ==
          strings{"cb-status"});
    CHECK(ids(c | views::from_source("cb") | views::of_kind(value_kind::quantity) |
              views::during(crosscheck::parse_period("2024"))) == strings{"cb-gpus"});
    // A pipeline can be stored and applied later.
    auto pipeline = views::with_predicate("gpus") | views::with_modality(modality::asserted);
    CHECK(ids(c | pipeline) == strings{"cb-mt"});
    // Called forms nest.
    CHECK(ids(views::from_source(views::about(c, "alibaba"), "ft")) == strings{"ft-ali"});
    CHECK(ids(c | views::about("bytedance") | views::about("alibaba")).empty());
}

TEST_CASE("views over other ranges of claim_ref", "[views]") {
    const auto c = sample();
    std::vector<crosscheck::claim_ref> v(c.begin(), c.end());
    CHECK(ids(v | views::from_source("ft")) == strings{"ft-status", "ft-ali", "ft-note"});
    std::vector<crosscheck::claim_ref> reversed(v.rbegin(), v.rend());
    CHECK(ids(reversed | views::with_predicate("status")) == strings{"ft-ali", "cb-status", "ft-status"});
}

TEST_CASE("claim and source indices, and id ranges, are range-v3 views", "[views][ids]") {
    const auto c = sample();
    // Every claim index in load order, piped (the sequence is taken by value: a view).
    const auto ids_by_index =
        c.claim_indices() |
        ranges::views::transform([&](crosscheck::claim_index i) { return std::string(c.claim_id(i)); }) |
        ranges::to<std::vector>();
    CHECK(ids_by_index == ids(c));
    CHECK(c.claim_indices().size() == c.size());
    CHECK(ranges::distance(c.source_indices()) == static_cast<std::ptrdiff_t>(c.source_count()));
    // A source's origins (cb cites ft), as check_context hands them out: a borrowed range of ids.
    const auto& origins = c.origins(*c.find_source("cb"));
    const crosscheck::id_range<crosscheck::source_index> range{origins.data(), origins.data() + origins.size()};
    const auto origin_ids = range |
                            ranges::views::transform([&](crosscheck::source_index s) { return c.source_at(s).id; }) |
                            ranges::to<std::vector>();
    CHECK(origin_ids == strings{"ft"});
    static_assert(ranges::view_<crosscheck::id_range<crosscheck::source_index>>);
    static_assert(ranges::borrowed_range<crosscheck::id_range<crosscheck::source_index>>);
    static_assert(ranges::view_<crosscheck::id_sequence<crosscheck::claim_index>>);
    static_assert(ranges::random_access_range<crosscheck::id_range<crosscheck::claim_index>>);
}

TEST_CASE("views on an empty corpus", "[views]") {
    const crosscheck::corpus c;
    CHECK(ids(c | views::about("x")).empty());
    CHECK(ids(c | views::with_predicate("x")).empty());
    CHECK(ids(c | views::from_source("x")).empty());
    CHECK(ids(c | views::during(crosscheck::period{})).empty());
    CHECK(ids(c | views::of_kind(value_kind::token)).empty());
    CHECK(ids(c | views::with_modality(modality::asserted)).empty());
    CHECK(ids(views::about(c, "x")).empty());
    CHECK(ids(c | views::about("x") | views::from_source("y")).empty());
}
