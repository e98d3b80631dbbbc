// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_RESOLVE_EVIDENCE_HPP
#define CROSSCHECK_RESOLVE_EVIDENCE_HPP

// The small evidence model that truth resolution works on: sources (with optional reliability
// priors and citations), items (keys) with candidate values and a support relation, and the
// observations that tie them together. It does not depend on the corpus type, so any data can be
// resolved; resolve_corpus.hpp converts a corpus into it.

#include <crosscheck/config.hpp>
#include <crosscheck/detail/number.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace crosscheck {

/// One candidate value of an item. `text` is its identity: two observations with the same text
/// state the same value. `number` carries the magnitude of a quantity or time, and with `upper`
/// the first and last day of a calendar value; both are NaN for tokens.
struct candidate_value {
    enum class kind_type : unsigned char { token, quantity, calendar };

    std::string text;
    double number = std::numeric_limits<double>::quiet_NaN();
    double upper = std::numeric_limits<double>::quiet_NaN();
    kind_type kind = kind_type::token;
    std::string unit;  // quantities: values in different units never support each other

    /// A categorical token (compare case-folded text yourself if you want case-insensitivity).
    static candidate_value token(std::string t) {
        candidate_value v;
        v.text = std::move(t);
        return v;
    }
    /// A quantity; its text defaults to the shortest round-tripping decimal form.
    static candidate_value quantity(double x, std::string text = {}) {
        candidate_value v;
        v.kind = kind_type::quantity;
        if (text.empty()) text = detail::format_number(x, detail::number_format::round_trip);
        v.text = std::move(text);
        v.number = x;
        v.upper = x;
        return v;
    }
    /// A calendar value covering the days `first`..`last` (any consistent day count).
    static candidate_value calendar(double first, double last, std::string text) {
        candidate_value v;
        v.kind = kind_type::calendar;
        v.text = std::move(text);
        v.number = first;
        v.upper = last;
        return v;
    }
    bool has_number() const noexcept { return !std::isnan(number); }

    friend bool operator==(const candidate_value& a, const candidate_value& b) noexcept { return a.text == b.text; }
    friend bool operator!=(const candidate_value& a, const candidate_value& b) noexcept { return !(a == b); }
};

/// How much one value supports another, in [0, 1]. 1 means "the same value for resolution
/// purposes" (it counts as a vote); values in between only feed the similarity-aware methods.
using similarity_function = std::function<double(const candidate_value&, const candidate_value&)>;

/// Same text, nothing else.
struct exact_match {
    double operator()(const candidate_value& a, const candidate_value& b) const noexcept {
        return a.text == b.text ? 1.0 : 0.0;
    }
};

/// Quantities within an absolute or relative tolerance support each other; others are compared
/// by text. With `graded`, values within `graded` tolerances get a similarity that falls
/// linearly from 1 to 0 beyond the tolerance (used by the similarity-aware methods only).
struct numeric_tolerance {
    double absolute = 0.0;
    double relative = 0.0;
    double graded = 0.0;  // multiple of the tolerance over which similarity fades to 0; 0 = none

    double operator()(const candidate_value& a, const candidate_value& b) const noexcept {
        if (!a.has_number() || !b.has_number()) return a.text == b.text ? 1.0 : 0.0;
        const double d = std::fabs(a.number - b.number);
        const double tol = std::max(absolute, relative * std::max(std::fabs(a.number), std::fabs(b.number)));
        if (d <= tol * (1 + 1e-12) + 1e-12) return 1.0;
        if (graded > 0 && tol > 0) {
            const double reach = tol * (1 + graded);
            if (d < reach) return (reach - d) / (reach - tol) * 0.5;
        }
        return 0.0;
    }
};

/// Calendar values with a precision: `2025` supports `2025-04` (one period contains the
/// other); overlapping periods where neither contains the other half-support; disjoint ones
/// conflict.
struct date_precision {
    double operator()(const candidate_value& a, const candidate_value& b) const noexcept {
        if (!a.has_number() || !b.has_number()) return a.text == b.text ? 1.0 : 0.0;
        const double au = std::isnan(a.upper) ? a.number : a.upper;
        const double bu = std::isnan(b.upper) ? b.number : b.upper;
        if (au < b.number || bu < a.number) return 0.0;
        const bool a_in_b = b.number <= a.number && au <= bu;
        const bool b_in_a = a.number <= b.number && bu <= au;
        return (a_in_b || b_in_a) ? 1.0 : 0.5;
    }
};

/// Quantities given as intervals [number, upper] (an exact figure has number == upper) support
/// each other when the intervals overlap once widened by `relative` (§3: values that
/// do not conflict); values in different units never do.
struct interval_overlap {
    double relative = 1e-9;
    double operator()(const candidate_value& a, const candidate_value& b) const noexcept {
        if (!a.has_number() || !b.has_number()) return a.text == b.text ? 1.0 : 0.0;
        if (a.unit != b.unit) return 0.0;
        const double ah = std::isnan(a.upper) ? a.number : a.upper;
        const double bh = std::isnan(b.upper) ? b.number : b.upper;
        const double alo = a.number - std::fabs(a.number) * relative, ahi = ah + std::fabs(ah) * relative;
        const double blo = b.number - std::fabs(b.number) * relative, bhi = bh + std::fabs(bh) * relative;
        return (ahi < blo || bhi < alo) ? 0.0 : 1.0;
    }
};

/// By kind: tokens by text, quantities by interval overlap, calendar values by precision; values
/// of different kinds never support each other.
struct kind_similarity {
    double relative = 1e-9;
    double operator()(const candidate_value& a, const candidate_value& b) const noexcept {
        if (a.kind != b.kind) return 0.0;
        switch (a.kind) {
            case candidate_value::kind_type::quantity: return interval_overlap{relative}(a, b);
            case candidate_value::kind_type::calendar: return date_precision{}(a, b);
            case candidate_value::kind_type::token: break;
        }
        return a.text == b.text ? 1.0 : 0.0;
    }
};

/// The table of evidence: sources, items, their candidate values and the observations.
class evidence_table {
public:
    using index = std::size_t;

    struct source_info {
        std::string id;
        std::optional<double> prior;  // reliability prior in [0, 1]
        std::vector<index> cites;     // sources this one relies on (copies, translations)
    };
    struct item_info {
        std::string key;
        bool time_varying = false;
        std::vector<candidate_value> values;
        similarity_function similarity;  // empty: exact_match
        std::string attribute;           // what kind of fact it is (a predicate); "" = none
    };
    struct observation {
        index source = 0;
        index item = 0;
        index value = 0;                  // into items()[item].values
        std::optional<long long> period;  // when the value holds (year, day...): time-varying items
        long long sequence = 0;           // when it was stated: a source's later statement supersedes
        std::optional<index> cites;       // an earlier observation this one repeats (see cite_observation)
    };

    /// Adds a source, or returns the existing one with that id (updating the prior if given).
    index add_source(const std::string& id, std::optional<double> prior = std::nullopt) {
        auto it = source_index_.find(id);
        if (it != source_index_.end()) {
            if (prior) sources_[it->second].prior = prior;
            return it->second;
        }
        CROSSCHECK_ASSERT(!prior || (*prior >= 0.0 && *prior <= 1.0));
        sources_.push_back(source_info{id, prior, {}});
        source_index_.emplace(id, sources_.size() - 1);
        return sources_.size() - 1;
    }
    /// Records that `source` relies on `cited` (copies it, translates it): they share origins (§4).
    void add_citation(index source, index cited) {
        CROSSCHECK_ASSERT(source < sources_.size() && cited < sources_.size());
        auto& c = sources_[source].cites;
        if (source != cited && std::find(c.begin(), c.end(), cited) == c.end()) c.push_back(cited);
    }
    /// Records that observation `repeating` repeats the earlier observation `cited` rather than being stated
    /// on its own (a page re-saved with the value that stood on it, a quote of one article in
    /// another): it then has the origins of `cited` instead of its source's (§4), so
    /// the two count as one origin. Chains are followed.
    void cite_observation(index repeating, index cited) {
        CROSSCHECK_ASSERT(cited < repeating && repeating < observations_.size());
        observations_[repeating].cites = cited;
    }
    /// Adds an item, or returns the existing one with that key.
    index add_item(const std::string& key, bool time_varying = false) {
        auto it = item_index_.find(key);
        if (it != item_index_.end()) {
            if (time_varying) items_[it->second].time_varying = true;
            return it->second;
        }
        items_.push_back(item_info{key, time_varying, {}, {}, {}});
        item_index_.emplace(key, items_.size() - 1);
        return items_.size() - 1;
    }
    void set_similarity(index item, similarity_function f) {
        CROSSCHECK_ASSERT(item < items_.size());
        items_[item].similarity = std::move(f);
    }
    /// Names the attribute an item is about ("scheduled_departure", a predicate). A source's accuracy
    /// is then estimated per attribute too (accu_options::accuracy_per_attribute): a site can be
    /// reliable on timetables and unreliable on actual times.
    void set_attribute(index item, std::string attribute) {
        CROSSCHECK_ASSERT(item < items_.size());
        items_[item].attribute = std::move(attribute);
    }
    /// Sets the similarity of every item added so far.
    void set_similarity(const similarity_function& f) {
        for (auto& it : items_) it.similarity = f;
    }
    /// Adds a candidate value to an item (or finds it by text) and returns its index.
    index add_value(index item, candidate_value v) {
        CROSSCHECK_ASSERT(item < items_.size());
        auto& vals = items_[item].values;
        for (index i = 0; i < vals.size(); ++i)
            if (vals[i].text == v.text) return i;
        vals.push_back(std::move(v));
        return vals.size() - 1;
    }
    /// Records that `source` states `value` for `item`. Without `sequence`, statements are
    /// ordered as they are added.
    index observe(index source, index item, candidate_value value, std::optional<long long> period = std::nullopt,
                  std::optional<long long> sequence = std::nullopt) {
        CROSSCHECK_ASSERT(source < sources_.size() && item < items_.size());
        const index v = add_value(item, std::move(value));
        observations_.push_back(observation{
            source, item, v, period, sequence ? *sequence : static_cast<long long>(observations_.size()), {}});
        return observations_.size() - 1;
    }
    /// Convenience: by ids, creating source and item as needed.
    index observe(const std::string& source, const std::string& item, candidate_value value,
                  std::optional<long long> period = std::nullopt) {
        const index s = add_source(source);
        const index i = add_item(item);
        return observe(s, i, std::move(value), period);
    }

    const std::vector<source_info>& sources() const noexcept { return sources_; }
    const std::vector<item_info>& items() const noexcept { return items_; }
    const std::vector<observation>& observations() const noexcept { return observations_; }
    std::optional<index> find_source(const std::string& id) const {
        auto it = source_index_.find(id);
        if (it == source_index_.end()) return std::nullopt;
        return it->second;
    }
    std::optional<index> find_item(const std::string& key) const {
        auto it = item_index_.find(key);
        if (it == item_index_.end()) return std::nullopt;
        return it->second;
    }
    double similarity(index item, index a, index b) const {
        const auto& it = items_[item];
        if (a == b) return 1.0;
        if (!it.similarity) return 0.0;  // distinct texts under exact_match
        return it.similarity(it.values[a], it.values[b]);
    }

private:
    std::vector<source_info> sources_;
    std::vector<item_info> items_;
    std::vector<observation> observations_;
    std::unordered_map<std::string, index> source_index_;
    std::unordered_map<std::string, index> item_index_;
};

/// Settings every resolution method shares. Each method takes its own options (below), which
/// add what only that method reads; the defaults are one set for every data set.
struct resolve_options {
    double default_prior = 0.8;        // accuracy of a source with no prior (Dong et al. start at 0.8)
    double support_threshold = 0.999;  // a similarity at or above this counts as the same value
    bool latest_per_source = true;     // a source's later statement (same item and period) supersedes
    double older_outweighs = 2.0;      // time-varying: an older value must score this many times the latest's
    std::size_t max_iterations = 50;   // iterative methods
    double convergence = 1e-6;         // iterative methods: stop when no reliability moves more than this
    double prior_weight = 0;           // iterative methods: the prior counts as this many statements
};

/// TruthFinder (Yin, Han & Yu 2008).
struct truth_finder_options : resolve_options {
    double initial_trust = 0.9;    // trust of a source with no prior
    double dampening = 0.3;        // gamma
    double influence = 0.5;        // rho: weight of related facts
    double base_similarity = 0.5;  // similarity below this counts against a fact
};

/// The Accu family (Dong, Berti-Equille & Srivastava 2009): the weighted vote, Accu and AccuCopy.
struct accu_options : resolve_options {
    double false_values = 100;       // n: number of false values of an item
    double similarity_weight = 0.5;  // rho of AccuSim: weight of similar values' votes
    double min_accuracy = 0.01;      // a source's accuracy is kept in [min_accuracy, max_accuracy]
    double max_accuracy = 0.99;
    bool accuracy_per_attribute = true;  // a source's accuracy per attribute of the items
                                         // (item_info::attribute), shrunk toward its overall accuracy
    double attribute_prior_weight = 10;  // ... as if its overall accuracy were that many statements
};

/// Copy detection between sources (AccuCopy; Dong et al. 2009, section 3).
struct copy_detection_options {
    double copy_prior = 0.2;            // alpha: prior probability that two sources are dependent
    double copy_rate = 0.8;             // c: probability that a copier copies a given value
    bool shared_truth_evidence = true;  // sharing a probably true value counts as (weak) evidence of copying
    bool popular_false_values = true;   // a false value many sources state is likelier to be shared
                                        // by chance (PopAccu): weaker evidence of copying
    bool directional_copying = false;   // true: discount a vote by P(it copies an earlier provider);
                                        // default: by P(the two are dependent either way), which
                                        // resists a copying group that outnumbers the truth
};

/// AccuCopy: Accu's options and those of its copy detection.
struct accu_copy_options : accu_options {
    copy_detection_options copying;
};

/// SimpleLCA and GuessLCA (Pasternack & Roth 2013).
struct lca_options : resolve_options {
    double min_honesty = 0.01;  // a source's honesty is kept in [min_honesty, max_honesty]
    double max_honesty = 0.99;
};

/// One value of an item, as ranked by a method.
struct ranked_value {
    evidence_table::index value = 0;  // into evidence_table::items()[item].values
    std::string text;
    double score = 0;                               // the method's own vote count or score
    double confidence = 0;                          // in [0, 1]: probability or share of the vote
    std::size_t origins = 0;                        // distinct origins that support it (corroboration, §4)
    std::vector<evidence_table::index> supporting;  // observations that support this value
    std::vector<evidence_table::index> opposing;    // observations of the item that do not
};

/// The resolution of one item: its values best first; the first is the chosen one.
struct item_resolution {
    evidence_table::index item = 0;
    std::string key;
    std::vector<ranked_value> ranked;

    bool resolved() const noexcept { return !ranked.empty(); }
    const ranked_value& chosen() const {
        CROSSCHECK_ASSERT(!ranked.empty());
        return ranked.front();
    }
};

/// A source's estimated reliability (the fraction of its statements a method holds true).
struct source_estimate {
    evidence_table::index source = 0;
    std::string id;
    double reliability = 0;
    std::size_t observations = 0;  // statements that took part (after supersession)
};

struct resolution {
    std::string method;
    std::size_t iterations = 0;
    std::vector<item_resolution> items;    // one per evidence item, same order
    std::vector<source_estimate> sources;  // one per evidence source, same order
    /// Pairs of sources found dependent (copy detection only): (a, b, probability).
    std::vector<std::pair<std::pair<evidence_table::index, evidence_table::index>, double>> dependencies;

    const item_resolution* find(const evidence_table& ev, const std::string& key) const {
        auto i = ev.find_item(key);
        if (!i || *i >= items.size()) return nullptr;
        return &items[*i];
    }
};

}  // namespace crosscheck

#endif
