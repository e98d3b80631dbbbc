// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
//
// crosscheck-eval DATASET DIR [--method NAME] [--write-corpus OUT.json] [--source-accuracy]
//
// Converts a public truth-discovery data set into crosscheck evidence, resolves it with each
// method (or the one named) and prints one JSON object per method on stdout:
//   {"dataset", "method", "precision", "items", ...}
// and a table beside the published figures on stderr.

#include "book.hpp"
#include "flight.hpp"
#include "population.hpp"

#include <crosscheck/resolve/methods.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>

namespace {

struct published {
    const char* method;
    const char* figure;
};

// The published precision of each data set's README, by our method name.
std::map<std::string, std::string> published_figures(const std::string& dataset) {
    if (dataset == "population" || dataset == "population-raw")
        return {{"majority", "Voting .7993"},
                {"truthfinder", "TruthFinder .8504"},
                {"accu", "(best: MistakeLCA .8613)"},
                {"accu_copy", "(best: MistakeLCA .8613)"},
                {"simple_lca", "(best: MistakeLCA .8613)"},
                {"guess_lca", "GuessLCA .8358"},
                {"sums", "Sums .8212"}};
    if (dataset == "book" || dataset == "book-raw" || dataset == "book-silver")
        return {{"majority", "naive vote .71"},
                {"truthfinder", "TruthFinder .83 (Yin: .85)"},
                {"accu", "Accu .87, AccuSim .89"},
                {"accu_copy", "(best: AccuSim .89)"}};
    if (dataset == "flight" || dataset == "flight-exact")
        return {{"majority", "Vote .864 / month .887"},
                {"truthfinder", "TruthFinder .793 / .818"},
                {"accu", "(PopAccu .925 / .972)"},
                {"accu_copy", "AccuCopy .943 / .987"}};
    return {};
}

struct score {
    std::size_t items = 0;
    std::size_t correct = 0;
    double random_ties = 0;  // expected correct if ties were broken at random
};

score evaluate(const datasets::dataset& d, const crosscheck::resolution& r) {
    score s;
    for (const auto& g : d.gold) {
        const auto& ir = r.items[g.item];
        if (!ir.resolved()) continue;
        ++s.items;
        const auto& values = d.ev.items()[g.item].values;
        if (d.correct(values[ir.chosen().value], g.truth)) ++s.correct;
        std::size_t tied = 0, tied_correct = 0;
        for (const auto& rv : ir.ranked) {
            if (!crosscheck::detail::same_score(rv.score, ir.chosen().score)) continue;  // ties as resolve ranks them
            ++tied;
            if (d.correct(values[rv.value], g.truth)) ++tied_correct;
        }
        s.random_ties += static_cast<double>(tied_correct) / static_cast<double>(tied);
    }
    return s;
}

// Each source's agreement with the gold on the gold items it states (stderr): who the gold
// standard agrees with.
void print_source_accuracy(const datasets::dataset& d) {
    std::vector<std::size_t> stated(d.ev.sources().size(), 0), right(d.ev.sources().size(), 0);
    std::vector<std::vector<const crosscheck::candidate_value*>> truth(d.ev.items().size());
    for (const auto& g : d.gold) truth[g.item].push_back(&g.truth);
    for (const auto& o : d.ev.observations()) {
        for (const auto* t : truth[o.item]) {
            ++stated[o.source];
            if (d.correct(d.ev.items()[o.item].values[o.value], *t)) ++right[o.source];
        }
    }
    std::vector<std::size_t> order(stated.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return stated[a] > stated[b]; });
    std::fprintf(stderr, "%-24s %8s %9s\n", "source", "gold", "agrees");
    for (auto s : order)
        if (stated[s])
            std::fprintf(stderr, "%-24s %8zu %9.4f\n", d.ev.sources()[s].id.c_str(), stated[s],
                         static_cast<double>(right[s]) / static_cast<double>(stated[s]));
}

void write_corpus(const datasets::dataset& d, const std::string& path) {
    nlohmann::json corpus;
    corpus["format"] = "crosscheck/1";
    auto& sources = corpus["sources"] = nlohmann::json::array();
    for (const auto& s : d.ev.sources()) sources.push_back({{"id", s.id}});
    auto& claims = corpus["claims"] = nlohmann::json::array();
    const auto& obs = d.ev.observations();
    for (std::size_t i = 0; i < obs.size(); ++i) {
        const auto& o = obs[i];
        const auto& key = d.ev.items()[o.item].key;
        const auto& v = d.ev.items()[o.item].values[o.value];
        nlohmann::json c;
        c["source"] = d.ev.sources()[o.source].id;
        if (d.name == "population") {
            const auto bar = key.rfind('|');
            c["subject"] = key.substr(0, bar);
            c["predicate"] = "population";
            if (o.cites) {
                // A repeated figure cites the editor of the edit that put it there (§4).
                auto root = *o.cites;
                while (obs[root].cites) root = *obs[root].cites;
                if (obs[root].source != o.source)
                    c["cites"] = nlohmann::json::array({d.ev.sources()[obs[root].source].id});
            }
            if (o.period) c["valid"] = std::to_string(*o.period);
            else c["scope"] = {{"property", key.substr(bar + 1)}};  // no year: keep the key apart
            if (v.has_number() && v.number == std::floor(v.number) && std::fabs(v.number) < 9e15)
                c["value"] = static_cast<long long>(v.number);
            else if (v.has_number()) c["value"] = v.number;
            else c["value"] = v.text;
        } else {
            c["subject"] = key;
            c["predicate"] = "authors";
            c["value"] = v.text;
        }
        if (i < d.quotes.size()) c["quote"] = d.quotes[i];
        claims.push_back(std::move(c));
    }
    std::ofstream out(path, std::ios::binary);
    if (!out) throw std::runtime_error("cannot write " + path);
    out << corpus.dump(1) << '\n';
}

int usage();

// The paper's protocol for flight: resolve each day on its own and average the days' precision.
int run_daily(const std::string& dir, const std::string& method, double tolerance) {
    const auto days = datasets::list_txt(dir + "/claims");
    const auto figures = published_figures("flight");
    const std::string name = tolerance > 0 ? "flight-daily" : "flight-exact-daily";
    std::vector<datasets::dataset> per_day;
    for (const auto& f : days) per_day.push_back(datasets::load_flight(dir, f.substr(0, f.size() - 4), tolerance));
    std::fprintf(stderr, "%s: %zu days, each resolved on its own; precision = mean over days\n", name.c_str(),
                 per_day.size());
    std::fprintf(stderr, "%-18s %-12s %9s %7s %11s  %s\n", "dataset", "method", "precision", "items", "random-tie",
                 "published");
    bool found = false;
    for (const auto& m : crosscheck::standard_methods()) {
        if (!method.empty() && m.name != method) continue;
        found = true;
        double sum = 0, sum_random = 0;
        std::size_t items = 0, correct = 0;
        nlohmann::json days_json = nlohmann::json::array();
        for (const auto& d : per_day) {
            const auto sc = evaluate(d, m.run(d.ev));
            const double p = sc.items ? static_cast<double>(sc.correct) / static_cast<double>(sc.items) : 0.0;
            sum += p;
            sum_random += sc.items ? sc.random_ties / static_cast<double>(sc.items) : 0.0;
            items += sc.items;
            correct += sc.correct;
            days_json.push_back(p);
        }
        const double n = per_day.empty() ? 1.0 : static_cast<double>(per_day.size());
        nlohmann::json line = {{"dataset", name},     {"method", m.name},   {"precision", sum / n},
                               {"items", items},      {"correct", correct}, {"precision_random_ties", sum_random / n},
                               {"per_day", days_json}};
        std::cout << line.dump() << std::endl;
        auto f = figures.find(m.name);
        std::fprintf(stderr, "%-18s %-12s %9.4f %7zu %11.4f  %s\n", name.c_str(), m.name.c_str(), sum / n, items,
                     sum_random / n, f == figures.end() ? "" : f->second.c_str());
    }
    return found ? 0 : usage();
}

int usage() {
    std::cerr << "usage: crosscheck-eval DATASET DIR [--method NAME] [--write-corpus OUT.json] [--source-accuracy]\n"
                 "datasets: population population-raw book book-raw book-silver flight flight-daily flight-exact "
                 "flight-exact-daily\n"
                 "methods:";
    for (const auto& m : crosscheck::standard_methods()) std::cerr << ' ' << m.name;
    std::cerr << '\n';
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) return usage();
    const std::string which = argv[1];
    const std::string dir = argv[2];
    std::string method, corpus_out;
    bool source_accuracy = false;
    for (int i = 3; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--method" && i + 1 < argc) method = argv[++i];
        else if (a == "--source-accuracy") source_accuracy = true;
        else if (a == "--write-corpus" && i + 1 < argc) corpus_out = argv[++i];
        else return usage();
    }
    try {
        const auto t0 = std::chrono::steady_clock::now();
        datasets::dataset d;
        if (which == "population") d = datasets::load_population(dir, true);
        else if (which == "population-raw") d = datasets::load_population(dir, false);
        else if (which == "book") d = datasets::load_book(dir, true);
        else if (which == "book-raw") d = datasets::load_book(dir, false);
        else if (which == "book-silver") d = datasets::load_book(dir, true, "book_silver.txt");
        else if (which == "flight") d = datasets::load_flight(dir);
        else if (which == "flight-exact") d = datasets::load_flight(dir, {}, 0.0);
        else if (which == "flight-daily") return run_daily(dir, method, 10.0);
        else if (which == "flight-exact-daily") return run_daily(dir, method, 0.0);
        else return usage();
        const auto t1 = std::chrono::steady_clock::now();
        if (!corpus_out.empty()) {
            if (which.rfind("flight", 0) == 0 || which == "book-raw" || which == "population-raw") {
                std::cerr << "--write-corpus: only population and book are written as corpora\n";
                return 2;
            }
            write_corpus(d, corpus_out);
        }
        if (source_accuracy) print_source_accuracy(d);
        const auto figures = published_figures(d.name);
        std::fprintf(stderr, "%s: %zu sources, %zu items, %zu observations, gold %zu (%zu stated); loaded in %.1f s\n",
                     d.name.c_str(), d.ev.sources().size(), d.ev.items().size(), d.ev.observations().size(),
                     d.gold_total, d.gold.size(), std::chrono::duration<double>(t1 - t0).count());
        std::fprintf(stderr, "%-18s %-12s %9s %7s %11s  %s\n", "dataset", "method", "precision", "items", "random-tie",
                     "published");
        bool found = false;
        // Each method with its defaults: one set for every data set.
        for (const auto& m : crosscheck::standard_methods()) {
            if (!method.empty() && m.name != method) continue;
            found = true;
            const auto s0 = std::chrono::steady_clock::now();
            const auto r = m.run(d.ev);
            const auto sc = evaluate(d, r);
            const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - s0).count();
            const double precision = sc.items ? static_cast<double>(sc.correct) / static_cast<double>(sc.items) : 0.0;
            const double random = sc.items ? sc.random_ties / static_cast<double>(sc.items) : 0.0;
            nlohmann::json line = {{"dataset", d.name},          {"method", m.name},
                                   {"precision", precision},     {"items", sc.items},
                                   {"correct", sc.correct},      {"precision_random_ties", random},
                                   {"iterations", r.iterations}, {"seconds", secs}};
            std::cout << line.dump() << std::endl;
            auto f = figures.find(m.name);
            std::fprintf(stderr, "%-18s %-12s %9.4f %7zu %11.4f  %s\n", d.name.c_str(), m.name.c_str(), precision,
                         sc.items, random, f == figures.end() ? "" : f->second.c_str());
        }
        if (!found) return usage();
    } catch (const std::exception& e) {
        std::cerr << "crosscheck-eval: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
