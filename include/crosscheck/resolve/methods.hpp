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
// Each built-in method is a function object (niebloid) taking its own options, which add to the
// common `resolve_options` what only that method reads (resolve/evidence.hpp):
//
//   crosscheck::accu_options o;
//   o.false_values = 10;
//   auto r2 = crosscheck::accu(ev, o);
//
// `standard_methods()` lists them by name, each with its defaults.

#include <crosscheck/resolve/detail/core.hpp>
#include <crosscheck/resolve/detail/methods.hpp>
#include <crosscheck/resolve/evidence.hpp>

#include <functional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace crosscheck {

/// Majority of independent origins: a value's score is its corroboration (§4), the
/// number of distinct origins among the sources that support it.
struct majority_fn {
    resolution operator()(const evidence_table& ev, const resolve_options& opt = {}) const {
        return detail::run_majority(detail::prepare(ev, opt));
    }
};

/// Reliability-weighted vote: each source votes with the log-odds weight ln(n·p/(1−p)) of its
/// prior p (default_prior when none); one round of the Accu vote, no estimation.
struct weighted_vote_fn {
    resolution operator()(const evidence_table& ev, const accu_options& opt = {}) const {
        return detail::run_accu(detail::prepare(ev, opt, detail::slots_of(opt)), opt,
                                detail::accu_variant::weighted_vote);
    }
};

/// TruthFinder (Yin, Han & Yu, TKDE 2008): source trust and fact confidence estimated together.
struct truth_finder_fn {
    resolution operator()(const evidence_table& ev, const truth_finder_options& opt = {}) const {
        return detail::run_truth_finder(detail::prepare(ev, opt), opt);
    }
};

/// Accu / AccuSim (Dong, Berti-Equille & Srivastava, VLDB 2009): Bayesian source accuracy and
/// value probability, iterated; similar values share their votes.
struct accu_fn {
    resolution operator()(const evidence_table& ev, const accu_options& opt = {}) const {
        return detail::run_accu(detail::prepare(ev, opt, detail::slots_of(opt)), opt, detail::accu_variant::accu);
    }
};

/// AccuCopy (Dong et al. 2009; Li et al. PVLDB 2012): Accu plus detection of sources that copy
/// one another; a copier's vote is discounted by the probability that it copied.
struct accu_copy_fn {
    resolution operator()(const evidence_table& ev, const accu_copy_options& opt = {}) const {
        return detail::run_accu(detail::prepare(ev, opt, detail::slots_of(opt)), opt,
                                detail::accu_variant::accu_copy, opt.copying);
    }
};

/// SimpleLCA (Pasternack & Roth, WWW 2013): EM over the latent truth of each item with one
/// honesty parameter per source; a dishonest statement is any of the item's other values.
struct simple_lca_fn {
    resolution operator()(const evidence_table& ev, const lca_options& opt = {}) const {
        return detail::run_lca(detail::prepare(ev, opt), opt, detail::lca_variant::simple);
    }
};

/// GuessLCA (Pasternack & Roth, WWW 2013): as SimpleLCA, but a source that does not know the
/// truth guesses, more often the values more of the item's statements give.
struct guess_lca_fn {
    resolution operator()(const evidence_table& ev, const lca_options& opt = {}) const {
        return detail::run_lca(detail::prepare(ev, opt), opt, detail::lca_variant::guess);
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

/// Runs any method, a built-in function object or your own callable, with the options it takes
/// (none: its defaults).
template <class Method, class... Options,
          std::enable_if_t<std::is_invocable_r_v<resolution, const Method&, const evidence_table&, const Options&...>,
                           int> = 0>
resolution resolve(const evidence_table& ev, const Method& method, const Options&... opt) {
    return std::invoke(method, ev, opt...);
}

/// A method with its options bound.
using resolve_method = std::function<resolution(const evidence_table&)>;

struct named_method {
    std::string name;
    resolve_method run;
};

namespace detail {
/// `Method` run with its default options, the common part replaced by `common`.
template <class Options, class Method>
resolve_method with_common(const Method& method, const resolve_options& common) {
    Options opt;
    static_cast<resolve_options&>(opt) = common;
    return [method, opt](const evidence_table& ev) { return method(ev, opt); };
}
}  // namespace detail

/// The built-in methods by name, simplest first: majority, weighted, truthfinder, accu, accu_copy,
/// simple_lca, guess_lca, sums; each with its own defaults and the common settings `common`.
/// Append your own to compare them in the same run.
inline std::vector<named_method> standard_methods(const resolve_options& common = {}) {
    using detail::with_common;
    return {{"majority", with_common<resolve_options>(majority, common)},
            {"weighted", with_common<accu_options>(weighted_vote, common)},
            {"truthfinder", with_common<truth_finder_options>(truth_finder, common)},
            {"accu", with_common<accu_options>(accu, common)},
            {"accu_copy", with_common<accu_copy_options>(accu_copy, common)},
            {"simple_lca", with_common<lca_options>(simple_lca, common)},
            {"guess_lca", with_common<lca_options>(guess_lca, common)},
            {"sums", with_common<resolve_options>(sums, common)}};
}

}  // namespace crosscheck

#endif
