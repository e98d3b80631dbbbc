// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#include <crosscheck/io/json.hpp>
#include <crosscheck/resolve/from_corpus.hpp>
#include <crosscheck/resolve/methods.hpp>

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <algorithm>
#include <string>

using crosscheck::candidate_value;
using crosscheck::evidence_table;

namespace {

candidate_value tok(const char* s) {
    return candidate_value::token(s);
}

const std::string& chosen(const crosscheck::resolution& r, const evidence_table& ev, const std::string& key) {
    const auto* ir = r.find(ev, key);
    REQUIRE(ir != nullptr);
    REQUIRE(ir->resolved());
    return ir->chosen().text;
}

// A small mixed evidence table: priors, a citation, attributes, a numeric tolerance, a copier.
evidence_table figures_fixture() {
    using crosscheck::candidate_value;
    evidence_table ev;
    ev.add_source("wire");
    ev.add_source("trusted", 0.95);
    ev.add_citation(ev.add_source("relay"), *ev.find_source("wire"));
    for (int i = 0; i < 12; ++i) {
        const auto n = std::to_string(i);
        const auto it = ev.add_item("k" + n);
        ev.set_attribute(it, i % 2 ? "status" : "size");
        const auto truth = candidate_value::token("t" + n);
        ev.observe(*ev.find_source("trusted"), it, truth);
        ev.observe(ev.add_source("good"), it, i % 5 == 4 ? candidate_value::token("g" + n) : truth);
        ev.observe(ev.add_source("fair"), it, i % 3 == 2 ? candidate_value::token("f" + n) : truth);
        const auto shared = i % 4 == 1 ? candidate_value::token("x" + n) : truth;
        ev.observe(*ev.find_source("wire"), it, shared);
        ev.observe(*ev.find_source("relay"), it, shared);
        ev.observe(ev.add_source("copier"), it, shared);
        ev.observe(ev.add_source("copier2"), it, shared);
    }
    const auto h = ev.add_item("height");
    ev.observe(*ev.find_source("good"), h, candidate_value::quantity(100));
    ev.observe(*ev.find_source("fair"), h, candidate_value::quantity(101));
    ev.observe(*ev.find_source("copier"), h, candidate_value::quantity(150));
    ev.observe(*ev.find_source("copier2"), h, candidate_value::quantity(150));
    ev.set_similarity(h, crosscheck::numeric_tolerance{2.0, 0.0, 1.0});
    return ev;
}

double confidence_of(const crosscheck::resolution& r, const evidence_table& ev, const std::string& key) {
    const auto* ir = r.find(ev, key);
    REQUIRE(ir != nullptr);
    REQUIRE(ir->resolved());
    return ir->chosen().confidence;
}

}  // namespace

TEST_CASE("majority counts independent origins", "[resolve]") {
    evidence_table ev;
    ev.observe("a", "x", tok("red"));
    ev.observe("b", "x", tok("red"));
    ev.observe("c", "x", tok("blue"));
    const auto r = crosscheck::majority(ev);
    const auto& ir = *r.find(ev, "x");
    CHECK(ir.chosen().text == "red");
    CHECK(ir.chosen().origins == 2);
    CHECK(ir.chosen().confidence == Approx(2.0 / 3.0));
    CHECK(ir.chosen().supporting.size() == 2);
    REQUIRE(ir.chosen().opposing.size() == 1);
    CHECK(ev.observations()[ir.chosen().opposing[0]].source == *ev.find_source("c"));
    REQUIRE(ir.ranked.size() == 2);
    CHECK(ir.ranked[1].text == "blue");
    // c states the losing value only.
    CHECK(r.sources[*ev.find_source("c")].reliability == Approx(0.0));
    CHECK(r.sources[*ev.find_source("a")].reliability == Approx(1.0));
}

TEST_CASE("ties go to the value stated first", "[resolve]") {
    evidence_table ev;
    ev.observe("a", "x", tok("later-loses"));
    ev.observe("b", "x", tok("other"));
    CHECK(chosen(crosscheck::majority(ev), ev, "x") == "later-loses");
}

TEST_CASE("sources citing one origin do not outvote an independent one", "[resolve]") {
    evidence_table ev;
    const auto wire = ev.add_source("wire");  // cited, states nothing itself
    for (const char* s : {"copy1", "copy2", "copy3"}) {
        const auto c = ev.add_source(s);
        ev.add_citation(c, wire);
        ev.observe(c, ev.add_item("ceo"), tok("smith"));
    }
    ev.observe("own1", "ceo", tok("jones"));
    ev.observe("own2", "ceo", tok("jones"));
    for (const auto& m : crosscheck::standard_methods()) {
        INFO(m.name);
        const auto r = m.run(ev);
        CHECK(chosen(r, ev, "ceo") == "jones");
    }
    const auto r = crosscheck::majority(ev);
    const auto& ir = *r.find(ev, "ceo");
    CHECK(ir.chosen().origins == 2);
    CHECK(ir.ranked[1].origins == 1);  // three copies, one origin
}

TEST_CASE("weighted vote follows reliability priors", "[resolve]") {
    evidence_table ev;
    ev.add_source("trusted", 0.99);
    ev.add_source("weak1", 0.3);
    ev.add_source("weak2", 0.3);
    ev.observe("weak1", "x", tok("a"));
    ev.observe("weak2", "x", tok("a"));
    ev.observe("trusted", "x", tok("b"));
    CHECK(chosen(crosscheck::majority(ev), ev, "x") == "a");
    CHECK(chosen(crosscheck::weighted_vote(ev), ev, "x") == "b");
}

TEST_CASE("iterative methods learn which source to believe on a tie", "[resolve]") {
    evidence_table ev;
    // good, good2 and bad state ten items; bad is always alone and wrong.
    for (int i = 0; i < 10; ++i) {
        const auto key = "item" + std::to_string(i);
        ev.observe("good", key, tok("true"));
        ev.observe("good2", key, tok("true"));
        ev.observe("bad", key, candidate_value::token("false" + std::to_string(i)));
    }
    // On the contested item bad speaks first, so a plain vote keeps its value.
    ev.observe("bad", "contested", tok("wrong"));
    ev.observe("good", "contested", tok("right"));
    CHECK(chosen(crosscheck::majority(ev), ev, "contested") == "wrong");
    for (auto method :
         {crosscheck::resolve_method(crosscheck::accu), crosscheck::resolve_method(crosscheck::accu_copy),
          crosscheck::resolve_method(crosscheck::truth_finder), crosscheck::resolve_method(crosscheck::simple_lca),
          crosscheck::resolve_method(crosscheck::guess_lca), crosscheck::resolve_method(crosscheck::sums)}) {
        const auto r = crosscheck::resolve(ev, method);
        CHECK(chosen(r, ev, "contested") == "right");
        CHECK(r.sources[*ev.find_source("good")].reliability > r.sources[*ev.find_source("bad")].reliability);
        CHECK(r.iterations > 1);
    }
}

TEST_CASE("a repeated statement shares the origin of the one it repeats", "[resolve]") {
    // An edit history: "y" stands first, a second editor changes it to "x", a bot re-saves the
    // page (repeating "x"), and a later editor re-saves it again (repeating the bot).
    evidence_table ev;
    const auto it = ev.add_item("k");
    ev.observe(ev.add_source("first"), it, tok("y"));
    const auto changed = ev.observe(ev.add_source("changer"), it, tok("x"));
    const auto bot = ev.observe(ev.add_source("bot"), it, tok("x"));
    const auto later = ev.observe(ev.add_source("later"), it, tok("x"));
    // As independent statements, "x" has three origins and wins.
    {
        const auto r = crosscheck::majority(ev);
        CHECK(r.find(ev, "k")->chosen().text == "x");
        CHECK(r.find(ev, "k")->chosen().origins == 3);
    }
    ev.cite_observation(bot, changed);
    ev.cite_observation(later, bot);
    const auto r = crosscheck::majority(ev);
    const auto& ir = *r.find(ev, "k");
    // Now "x" is one origin (the chain leads back to "changer"), as is "y": a tie, and the value
    // stated first stands.
    REQUIRE(ir.ranked.size() == 2);
    CHECK(ir.ranked[0].origins == 1);
    CHECK(ir.ranked[1].origins == 1);
    CHECK(ir.chosen().text == "y");
    // The repeating statements still support "x" and are listed with it.
    CHECK(ir.ranked[1].supporting.size() == 3);
    // The three statements of one origin share one statement's weight in every method.
    for (const auto& m : crosscheck::standard_methods()) {
        INFO(m.name);
        CHECK(chosen(m.run(ev), ev, "k") == "y");
    }
}

TEST_CASE("LCA: one E step from the priors, derived by hand", "[resolve][lca]") {
    // a (honesty 0.9) states x; b and c (0.6 each) state y. Two values, so k - 1 = 1.
    evidence_table ev;
    ev.add_source("a", 0.9);
    ev.add_source("b", 0.6);
    ev.add_source("c", 0.6);
    ev.observe("a", "k", tok("x"));
    ev.observe("b", "k", tok("y"));
    ev.observe("c", "k", tok("y"));
    crosscheck::lca_options one;
    one.max_iterations = 1;  // the posterior under the priors, no re-estimation
    auto confidence = [&](const crosscheck::resolution& r, const char* value) {
        for (const auto& v : r.find(ev, "k")->ranked)
            if (v.text == value) return v.confidence;
        FAIL("value not ranked");
        return 0.0;
    };
    SECTION("SimpleLCA") {
        // P(x) ∝ 0.9·0.4·0.4 = 0.144, P(y) ∝ 0.1·0.6·0.6 = 0.036.
        const auto r = crosscheck::simple_lca(ev, one);
        CHECK(r.find(ev, "k")->chosen().text == "x");
        CHECK(confidence(r, "x") == Approx(0.144 / 0.18));
        CHECK(confidence(r, "y") == Approx(0.036 / 0.18));
    }
    SECTION("GuessLCA") {
        // Guess distribution P_g(x) = 1/3, P_g(y) = 2/3.
        // P(x) ∝ (0.9 + 0.1/3)·(0.4·2/3)², P(y) ∝ (0.1/3)·(0.6 + 0.4·2/3)².
        const double px = (0.9 + 0.1 / 3) * (0.4 * 2 / 3) * (0.4 * 2 / 3);
        const double py = (0.1 / 3) * (0.6 + 0.4 * 2 / 3) * (0.6 + 0.4 * 2 / 3);
        const auto r = crosscheck::guess_lca(ev, one);
        CHECK(r.find(ev, "k")->chosen().text == "x");
        CHECK(confidence(r, "x") == Approx(px / (px + py)));
    }
}

TEST_CASE("LCA: a reliable source outvotes two unreliable ones after EM", "[resolve][lca]") {
    // On ten items good, ref1 and ref2 agree; bad1 and bad2 each state a false value of their
    // own. On the contested item the two bad sources agree against good: a vote follows them,
    // the LCA models learn the honesties and follow good.
    evidence_table ev;
    for (int i = 0; i < 10; ++i) {
        const auto key = "item" + std::to_string(i);
        for (const char* s : {"good", "ref1", "ref2"}) ev.observe(s, key, tok("true"));
        ev.observe("bad1", key, candidate_value::token("f1-" + std::to_string(i)));
        ev.observe("bad2", key, candidate_value::token("f2-" + std::to_string(i)));
    }
    ev.observe("bad1", "contested", tok("wrong"));
    ev.observe("bad2", "contested", tok("wrong"));
    ev.observe("good", "contested", tok("right"));
    CHECK(chosen(crosscheck::majority(ev), ev, "contested") == "wrong");
    for (const auto& m : {crosscheck::named_method{"simple_lca", crosscheck::simple_lca},
                          crosscheck::named_method{"guess_lca", crosscheck::guess_lca}}) {
        INFO(m.name);
        const auto r = m.run(ev);
        CHECK(chosen(r, ev, "contested") == "right");
        CHECK(r.iterations > 1);
        // Honesty: good is right everywhere; bad1 is wrong on its ten items.
        CHECK(r.sources[*ev.find_source("good")].reliability > 0.9);
        CHECK(r.sources[*ev.find_source("bad1")].reliability < 0.2);
    }
}

TEST_CASE("Sums: belief and trust rounds derived by hand", "[resolve][sums]") {
    // k1: a and b state x, c states y. k2: c states v first, then a states u.
    evidence_table ev;
    ev.observe("a", "k1", tok("x"));
    ev.observe("b", "k1", tok("x"));
    ev.observe("c", "k1", tok("y"));
    ev.observe("c", "k2", tok("v"));
    ev.observe("a", "k2", tok("u"));
    crosscheck::resolve_options o;
    o.max_iterations = 1;
    // Round 1, all trust 1: beliefs are counts, x 2, y 1; u and v 1 each, a tie that the value
    // stated first (v) takes.
    auto r = crosscheck::sums(ev, o);
    CHECK(r.find(ev, "k1")->chosen().score == Approx(2.0));
    CHECK(chosen(r, ev, "k2") == "v");
    // Trust after round 1: a = 2 + 1, b = 2, c = 1 + 1; over the largest: 1, 2/3, 2/3.
    // Round 2: x = 1 + 2/3, y = 2/3, u = 1, v = 2/3, so a's value u now wins.
    o.max_iterations = 2;
    r = crosscheck::sums(ev, o);
    CHECK(r.find(ev, "k1")->chosen().score == Approx(5.0 / 3.0));
    CHECK(r.find(ev, "k1")->ranked[1].score == Approx(2.0 / 3.0));
    CHECK(chosen(r, ev, "k2") == "u");
    CHECK(r.find(ev, "k2")->chosen().score == Approx(1.0));
    CHECK(r.find(ev, "k2")->ranked[1].score == Approx(2.0 / 3.0));
    CHECK(r.sources[*ev.find_source("b")].reliability == Approx(2.0 / 3.0));
}

TEST_CASE("copy detection discounts a group that shares false values", "[resolve]") {
    // Four independent sources that are always right, and a group of four that state identical
    // values: right on 40 items, a shared false value on 15 items where all the independent
    // sources speak (which exposes the copying), and on 10 contested items where only two
    // independent sources speak. There a vote follows the group; AccuCopy must not.
    evidence_table ev;
    auto truth = [](int i) { return candidate_value::token("t" + std::to_string(i)); };
    auto fake = [](int i) { return candidate_value::token("f" + std::to_string(i)); };
    for (int i = 0; i < 65; ++i) {
        const auto key = "k" + std::to_string(i);
        const bool exposed = i >= 40 && i < 55;
        const bool contested = i >= 55;
        for (int s = 0; s < 4; ++s)
            if (!contested || s < 2) ev.observe("ind" + std::to_string(s), key, truth(i));
        for (int g = 0; g < 4; ++g)
            ev.observe("grp" + std::to_string(g), key, exposed || contested ? fake(i) : truth(i));
    }
    const auto vote = crosscheck::majority(ev);
    const auto copy = crosscheck::accu_copy(ev);
    int vote_right = 0, copy_right = 0;
    for (int i = 55; i < 65; ++i) {
        const auto key = "k" + std::to_string(i);
        vote_right += chosen(vote, ev, key) == truth(i).text;
        copy_right += chosen(copy, ev, key) == truth(i).text;
    }
    CHECK(vote_right == 0);
    CHECK(copy_right == 10);
    // The group's members are reported dependent on each other, and no independent pair is.
    int grp_pairs = 0, ind_pairs = 0;
    for (const auto& d : copy.dependencies) {
        const auto& a = ev.sources()[d.first.first].id;
        const auto& b = ev.sources()[d.first.second].id;
        if (a.rfind("grp", 0) == 0 && b.rfind("grp", 0) == 0) ++grp_pairs;
        if (a.rfind("ind", 0) == 0 && b.rfind("ind", 0) == 0) ++ind_pairs;
    }
    CHECK(grp_pairs == 6);
    CHECK(ind_pairs == 0);
}

TEST_CASE("accuracy per attribute: a source good at one kind of fact is not trusted on another", "[resolve]") {
    // Two helpers state the truth on 20 timetable and 20 actual-time items. "planner" also states
    // the truth on the timetable but a wrong value of its own on every actual time; "tracker" the
    // reverse. Overall both are right half the time; per attribute, planner is reliable on the
    // timetable only and tracker on actual times only. On a contested actual time, planner
    // (speaking first) and tracker disagree and nobody else speaks.
    evidence_table ev;
    auto add = [&](const std::string& source, const std::string& key, const std::string& attribute,
                   const std::string& value) {
        const auto it = ev.add_item(key);
        ev.set_attribute(it, attribute);
        ev.observe(ev.add_source(source), it, tok(value.c_str()));
    };
    for (int i = 0; i < 20; ++i) {
        const auto n = std::to_string(i);
        for (const char* h : {"helper1", "helper2"}) {
            add(h, "timetable" + n, "timetable", "t" + n);
            add(h, "actual" + n, "actual", "a" + n);
        }
        add("planner", "timetable" + n, "timetable", "t" + n);
        add("planner", "actual" + n, "actual", "planner-wrong" + n);
        add("tracker", "timetable" + n, "timetable", "tracker-wrong" + n);
        add("tracker", "actual" + n, "actual", "a" + n);
    }
    add("planner", "contested", "actual", "planner-says");
    add("tracker", "contested", "actual", "tracker-says");
    REQUIRE(ev.items()[*ev.find_item("contested")].attribute == "actual");

    crosscheck::accu_copy_options per_source;
    per_source.accuracy_per_attribute = false;
    const std::pair<crosscheck::resolution, crosscheck::resolution> runs[] = {
        {crosscheck::accu(ev, per_source), crosscheck::accu(ev)},
        {crosscheck::accu_copy(ev, per_source), crosscheck::accu_copy(ev)}};
    for (const auto& [by_source, r] : runs) {
        INFO(r.method);
        // Per source the two are equally accurate: a tie, which goes to the value stated first.
        CHECK(chosen(by_source, ev, "contested") == "planner-says");
        CHECK(chosen(r, ev, "contested") == "tracker-says");
        // The reported reliability stays per source: both are right on about half of what they state.
        CHECK(r.sources[*ev.find_source("planner")].reliability == Approx(0.5).margin(0.05));
        CHECK(r.sources[*ev.find_source("tracker")].reliability == Approx(0.5).margin(0.05));
    }
}

TEST_CASE("copy detection: a popular false value is weaker evidence of copying than a rare one", "[resolve]") {
    // Twelve sources state the truth everywhere. On items 20-23 six "crowd" sources state a common
    // misreading (pop), and so do a and b; c and d state a value nobody else states (rare). All
    // four state the truth on items 0-19, and on items 24-31 the second of each pair differs.
    // Against 8 differing items (each (1 - c) = 0.2 times less likely under copying), sharing 4
    // false values counts for much if false values are equally likely (1 in n = 100) and for
    // little if the value is one that 6 of the other 8 erring statements give (PopAccu).
    evidence_table ev;
    for (int i = 0; i < 32; ++i) {
        const auto key = "k" + std::to_string(i);
        const auto truth = "t" + std::to_string(i);
        const bool shared = i >= 20 && i < 24;
        const bool differ = i >= 24;
        for (int s = 0; s < 12; ++s) ev.observe("true" + std::to_string(s), key, tok(truth.c_str()));
        for (int s = 0; s < 6; ++s) ev.observe("crowd" + std::to_string(s), key, tok(shared ? "pop" : truth.c_str()));
        ev.observe("a", key, tok(shared ? "pop" : truth.c_str()));
        ev.observe("b", key, candidate_value::token(shared ? "pop" : differ ? "b-own" + std::to_string(i) : truth));
        ev.observe("c", key, candidate_value::token(shared ? "rare" + std::to_string(i) : truth));
        ev.observe("d", key,
                   candidate_value::token(shared   ? "rare" + std::to_string(i)
                                          : differ ? "d-own" + std::to_string(i)
                                                   : truth));
    }
    auto dependent = [&](const crosscheck::resolution& r, const char* x, const char* y) {
        const auto s = *ev.find_source(x), t = *ev.find_source(y);
        return std::any_of(r.dependencies.begin(), r.dependencies.end(), [&](const auto& d) {
            return (d.first.first == s && d.first.second == t) || (d.first.first == t && d.first.second == s);
        });
    };
    crosscheck::accu_copy_options uniform;
    uniform.copying.popular_false_values = false;
    const auto u = crosscheck::accu_copy(ev, uniform);
    CHECK(dependent(u, "a", "b"));
    CHECK(dependent(u, "c", "d"));
    const auto r = crosscheck::accu_copy(ev);
    CHECK_FALSE(dependent(r, "a", "b"));
    CHECK(dependent(r, "c", "d"));
    for (int i = 20; i < 24; ++i) CHECK(chosen(r, ev, "k" + std::to_string(i)) == "t" + std::to_string(i));
}

TEST_CASE("time-varying items: the latest period wins unless older evidence outweighs it", "[resolve]") {
    SECTION("two older votes against one recent") {
        evidence_table ev;
        const auto it = ev.add_item("population", true);
        ev.observe(ev.add_source("a"), it, candidate_value::quantity(100), 2019);
        ev.observe(ev.add_source("b"), it, candidate_value::quantity(100), 2019);
        ev.observe(ev.add_source("c"), it, candidate_value::quantity(120), 2023);
        CHECK(chosen(crosscheck::majority(ev), ev, "population") == "120");
    }
    SECTION("three older votes against one recent outweigh it (factor 2)") {
        evidence_table ev;
        const auto it = ev.add_item("population", true);
        for (const char* s : {"a", "b", "d"}) ev.observe(ev.add_source(s), it, candidate_value::quantity(100), 2019);
        ev.observe(ev.add_source("c"), it, candidate_value::quantity(120), 2023);
        CHECK(chosen(crosscheck::majority(ev), ev, "population") == "100");
    }
    SECTION("not flagged: plain vote") {
        evidence_table ev;
        const auto it = ev.add_item("population", false);
        ev.observe(ev.add_source("a"), it, candidate_value::quantity(100), 2019);
        ev.observe(ev.add_source("b"), it, candidate_value::quantity(100), 2019);
        ev.observe(ev.add_source("c"), it, candidate_value::quantity(120), 2023);
        CHECK(chosen(crosscheck::majority(ev), ev, "population") == "100");
    }
}

TEST_CASE("a source's later statement supersedes its earlier one", "[resolve]") {
    evidence_table ev;
    ev.observe("a", "x", tok("5"));
    ev.observe("c", "x", tok("5"));
    ev.observe("a", "x", tok("7"));  // a corrects itself
    ev.observe("b", "x", tok("7"));
    CHECK(chosen(crosscheck::majority(ev), ev, "x") == "7");
    crosscheck::resolve_options keep_all;
    keep_all.latest_per_source = false;
    // Both values then have two origins; the tie goes to 5, stated first.
    CHECK(chosen(crosscheck::majority(ev, keep_all), ev, "x") == "5");
}

TEST_CASE("quantities within the tolerance support each other", "[resolve]") {
    evidence_table ev;
    ev.observe("a", "h", candidate_value::quantity(150));
    ev.observe("b", "h", candidate_value::quantity(100));
    ev.observe("c", "h", candidate_value::quantity(101));
    // Exact: three values, one vote each, the first stated wins.
    CHECK(chosen(crosscheck::majority(ev), ev, "h") == "150");
    ev.set_similarity(crosscheck::numeric_tolerance{2.0});
    const auto r = crosscheck::majority(ev);
    const auto& ir = *r.find(ev, "h");
    CHECK((ir.chosen().text == "100" || ir.chosen().text == "101"));
    CHECK(ir.chosen().supporting.size() == 2);
    CHECK(ir.chosen().opposing.size() == 1);
    CHECK(ir.chosen().origins == 2);
    CHECK(chosen(crosscheck::accu(ev), ev, "h") != "150");
}

TEST_CASE("similarity function objects", "[resolve]") {
    const crosscheck::numeric_tolerance rel{0.0, 0.01};
    CHECK(rel(candidate_value::quantity(100), candidate_value::quantity(100.9)) == 1.0);
    CHECK(rel(candidate_value::quantity(100), candidate_value::quantity(102)) == 0.0);
    const crosscheck::numeric_tolerance graded{1.0, 0.0, 1.0};
    const double mid = graded(candidate_value::quantity(0), candidate_value::quantity(1.5));
    CHECK(mid > 0.0);
    CHECK(mid < 1.0);
    CHECK(graded(candidate_value::quantity(0), candidate_value::quantity(3)) == 0.0);
    const crosscheck::date_precision dp;
    const auto year = candidate_value::calendar(0, 364, "2025");
    const auto april = candidate_value::calendar(90, 119, "2025-04");
    const auto may = candidate_value::calendar(120, 150, "2025-05");
    CHECK(dp(year, april) == 1.0);
    CHECK(dp(april, may) == 0.0);
    CHECK(crosscheck::exact_match{}(tok("a"), tok("a")) == 1.0);
    CHECK(crosscheck::exact_match{}(tok("a"), tok("b")) == 0.0);
}

TEST_CASE("calendar values resolve with precision", "[resolve]") {
    evidence_table ev;
    ev.observe("a", "founded", candidate_value::calendar(120, 150, "2025-05"));
    ev.observe("b", "founded", candidate_value::calendar(0, 364, "2025"));
    ev.observe("c", "founded", candidate_value::calendar(90, 119, "2025-04"));
    ev.observe("d", "founded", candidate_value::calendar(90, 119, "2025-04"));
    ev.set_similarity(crosscheck::date_precision{});
    const auto r = crosscheck::majority(ev);
    const auto& ir = *r.find(ev, "founded");
    // "2025" is supported by all four statements (it contains both months).
    CHECK(ir.chosen().text == "2025");
    CHECK(ir.chosen().origins == 4);
    // "2025-04" by three (itself twice and "2025"), "2025-05" by two.
    REQUIRE(ir.ranked.size() == 3);
    CHECK(ir.ranked[1].text == "2025-04");
    CHECK(ir.ranked[1].origins == 3);
}

TEST_CASE("a user-defined method plugs in", "[resolve]") {
    evidence_table ev;
    ev.observe("a", "x", tok("zeta"));
    ev.observe("b", "x", tok("zeta"));
    ev.observe("c", "x", tok("alpha"));
    // Alphabetical: a deliberately silly method, to show any callable works.
    auto alphabetical = [](const evidence_table& e) {
        auto r = crosscheck::majority(e);
        for (auto& ir : r.items)
            std::sort(
                ir.ranked.begin(), ir.ranked.end(),
                [](const crosscheck::ranked_value& p, const crosscheck::ranked_value& q) { return p.text < q.text; });
        r.method = "alphabetical";
        return r;
    };
    const auto r = crosscheck::resolve(ev, alphabetical);
    CHECK(r.method == "alphabetical");
    CHECK(chosen(r, ev, "x") == "alpha");
    auto methods = crosscheck::standard_methods();
    methods.push_back({"alphabetical", alphabetical});
    CHECK(methods.size() == crosscheck::standard_methods().size() + 1);
    CHECK(chosen(methods.back().run(ev), ev, "x") == "alpha");
}

TEST_CASE("an item nobody states stays unresolved", "[resolve]") {
    evidence_table ev;
    ev.add_item("empty");
    ev.observe("a", "x", tok("1"));
    for (const auto& m : crosscheck::standard_methods()) {
        const auto r = m.run(ev);
        REQUIRE(r.items.size() == 2);
        CHECK_FALSE(r.items[*ev.find_item("empty")].resolved());
        CHECK(r.items[*ev.find_item("x")].resolved());
    }
}

TEST_CASE("a corpus becomes evidence: keys, origins, units, precision", "[resolve][corpus]") {
    const char* text = R"({
      "format": "crosscheck/1",
      "units": {"km": {"base": "m", "factor": 1000}},
      "sources": [{"id": "wire"}, {"id": "a", "cites": ["wire"]}, {"id": "b", "cites": ["wire"]},
                  {"id": "c"}, {"id": "d", "reliability": 0.9}, {"id": "e"}],
      "claims": [
        {"source": "a", "subject": "Acme", "predicate": "CEO", "value": "Smith"},
        {"source": "b", "subject": "acme", "predicate": "ceo", "value": "smith"},
        {"source": "c", "subject": "Acme", "predicate": "CEO", "value": "Jones"},
        {"source": "e", "subject": "Acme", "predicate": "CEO", "value": "Jones", "cites": ["d"]},
        {"source": "c", "subject": "road", "predicate": "length", "value": {"amount": 1, "unit": "km"}},
        {"source": "d", "subject": "road", "predicate": "length", "value": {"amount": 1000, "unit": "m"}},
        {"source": "e", "subject": "road", "predicate": "length", "value": {"amount": 1500, "unit": "m"}},
        {"source": "a", "subject": "road", "predicate": "opened", "value": {"date": "2020"}},
        {"source": "c", "subject": "road", "predicate": "opened", "value": {"date": "2020-05"}},
        {"source": "a", "subject": "road", "predicate": "note", "value": {"text": "free text"}}
      ]})";
    crosscheck::corpus c;
    crosscheck::load_json(text, c);
    const auto ce = crosscheck::to_evidence(c);
    const auto& ev = ce.ev;
    CHECK(ce.claim_of.size() == 9);  // the free-text claim is left out
    CHECK(ev.items().size() == 3);
    CHECK(ev.items()[*ev.find_item("acme|ceo|")].attribute == "ceo");  // accuracy per predicate
    // e's claim cites d: it gets a source of its own whose origin is d.
    REQUIRE(ev.find_source("e#via:d").has_value());
    CHECK(ev.sources()[*ev.find_source("d")].prior == Approx(0.9));

    const auto r = crosscheck::majority(ev);
    const auto* ceo = r.find(ev, "acme|ceo|");
    REQUIRE(ceo != nullptr);
    REQUIRE(ceo->ranked.size() == 2);
    // Two sources citing the wire are one origin; c and d are two.
    CHECK(ceo->chosen().text == "jones");
    CHECK(ceo->chosen().origins == 2);
    CHECK(ceo->ranked[1].text == "smith");
    CHECK(ceo->ranked[1].origins == 1);
    CHECK(ceo->ranked[1].supporting.size() == 2);

    const auto* length = r.find(ev, "road|length|");
    REQUIRE(length != nullptr);
    CHECK(length->chosen().text == "1000 m");  // 1 km and 1000 m are one value
    CHECK(length->chosen().origins == 2);
    CHECK(length->chosen().opposing.size() == 1);

    const auto* opened = r.find(ev, "road|opened|");
    REQUIRE(opened != nullptr);
    CHECK(opened->chosen().origins == 2);  // "2020" contains "2020-05"
}

TEST_CASE("each method's default options give the figures of the one options struct they replace", "[resolve][options]") {
    // Recorded with the headers before the options were split (one resolve_options for every
    // method), each method run with resolve_options{}: the iterations, the chosen value of every
    // item and its confidence, the reliability of every source and the dependent pairs.
    struct figures {
        const char* method;
        std::size_t iterations;
        std::size_t dependencies;
        const char* chosen;
        std::vector<double> confidence;
        std::vector<double> reliability;
    };
    const std::vector<figures> before = {
        {"majority", 1, 0,
         "t0 t1 t2 t3 t4 x5 t6 t7 t8 x9 t10 t11 100 ",
         {1, 0.5, 0.83333333333333337, 1, 0.83333333333333337, 0.5, 1, 1, 0.83333333333333337, 0.5, 1, 0.83333333333333337, 0.5},
         {0.91666666666666663, 0.83333333333333337, 0.91666666666666663, 0.76923076923076927, 0.61538461538461542, 0.84615384615384615, 0.84615384615384615}},
        {"weighted", 1, 0,
         "t0 t1 t2 t3 t4 x5 t6 t7 t8 x9 t10 t11 100 ",
         {0.99999999999999489, 0.82608673428644896, 0.9999999999897411, 0.99999999999999489, 0.9999999999897411, 0.98825676108914418, 0.99999999999999489, 0.99999999999999489, 0.9999999999897411, 0.98825676108914418, 0.99999999999999489, 0.9999999999897411, 0.66653058333923487},
         {0.91666666666666663, 0.83333333333333337, 0.91666666666666663, 0.76923076923076927, 0.61538461538461542, 0.84615384615384615, 0.84615384615384615}},
        {"truthfinder", 37, 0,
         "t0 x1 t2 t3 t4 x5 t6 t7 t8 x9 t10 t11 150 ",
         {0.99153174650943743, 0.94773761043834059, 0.98690968401923584, 0.99153174650943743, 0.98455061325793991, 0.94773761043834059, 0.99153174650943743, 0.99153174650943743, 0.98690968401923584, 0.94773761043834059, 0.99153174650943743, 0.98690968401923584, 0.87038322603857565},
         {0.97884593576482137, 0.88668475044236494, 0.97884593576482137, 0.80252800371861954, 0.69084706359214154, 0.97050265040126393, 0.97050265040126393}},
        {"accu", 5, 0,
         "t0 x1 t2 t3 t4 x5 t6 t7 t8 x9 t10 t11 150 ",
         {1, 0.9999981453023925, 0.99999999999999822, 1, 0.99999999999999467, 0.99999997351792502, 1, 1, 0.99999999999999822, 0.99999998589118877, 1, 0.99999999999999312, 0.99981166990749848},
         {0.98999999999999999, 0.75000015789783259, 0.98999999999999999, 0.615399170109588, 0.46155301530162129, 0.98999999999999999, 0.98999999999999999}},
        {"accu_copy", 6, 5,
         "t0 t1 t2 t3 t4 t5 t6 t7 t8 t9 t10 t11 100 ",
         {0.99999999985224641, 0.99999964891792659, 0.9999999013730303, 0.99999999956913221, 0.99999957331082134, 0.99987912073017826, 0.99999999985224641, 0.99999999956913221, 0.9999999013730303, 0.99958474061242497, 0.99999999985224641, 0.99999971244336272, 0.99818750227083775},
         {0.75001412007967894, 0.98999999999999999, 0.75001412007967894, 0.84602445728742837, 0.69213986810918382, 0.69243629739952661, 0.69243629739952661}},
        {"simple_lca", 5, 0,
         "t0 x1 t2 t3 t4 x5 t6 t7 t8 x9 t10 t11 150 ",
         {1, 0.99999575900526738, 0.99999981596397969, 1, 0.99999935873066548, 0.99999730543847565, 1, 1, 0.99999981596397969, 0.99999826252817903, 1, 0.99999981596397969, 0.99972017234279231},
         {0.98999999999999999, 0.75000057054204727, 0.98999999999999999, 0.61540669567636164, 0.46156042504188632, 0.98999999999999999, 0.98999999999999999}},
        {"guess_lca", 40, 0,
         "t0 x1 t2 t3 t4 x5 t6 t7 t8 x9 t10 t11 150 ",
         {1, 0.99999986525916018, 0.99999939783108194, 1, 0.99999939783108194, 0.99999973071465453, 1, 1, 0.99999939783108194, 0.99999973071465453, 1, 0.99999939783108194, 0.99994533565332266},
         {0.98999999999999999, 0.01, 0.98999999999999999, 0.01, 0.01, 0.98999999999999999, 0.98999999999999999}},
        {"sums", 9, 0,
         "t0 x1 t2 t3 t4 x5 t6 t7 t8 x9 t10 t11 150 ",
         {1, 0.53746003653996799, 0.86533883651083865, 1, 0.83798597006424191, 0.53746003653996799, 1, 1, 0.86533883651083865, 0.53746003653996799, 1, 0.86533883651083865, 0.37925330927226958},
         {0.96517256801074525, 0.91507740671024385, 0.96517256801074525, 0.89383275028369513, 0.74292658838348691, 1, 1}},
    };
    const auto ev = figures_fixture();
    const auto methods = crosscheck::standard_methods();
    REQUIRE(methods.size() == before.size());
    for (std::size_t m = 0; m < methods.size(); ++m) {
        const auto& want = before[m];
        INFO(want.method);
        CHECK(methods[m].name == want.method);
        const auto r = methods[m].run(ev);
        CHECK(r.method == want.method);
        CHECK(r.iterations == want.iterations);
        CHECK(r.dependencies.size() == want.dependencies);
        std::string chosen_values;
        for (const auto& it : r.items) chosen_values += it.chosen().text + ' ';
        CHECK(chosen_values == want.chosen);
        REQUIRE(r.items.size() == want.confidence.size());
        for (std::size_t i = 0; i < r.items.size(); ++i)
            CHECK(r.items[i].chosen().confidence == Approx(want.confidence[i]).epsilon(1e-12));
        REQUIRE(r.sources.size() == want.reliability.size());
        for (std::size_t s = 0; s < r.sources.size(); ++s)
            CHECK(r.sources[s].reliability == Approx(want.reliability[s]).epsilon(1e-12));
    }
    // The function objects called directly, and through resolve(), give the same.
    CHECK(crosscheck::accu(ev).sources[1].reliability == Approx(before[3].reliability[1]).epsilon(1e-12));
    CHECK(crosscheck::resolve(ev, crosscheck::accu_copy, crosscheck::accu_copy_options{}).dependencies.size() ==
          before[4].dependencies);
}

TEST_CASE("each method's own options change its result", "[resolve][options]") {
    const auto ev = figures_fixture();
    SECTION("TruthFinder") {
        crosscheck::truth_finder_options o;
        o.dampening = 0.6;
        CHECK(confidence_of(crosscheck::truth_finder(ev, o), ev, "k0") >
              confidence_of(crosscheck::truth_finder(ev), ev, "k0"));
        crosscheck::truth_finder_options trust;
        trust.initial_trust = 0.5;
        CHECK(crosscheck::truth_finder(ev, trust).iterations != crosscheck::truth_finder(ev).iterations);
    }
    SECTION("the Accu family") {
        crosscheck::accu_options o;
        o.false_values = 2;  // few false values: sharing a value says less
        CHECK(confidence_of(crosscheck::accu(ev, o), ev, "k1") < confidence_of(crosscheck::accu(ev), ev, "k1"));
        CHECK(confidence_of(crosscheck::weighted_vote(ev, o), ev, "k1") <
              confidence_of(crosscheck::weighted_vote(ev), ev, "k1"));
        crosscheck::accu_options capped;
        capped.max_accuracy = 0.7;
        const auto r = crosscheck::accu(ev, capped);
        for (const auto& s : r.sources) CHECK(s.reliability <= 0.7 + 1e-12);
        CHECK(crosscheck::accu(ev).sources[*ev.find_source("trusted")].reliability > 0.7);
    }
    SECTION("copy detection") {
        const auto by_default = crosscheck::accu_copy(ev);
        REQUIRE_FALSE(by_default.dependencies.empty());
        crosscheck::accu_copy_options o;
        o.copying.copy_prior = 1e-6;  // dependence all but ruled out beforehand
        CHECK(crosscheck::accu_copy(ev, o).dependencies.size() < by_default.dependencies.size());
        // Accu's own options reach AccuCopy's vote too.
        crosscheck::accu_copy_options few;
        few.false_values = 2;
        CHECK(confidence_of(crosscheck::accu_copy(ev, few), ev, "k0") <
              confidence_of(by_default, ev, "k0"));
    }
    SECTION("LCA") {
        crosscheck::lca_options o;
        o.max_honesty = 0.6;
        for (const auto& r : {crosscheck::simple_lca(ev, o), crosscheck::guess_lca(ev, o)}) {
            INFO(r.method);
            for (const auto& s : r.sources) CHECK(s.reliability <= 0.6 + 1e-12);
        }
        CHECK(crosscheck::simple_lca(ev).sources[*ev.find_source("trusted")].reliability > 0.6);
    }
}

TEST_CASE("standard_methods passes the common options to every method", "[resolve][options]") {
    const auto ev = figures_fixture();
    crosscheck::resolve_options one_round;
    one_round.max_iterations = 1;
    for (const auto& m : crosscheck::standard_methods()) {
        if (m.name == "majority" || m.name == "weighted") continue;  // one round anyway
        INFO(m.name);
        CHECK(m.run(ev).iterations > 1);
    }
    for (const auto& m : crosscheck::standard_methods(one_round)) {
        INFO(m.name);
        CHECK(m.run(ev).iterations == 1);
    }
}

TEST_CASE("time-varying predicates are matched through the corpus's case folding", "[resolve][corpus]") {
    // The corpus folds names with simple Unicode case folding (Ö/ö, Ÿ/ÿ, Cyrillic В/в); the
    // predicates a user names must match the same way, not by ASCII case only.
    const char* text = R"({
      "format": "crosscheck/1",
      "sources": [{"id": "a"}, {"id": "b"}],
      "claims": [
        {"source": "a", "subject": "Berg", "predicate": "höhe", "value": "hoch", "valid": "2020"},
        {"source": "b", "subject": "Berg", "predicate": "HÖHE", "value": "tief", "valid": "2021"},
        {"source": "a", "subject": "Berg", "predicate": "ÿear", "value": "x", "valid": "2020"},
        {"source": "a", "subject": "Berg", "predicate": "высота", "value": "x", "valid": "2020"},
        {"source": "a", "subject": "Berg", "predicate": "Name", "value": "x", "valid": "2020"},
        {"source": "a", "subject": "Berg", "predicate": "farbe", "value": "x", "valid": "2020"}
      ]})";
    crosscheck::corpus c;
    crosscheck::load_json(text, c);
    crosscheck::corpus_evidence_options o;
    o.time_varying_predicates = {"HÖHE", "ŸEAR", "ВЫСОТА", "NAME"};
    const auto ce = crosscheck::to_evidence(c, o);
    const auto& ev = ce.ev;
    CHECK(ev.items().size() == 5);  // höhe and HÖHE are one predicate
    auto varying = [&](const std::string& key) {
        const auto i = ev.find_item(key);
        REQUIRE(i.has_value());
        return ev.items()[*i].time_varying;
    };
    CHECK(varying("berg|höhe|"));
    CHECK(varying("berg|ÿear|"));
    CHECK(varying("berg|высота|"));
    CHECK(varying("berg|name|"));
    CHECK_FALSE(varying("berg|farbe|"));
}
