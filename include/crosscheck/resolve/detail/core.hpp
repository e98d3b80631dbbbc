// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_RESOLVE_DETAIL_CORE_HPP
#define CROSSCHECK_RESOLVE_DETAIL_CORE_HPP

// The evidence prepared once for every method: superseded statements dropped, origins followed,
// similarities tabulated; and the common last step that turns per-value scores into a resolution.

#include <crosscheck/resolve/evidence.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <numeric>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace crosscheck {
namespace detail {

/// Whose accuracy an observation uses (the Accu family; the other methods read no slot).
enum class accuracy_slots : unsigned char {
    per_source,     // one slot per source
    per_attribute,  // one per (source, item attribute): accu_options::accuracy_per_attribute
};

struct resolve_problem {
    using index = evidence_table::index;

    const evidence_table* ev = nullptr;
    const resolve_options* opt = nullptr;
    std::vector<index> active;                   // observation indices that count
    std::vector<std::vector<index>> item_obs;    // per item: active observations
    std::vector<std::vector<index>> source_obs;  // per source: active observations
    std::vector<std::vector<index>> origins;     // per source: sorted origin sources (§4)
    std::vector<index> root;                     // per observation: the one it repeats, followed to the end
    std::vector<std::vector<double>> sim;        // per item: k*k similarity of its values
    std::vector<double> weight;                  // per observation: 1 / copies of it within one origin
    std::vector<std::vector<index>> first_seen;  // per item, per value: earliest active observation
    // Accu family: whose accuracy an observation uses. One slot per (source, item attribute) with
    // accuracy_slots::per_attribute, else one per source (then slot == source).
    std::vector<index> slot;         // per observation
    std::vector<index> slot_source;  // per slot: its source

    std::size_t nvalues(index item) const { return ev->items()[item].values.size(); }
    double similarity(index item, index a, index b) const { return sim[item][a * nvalues(item) + b]; }
    bool supports(index item, index a, index b) const { return similarity(item, a, b) >= opt->support_threshold; }
    double prior(index source) const {
        const auto& p = ev->sources()[source].prior;
        return p ? *p : opt->default_prior;
    }
    /// The origins of an observation: those of the observation it repeats, else its source's.
    const std::vector<index>& origins_of(index observation) const {
        return origins[ev->observations()[root[observation]].source];
    }
    bool share_origin(index a, index b) const { return intersect(origins[a], origins[b]); }
    bool observations_share_origin(index a, index b) const { return intersect(origins_of(a), origins_of(b)); }
    static bool intersect(const std::vector<index>& x, const std::vector<index>& y) {
        auto i = x.begin();
        auto j = y.begin();
        while (i != x.end() && j != y.end()) {
            if (*i == *j) return true;
            if (*i < *j) ++i;
            else ++j;
        }
        return false;
    }
};

inline void collect_origins(const evidence_table& ev, evidence_table::index s, std::vector<char>& state,
                            std::vector<std::vector<evidence_table::index>>& out) {
    // state: 0 unvisited, 1 in progress (a citation cycle), 2 done
    if (state[s] == 2) return;
    state[s] = 1;
    std::vector<evidence_table::index> o;
    for (auto c : ev.sources()[s].cites) {
        if (state[c] == 1) continue;  // a cycle contributes nothing new
        collect_origins(ev, c, state, out);
        o.insert(o.end(), out[c].begin(), out[c].end());
    }
    if (o.empty()) o.push_back(s);
    std::sort(o.begin(), o.end());
    o.erase(std::unique(o.begin(), o.end()), o.end());
    out[s] = std::move(o);
    state[s] = 2;
}

inline resolve_problem prepare(const evidence_table& ev, const resolve_options& opt,
                               accuracy_slots slots = accuracy_slots::per_source) {
    using index = evidence_table::index;
    resolve_problem p;
    p.ev = &ev;
    p.opt = &opt;
    const auto& obs = ev.observations();
    const auto& items = ev.items();
    const std::size_t ns = ev.sources().size();

    // Supersession: per (source, item, period) keep the statement with the greatest sequence.
    std::vector<char> keep(obs.size(), 1);
    if (opt.latest_per_source) {
        struct key_hash {
            std::size_t operator()(const std::pair<std::pair<index, index>, long long>& k) const noexcept {
                std::size_t h = std::hash<index>{}(k.first.first);
                h = h * 1000003u ^ std::hash<index>{}(k.first.second);
                return h * 1000003u ^ std::hash<long long>{}(k.second);
            }
        };
        std::unordered_map<std::pair<std::pair<index, index>, long long>, index, key_hash> latest;
        latest.reserve(obs.size());
        for (index i = 0; i < obs.size(); ++i) {
            const auto& o = obs[i];
            const long long per = o.period ? *o.period : std::numeric_limits<long long>::min();
            auto [it, fresh] = latest.try_emplace({{o.source, o.item}, per}, i);
            if (!fresh) {
                if (obs[it->second].sequence <= o.sequence) {
                    keep[it->second] = 0;
                    it->second = i;
                } else {
                    keep[i] = 0;
                }
            }
        }
    }
    p.item_obs.assign(items.size(), {});
    p.source_obs.assign(ns, {});
    for (index i = 0; i < obs.size(); ++i) {
        if (!keep[i]) continue;
        p.active.push_back(i);
        p.item_obs[obs[i].item].push_back(i);
        p.source_obs[obs[i].source].push_back(i);
    }

    p.origins.assign(ns, {});
    std::vector<char> state(ns, 0);
    for (index s = 0; s < ns; ++s) collect_origins(ev, s, state, p.origins);
    p.root.resize(obs.size());
    for (index i = 0; i < obs.size(); ++i) p.root[i] = obs[i].cites ? p.root[*obs[i].cites] : i;  // cites < i

    p.sim.assign(items.size(), {});
    p.first_seen.assign(items.size(), {});
    for (index it = 0; it < items.size(); ++it) {
        const std::size_t k = items[it].values.size();
        auto& m = p.sim[it];
        m.assign(k * k, 0.0);
        for (index a = 0; a < k; ++a)
            for (index b = 0; b < k; ++b) m[a * k + b] = ev.similarity(it, a, b);
        auto& fs = p.first_seen[it];
        fs.assign(k, static_cast<index>(-1));
        for (auto o : p.item_obs[it]) fs[obs[o].value] = std::min(fs[obs[o].value], o);
    }

    p.slot.assign(obs.size(), 0);
    if (slots == accuracy_slots::per_attribute) {
        std::unordered_map<std::string, index> attribute_id;
        std::unordered_map<std::uint64_t, index> slot_id;
        for (auto i : p.active) {
            const auto a = attribute_id.try_emplace(items[obs[i].item].attribute, attribute_id.size()).first->second;
            const auto key = static_cast<std::uint64_t>(obs[i].source) * items.size() + a;  // a < items.size()
            const auto [it, fresh] = slot_id.try_emplace(key, p.slot_source.size());
            if (fresh) p.slot_source.push_back(obs[i].source);
            p.slot[i] = it->second;
        }
    } else {
        for (auto i : p.active) p.slot[i] = obs[i].source;
        p.slot_source.resize(ns);
        std::iota(p.slot_source.begin(), p.slot_source.end(), index{0});
    }

    // A value stated by several sources of one origin counts once: split the weight.
    p.weight.assign(obs.size(), 0.0);
    for (index it = 0; it < items.size(); ++it) {
        const auto& io = p.item_obs[it];
        for (auto a : io) {
            std::size_t same = 0;
            for (auto b : io)
                if (obs[a].value == obs[b].value && p.observations_share_origin(a, b)) ++same;
            p.weight[a] = 1.0 / static_cast<double>(same);
        }
    }
    return p;
}

/// Whether two scores are equal up to floating-point rounding.
inline bool same_score(double a, double b) noexcept {
    return std::fabs(a - b) <= 1e-12 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

/// Distinct origins among the active observations of `item` that support `value`.
inline std::size_t count_origins(const resolve_problem& p, evidence_table::index item, evidence_table::index value) {
    std::vector<evidence_table::index> seen;
    const auto& obs = p.ev->observations();
    for (auto o : p.item_obs[item])
        if (p.supports(item, value, obs[o].value))
            seen.insert(seen.end(), p.origins_of(o).begin(), p.origins_of(o).end());
    std::sort(seen.begin(), seen.end());
    return static_cast<std::size_t>(std::unique(seen.begin(), seen.end()) - seen.begin());
}

/// Builds the resolution from per-item, per-value scores and confidences. `reliability` may be
/// empty: then each source's reliability is the share of its statements that support the chosen
/// value.
inline resolution finish(const resolve_problem& p, std::string method, std::size_t iterations,
                         const std::vector<std::vector<double>>& score,
                         const std::vector<std::vector<double>>& confidence, std::vector<double> reliability) {
    using index = evidence_table::index;
    const evidence_table& ev = *p.ev;
    const auto& obs = ev.observations();
    resolution r;
    r.method = std::move(method);
    r.iterations = iterations;
    r.items.resize(ev.items().size());
    for (index it = 0; it < ev.items().size(); ++it) {
        auto& ir = r.items[it];
        ir.item = it;
        ir.key = ev.items()[it].key;
        const auto& io = p.item_obs[it];
        if (io.empty()) continue;
        std::vector<index> vals;
        std::vector<long long> latest(p.nvalues(it), std::numeric_limits<long long>::min());
        for (auto o : io) {
            if (std::find(vals.begin(), vals.end(), obs[o].value) == vals.end()) vals.push_back(obs[o].value);
            if (obs[o].period) latest[obs[o].value] = std::max(latest[obs[o].value], *obs[o].period);
        }
        // Best score first; ties go to the value stated first (deterministic, and on edited pages
        // the standing value).
        std::sort(vals.begin(), vals.end(), [&](index a, index b) {
            if (score[it][a] != score[it][b]) return score[it][a] > score[it][b];
            return p.first_seen[it][a] < p.first_seen[it][b];
        });
        // Scores that differ only by rounding (the same evidence summed in another order) are
        // ties too: each run of them, measured from its best, is put in order of first statement.
        for (std::size_t from = 0; from < vals.size();) {
            std::size_t to = from + 1;
            while (to < vals.size() && same_score(score[it][vals[from]], score[it][vals[to]])) ++to;
            std::sort(vals.begin() + static_cast<std::ptrdiff_t>(from), vals.begin() + static_cast<std::ptrdiff_t>(to),
                      [&](index a, index b) { return p.first_seen[it][a] < p.first_seen[it][b]; });
            from = to;
        }
        if (ev.items()[it].time_varying) {
            // The value of the latest period wins unless an older one outweighs it.
            index recent = vals.front();
            for (auto v : vals)
                if (latest[v] > latest[recent]) recent = v;
            const double best = score[it][vals.front()];
            if (recent != vals.front() && !(best > p.opt->older_outweighs * score[it][recent])) {
                vals.erase(std::find(vals.begin(), vals.end(), recent));
                vals.insert(vals.begin(), recent);
            }
        }
        for (auto v : vals) {
            ranked_value rv;
            rv.value = v;
            rv.text = ev.items()[it].values[v].text;
            rv.score = score[it][v];
            rv.confidence = confidence[it][v];
            rv.origins = count_origins(p, it, v);
            for (auto o : io) (p.supports(it, v, obs[o].value) ? rv.supporting : rv.opposing).push_back(o);
            ir.ranked.push_back(std::move(rv));
        }
    }
    const std::size_t ns = ev.sources().size();
    if (reliability.size() != ns) {
        reliability.assign(ns, 0.0);
        for (index s = 0; s < ns; ++s) {
            std::size_t good = 0;
            for (auto o : p.source_obs[s]) {
                const auto& ir = r.items[obs[o].item];
                if (ir.resolved() && p.supports(obs[o].item, ir.chosen().value, obs[o].value)) ++good;
            }
            const auto n = p.source_obs[s].size();
            reliability[s] = n ? static_cast<double>(good) / static_cast<double>(n) : p.prior(s);
        }
    }
    r.sources.resize(ns);
    for (index s = 0; s < ns; ++s)
        r.sources[s] = source_estimate{s, ev.sources()[s].id, reliability[s], p.source_obs[s].size()};
    return r;
}

/// Scores shaped like the items' value lists, all zero.
inline std::vector<std::vector<double>> zero_scores(const resolve_problem& p) {
    std::vector<std::vector<double>> s(p.ev->items().size());
    for (std::size_t it = 0; it < s.size(); ++it) s[it].assign(p.nvalues(it), 0.0);
    return s;
}

}  // namespace detail
}  // namespace crosscheck

#endif
