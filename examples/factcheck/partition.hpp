// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
//
// `crosscheck partition` and `crosscheck merge`: check a corpus too large for one machine in
// parts, then combine the parts' reports.
//
// Claims of different (entity, predicate) groups never conflict, so a corpus split by group into
// parts that each carry every declaration (sources, entities, vocabulary, scopes, units) gives
// parts whose findings and stats add up to those of the whole. Groups tied by a rule stay in one
// part, with the rule.
#ifndef CROSSCHECK_FACTCHECK_PARTITION_HPP
#define CROSSCHECK_FACTCHECK_PARTITION_HPP

#include <crosscheck/corpus/corpus.hpp>
#include <crosscheck/io/json.hpp>
#include <crosscheck/report/report.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

namespace factcheck {

/// Which part each claim of `c` goes to (0-based), and which part each rule goes to.
struct partition_plan {
    std::vector<std::size_t> claim_part;
    std::vector<std::size_t> rule_part;
    std::vector<std::size_t> claims_in_part;
};

namespace detail {
/// Union–find over group ids, so that the groups a rule ties together stay together.
class disjoint_sets {
public:
    explicit disjoint_sets(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), std::size_t{0}); }
    std::size_t find(std::size_t x) {
        while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
        return x;
    }
    void unite(std::size_t a, std::size_t b) { parent_[find(a)] = find(b); }

private:
    std::vector<std::size_t> parent_;
};
}  // namespace detail

/// Splits the claims of `c` into `parts` parts by (entity, predicate) group, balancing the number
/// of claims: the largest blocks of groups first, each into the part with the fewest claims so far.
/// The plan depends only on the corpus, so the same input always gives the same parts.
inline partition_plan plan_partition(crosscheck::corpus& c, std::size_t parts) {
    using key = std::pair<crosscheck::symbol, crosscheck::symbol>;
    std::map<key, std::size_t> group_of;
    std::vector<std::size_t> claim_group(c.size());
    for (crosscheck::claim_index i : c.claim_indices()) {
        const auto& r = c.stored(i);
        claim_group[to_index(i)] =
            group_of.emplace(key{c.resolve(r.subject), r.predicate}, group_of.size()).first->second;
    }
    // A rule's references name groups (subject after aliases, predicate) that may have no claims.
    auto group_of_ref = [&](const crosscheck::rule_ref& ref) {
        key k{c.resolve(c.names().intern(ref.subject)), c.names().intern(ref.predicate)};
        return group_of.emplace(k, group_of.size()).first->second;
    };
    std::vector<std::vector<std::size_t>> rule_groups;
    for (const auto& rule : c.rules()) {
        std::vector<std::size_t> g{group_of_ref(rule.total)};
        for (const auto& p : rule.parts) g.push_back(group_of_ref(p));
        rule_groups.push_back(std::move(g));
    }
    detail::disjoint_sets sets(group_of.size());
    for (const auto& g : rule_groups)
        for (std::size_t k = 1; k < g.size(); ++k) sets.unite(g[0], g[k]);

    // Blocks of groups, their sizes, then largest first into the emptiest part (ties: lower index).
    std::vector<std::size_t> block_size(group_of.size(), 0);
    for (auto g : claim_group) ++block_size[sets.find(g)];
    std::vector<std::size_t> blocks;
    for (std::size_t g = 0; g < group_of.size(); ++g)
        if (sets.find(g) == g) blocks.push_back(g);
    std::stable_sort(blocks.begin(), blocks.end(),
                     [&](std::size_t a, std::size_t b) { return block_size[a] > block_size[b]; });
    partition_plan plan;
    plan.claims_in_part.assign(parts, 0);
    std::vector<std::size_t> block_part(group_of.size(), 0);
    for (auto b : blocks) {
        auto emptiest = static_cast<std::size_t>(
            std::min_element(plan.claims_in_part.begin(), plan.claims_in_part.end()) - plan.claims_in_part.begin());
        block_part[b] = emptiest;
        plan.claims_in_part[emptiest] += block_size[b];
    }
    plan.claim_part.resize(c.size());
    for (std::size_t i = 0; i < c.size(); ++i) plan.claim_part[i] = block_part[sets.find(claim_group[i])];
    for (const auto& g : rule_groups) plan.rule_part.push_back(block_part[sets.find(g[0])]);
    return plan;
}

/// The JSON corpora of the parts: each has every declaration of `c`, its own claims and rules.
inline std::vector<nlohmann::json> partition_corpus(crosscheck::corpus& c, std::size_t parts) {
    const partition_plan plan = plan_partition(c, parts);
    nlohmann::json whole = crosscheck::to_json_corpus(c);
    nlohmann::json claims = std::move(whole["claims"]);
    nlohmann::json rules = whole.contains("rules") ? std::move(whole["rules"]) : nlohmann::json::array();
    whole.erase("claims");
    whole.erase("rules");
    std::vector<nlohmann::json> out(parts, whole);
    for (auto& p : out) p["claims"] = nlohmann::json::array();
    for (std::size_t i = 0; i < claims.size(); ++i) out[plan.claim_part[i]]["claims"].push_back(std::move(claims[i]));
    for (std::size_t r = 0; r < rules.size(); ++r) {
        auto& part = out[plan.rule_part[r]];
        if (!part.contains("rules")) part["rules"] = nlohmann::json::array();
        part["rules"].push_back(std::move(rules[r]));
    }
    return out;
}

/// Combines the reports of the parts of one corpus: findings in part order, stats added up,
/// listed pairs joined. Findings about no claim (a source citing an undeclared source) come out
/// of every part alike; they are kept once, and the input-warning count corrected.
inline crosscheck::report merge_reports(const std::vector<crosscheck::report>& reports) {
    crosscheck::report out;
    std::vector<const crosscheck::finding*> claimless;
    for (const auto& r : reports) {
        for (const auto& f : r.findings) {
            if (f.claims.empty()) {
                bool seen = std::any_of(claimless.begin(), claimless.end(),
                                        [&](const crosscheck::finding* g) { return *g == f; });
                if (seen) {
                    if (f.kind == crosscheck::kinds::input_warning && out.stats.input_warnings > 0)
                        --out.stats.input_warnings;
                    continue;
                }
                claimless.push_back(&f);
            }
            out.findings.push_back(f);
        }
        out.stats.claims += r.stats.claims;
        out.stats.keys += r.stats.keys;
        out.stats.conflicting_pairs += r.stats.conflicting_pairs;
        out.stats.conflicted_keys += r.stats.conflicted_keys;
        out.stats.self_contradictions += r.stats.self_contradictions;
        out.stats.rule_violations += r.stats.rule_violations;
        out.stats.input_warnings += r.stats.input_warnings;
        out.pairs.insert(out.pairs.end(), r.pairs.begin(), r.pairs.end());
        out.pairs_complete = out.pairs_complete && r.pairs_complete;
    }
    std::sort(out.pairs.begin(), out.pairs.end());
    return out;
}

}  // namespace factcheck

#endif
