// Property tests: on thousands of seeded random corpora, the optimized checker (pairwise for
// small keys, counting for large ones) finds exactly the pairs of a brute-force reference that
// is written here from the text of docs/format.md §3, independently of the library's checker.

#include <crosscheck/check/check.hpp>
#include <crosscheck/corpus/corpus.hpp>

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace crosscheck;

// A small deterministic generator (splitmix64) so the cases are the same on every platform.
struct rng {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    bool chance(double p) { return static_cast<double>(next() % 1000000) < p * 1e6; }
    template <class T>
    const T& pick(const std::vector<T>& v) {
        return v[below(v.size())];
    }
};

std::string lower(std::string s) {
    for (auto& ch : s)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return s;
}

// ---- the random world ----------------------------------------------------------------------
struct world {
    corpus c;
    std::vector<claim<any_value>> claims;  // as added, for the reference
    std::map<std::string, std::optional<period>> published;
    std::map<std::string, std::string> alias_to_entity;                               // lower-case alias -> entity id
    std::set<std::tuple<std::string, std::string, std::string>> contains;             // dim, parent, child (transitive)
    std::map<std::string, std::set<std::pair<std::string, std::string>>> compatible;  // pred -> pairs
    std::set<std::string> default_published;
    std::map<std::string, std::pair<std::string, double>> unit_base;  // unit -> (base, factor)
    double about = 0.10;
};

std::string random_case(rng& r, const std::string& s) {
    std::string out = s;
    for (auto& ch : out)
        if (r.chance(0.3) && ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    return out;
}

std::string random_date(rng& r) {
    int y = 2018 + static_cast<int>(r.below(6));
    switch (r.below(5)) {
        case 0: return std::to_string(y);
        case 1: return std::to_string(y) + "-0" + std::to_string(1 + r.below(9));
        case 2: return std::to_string(y) + "-Q" + std::to_string(1 + r.below(4));
        case 3: return std::to_string(y) + "-H" + std::to_string(1 + r.below(2));
        default: return std::to_string(y) + "-0" + std::to_string(1 + r.below(9)) + "-1" + std::to_string(r.below(9));
    }
}

world make_world(std::uint64_t seed, std::size_t n_claims, std::size_t n_subjects) {
    rng r{seed};
    world w;
    // Entities and aliases.
    w.c.add_entity("everest", {"Sagarmatha", "Qomolangma"});
    for (auto a : {"everest", "sagarmatha", "qomolangma"}) w.alias_to_entity[a] = "everest";
    // Vocabulary: compatible pairs and default_valid.
    vocabulary_entry v;
    v.compatible = {{"open", "restricted"}};
    v.default_valid_published = r.chance(0.5);
    w.c.set_vocabulary("status", v);
    w.compatible["status"] = {{"open", "restricted"}};
    if (v.default_valid_published) w.default_published.insert("status");
    // Scopes: world > asia > {sg, my}; world > eu.
    w.c.add_scope_containment("region", "world", "asia");
    w.c.add_scope_containment("region", "asia", "sg");
    w.c.add_scope_containment("region", "asia", "my");
    w.c.add_scope_containment("region", "world", "eu");
    for (auto [p, ch] : std::vector<std::pair<const char*, const char*>>{
             {"world", "asia"}, {"asia", "sg"}, {"asia", "my"}, {"world", "eu"}, {"world", "sg"}, {"world", "my"}})
        w.contains.insert({"region", p, ch});
    // Units: km -> m, ft -> m, cm -> m; kg is on its own.
    w.c.units().add("km", "m", 1000);
    w.c.units().add("cm", "m", 0.01);
    w.c.units().add("ft", "m", 0.3048);
    w.unit_base = {{"km", {"m", 1000}}, {"cm", {"m", 0.01}}, {"ft", {"m", 0.3048}},
                   {"m", {"m", 1}},     {"kg", {"kg", 1}},   {"", {"", 1}}};
    // Sources: some with a publication period.
    for (int s = 0; s < 6; ++s) {
        source src;
        src.id = "s" + std::to_string(s);
        if (r.chance(0.7)) src.published = parse_date(random_date(r));
        w.published[src.id] = src.published;
        w.c.add_source(src);
    }
    std::vector<std::string> subjects{"everest", "Sagarmatha", "QOMOLANGMA", "k2", "K2", "lhotse"};
    subjects.resize(std::min(subjects.size(), n_subjects));
    for (std::size_t k = subjects.size(); k < n_subjects; ++k) subjects.push_back("m" + std::to_string(k));
    std::vector<std::string> tokens{"open", "closed", "restricted", "Open", "CLOSED"};
    std::vector<std::string> units{"m", "km", "ft", "cm", "", "kg"};
    for (std::size_t i = 0; i < n_claims; ++i) {
        claim<any_value> cl;
        cl.id = "c" + std::to_string(i);
        cl.source = "s" + std::to_string(r.below(6));
        cl.subject = r.pick(subjects);
        // Predicate decides the value kind, with occasional kind slips.
        std::size_t pk = r.below(3);
        cl.predicate = random_case(r, pk == 0 ? "status" : pk == 1 ? "height" : "first_ascent");
        std::size_t kind = pk;
        if (r.chance(0.03)) kind = r.below(4);  // a token for a quantity predicate, free text, ...
        switch (kind) {
            case 0: cl.value = token{r.pick(tokens)}; break;
            case 1: {
                double base = 8000 + static_cast<double>(r.below(6)) * 300;
                std::string u = r.pick(units);
                double f = w.unit_base[u].second;
                quantity q(base / f, u);
                switch (r.below(5)) {
                    case 0: break;
                    case 1: q.kind = approx::about; break;
                    case 2: q.kind = approx::at_least; break;
                    case 3: q.kind = approx::at_most; break;
                    default:
                        q = quantity::bounds(r.chance(0.8) ? std::optional<double>(base / f - 100 / f) : std::nullopt,
                                             r.chance(0.8) ? std::optional<double>(base / f + 100 / f) : std::nullopt,
                                             u);
                }
                cl.value = q;
                break;
            }
            case 2: cl.value = calendar_value{parse_date(random_date(r))}; break;
            default: cl.value = text_value{"some words"}; break;
        }
        // Scope.
        switch (r.below(5)) {
            case 0:
            case 1: break;
            case 2:
                cl.scope["region"] =
                    random_case(r, r.pick(std::vector<std::string>{"world", "asia", "sg", "my", "eu"}));
                break;
            case 3: cl.scope["route"] = r.pick(std::vector<std::string>{"south", "north"}); break;
            default:
                cl.scope["region"] = r.pick(std::vector<std::string>{"asia", "sg", "eu"});
                cl.scope["Route"] = r.pick(std::vector<std::string>{"south", "north"});
        }
        // Validity.
        switch (r.below(5)) {
            case 0: break;
            case 1: cl.valid = validity(parse_date(random_date(r))); break;
            case 2: {
                auto a = parse_date(random_date(r)), b = parse_date(random_date(r));
                if (b.last() < a.first()) std::swap(a, b);
                cl.valid = validity::range(a, b);
                break;
            }
            case 3: cl.valid = validity::range(parse_date(random_date(r)), std::nullopt); break;
            default: cl.valid = validity::range(std::nullopt, parse_date(random_date(r)));
        }
        if (cl.valid.how == validity::form::range && !cl.valid.span.ok()) cl.valid = validity{};
        cl.mode = r.chance(0.15) ? modality::planned : r.chance(0.2) ? modality::reported : modality::asserted;
        w.claims.push_back(cl);
        w.c.add(cl);
    }
    return w;
}

// ---- the reference: §3 read literally, all pairs ---------------------------------------------
struct ref_claim {
    std::string subject, predicate;
    std::map<std::string, std::string> scope;  // folded
    std::int64_t from, to;
    bool planned;
    int kind;  // 0 token, 1 quantity, 2 calendar, 3 text
    std::string tok;
    double lo, hi;
    std::string base;
    std::string source;
};

ref_claim reduce(const world& w, const claim<any_value>& c) {
    ref_claim r;
    std::string s = lower(c.subject);
    auto it = w.alias_to_entity.find(s);
    r.subject = it == w.alias_to_entity.end() ? s : it->second;
    r.predicate = lower(c.predicate);
    for (const auto& [d, t] : c.scope) r.scope[lower(d)] = lower(t);
    r.source = c.source;
    // Assertion period, §3.3.
    const auto& pub = w.published.at(c.source);
    const std::int64_t lo = INT32_MIN, hi = INT32_MAX;
    r.from = lo;
    r.to = hi;
    if (c.valid.how == validity::form::date) {
        r.from = c.valid.span.first();
        r.to = c.valid.span.last();
    } else if (c.valid.how == validity::form::range) {
        bool has_from = !c.valid.span.open_start(), has_to = !c.valid.span.open_end();
        if (has_from) r.from = c.valid.span.first();
        if (has_to) r.to = c.valid.span.last();
        if (has_from && !has_to && pub) r.to = pub->last();  // empty when `from` is later
    } else if (w.default_published.count(r.predicate) && pub) {
        r.from = pub->first();
        r.to = pub->last();
    }
    r.planned = c.mode == modality::planned;
    r.kind = static_cast<int>(c.value.index());
    if (auto* t = std::get_if<token>(&c.value)) r.tok = lower(t->text);
    if (auto* q = std::get_if<quantity>(&c.value)) {
        auto [base, f] = w.unit_base.at(q->unit);
        r.base = base;
        interval iv = q->to_interval(w.about);
        r.lo = iv.lo * f;
        r.hi = iv.hi * f;
    }
    if (auto* d = std::get_if<calendar_value>(&c.value)) {
        r.lo = d->when.first();
        r.hi = d->when.last();
    }
    return r;
}

bool token_contains(const world& w, const std::string& dim, const std::string& a, const std::string& b) {
    return w.contains.count({dim, a, b}) != 0;
}

bool comparable(const world& w, const ref_claim& a, const ref_claim& b) {
    if (a.subject != b.subject || a.predicate != b.predicate) return false;
    for (const auto& [d, t] : a.scope) {
        auto it = b.scope.find(d);
        if (it == b.scope.end() || it->second == t) continue;
        if (!token_contains(w, d, t, it->second) && !token_contains(w, d, it->second, t)) return false;
    }
    if (a.from > a.to || b.from > b.to) return false;  // vouched for no day: compared with nothing
    if (!(a.from <= b.to && b.from <= a.to)) return false;
    return a.planned == b.planned;
}

bool conflicts(const world& w, const ref_claim& a, const ref_claim& b) {
    if (a.kind != b.kind || a.kind == 3) return false;
    if (a.kind == 0) {
        if (a.tok == b.tok) return false;
        const auto& cp = w.compatible.count(a.predicate) ? w.compatible.at(a.predicate)
                                                         : std::set<std::pair<std::string, std::string>>{};
        return !cp.count({a.tok, b.tok}) && !cp.count({b.tok, a.tok});
    }
    if (a.kind == 1) {
        if (a.base != b.base) return false;
        const double t = 1e-9;
        auto wl = [&](double x) { return x - std::fabs(x) * t; };
        auto wh = [&](double x) { return x + std::fabs(x) * t; };
        return wh(a.hi) < wl(b.lo) || wh(b.hi) < wl(a.lo);
    }
    return a.hi < b.lo || b.hi < a.lo;
}

std::string key_of(const ref_claim& r) {
    std::string k = r.subject + "|" + r.predicate + "|";
    for (const auto& [d, t] : r.scope) k += d + "=" + t + ";";
    return k;
}

struct reference_result {
    std::set<std::pair<std::string, std::string>> pairs;
    std::uint64_t self_pairs = 0;
    std::set<std::string> keys, conflicted_keys;
};

reference_result reference(const world& w) {
    reference_result out;
    std::vector<ref_claim> rs;
    for (const auto& c : w.claims) rs.push_back(reduce(w, c));
    for (std::size_t i = 0; i < rs.size(); ++i) {
        out.keys.insert(key_of(rs[i]));
        for (std::size_t j = i + 1; j < rs.size(); ++j) {
            if (!comparable(w, rs[i], rs[j]) || !conflicts(w, rs[i], rs[j])) continue;
            out.pairs.insert({w.claims[i].id, w.claims[j].id});
            if (rs[i].source == rs[j].source) ++out.self_pairs;
            out.conflicted_keys.insert(key_of(rs[i]));
        }
    }
    return out;
}

void compare_with_reference(world& w, std::size_t threshold) {
    check_options o;
    o.list_pairs = true;
    o.pairwise_threshold = threshold;
    o.threads = 1;
    auto rep = check(w.c, o);
    auto ref = reference(w);
    std::set<std::pair<std::string, std::string>> got(rep.pairs.begin(), rep.pairs.end());
    // Pairs are listed as (earlier claim, later claim); ids c<N> sort by N only within a width,
    // so compare as unordered pairs.
    auto norm = [](std::set<std::pair<std::string, std::string>> s) {
        std::set<std::pair<std::string, std::string>> out;
        for (auto [a, b] : s) out.insert(a < b ? std::make_pair(a, b) : std::make_pair(b, a));
        return out;
    };
    REQUIRE(rep.pairs_complete);
    CHECK(norm(got) == norm(ref.pairs));
    CHECK(rep.stats.conflicting_pairs == ref.pairs.size());
    CHECK(rep.stats.self_contradictions == ref.self_pairs);
    CHECK(rep.stats.keys == ref.keys.size());
    CHECK(rep.stats.conflicted_keys == ref.conflicted_keys.size());
    // Every claim in a conflict finding takes part in some reference pair, and vice versa.
    std::set<std::string> in_findings, in_pairs;
    for (const auto& f : rep.findings)
        if (f.kind == "conflict") in_findings.insert(f.claims.begin(), f.claims.end());
    for (const auto& [a, b] : ref.pairs) in_pairs.insert(a), in_pairs.insert(b);
    CHECK(in_findings == in_pairs);
}

}  // namespace

TEST_CASE("conflict checker matches the brute-force reference on random corpora", "[conflicts][property]") {
    // Small corpora with few subjects make large keys: both the pairwise path and the counting
    // path (threshold 0 forces it) must agree with the reference.
    for (std::uint64_t seed = 1; seed <= 1500; ++seed) {
        auto n = 2 + static_cast<std::size_t>(seed % 60);
        auto w = make_world(seed, n, 1 + seed % 6);
        INFO("seed " << seed << ", " << n << " claims");
        compare_with_reference(w, 64);
        compare_with_reference(w, 0);
    }
}

TEST_CASE("conflict checker on larger random corpora, counting path", "[conflicts][property]") {
    for (std::uint64_t seed = 5000; seed < 5020; ++seed) {
        auto w = make_world(seed, 400, 2);
        INFO("seed " << seed);
        compare_with_reference(w, 0);
        compare_with_reference(w, 1000);
    }
}

TEST_CASE("the result does not depend on claim order", "[conflicts][property]") {
    for (std::uint64_t seed = 100; seed < 160; ++seed) {
        auto w = make_world(seed, 80, 3);
        // Rebuild the same corpus with the claims reversed.
        world v = make_world(seed, 0, 3);
        for (auto it = w.claims.rbegin(); it != w.claims.rend(); ++it) {
            v.claims.push_back(*it);
            v.c.add(*it);
        }
        check_options o;
        o.list_pairs = true;
        o.threads = 1;
        auto a = check(w.c, o), b = check(v.c, o);
        INFO("seed " << seed);
        CHECK(a.stats.conflicting_pairs == b.stats.conflicting_pairs);
        CHECK(a.stats.self_contradictions == b.stats.self_contradictions);
        CHECK(a.stats.keys == b.stats.keys);
        std::set<std::pair<std::string, std::string>> pa, pb;
        for (auto [x, y] : a.pairs) pa.insert(x < y ? std::make_pair(x, y) : std::make_pair(y, x));
        for (auto [x, y] : b.pairs) pb.insert(x < y ? std::make_pair(x, y) : std::make_pair(y, x));
        CHECK(pa == pb);
        // conflicted_keys follows claim order by definition (§6), so it is checked against the
        // reference for each order instead.
        compare_with_reference(v, 0);
    }
}

TEST_CASE("thread count does not change the report", "[conflicts][property]") {
    auto w = make_world(77, 20000, 2000);
    check_options one, two, four;
    one.threads = 1;
    two.threads = 2;
    four.threads = 4;  // more threads than this machine's cores: results from three makers interleave
    one.pairwise_threshold = two.pairwise_threshold = four.pairwise_threshold = 16;
    auto a = check(w.c, one), b = check(w.c, two), d = check(w.c, four);
    CHECK(a == b);
    CHECK(a == d);
    CHECK(a.stats.conflicting_pairs > 0);
    CHECK(!a.findings.empty());
}
