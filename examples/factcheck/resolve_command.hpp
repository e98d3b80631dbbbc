// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
//
// `crosscheck resolve`: which value of each disputed key is most likely true, by one of the
// resolution methods of crosscheck/resolve/methods.hpp, and how reliable each source looks to it.
#ifndef CROSSCHECK_FACTCHECK_RESOLVE_COMMAND_HPP
#define CROSSCHECK_FACTCHECK_RESOLVE_COMMAND_HPP

#include <crosscheck/corpus/corpus.hpp>
#include <crosscheck/report/text.hpp>
#include <crosscheck/resolve/from_corpus.hpp>
#include <crosscheck/resolve/methods.hpp>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace factcheck {

/// One item of a resolution as the program shows it: the key split into its parts and each
/// value with the claims behind it.
struct resolved_value {
    std::string text;
    double confidence = 0;
    double score = 0;
    std::size_t origins = 0;
    std::vector<std::string> claims;
};
struct resolved_item {
    std::string subject, predicate, scope;
    bool planned = false;
    std::vector<resolved_value> values;  // best first
};
struct resolved_source {
    std::string id;
    double reliability = 0;
    std::size_t observations = 0;
};
struct resolve_outcome {
    std::string method;
    std::size_t iterations = 0;
    std::vector<resolved_item> items;
    std::vector<resolved_source> sources;
};

/// Runs `method` over the corpus. Only keys with more than one value are kept unless `all`.
inline resolve_outcome resolve_corpus(const crosscheck::corpus& c, const crosscheck::named_method& method,
                                      const crosscheck::corpus_evidence_options& eo, bool all) {
    const crosscheck::corpus_evidence ce = crosscheck::to_evidence(c, eo);
    const crosscheck::resolution res = method.run(ce.ev);
    resolve_outcome out;
    out.method = method.name;
    out.iterations = res.iterations;
    for (const auto& it : res.items) {
        if (!it.resolved() || (!all && it.ranked.size() < 2)) continue;
        resolved_item ri;
        // The key is "subject|predicate|scope[|planned]" (resolve/from_corpus.hpp).
        std::vector<std::string> parts;
        std::string::size_type from = 0;
        for (;;) {
            auto bar = it.key.find('|', from);
            parts.push_back(it.key.substr(from, bar - from));
            if (bar == std::string::npos) break;
            from = bar + 1;
        }
        parts.resize(std::max<std::size_t>(parts.size(), 3));
        ri.subject = parts[0];
        ri.predicate = parts[1];
        ri.scope = parts[2];
        ri.planned = parts.size() > 3 && parts[3] == "planned";
        for (const auto& v : it.ranked) {
            resolved_value rv;
            rv.text = v.text;
            rv.confidence = v.confidence;
            rv.score = v.score;
            rv.origins = v.origins;
            for (auto obs : v.supporting)
                if (obs < ce.claim_of.size()) rv.claims.emplace_back(c.claim_id(ce.claim_of[obs]));
            ri.values.push_back(std::move(rv));
        }
        out.items.push_back(std::move(ri));
    }
    for (const auto& s : res.sources) {
        if (s.observations == 0) continue;  // cited only, or a claim's derived source with no say
        out.sources.push_back({s.id, s.reliability, s.observations});
    }
    std::sort(out.sources.begin(), out.sources.end(),
              [](const resolved_source& a, const resolved_source& b) { return a.reliability > b.reliability; });
    return out;
}

inline std::string key_title(const resolved_item& it) {
    std::string t = it.subject + " \xc2\xb7 " + it.predicate;
    if (!it.scope.empty()) t += " [" + it.scope + "]";
    if (it.planned) t += " (planned)";
    return t;
}

inline void write_resolution_text(std::ostream& os, const resolve_outcome& r) {
    for (const auto& it : r.items) {
        os << key_title(it) << '\n';
        bool first = true;
        for (const auto& v : it.values) {
            os << (first ? "  \xe2\x9c\x93 " : "    ") << v.text << " \xe2\x80\x94 "
               << fmt::format("confidence {:.2f}", v.confidence) << ", "
               << crosscheck::detail::count_of(v.origins, "origin", "origins") << " ("
               << crosscheck::detail::join(v.claims, ", ") << ")\n";
            first = false;
        }
        os << '\n';
    }
    if (r.items.empty()) os << "No disputed keys.\n\n";
    os << "Source reliability (" << r.method << "):\n";
    for (const auto& s : r.sources)
        os << fmt::format("  {:.2f}  {} ({})\n", s.reliability, s.id,
                          crosscheck::detail::count_of(s.observations, "claim", "claims"));
    os << '\n' << crosscheck::detail::count_of(r.items.size(), "key", "keys") << " resolved by " << r.method;
    if (r.iterations) os << " in " << crosscheck::detail::count_of(r.iterations, "iteration", "iterations");
    os << '\n';
}

inline void write_resolution_markdown(std::ostream& os, const resolve_outcome& r, const std::string& title) {
    using crosscheck::detail::md_code;
    using crosscheck::detail::md_escape;
    os << "## " << md_escape(title) << "\n\nMethod: " << md_code(r.method) << ".\n";
    if (!r.items.empty()) {
        os << "\n| Subject | Predicate | Scope | Most likely | Confidence | Other values |\n"
              "|---|---|---|---|---:|---|\n";
        for (const auto& it : r.items) {
            const auto& best = it.values.front();
            std::string others;
            for (std::size_t k = 1; k < it.values.size(); ++k) {
                if (k > 1) others += "; ";
                others += md_escape(it.values[k].text) + fmt::format(" ({:.2f})", it.values[k].confidence);
            }
            os << "| " << md_escape(it.subject) << " | " << md_escape(it.predicate) << (it.planned ? " (planned)" : "")
               << " | " << (it.scope.empty() ? "" : md_code(it.scope)) << " | **" << md_escape(best.text) << "** | "
               << fmt::format("{:.2f}", best.confidence) << " | " << others << " |\n";
        }
    } else {
        os << "\nNo disputed keys.\n";
    }
    os << "\n| Source | Reliability | Claims |\n|---|---:|---:|\n";
    for (const auto& s : r.sources)
        os << "| " << md_code(s.id) << " | " << fmt::format("{:.2f}", s.reliability) << " | " << s.observations
           << " |\n";
}

inline nlohmann::json resolution_json(const resolve_outcome& r) {
    nlohmann::json j;
    j["method"] = r.method;
    j["iterations"] = r.iterations;
    auto& items = j["items"] = nlohmann::json::array();
    for (const auto& it : r.items) {
        nlohmann::json values = nlohmann::json::array();
        for (const auto& v : it.values)
            values.push_back({{"value", v.text},
                              {"confidence", v.confidence},
                              {"score", v.score},
                              {"origins", v.origins},
                              {"claims", v.claims}});
        nlohmann::json item = {{"subject", it.subject}, {"predicate", it.predicate}, {"values", std::move(values)}};
        if (!it.scope.empty()) item["scope"] = it.scope;
        if (it.planned) item["planned"] = true;
        items.push_back(std::move(item));
    }
    auto& sources = j["sources"] = nlohmann::json::array();
    for (const auto& s : r.sources)
        sources.push_back({{"id", s.id}, {"reliability", s.reliability}, {"claims", s.observations}});
    return j;
}

}  // namespace factcheck

#endif
