// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_RESOLVE_METHODS_HPP
#define CROSSCHECK_RESOLVE_METHODS_HPP

// Corroboration and truth resolution: for each item of an `evidence` table, rank its values,
// give each a confidence, and estimate every source's reliability.
//
//   crosscheck::evidence_table ev;
//   ev.observe("a", "paris/population", crosscheck::candidate_value::quantity(2.1e6));
//   auto r = crosscheck::resolve(ev, crosscheck::accu);
//   r.items[0].chosen().text;
//
// A method is any callable `resolution(const evidence_table&, const resolve_options&)`; the built-in
// ones are function objects (niebloids) and `standard_methods()` lists them by name.

#include <crosscheck/resolve/detail/core.hpp>
#include <crosscheck/resolve/detail/methods.hpp>
#include <crosscheck/resolve/evidence.hpp>

#include <functional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace crosscheck {

/// Majority of independent origins: a value's score is its corroboration (spec section 4), the
/// number of distinct origins among the sources that support it.
struct majority_fn {
    resolution operator()(const evidence_table& ev, const resolve_options& opt = {}) const {
        return detail::run_majority(detail::prepare(ev, opt));
    }
};

/// Reliability-weighted vote: each source votes with the log-odds weight ln(n·p/(1−p)) of its
/// prior p (default_prior when none); one round, no estimation.
struct weighted_vote_fn {
    resolution operator()(const evidence_table& ev, const resolve_options& opt = {}) const {
        return detail::run_accu(detail::prepare(ev, opt), false, false, "weighted");
    }
};

/// TruthFinder (Yin, Han & Yu, TKDE 2008): source trust and fact confidence estimated together.
struct truth_finder_fn {
    resolution operator()(const evidence_table& ev, const resolve_options& opt = {}) const {
        return detail::run_truth_finder(detail::prepare(ev, opt));
    }
};

/// Accu / AccuSim (Dong, Berti-Equille & Srivastava, VLDB 2009): Bayesian source accuracy and
/// value probability, iterated; similar values share their votes.
struct accu_fn {
    resolution operator()(const evidence_table& ev, const resolve_options& opt = {}) const {
        return detail::run_accu(detail::prepare(ev, opt), true, false, "accu");
    }
};

/// AccuCopy (Dong et al. 2009; Li et al. PVLDB 2012): Accu plus detection of sources that copy
/// one another; a copier's vote is discounted by the probability that it copied.
struct accu_copy_fn {
    resolution operator()(const evidence_table& ev, const resolve_options& opt = {}) const {
        return detail::run_accu(detail::prepare(ev, opt), true, true, "accu_copy");
    }
};

/// SimpleLCA (Pasternack & Roth, WWW 2013): EM over the latent truth of each item with one
/// honesty parameter per source; a dishonest statement is any of the item's other values.
struct simple_lca_fn {
    resolution operator()(const evidence_table& ev, const resolve_options& opt = {}) const {
        return detail::run_lca(detail::prepare(ev, opt), false, "simple_lca");
    }
};

/// GuessLCA (Pasternack & Roth, WWW 2013): as SimpleLCA, but a source that does not know the
/// truth guesses, more often the values more of the item's statements give.
struct guess_lca_fn {
    resolution operator()(const evidence_table& ev, const resolve_options& opt = {}) const {
        return detail::run_lca(detail::prepare(ev, opt), true, "guess_lca");
    }
};

/// Sums, the Hubs-and-Authorities fact-finder (Kleinberg 1999; a baseline of Pasternack & Roth
/// 2010): a value's belief is the sum of its sources' trust, a source's trust the sum of its
/// values' belief.
struct sums_fn {
    resolution operator()(const evidence_table& ev, const resolve_options& opt = {}) const {
        return detail::run_sums(detail::prepare(ev, opt));
    }
};

inline constexpr majority_fn majority{};
inline constexpr weighted_vote_fn weighted_vote{};
inline constexpr truth_finder_fn truth_finder{};
inline constexpr accu_fn accu{};
inline constexpr accu_copy_fn accu_copy{};
inline constexpr simple_lca_fn simple_lca{};
inline constexpr guess_lca_fn guess_lca{};
inline constexpr sums_fn sums{};

/// Runs any method: a built-in function object or your own callable.
template <class Method,
          std::enable_if_t<
              std::is_invocable_r_v<resolution, const Method&, const evidence_table&, const resolve_options&>, int> = 0>
resolution resolve(const evidence_table& ev, const Method& method, const resolve_options& opt = {}) {
    return std::invoke(method, ev, opt);
}

using resolve_method = std::function<resolution(const evidence_table&, const resolve_options&)>;

struct named_method {
    std::string name;
    resolve_method run;
};

/// The built-in methods by name, simplest first: majority, weighted, truthfinder, accu, accu_copy,
/// simple_lca, guess_lca, sums. Append your own to compare them in the same run.
inline std::vector<named_method> standard_methods() {
    return {{"majority", majority},   {"weighted", weighted_vote}, {"truthfinder", truth_finder}, {"accu", accu},
            {"accu_copy", accu_copy}, {"simple_lca", simple_lca},  {"guess_lca", guess_lca},      {"sums", sums}};
}

}  // namespace crosscheck

#endif
