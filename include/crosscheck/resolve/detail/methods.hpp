// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_RESOLVE_DETAIL_METHODS_HPP
#define CROSSCHECK_RESOLVE_DETAIL_METHODS_HPP

// The resolution algorithms. Each takes the prepared problem and returns a resolution.

#include <crosscheck/resolve/detail/core.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <unordered_map>
#include <vector>

namespace crosscheck {
namespace detail {

inline resolution run_majority(const resolve_problem& p) {
    auto score = zero_scores(p);
    auto conf = zero_scores(p);
    const auto& obs = p.ev->observations();
    for (evidence_table::index it = 0; it < score.size(); ++it) {
        const auto& io = p.item_obs[it];
        if (io.empty()) continue;
        std::vector<evidence_table::index> all;
        for (auto o : io) all.insert(all.end(), p.origins_of(o).begin(), p.origins_of(o).end());
        std::sort(all.begin(), all.end());
        const auto total = static_cast<double>(std::unique(all.begin(), all.end()) - all.begin());
        for (auto o : io) {
            const auto v = obs[o].value;
            if (score[it][v] > 0) continue;
            score[it][v] = static_cast<double>(count_origins(p, it, v));
            conf[it][v] = score[it][v] / total;
        }
    }
    return finish(p, "majority", 1, score, conf, {});
}

inline accuracy_slots slots_of(const accu_options& o) noexcept {
    return o.accuracy_per_attribute ? accuracy_slots::per_attribute : accuracy_slots::per_source;
}

inline double clamp_accuracy(const accu_options& o, double a) {
    return std::min(o.max_accuracy, std::max(o.min_accuracy, a));
}

// Pairwise dependence between sources, keyed by (smaller, larger) source index.
struct dependence {
    double forward = 0;   // P(smaller copies larger)
    double backward = 0;  // P(larger copies smaller)
    double total() const noexcept { return forward + backward; }
};
using dependence_map = std::unordered_map<std::uint64_t, dependence>;

inline std::uint64_t pair_key(evidence_table::index a, evidence_table::index b) {
    if (a > b) std::swap(a, b);
    return (static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint64_t>(b);
}

// One round of the Accu vote (Dong et al. 2009): vote counts from accuracies, discounted by
// dependence when `dep` is given, spread to similar values (AccuSim), then value probabilities.
// `cluster` receives, per value, the probability that the truth is a value this one supports.
inline void accu_vote(const resolve_problem& p, const accu_options& opt, const copy_detection_options& copying,
                      const std::vector<double>& accuracy, const dependence_map* dep,
                      std::vector<std::vector<double>>& score, std::vector<std::vector<double>>& prob,
                      std::vector<std::vector<double>>& cluster) {
    const auto& obs = p.ev->observations();
    const double n = opt.false_values;
    const double c = copying.copy_rate;
    std::vector<double> direct;
    std::vector<evidence_table::index> providers;
    for (evidence_table::index it = 0; it < score.size(); ++it) {
        const auto& io = p.item_obs[it];
        const std::size_t k = p.nvalues(it);
        std::fill(score[it].begin(), score[it].end(), 0.0);
        std::fill(prob[it].begin(), prob[it].end(), 0.0);
        std::fill(cluster[it].begin(), cluster[it].end(), 0.0);
        if (io.empty()) continue;
        direct.assign(k, 0.0);
        std::vector<char> seen(k, 0);
        for (auto o : io) seen[obs[o].value] = 1;
        for (evidence_table::index v = 0; v < k; ++v) {
            if (!seen[v]) continue;
            providers.clear();
            for (auto o : io)
                if (obs[o].value == v) providers.push_back(o);
            // Most accurate first, so a copier is discounted rather than its original.
            std::stable_sort(providers.begin(), providers.end(),
                             [&](auto a, auto b) { return accuracy[p.slot[a]] > accuracy[p.slot[b]]; });
            for (std::size_t i = 0; i < providers.size(); ++i) {
                const auto o = providers[i];
                const double a = clamp_accuracy(opt, accuracy[p.slot[o]]);
                double independent = 1.0;
                if (dep) {
                    for (std::size_t j = 0; j < i; ++j) {
                        const auto s = obs[o].source;
                        const auto t = obs[providers[j]].source;
                        auto d = dep->find(pair_key(s, t));
                        if (d == dep->end()) continue;
                        // P(s copies t): forward when s is the smaller index.
                        const double pc = copying.directional_copying
                                              ? (s < t ? d->second.forward : d->second.backward)
                                              : d->second.total();
                        independent *= 1.0 - c * std::min(1.0, pc);
                    }
                }
                direct[v] += std::log(n * a / (1.0 - a)) * p.weight[o] * independent;
            }
        }
        for (evidence_table::index v = 0; v < k; ++v) {
            if (!seen[v]) continue;
            double sum = 0;
            for (evidence_table::index w = 0; w < k; ++w) {
                if (!seen[w]) continue;
                const double sw = p.similarity(it, v, w);
                sum += direct[w] * (sw >= p.opt->support_threshold ? 1.0 : opt.similarity_weight * sw);
            }
            score[it][v] = sum;
        }
        double top = 0;  // unseen false values have score 0
        std::size_t nseen = 0;
        for (evidence_table::index v = 0; v < k; ++v)
            if (seen[v]) {
                top = std::max(top, score[it][v]);
                ++nseen;
            }
        double z = std::max(0.0, n + 1.0 - static_cast<double>(nseen)) * std::exp(-top);
        for (evidence_table::index v = 0; v < k; ++v)
            if (seen[v]) z += std::exp(score[it][v] - top);
        for (evidence_table::index v = 0; v < k; ++v)
            if (seen[v]) prob[it][v] = std::exp(score[it][v] - top) / z;
        for (evidence_table::index v = 0; v < k; ++v) {
            if (!seen[v]) continue;
            double s = 0;
            for (evidence_table::index w = 0; w < k; ++w)
                if (seen[w] && p.supports(it, v, w)) s += prob[it][w];
            cluster[it][v] = std::min(1.0, s);
        }
    }
}

// A source's accuracy: the mean probability that what it states is true. Per slot (source, or
// source and attribute), shrunk toward the source's overall accuracy; `overall` receives that.
inline std::vector<double> accuracies(const resolve_problem& p, const accu_options& opt,
                                      const std::vector<std::vector<double>>& cluster,
                                      const std::vector<double>& previous, std::vector<double>& overall) {
    const auto& obs = p.ev->observations();
    const std::size_t ns = p.ev->sources().size();
    std::vector<double> sum(ns, 0.0), slot_sum(previous.size(), 0.0), slot_n(previous.size(), 0.0);
    for (auto o : p.active) {
        const double t = cluster[obs[o].item][obs[o].value];
        sum[obs[o].source] += t;
        slot_sum[p.slot[o]] += t;
        slot_n[p.slot[o]] += 1;
    }
    overall.assign(ns, 0.0);
    for (evidence_table::index s = 0; s < ns; ++s) {
        const auto n = static_cast<double>(p.source_obs[s].size());
        // Shrink toward the prior: a source seen once is not thereby 99 % accurate.
        const double k = p.opt->prior_weight;
        overall[s] = n > 0 ? clamp_accuracy(opt, (sum[s] + k * p.prior(s)) / (n + k)) : clamp_accuracy(opt, p.prior(s));
    }
    std::vector<double> a(previous.size());
    for (evidence_table::index q = 0; q < a.size(); ++q) {
        const auto s = p.slot_source[q];
        if (slot_n[q] == 0) {
            a[q] = previous[q];
            continue;
        }
        if (!opt.accuracy_per_attribute) {
            a[q] = overall[s];  // slot == source
            continue;
        }
        // Few statements on an attribute say little: the source's overall accuracy counts as
        // attribute_prior_weight more.
        const double k = opt.attribute_prior_weight;
        a[q] = clamp_accuracy(opt, (slot_sum[q] + k * overall[s]) / (slot_n[q] + k));
    }
    return a;
}

// Copy detection (Dong et al. 2009, section 3): a Bayesian test per pair of sources on the items
// both state. Sharing a value that is probably false is strong evidence of copying; sharing a true
// value is weak evidence; stating different values is evidence against. Identical statements
// count as shared; values that differ, even within a tolerance, are evidence of independence,
// since a copier would have copied the very value.
inline dependence_map detect_copying(const resolve_problem& p, const accu_options& opt,
                                     const copy_detection_options& copying, const std::vector<double>& accuracy,
                                     const std::vector<std::vector<double>>& cluster) {
    using index = evidence_table::index;
    struct loglik {
        double independent = 0, forward = 0, backward = 0;
    };
    std::unordered_map<std::uint64_t, loglik> acc;
    const auto& obs = p.ev->observations();
    const double n = opt.false_values;
    const double c = copying.copy_rate;
    const double tiny = 1e-12;
    std::vector<double> stated, backing;  // per value: statements of it, statements that support it
    for (index it = 0; it < p.item_obs.size(); ++it) {
        const auto& io = p.item_obs[it];
        const std::size_t k = p.nvalues(it);
        double total = 0;
        if (copying.popular_false_values) {
            stated.assign(k, 0.0);
            backing.assign(k, 0.0);
            for (auto o : io) {
                stated[obs[o].value] += p.weight[o];
                total += p.weight[o];
            }
            for (index w = 0; w < k; ++w)
                for (index u = 0; u < k; ++u)
                    if (stated[u] > 0 && p.supports(it, w, u)) backing[w] += stated[u];
        }
        for (std::size_t i = 0; i < io.size(); ++i) {
            for (std::size_t j = i + 1; j < io.size(); ++j) {
                auto oa = io[i];
                auto ob = io[j];
                auto s1 = obs[oa].source;
                auto s2 = obs[ob].source;
                if (s1 == s2 || p.share_origin(s1, s2) || p.observations_share_origin(oa, ob)) continue;
                if (s1 > s2) {
                    std::swap(s1, s2);
                    std::swap(oa, ob);
                }
                const double a1 = clamp_accuracy(opt, accuracy[p.slot[oa]]);
                const double a2 = clamp_accuracy(opt, accuracy[p.slot[ob]]);
                const double both_true = a1 * a2;
                const double both_false = (1 - a1) * (1 - a2) / n;
                auto& l = acc[pair_key(s1, s2)];
                if (obs[oa].value == obs[ob].value) {
                    const auto v = obs[oa].value;
                    const double t = cluster[it][v];
                    // The share of false statements that state v: 1/n if false values are equally
                    // likely; else (PopAccu) its share among the other sources' false statements,
                    // taking the best-backed value that does not support v for the truth. A
                    // popular false value (a common misreading) is no sign that two copy.
                    double share = 1.0 / n;
                    if (copying.popular_false_values) {
                        const double pair = p.weight[oa] + p.weight[ob];
                        double truth = 0;
                        for (index w = 0; w < k; ++w)
                            if (!p.supports(it, v, w) && !p.supports(it, w, v)) truth = std::max(truth, backing[w]);
                        share = (stated[v] - pair + 1.0 / n) / (total - pair - truth + 1.0);
                    }
                    const double same_false = (1 - a1) * (1 - a2) * share;
                    const double ind = t * both_true + (1 - t) * same_false;
                    // Optionally, sharing a true value is no evidence either way (everyone copies the truth).
                    const double ft = copying.shared_truth_evidence ? c * a2 + (1 - c) * both_true : both_true;
                    const double bt = copying.shared_truth_evidence ? c * a1 + (1 - c) * both_true : both_true;
                    const double fw = t * ft + (1 - t) * (c * (1 - a2) + (1 - c) * same_false);
                    const double bw = t * bt + (1 - t) * (c * (1 - a1) + (1 - c) * same_false);
                    l.independent += std::log(std::max(ind, tiny));
                    l.forward += std::log(std::max(fw, tiny));
                    l.backward += std::log(std::max(bw, tiny));
                } else if (!p.supports(it, obs[oa].value, obs[ob].value)) {
                    const double differ = std::max(1 - both_true - both_false, tiny);
                    l.independent += std::log(differ);
                    l.forward += std::log((1 - c) * differ);
                    l.backward += std::log((1 - c) * differ);
                } else {
                    // Close but not identical: a copier would have copied the very value, so
                    // whatever their probability, it is (1 - c) times smaller under copying.
                    l.forward += std::log(1 - c);
                    l.backward += std::log(1 - c);
                }
            }
        }
    }
    dependence_map out;
    const double alpha = copying.copy_prior;
    for (const auto& [key, l] : acc) {
        const double li = std::log(1 - alpha) + l.independent;
        const double lf = std::log(alpha / 2) + l.forward;
        const double lb = std::log(alpha / 2) + l.backward;
        const double top = std::max(li, std::max(lf, lb));
        const double z = std::exp(li - top) + std::exp(lf - top) + std::exp(lb - top);
        dependence d{std::exp(lf - top) / z, std::exp(lb - top) / z};
        if (d.total() > 1e-3) out.emplace(key, d);
    }
    return out;
}

/// The members of the Accu family.
enum class accu_variant : unsigned char {
    weighted_vote,  // one round of the vote from the priors, no estimation
    accu,           // accuracies and value probabilities estimated in turn until they settle
    accu_copy,      // as accu, with copy detection between the rounds
};

inline const char* method_name(accu_variant v) noexcept {
    switch (v) {
        case accu_variant::weighted_vote: return "weighted";
        case accu_variant::accu: return "accu";
        case accu_variant::accu_copy: return "accu_copy";
    }
    return "accu";
}

/// `p` must be prepared from `opt`. `copy` is read by accu_variant::accu_copy only.
inline resolution run_accu(const resolve_problem& p, const accu_options& opt, accu_variant variant,
                           const copy_detection_options& copy = {}) {
    const bool iterate = variant != accu_variant::weighted_vote;
    const bool copying = variant == accu_variant::accu_copy;
    const std::size_t ns = p.ev->sources().size();
    std::vector<double> a(p.slot_source.size()), overall(ns);  // per slot, per source
    for (evidence_table::index q = 0; q < a.size(); ++q) a[q] = clamp_accuracy(opt, p.prior(p.slot_source[q]));
    for (evidence_table::index s = 0; s < ns; ++s) overall[s] = clamp_accuracy(opt, p.prior(s));
    auto score = zero_scores(p);
    auto prob = zero_scores(p);
    auto cluster = zero_scores(p);
    dependence_map dep;
    std::size_t rounds = 0;
    while (true) {
        ++rounds;
        accu_vote(p, opt, copy, a, copying && rounds > 1 ? &dep : nullptr, score, prob, cluster);
        if (!iterate || rounds >= p.opt->max_iterations) break;
        auto next = accuracies(p, opt, cluster, a, overall);
        double moved = 0;
        for (evidence_table::index q = 0; q < a.size(); ++q) moved = std::max(moved, std::fabs(next[q] - a[q]));
        a = std::move(next);
        if (copying) dep = detect_copying(p, opt, copy, a, cluster);
        if (moved < p.opt->convergence && (!copying || rounds > 2)) break;
    }
    auto r = finish(p, method_name(variant), rounds, score, cluster, iterate ? overall : std::vector<double>{});
    for (const auto& [key, d] : dep)
        if (d.total() >= 0.5)
            r.dependencies.push_back(
                {{static_cast<evidence_table::index>(key >> 32), static_cast<evidence_table::index>(key & 0xffffffffu)},
                 d.total()});
    std::sort(r.dependencies.begin(), r.dependencies.end());
    return r;
}

// Latent Credibility Analysis (Pasternack & Roth, WWW 2013): the truth of each item is a latent
// variable, each source has an honesty H (the probability that what it states is true), and EM
// alternates the posterior of the truth (E) with the honesty that maximises the likelihood (M).
//   SimpleLCA: an honest statement is the truth; otherwise one of the item's k - 1 other values,
//              uniformly: P(o | y = v) = H if o supports v, else (1 - H) / (k - 1).
//   GuessLCA:  a source knows the truth with probability H, otherwise guesses a value with the
//              item's guess distribution P_g (the share of the item's statements that state it):
//              P(o | y = v) = H·[o supports v] + (1 - H)·P_g(o's value).
// A statement enters the likelihood with its origin weight (copies of one origin share one
// statement's weight, as in the other methods); H is the mean over the source's statements.
enum class lca_variant : unsigned char { simple, guess };

inline resolution run_lca(const resolve_problem& p, const lca_options& opt, lca_variant variant) {
    const bool guess = variant == lca_variant::guess;
    const auto clamp_honesty = [&](double x) { return std::min(opt.max_honesty, std::max(opt.min_honesty, x)); };
    const auto& obs = p.ev->observations();
    const std::size_t ns = p.ev->sources().size();
    std::vector<double> h(ns);
    for (evidence_table::index s = 0; s < ns; ++s) h[s] = clamp_honesty(p.prior(s));
    auto post = zero_scores(p);     // P(y = v | statements)
    auto guess_p = zero_scores(p);  // GuessLCA: P_g(v)
    if (guess) {
        for (evidence_table::index it = 0; it < post.size(); ++it) {
            double total = 0;
            for (auto o : p.item_obs[it]) {
                guess_p[it][obs[o].value] += p.weight[o];
                total += p.weight[o];
            }
            for (auto& g : guess_p[it]) g = total > 0 ? g / total : 0.0;
        }
    }
    std::vector<double> loglik;
    std::vector<char> seen;
    std::vector<double> knew(ns), count(ns);
    std::size_t rounds = 0;
    while (true) {
        ++rounds;
        // E step: the posterior of each item's truth under the current honesty.
        for (evidence_table::index it = 0; it < post.size(); ++it) {
            const auto& io = p.item_obs[it];
            if (io.empty()) continue;
            const std::size_t k = p.nvalues(it);
            seen.assign(k, 0);
            for (auto o : io) seen[obs[o].value] = 1;
            std::size_t nseen = 0;
            for (auto x : seen) nseen += x ? 1u : 0u;
            const double others = static_cast<double>(std::max<std::size_t>(nseen, 2) - 1);
            loglik.assign(k, 0.0);
            double top = -std::numeric_limits<double>::infinity();
            for (evidence_table::index v = 0; v < k; ++v) {
                if (!seen[v]) continue;
                double l = 0;
                for (auto o : io) {
                    const double hs = h[obs[o].source];
                    const bool right = p.supports(it, v, obs[o].value);
                    const double like = guess ? (right ? hs : 0.0) + (1 - hs) * guess_p[it][obs[o].value]
                                              : (right ? hs : (1 - hs) / others);
                    l += p.weight[o] * std::log(std::max(like, 1e-300));
                }
                loglik[v] = l;
                top = std::max(top, l);
            }
            double z = 0;
            for (evidence_table::index v = 0; v < k; ++v)
                if (seen[v]) z += std::exp(loglik[v] - top);
            for (evidence_table::index v = 0; v < k; ++v) post[it][v] = seen[v] ? std::exp(loglik[v] - top) / z : 0.0;
        }
        if (rounds >= p.opt->max_iterations) break;
        // M step: honesty = expected share of the source's statements that are (known to be) true.
        std::fill(knew.begin(), knew.end(), 0.0);
        std::fill(count.begin(), count.end(), 0.0);
        for (auto o : p.active) {
            const auto it = obs[o].item;
            const auto s = obs[o].source;
            double t = 0;
            for (evidence_table::index v = 0; v < p.nvalues(it); ++v)
                if (post[it][v] > 0 && p.supports(it, v, obs[o].value)) t += post[it][v];
            t = std::min(1.0, t);
            if (guess) {
                // Of a true statement, the part explained by knowing rather than a lucky guess.
                const double g = guess_p[it][obs[o].value];
                t *= h[s] / (h[s] + (1 - h[s]) * g);
            }
            knew[s] += t;
            count[s] += 1;
        }
        double moved = 0;
        for (evidence_table::index s = 0; s < ns; ++s) {
            if (count[s] == 0) continue;
            const double k = p.opt->prior_weight;
            const double next = clamp_honesty((knew[s] + k * p.prior(s)) / (count[s] + k));
            moved = std::max(moved, std::fabs(next - h[s]));
            h[s] = next;
        }
        if (moved < p.opt->convergence) break;
    }
    return finish(p, guess ? "guess_lca" : "simple_lca", rounds, post, post, h);
}

// Sums, the Hubs-and-Authorities fact-finder (Kleinberg 1999) as Pasternack & Roth (COLING 2010)
// use it: a value's belief is the summed trust of the statements that support it (with their
// origin weights), a source's trust the summed belief of the values its statements support.
// Trust starts at 1 for every source and is divided by its largest value each round (a common
// scale changes no ranking); confidence is a value's share of its item's belief.
inline resolution run_sums(const resolve_problem& p) {
    const auto& obs = p.ev->observations();
    const std::size_t ns = p.ev->sources().size();
    std::vector<double> t(ns, 1.0), next(ns);
    auto belief = zero_scores(p);
    auto conf = zero_scores(p);
    std::size_t rounds = 0;
    while (true) {
        ++rounds;
        for (evidence_table::index it = 0; it < belief.size(); ++it) {
            const auto& io = p.item_obs[it];
            if (io.empty()) continue;
            const std::size_t k = p.nvalues(it);
            std::fill(belief[it].begin(), belief[it].end(), 0.0);
            std::vector<char> seen(k, 0);
            for (auto o : io) seen[obs[o].value] = 1;
            double total = 0;
            for (evidence_table::index v = 0; v < k; ++v) {
                if (!seen[v]) continue;
                for (auto o : io)
                    if (p.supports(it, v, obs[o].value)) belief[it][v] += p.weight[o] * t[obs[o].source];
                total += belief[it][v];
            }
            for (evidence_table::index v = 0; v < k; ++v)
                conf[it][v] = seen[v] && total > 0 ? belief[it][v] / total : 0.0;
        }
        if (rounds >= p.opt->max_iterations) break;
        std::fill(next.begin(), next.end(), 0.0);
        for (auto o : p.active) {
            const auto it = obs[o].item;
            for (evidence_table::index v = 0; v < p.nvalues(it); ++v)
                if (belief[it][v] > 0 && p.supports(it, v, obs[o].value)) next[obs[o].source] += belief[it][v];
        }
        double top = 0;
        for (auto x : next) top = std::max(top, x);
        double moved = 0;
        for (evidence_table::index s = 0; s < ns; ++s) {
            if (p.source_obs[s].empty()) continue;
            const double nt = top > 0 ? next[s] / top : 0.0;
            moved = std::max(moved, std::fabs(nt - t[s]));
            t[s] = nt;
        }
        if (moved < p.opt->convergence) break;
    }
    return finish(p, "sums", rounds, belief, conf, t);
}

// TruthFinder (Yin, Han & Yu 2008): trust of a source is the mean confidence of its facts; a
// fact's confidence grows with the trust of its sources and of similar facts, shrinks with
// conflicting ones.
inline resolution run_truth_finder(const resolve_problem& p, const truth_finder_options& o) {
    const auto& obs = p.ev->observations();
    const std::size_t ns = p.ev->sources().size();
    std::vector<double> t(ns);
    for (evidence_table::index s = 0; s < ns; ++s)
        t[s] = p.ev->sources()[s].prior ? *p.ev->sources()[s].prior : o.initial_trust;
    auto sigma = zero_scores(p);
    auto conf = zero_scores(p);
    std::vector<double> direct;
    std::size_t rounds = 0;
    while (rounds < o.max_iterations) {
        ++rounds;
        for (evidence_table::index it = 0; it < sigma.size(); ++it) {
            const auto& io = p.item_obs[it];
            if (io.empty()) continue;
            const std::size_t k = p.nvalues(it);
            direct.assign(k, 0.0);
            std::vector<char> seen(k, 0);
            for (auto ob : io) {
                const double ts = std::min(t[obs[ob].source], 1.0 - 1e-6);
                direct[obs[ob].value] += -std::log(1.0 - ts) * p.weight[ob];
                seen[obs[ob].value] = 1;
            }
            for (evidence_table::index v = 0; v < k; ++v) {
                if (!seen[v]) continue;
                double s = 0;
                for (evidence_table::index w = 0; w < k; ++w) {
                    if (!seen[w]) continue;
                    const double sim = p.similarity(it, v, w);
                    s += direct[w] * (sim >= o.support_threshold ? 1.0 : o.influence * (sim - o.base_similarity));
                }
                sigma[it][v] = s;
                conf[it][v] = 1.0 / (1.0 + std::exp(-o.dampening * s));
            }
        }
        double moved = 0;
        for (evidence_table::index s = 0; s < ns; ++s) {
            const auto& so = p.source_obs[s];
            if (so.empty()) continue;
            double sum = 0;
            for (auto ob : so) sum += conf[obs[ob].item][obs[ob].value];
            const double prior = p.ev->sources()[s].prior ? *p.ev->sources()[s].prior : o.initial_trust;
            const double nt = (sum + o.prior_weight * prior) / (static_cast<double>(so.size()) + o.prior_weight);
            moved = std::max(moved, std::fabs(nt - t[s]));
            t[s] = nt;
        }
        if (moved < o.convergence) break;
    }
    return finish(p, "truthfinder", rounds, sigma, conf, t);
}

}  // namespace detail
}  // namespace crosscheck

#endif
