// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_CHECK_CONTEXT_HPP
#define CROSSCHECK_CHECK_CONTEXT_HPP

#include <crosscheck/config.hpp>
#include <crosscheck/corpus/corpus.hpp>
#include <crosscheck/detail/memory.hpp>
#include <crosscheck/detail/threads.hpp>
#include <crosscheck/model/claim.hpp>
#include <crosscheck/report/report.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace crosscheck {

/// What a check does and how values compare.
struct check_options {
    compare_options compare;                 ///< width of "about", relative tolerance
    std::optional<finding_kinds> only;       ///< finding kinds to report; none: all (an empty set: none)
    bool list_pairs = false;                 ///< list conflicting pairs in report::pairs
    std::size_t pair_list_cap = 100000;      ///< at most this many listed pairs
    std::size_t max_claims_per_value = 8;    ///< evidence shown per value in a finding
    std::size_t max_values_per_finding = 8;  ///< values shown per finding (most-stated first)
    unsigned threads = 0;                    ///< 0: all cores
    /// Keys with at most this many claims compare their claims pairwise (fastest for small
    /// keys); larger keys count conflicting pairs without enumerating them.
    std::size_t pairwise_threshold = 64;

    /// Whether findings of `kind` are wanted.
    bool wants(finding_kind kind) const noexcept { return !only || only->contains(kind); }
    /// Whether findings of `kind` (built-in or a user checker's own) are wanted.
    bool wants(std::string_view kind) const noexcept { return !only || only->contains(kind); }
    unsigned thread_count() const noexcept {
        if (threads != 0) return threads;
        auto n = std::thread::hardware_concurrency();
        return n == 0 ? 1u : n;
    }
};

/// The claims of a corpus grouped by (subject after aliases, predicate): the unit of work of
/// the conflict checker, since claims of different groups never conflict. Built once, in O(n),
/// and shared by the checkers of one run.
class claim_groups {
public:
    /// Groups the claims of `c`. With `threads` > 1 (and a corpus large enough to pay for the
    /// threads) each thread numbers the groups of a range of claims, and the ranges' numbers are
    /// then mapped onto one numbering in claim order: the groups, their order and their members
    /// are the same for any thread count (0 counts as 1).
    explicit claim_groups(const corpus& c, unsigned threads = 1) {
        const std::size_t n = c.size();
        // Each thread holds a table the size of the name table, and a count per group: a few
        // threads take most of the gain without memory growing with the core count.
        threads = n < detail::min_parallel_items || threads == 0 ? 1 : std::min(threads, 8u);
        detail::resize_resident(group_of_, n);
        // Range t's groups, numbered in the order the range meets them.
        std::vector<group_table> tables(threads);
        detail::on_threads(threads, [&](unsigned t) {
            auto [lo, hi] = range(n, t, threads);
            detail::assign_resident(tables[t].head, c.names().size(), none);
            tables[t].number(c, lo, hi, group_of_.data());
        });
        // Range 0's numbers are final; each later range's new groups follow in the order that
        // range met them, which is the order of their first claims.
        keys_ = std::move(tables[0].keys);
        std::vector<std::vector<std::uint32_t>> to_global(threads);
        for (unsigned t = 1; t < threads; ++t) {
            to_global[t].reserve(tables[t].keys.size());
            for (auto [s, p] : tables[t].keys) to_global[t].push_back(tables[0].find_or_add(s, p, keys_));
            for (std::size_t l = 0; l < to_global[t].size(); ++l)
                tables[0].links[to_global[t][l]].sum.merge(tables[t].links[l].sum);
            tables[t] = group_table{};
        }
        detail::reserve_resident(sums_, keys_.size());
        for (const auto& l : tables[0].links) sums_.push_back(l.sum);
        tables.clear();
        // Global numbers, and each range's claims per group for the counting sort (which
        // scatter does, keeping claim order inside each group).
        std::vector<std::vector<std::uint32_t>> counts(threads);
        detail::on_threads(threads, [&](unsigned t) {
            auto [lo, hi] = range(n, t, threads);
            if (t > 0)
                for (std::size_t i = lo; i < hi; ++i) group_of_[i] = to_global[t][group_of_[i]];
            counts[t].assign(keys_.size(), 0);
            for (std::size_t i = lo; i < hi; ++i) ++counts[t][group_of_[i]];
        });
        detail::assign_resident(offsets_, keys_.size() + 1, std::uint32_t{0});
        for (std::size_t g = 0; g < keys_.size(); ++g) {
            std::uint32_t k = 0;
            for (unsigned t = 0; t < threads; ++t) k += counts[t][g];
            offsets_[g + 1] = offsets_[g] + k;
        }
        const auto self = [](claim_index i) { return i; };
        members_ = threads == 1 ? in_group_order<claim_index>(self) : scatter<claim_index>(self, std::move(counts));
    }

    /// Builds `f(i)` for every claim i, stored in group order (element k belongs to the claim at
    /// members position k). Claims are visited in corpus order, so the corpus is read
    /// sequentially and only the writes scatter: much faster than gathering by group.
    ///
    /// With `threads` > 1 the claims are cut into that many ranges, each scattered by its own
    /// thread: a first pass counts each range's claims per group, so every range knows where
    /// its claims of each group start, and the result is the same as with one thread. `f` must
    /// then be safe to call concurrently.
    template <class T, class F>
    std::vector<T> in_group_order(F f, unsigned threads = 1) const {
        const std::size_t n = group_of_.size();
        std::vector<T> out;
        if (threads <= 1 || n < detail::min_parallel_items) {
            detail::resize_resident(out, n);
            std::vector<std::uint32_t> fill(offsets_.begin(), offsets_.end() - 1);
            for (std::size_t i = 0; i < n; ++i)
                out[fill[group_of_[i]]++] = f(claim_index{static_cast<std::uint32_t>(i)});
            return out;
        }
        std::vector<std::vector<std::uint32_t>> counts(threads);
        detail::on_threads(threads, [&](unsigned t) {
            auto [lo, hi] = range(n, t, threads);
            counts[t].assign(keys_.size(), 0);
            for (std::size_t i = lo; i < hi; ++i) ++counts[t][group_of_[i]];
        });
        return scatter<T>(f, std::move(counts));
    }
    /// The value kinds group g's claims have: bit k set for value_kind k.
    unsigned kinds(std::size_t g) const noexcept { return sums_[g].kinds; }
    /// Whether group g's quantities are stated in more than one unit (which may still share a
    /// base unit). With kinds(), this lets a checker of mixed groups pass over the others
    /// without reading their claims.
    bool units_vary(std::size_t g) const noexcept { return sums_[g].units_vary; }

    /// Position of group g's first claim in group order.
    std::size_t offset(std::size_t g) const noexcept { return offsets_[g]; }

    std::size_t size() const noexcept { return keys_.size(); }
    /// (entity, predicate) of group g.
    std::pair<symbol, symbol> key(std::size_t g) const noexcept { return keys_[g]; }
    /// The claims of group g, in corpus order.
    id_range<claim_index> members(std::size_t g) const noexcept {
        return {members_.data() + offsets_[g], members_.data() + offsets_[g + 1]};
    }
    /// All claims in group order: group g's are members(g), at offset(g).
    id_range<claim_index> all_members() const noexcept { return {members_.data(), members_.data() + members_.size()}; }
    std::size_t group_size(std::size_t g) const noexcept { return offsets_[g + 1] - offsets_[g]; }

private:
    static constexpr std::uint32_t none = 0xFFFFFFFFu;
    using key_vector = detail::huge_page_vector<std::pair<symbol, symbol>>;

    /// Claims [first, second) of range t when n claims are cut into `threads` ranges.
    static std::pair<std::size_t, std::size_t> range(std::size_t n, unsigned t, unsigned threads) noexcept {
        return {n * t / threads, n * (t + 1) / threads};
    }

    /// in_group_order's parallel part, given each range's claims per group (`fill`, one vector
    /// per range, as `range` cuts them).
    template <class T, class F>
    std::vector<T> scatter(F f, std::vector<std::vector<std::uint32_t>> fill) const {
        const std::size_t n = group_of_.size();
        const auto threads = static_cast<unsigned>(fill.size());
        std::vector<T> out;
        // The kernel zeroes each fresh page at its first touch: every thread faults in a slice,
        // instead of one while the others wait.
        out.reserve(n);
        detail::advise_huge_pages(out.data(), n * sizeof(T));
        detail::on_threads(threads, [&](unsigned t) {
            detail::populate(reinterpret_cast<const char*>(out.data()) + n * sizeof(T) * t / threads,
                             n * sizeof(T) / threads);
        });
        out.resize(n);
        // Turn counts into start positions: a group's claims from range t follow those of the
        // ranges before it, so claim order within a group is kept.
        for (std::size_t g = 0; g < keys_.size(); ++g) {
            std::uint32_t at = offsets_[g];
            for (unsigned t = 0; t < threads; ++t) {
                const std::uint32_t c = fill[t][g];
                fill[t][g] = at;
                at += c;
            }
        }
        detail::on_threads(threads, [&](unsigned t) {
            auto [lo, hi] = range(n, t, threads);
            auto& at = fill[t];
            for (std::size_t i = lo; i < hi; ++i)
                out[at[group_of_[i]]++] = f(claim_index{static_cast<std::uint32_t>(i)});
        });
        return out;
    }

    /// What a group's claims hold, gathered while they are numbered (the records are read then
    /// anyway, in file order).
    struct group_summary {
        std::uint8_t kinds = 0;  // bit k: a claim of value_kind k
        bool units_vary = false;
        unit_id unit = no_unit;  // the first quantity's unit
        void add(const stored_claim& r) noexcept {
            const auto bit = static_cast<std::uint8_t>(1u << static_cast<unsigned>(r.kind));
            if (r.kind == value_kind::quantity) {
                if (!(kinds & bit)) unit = r.value_unit();
                else if (r.value_unit() != unit) units_vary = true;
            }
            kinds |= bit;
        }
        void merge(const group_summary& o) noexcept {
            const auto bit = static_cast<std::uint8_t>(1u << static_cast<unsigned>(value_kind::quantity));
            if (o.kinds & bit) {
                if (!(kinds & bit)) unit = o.unit;
                else if (o.unit != unit) units_vary = true;
            }
            units_vary = units_vary || o.units_vary;
            kinds |= o.kinds;
        }
    };

    /// Dense group ids through a per-subject list of (predicate, group): subjects have few
    /// predicates, so this is one random access per claim instead of a hash of the pair.
    struct group_table {
        // Group g's link is links[g] (a group gets its link when it is numbered), so its summary
        // is kept there: the line just read to find the group.
        struct link {
            symbol predicate;
            std::uint32_t group, next;
            group_summary sum;
        };
        detail::huge_page_vector<std::uint32_t> head;  // per resolved subject: its first link
        detail::huge_page_vector<link> links;
        key_vector keys;  // in order of first claim

        std::uint32_t find_or_add(symbol s, symbol p, key_vector& out) {
            for (auto l = head[to_index(s)]; l != none; l = links[l].next)
                if (links[l].predicate == p) return links[l].group;
            const auto g = static_cast<std::uint32_t>(out.size());
            out.emplace_back(s, p);
            CROSSCHECK_ASSERT(links.size() == g);  // links[g] is group g's
            links.push_back({p, g, head[to_index(s)], {}});
            head[to_index(s)] = static_cast<std::uint32_t>(links.size() - 1);
            return g;
        }
        /// Numbers the groups of claims [lo, hi) into group_of[lo, hi).
        void number(const corpus& c, std::size_t lo, std::size_t hi, std::uint32_t* group_of) {
            const auto& recs = c.stored_claims();
            // Subjects arrive in random order, so on large corpora head[] and links[] miss the
            // cache on most claims: fetch a claim's head a few claims ahead, and its first link half as
            // far. The subjects of the claims ahead wait in a ring, so each is resolved once.
            constexpr std::size_t ahead = 16;
            std::array<symbol, ahead> ring{};
            for (std::size_t i = lo; i < std::min(hi, lo + ahead); ++i) ring[i - lo] = c.resolve(recs[i].subject);
            for (std::size_t i = lo; i < hi; ++i) {
                const std::size_t r = i - lo;
                const symbol s = ring[r % ahead];
                if (i + ahead < hi) {
                    const symbol later = c.resolve(recs[i + ahead].subject);
                    ring[r % ahead] = later;
                    CROSSCHECK_PREFETCH(&head[to_index(later)]);
                }
                if (i + ahead / 2 < hi)
                    if (const auto h = head[to_index(ring[(r + ahead / 2) % ahead])]; h != none)
                        CROSSCHECK_PREFETCH(&links[h]);
                const auto g = find_or_add(s, recs[i].predicate, keys);
                group_of[i] = g;
                links[g].sum.add(recs[i]);
            }
        }
    };

    key_vector keys_;
    std::vector<group_summary> sums_;
    std::vector<std::uint32_t> offsets_;
    std::vector<claim_index> members_;
    std::vector<std::uint32_t> group_of_;
};

namespace detail {

/// Fetches claim records ahead of a pass that reads them in group order (the claims of
/// consecutive groups lie one after another there, each record somewhere else in the corpus: a
/// cache miss apiece otherwise). Call `before(k)` before reading the record at group-order
/// position k; positions should rise, and a jump starts the fetching over from there.
class record_prefetcher {
public:
    record_prefetcher(const corpus& c, const claim_groups& g) noexcept
        : c_(c), order_(g.all_members().data()), n_(c.size()) {}
    void before(std::size_t k) noexcept {
        if (issued_ <= k) issued_ = k;
        for (const auto want = std::min(n_, k + ahead + 1); issued_ < want; ++issued_) {
            // A record (56 bytes) mostly starts in one cache line and ends in the next.
            const auto* r = reinterpret_cast<const char*>(&c_.stored(order_[issued_]));
            CROSSCHECK_PREFETCH(r);
            CROSSCHECK_PREFETCH(r + sizeof(stored_claim) - 1);
        }
    }

private:
    static constexpr std::size_t ahead = 8;  // enough to hide a miss; further gains nothing
    const corpus& c_;
    const claim_index* order_;
    std::size_t n_;
    std::size_t issued_ = 0;  // positions below this were fetched
};

}  // namespace detail

/// Receives findings one by one, in report order, as a streaming check produces them.
using finding_sink = std::function<void(finding&&)>;

/// What every checker of one run sees: the corpus, the options and the shared grouping. The
/// context owns everything but the corpus: a copy of the options, the grouping, and the tables it
/// derives (scope texts, source ranks and texts, origins). The corpus is the caller's and must
/// outlive the context unmodified (a temporary corpus is refused).
class check_context {
public:
    check_context(const corpus& c, check_options o)
        : corpus_(c), options_(std::move(o)), groups_(c, options_.thread_count()) {
        c.prepare();  // checkers may run on several threads from here on
        scope_texts_.reserve(c.scope_count());
        for (std::uint32_t s = 0; s < c.scope_count(); ++s) scope_texts_.push_back(c.scope_text(scope_id{s}));
        // Findings list sources by id; ranking the ids once spares a string sort per finding.
        std::vector<source_index> by_id(c.source_count());
        for (source_index s : c.source_indices()) by_id[to_index(s)] = s;
        std::sort(by_id.begin(), by_id.end(),
                  [&](source_index a, source_index b) { return c.source_at(a).id < c.source_at(b).id; });
        source_rank_.resize(by_id.size());
        for (std::uint32_t r = 0; r < by_id.size(); ++r) source_rank_[to_index(by_id[r])] = r;
        // Ids and outlets of the sources in one buffer: findings copy them by the hundred
        // thousand, and a corpus source (ten strings and more) is several cache lines apart
        // from the next.
        source_text_start_.reserve(2 * c.source_count() + 1);
        for (source_index s : c.source_indices())
            for (const std::string* t : {&c.source_at(s).id, &c.source_at(s).outlet}) {
                source_text_start_.push_back(source_text_.size());
                source_text_.insert(source_text_.end(), t->begin(), t->end());
            }
        source_text_start_.push_back(source_text_.size());
        // Every source's origins in one array: findings read them claim by claim, and the
        // corpus's list per source (a vector each, all over the heap) missed the cache there.
        origin_start_.reserve(c.source_count() + 1);
        origin_start_.push_back(0);
        for (source_index s : c.source_indices()) {
            const auto& list = c.origins(s);
            origin_list_.insert(origin_list_.end(), list.begin(), list.end());
            origin_start_.push_back(static_cast<std::uint32_t>(origin_list_.size()));
        }
    }
    check_context(corpus&&, check_options) = delete;

    /// Id of source s (corpus::source_at(s).id).
    std::string_view source_id(source_index s) const noexcept { return source_text(2 * std::size_t{to_index(s)}); }
    /// Outlet of source s, or empty.
    std::string_view source_outlet(source_index s) const noexcept {
        return source_text(2 * std::size_t{to_index(s)} + 1);
    }
    /// The name to show for source s: its outlet, or its id (source::display_name).
    std::string_view source_name(source_index s) const noexcept {
        auto o = source_outlet(s);
        return o.empty() ? source_id(s) : o;
    }
    /// The origins of source s, as corpus::origins gives them.
    id_range<source_index> origins(source_index s) const noexcept {
        const auto k = to_index(s);
        return {origin_list_.data() + origin_start_[k], origin_list_.data() + origin_start_[k + 1]};
    }
    /// Position of source s when all sources are sorted by id.
    std::uint32_t source_rank(source_index s) const noexcept { return source_rank_[to_index(s)]; }
    /// Canonical text of a scope, computed once per run (checkers run on several threads).
    const std::string& scope_text(scope_id s) const noexcept { return scope_texts_[to_index(s)]; }
    const corpus& data() const noexcept { return corpus_; }
    const check_options& options() const noexcept { return options_; }
    const claim_groups& groups() const noexcept { return groups_; }

    /// Streams findings to `sink` instead of collecting them (see check() with a sink).
    void set_sink(finding_sink sink) { sink_ = std::move(sink); }
    bool streaming() const noexcept { return static_cast<bool>(sink_); }
    /// Hands a finding on: to the sink when streaming, else into `out`. A checker that emits
    /// as it goes keeps a large report out of memory; one that appends to `out.findings`
    /// directly is drained after it returns, in the same order.
    void emit(report& out, finding&& f) const {
        if (sink_) sink_(std::move(f));
        else out.findings.push_back(std::move(f));
    }

    /// Evidence for claim i as reports show it.
    evidence evidence_of(claim_index i) const {
        evidence e;
        evidence_into(i, e);
        return e;
    }
    /// Fills `e` (fresh, or one to overwrite) with claim i's evidence: findings build it in
    /// place, by the hundred thousand, instead of moving eight strings each.
    void evidence_into(claim_index i, evidence& e) const {
        // Empty fields (most outlets, quotes and languages of a CSV) are cleared inline: an
        // assign is an out-of-line library call even when there is nothing to copy.
        auto set = [](std::string& to, std::string_view s) {
            if (s.empty()) to.clear();
            else to.assign(s.data(), s.size());
        };
        auto r = corpus_[i];
        e.claim.assign(r.id());
        const source_index src = r.stored().source;
        e.source.assign(source_id(src));
        set(e.outlet, source_outlet(src));
        char buf[detail::period_text_max];
        e.period.assign(buf, detail::put_period_text(buf, r.assertion_period()));
        e.scope = scope_texts_[to_index(r.stored().scope)];
        set(e.quote, r.quote());
        set(e.lang, r.lang());
        e.modality = to_string(r.mode());
    }
    /// Display name of an origin source: outlet, else id.
    std::string origin_name(source_index s) const { return std::string(source_name(s)); }

private:
    const corpus& corpus_;
    check_options options_;
    claim_groups groups_;
    std::vector<std::string> scope_texts_;
    std::vector<std::uint32_t> source_rank_;
    std::string_view source_text(std::size_t k) const noexcept {
        return {source_text_.data() + source_text_start_[k], source_text_start_[k + 1] - source_text_start_[k]};
    }
    std::vector<char> source_text_;               // per source: id, then outlet
    std::vector<std::size_t> source_text_start_;  // text k (2 per source) is [start k, start k+1)
    std::vector<std::uint32_t> origin_start_;     // source s's origins: origin_list_[start s, start s+1)
    std::vector<source_index> origin_list_;
    finding_sink sink_;
};

/// A checker: a name and a function adding its findings (and stats) to a report. Built-in
/// checkers are function objects convertible to this; a user's checker is any callable
/// `void(const check_context&, report&)`.
struct checker {
    std::string name;
    std::function<void(const check_context&, report&)> run;
};

namespace detail {

/// What each built-in checker `Derived` (a `name` and `operator()(const check_context&,
/// report&) const`) also offers: a run on a corpus of its own, and conversion to a `checker`.
/// Derived classes bring the overload in with `using checker_base<Derived>::operator();`.
template <class Derived>
struct checker_base {
    /// Runs only this checker on a corpus.
    report operator()(const corpus& c, const check_options& o = {}) const {
        report r;
        r.stats.claims = c.size();
        check_context ctx(c, o);
        const auto& self = static_cast<const Derived&>(*this);
        self(ctx, r);
        return r;
    }
    operator checker() const {
        return {Derived::name, [](const check_context& ctx, report& r) { Derived{}(ctx, r); }};
    }
};

}  // namespace detail

}  // namespace crosscheck

#endif
