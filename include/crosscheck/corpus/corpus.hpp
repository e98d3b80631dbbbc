// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_CORPUS_CORPUS_HPP
#define CROSSCHECK_CORPUS_CORPUS_HPP

#include <crosscheck/config.hpp>
#include <crosscheck/corpus/names.hpp>
#include <crosscheck/detail/memory.hpp>
#include <crosscheck/model/claim.hpp>
#include <crosscheck/model/error.hpp>
#include <crosscheck/model/period.hpp>
#include <crosscheck/model/quantity.hpp>
#include <crosscheck/model/rule.hpp>
#include <crosscheck/model/source.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace crosscheck {

/// Index of a claim within a corpus (its position in load order).
enum class claim_index : std::uint32_t {};
/// Interned canonical scope; `scope_id{}` (0) is the empty scope.
enum class scope_id : std::uint32_t {};
/// The empty scope (a claim valid everywhere).
inline constexpr scope_id empty_scope{};
constexpr std::uint32_t to_index(claim_index i) noexcept {
    return static_cast<std::uint32_t>(i);
}
constexpr std::uint32_t to_index(scope_id s) noexcept {
    return static_cast<std::uint32_t>(s);
}

/// A run of ids (or other values) stored contiguously by their owner, handed out as a range:
/// what claim_groups gives for a group's claims and check_context for a source's origins.
/// Valid while the owner lives; usable in range-for and as a range-v3 view (corpus/views.hpp).
template <class T>
class id_range {
public:
    using value_type = std::remove_cv_t<T>;
    using iterator = const value_type*;
    using const_iterator = iterator;
    using size_type = std::size_t;
    using difference_type = std::ptrdiff_t;

    constexpr id_range() noexcept = default;
    constexpr id_range(iterator first, iterator last) noexcept : first_(first), last_(last) {}

    constexpr iterator begin() const noexcept { return first_; }
    constexpr iterator end() const noexcept { return last_; }
    constexpr const value_type* data() const noexcept { return first_; }
    constexpr std::size_t size() const noexcept { return static_cast<std::size_t>(last_ - first_); }
    constexpr bool empty() const noexcept { return first_ == last_; }
    constexpr const value_type& operator[](std::size_t k) const noexcept { return first_[k]; }
    constexpr const value_type& front() const noexcept { return *first_; }
    constexpr const value_type& back() const noexcept { return last_[-1]; }

private:
    iterator first_ = nullptr;
    iterator last_ = nullptr;
};

/// The ids `Id{first}`, `Id{first + 1}`, ... before `Id{last}`, as a range: what
/// corpus::claim_indices and corpus::source_indices give, for loops over every claim or source.
template <class Id>
class id_sequence {
public:
    class iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = Id;
        using difference_type = std::ptrdiff_t;
        using reference = Id;
        using pointer = void;
        constexpr iterator() noexcept = default;
        constexpr explicit iterator(std::uint32_t i) noexcept : i_(i) {}
        constexpr Id operator*() const noexcept { return Id{i_}; }
        constexpr iterator& operator++() noexcept { return ++i_, *this; }
        constexpr iterator operator++(int) noexcept {
            auto t = *this;
            ++i_;
            return t;
        }
        friend constexpr bool operator==(iterator a, iterator b) noexcept { return a.i_ == b.i_; }
        friend constexpr bool operator!=(iterator a, iterator b) noexcept { return a.i_ != b.i_; }

    private:
        std::uint32_t i_ = 0;
    };
    constexpr id_sequence() noexcept = default;
    constexpr id_sequence(std::uint32_t first, std::uint32_t last) noexcept : first_(first), last_(last) {}
    constexpr iterator begin() const noexcept { return iterator{first_}; }
    constexpr iterator end() const noexcept { return iterator{last_}; }
    constexpr std::size_t size() const noexcept { return last_ - first_; }
    constexpr bool empty() const noexcept { return first_ == last_; }

private:
    std::uint32_t first_ = 0, last_ = 0;
};

/// §1 `vocabulary` entry of one predicate.
struct vocabulary_entry {
    std::vector<std::string> values;                              ///< allowed tokens (empty: any)
    std::vector<std::pair<std::string, std::string>> compatible;  ///< token pairs that do not conflict
    bool default_valid_published = false;                         ///< undated claims hold at their source's publication
};

/// The compact form in which a corpus stores a claim: 56 bytes, interned ids, no heap memory.
/// Quotes, per-claim cites, free text and user values live in a side table (`extra`).
/// Loaders that need speed fill these directly (corpus::add_stored); most code uses claim_ref.
struct stored_claim {
    double a = 0;                ///< quantity: amount, or lower bound (bounds form); calendar: first day
    double b = 0;                ///< quantity: upper bound (bounds form); calendar: last day
    std::uint32_t id = 0;        ///< offset of the id text in the corpus's id store
    symbol subject = no_symbol;  ///< as written (aliases resolve at check time)
    symbol predicate = no_symbol;
    scope_id scope = empty_scope;
    source_index source{};
    day_number valid_from = open_start_day;  ///< validity as written; open ends are sentinels
    day_number valid_to = open_end_day;
    /// The number of the token's symbol or of the quantity's unit (all ones: none): two id
    /// spaces in one field, so it is read and written through the typed accessors below.
    std::uint32_t sym = none;
    std::uint32_t extra = none;  ///< side-table index, or none
    value_kind kind = value_kind::token;
    modality mode = modality::asserted;
    std::uint8_t detail_bits = 0;  ///< quantity: approx | bounds flag; calendar: precisions
    std::uint8_t valid_bits = 0;   ///< validity form and end precisions

    static constexpr std::uint32_t none = 0xFFFFFFFFu;
    static constexpr std::uint8_t bounds_form = 0x80;

    /// A token claim's token (no_symbol: none).
    symbol value_token() const noexcept { return symbol{sym}; }
    /// A quantity claim's unit as written (no_unit: none).
    unit_id value_unit() const noexcept { return unit_id{sym}; }
    void set_value_token(symbol t) noexcept { sym = to_index(t); }
    void set_value_unit(unit_id u) noexcept { sym = to_index(u); }

    crosscheck::approx approx_kind() const noexcept { return static_cast<crosscheck::approx>(detail_bits & 0x3); }
    bool is_bounds_form() const noexcept { return (detail_bits & bounds_form) != 0; }
    validity::form valid_form() const noexcept { return static_cast<validity::form>(valid_bits & 0x3); }
    period valid_span() const noexcept {
        return {valid_from, valid_to, static_cast<precision>((valid_bits >> 2) & 0x7),
                static_cast<precision>((valid_bits >> 5) & 0x7)};
    }
    void set_validity(const validity& v) noexcept {
        valid_from = v.span.first();
        valid_to = v.span.last();
        valid_bits = static_cast<std::uint8_t>(static_cast<unsigned>(v.how) |
                                               (static_cast<unsigned>(v.span.first_precision()) << 2) |
                                               (static_cast<unsigned>(v.span.last_precision()) << 5));
    }
};
static_assert(sizeof(stored_claim) == 56, "claims must stay compact");

/// What a claim carries beyond the compact record (rare fields).
struct claim_extra {
    std::string quote;
    std::string lang;
    std::vector<source_index> cites;
    std::string text;              ///< free-text value
    std::optional<double> amount;  ///< amount given beside explicit bounds
    std::optional<custom_value> custom;
};

class corpus;
namespace detail {
struct corpus_access;
}

/// A light handle to one claim of a corpus: what a view yields. Valid while the corpus lives and
/// is not modified.
class claim_ref {
public:
    claim_ref() = default;
    claim_ref(const corpus* c, claim_index i) noexcept : corpus_(c), index_(i) {}

    claim_index index() const noexcept { return index_; }
    const corpus& owner() const noexcept { return *corpus_; }
    const stored_claim& stored() const noexcept;

    std::string_view id() const noexcept;
    /// The subject after alias resolution, as reported (entity id or first spelling).
    std::string_view subject() const noexcept;
    std::string_view predicate() const noexcept;
    const source& source_info() const noexcept;
    std::string_view source_id() const noexcept;
    value_kind kind() const noexcept { return stored().kind; }
    modality mode() const noexcept { return stored().mode; }
    validity valid() const noexcept;
    scope_map scope() const;
    any_value value() const;
    std::string value_text() const;
    std::string_view quote() const noexcept;
    /// The quote's language: the claim's own, else its source's.
    std::string_view lang() const noexcept;
    /// §3.3: the period the claim is vouched for; empty (not `ok()`) when it is vouched for no day
    /// (`from` after its source's publication).
    period assertion_period() const noexcept;
    /// The whole claim as a value type.
    claim<any_value> to_claim() const;

    friend bool operator==(const claim_ref& a, const claim_ref& b) noexcept {
        return a.corpus_ == b.corpus_ && a.index_ == b.index_;
    }
    friend bool operator!=(const claim_ref& a, const claim_ref& b) noexcept { return !(a == b); }

private:
    const corpus* corpus_ = nullptr;
    claim_index index_{};
};

/// Everything a fact-check works on: sources, claims of mixed value kinds, entities, vocabulary,
/// scopes, units and rules. Names are interned once (case-insensitively where §3 says so), claims
/// are stored as 56-byte records, and loaders append without per-claim allocations.
class corpus {
public:
    corpus() { scopes_.push_back({}); }

    // ---- names ----------------------------------------------------------------------------
    /// The case-insensitive names: subjects, predicates, scope dimensions and tokens, tokens.
    name_table& names() noexcept { return names_; }
    const name_table& names() const noexcept { return names_; }
    /// Units are compared exactly, so they have their own table.
    unit_table& unit_names() noexcept { return unit_names_; }
    const unit_table& unit_names() const noexcept { return unit_names_; }

    // ---- entities ---------------------------------------------------------------------------
    /// Declares an entity and its aliases (matched case-insensitively). Throws model_error when
    /// an alias already names another entity.
    void add_entity(std::string_view id, const std::vector<std::string>& aliases) {
        symbol e = names_.intern(id);
        names_.set_display(e, id);  // reports show the entity's id, whoever spelled it first
        set_alias(e, e, id);
        for (const auto& a : aliases) set_alias(names_.intern(a), e, a);
        entity_ids_.push_back(e);
    }
    /// The entity a subject name stands for (itself when it is no alias).
    symbol resolve(symbol subject) const noexcept {
        if (aliases_.empty()) return subject;  // no entity declared (a CSV table): no hashing per claim
        auto it = aliases_.find(subject);
        return it == aliases_.end() ? subject : it->second;
    }
    bool is_entity(symbol s) const noexcept { return aliases_.count(s) != 0; }
    const std::vector<symbol>& entities() const noexcept { return entity_ids_; }
    /// The aliases declared for entity `e` (not including its id).
    std::vector<symbol> aliases_of(symbol e) const {
        std::vector<symbol> out;
        for (const auto& [a, ent] : aliases_)
            if (ent == e && a != e) out.push_back(a);
        std::sort(out.begin(), out.end());
        return out;
    }

    // ---- vocabulary -------------------------------------------------------------------------
    void set_vocabulary(std::string_view predicate, vocabulary_entry v) {
        symbol p = names_.intern(predicate);
        vocab_info info;
        for (const auto& t : v.values) info.values.push_back(names_.intern(t));
        std::sort(info.values.begin(), info.values.end());
        for (const auto& [x, y] : v.compatible) {
            symbol sx = names_.intern(x), sy = names_.intern(y);
            info.compatible.emplace_back(std::min(sx, sy), std::max(sx, sy));
        }
        std::sort(info.compatible.begin(), info.compatible.end());
        info.entry = std::move(v);
        vocab_[p] = std::move(info);
    }
    const vocabulary_entry* vocabulary(symbol predicate) const noexcept {
        auto it = vocab_.find(predicate);
        return it == vocab_.end() ? nullptr : &it->second.entry;
    }
    /// Predicates with a vocabulary entry, in symbol order.
    std::vector<symbol> vocabulary_predicates() const {
        std::vector<symbol> out;
        for (const auto& kv : vocab_) out.push_back(kv.first);
        std::sort(out.begin(), out.end());
        return out;
    }
    /// Whether two tokens of `predicate` are declared compatible (equal tokens always are).
    bool compatible_tokens(symbol predicate, symbol a, symbol b) const noexcept {
        if (a == b) return true;
        auto it = vocab_.find(predicate);
        if (it == vocab_.end()) return false;
        std::pair<symbol, symbol> key{std::min(a, b), std::max(a, b)};
        return std::binary_search(it->second.compatible.begin(), it->second.compatible.end(), key);
    }
    /// The compatible pairs of `predicate` as symbols (each with first < second).
    const std::vector<std::pair<symbol, symbol>>& compatible_pairs(symbol predicate) const noexcept {
        static const std::vector<std::pair<symbol, symbol>> empty;
        auto it = vocab_.find(predicate);
        return it == vocab_.end() ? empty : it->second.compatible;
    }
    /// Whether `token` is allowed for `predicate` (true when no values are declared).
    bool allowed_token(symbol predicate, symbol token) const noexcept {
        auto it = vocab_.find(predicate);
        if (it == vocab_.end() || it->second.values.empty()) return true;
        return std::binary_search(it->second.values.begin(), it->second.values.end(), token);
    }
    bool default_valid_published(symbol predicate) const noexcept {
        auto it = vocab_.find(predicate);
        return it != vocab_.end() && it->second.entry.default_valid_published;
    }

    // ---- scopes -----------------------------------------------------------------------------
    /// Declares that `parent` contains `child` in `dimension` (transitively: a region contains
    /// the countries its sub-regions contain).
    void add_scope_containment(std::string_view dimension, std::string_view parent, std::string_view child) {
        symbol d = names_.intern(dimension), p = names_.intern(parent), c = names_.intern(child);
        containment_[{d, p}].push_back(c);
        closure_.clear();
        closure_ready_ = false;
    }
    /// The declared direct containments: (dimension, parent) -> children.
    const std::map<std::pair<symbol, symbol>, std::vector<symbol>>& scope_containments() const noexcept {
        return containment_;
    }
    /// Whether token `a` contains token `b` in `dimension`, directly or transitively (a token
    /// does not contain itself here).
    bool scope_contains(symbol dimension, symbol a, symbol b) const {
        ensure_closure();
        return closure_.count({dimension, a, b}) != 0;
    }
    /// The id of a canonical scope (entries sorted by folded dimension).
    scope_id intern_scope(const scope_map& s) {
        std::vector<std::pair<symbol, symbol>> entries;
        for (const auto& [d, t] : s) entries.emplace_back(names_.intern(d), names_.intern(t));
        return intern_scope_entries(std::move(entries));
    }
    scope_id intern_scope_entries(std::vector<std::pair<symbol, symbol>> entries) {
        if (entries.empty()) return empty_scope;
        std::sort(entries.begin(), entries.end());
        auto it = scope_index_.find(entries);
        if (it != scope_index_.end()) return it->second;
        const scope_id id{static_cast<std::uint32_t>(scopes_.size())};
        scopes_.push_back(entries);
        scope_index_.emplace(std::move(entries), id);
        return id;
    }
    /// The id of a scope already used in the corpus, if any (no interning).
    std::optional<scope_id> find_scope(const scope_map& s) const {
        std::vector<std::pair<symbol, symbol>> entries;
        for (const auto& [d, t] : s) {
            auto sd = names_.find(d), st = names_.find(t);
            if (!sd || !st) return std::nullopt;
            entries.emplace_back(*sd, *st);
        }
        if (entries.empty()) return empty_scope;
        std::sort(entries.begin(), entries.end());
        auto it = scope_index_.find(entries);
        if (it == scope_index_.end()) return std::nullopt;
        return it->second;
    }
    const std::vector<std::pair<symbol, symbol>>& scope_entries(scope_id s) const noexcept {
        return scopes_[to_index(s)];
    }
    std::size_t scope_count() const noexcept { return scopes_.size(); }
    /// §3.2: no dimension present in both with different tokens where neither contains the other.
    bool scopes_overlap(scope_id a, scope_id b) const {
        if (a == b || a == empty_scope || b == empty_scope) return true;
        const auto &ea = scopes_[to_index(a)], &eb = scopes_[to_index(b)];
        std::size_t i = 0, j = 0;
        while (i < ea.size() && j < eb.size()) {
            if (ea[i].first < eb[j].first) ++i;
            else if (eb[j].first < ea[i].first) ++j;
            else {
                symbol d = ea[i].first, x = ea[i].second, y = eb[j].second;
                if (x != y && !scope_contains(d, x, y) && !scope_contains(d, y, x)) return false;
                ++i, ++j;
            }
        }
        return true;
    }
    /// Canonical text of a scope: `dim=token;dim=token` in dimension order, folded (empty: none).
    std::string scope_text(scope_id s) const {
        std::vector<std::pair<std::string_view, std::string_view>> parts;
        for (const auto& [d, t] : scopes_[to_index(s)]) parts.emplace_back(names_.folded(d), names_.folded(t));
        std::sort(parts.begin(), parts.end());
        std::string out;
        for (const auto& [d, t] : parts) {
            if (!out.empty()) out += ';';
            out.append(d).append("=").append(t);
        }
        return out;
    }
    scope_map scope_of(scope_id s) const {
        scope_map out;
        for (const auto& [d, t] : scopes_[to_index(s)])
            out.emplace(std::string(names_.display(d)), std::string(names_.display(t)));
        return out;
    }

    // ---- units ------------------------------------------------------------------------------
    unit_registry& units() noexcept {
        unit_cache_.clear();
        return units_;
    }  // the caller may redefine a unit
    const unit_registry& units() const noexcept { return units_; }
    /// The root base unit and the factor to it of a unit (unit_base_name names the base);
    /// no_unit_base for no_unit.
    std::pair<unit_base_id, double> unit_base(unit_id unit) const {
        if (unit == no_unit) return {no_unit_base, 1.0};
        if (unit_cache_size_ != units_.size()) {  // a unit was declared since: recompute
            unit_cache_.clear();
            unit_cache_size_ = units_.size();
        }
        auto it = unit_cache_.find(unit);
        if (it != unit_cache_.end()) return it->second;
        auto [base, f] = units_.to_base(std::string(unit_names_.str(unit)));
        std::pair<unit_base_id, double> r{base_names_.intern(base), f};
        unit_cache_.emplace(unit, r);
        return r;
    }

    std::string_view unit_base_name(unit_base_id base) const noexcept { return base_names_.str(base); }

    // ---- rules ------------------------------------------------------------------------------
    std::vector<rule>& rules() noexcept { return rules_; }
    const std::vector<rule>& rules() const noexcept { return rules_; }

    // ---- sources ----------------------------------------------------------------------------
    /// Adds a declared source. Throws model_error on a duplicate id. A source earlier named only
    /// by reference (a claim's or source's `cites`) becomes declared.
    source_index add_source(source s) {
        source_index i;
        if (auto known = find_source(s.id)) {
            i = *known;
            if (declared_[to_index(i)]) throw model_error(5, "duplicate source id '" + s.id + "'");
            sources_[to_index(i)] = std::move(s);
            declared_[to_index(i)] = true;
        } else {
            i = source_index{static_cast<std::uint32_t>(sources_.size())};
            source_ids_.intern(s.id);
            detail::grow_for_push(sources_);
            sources_.push_back(std::move(s));
            declared_.push_back(true);
            claims_per_source_.push_back(0);
        }
        origins_ready_ = false;
        // Sources that are only cited become placeholders, so two outlets relaying the same
        // undeclared newspaper share that origin (§4).
        const auto cites = sources_[to_index(i)].cites;
        for (const auto& cited : cites) intern_source(cited);
        if (auto t = sources_[to_index(i)].translation_of) intern_source(*t);
        return i;
    }
    /// The index of source `id`, creating an undeclared placeholder when unknown (the checkers
    /// report claims that rely on undeclared sources).
    source_index intern_source(std::string_view id) {
        if (auto i = find_source(id)) return *i;
        const source_index i{static_cast<std::uint32_t>(sources_.size())};
        source_ids_.intern(id);
        source s;
        s.id = std::string(id);
        detail::grow_for_push(sources_);
        sources_.push_back(std::move(s));
        declared_.push_back(false);
        claims_per_source_.push_back(0);
        origins_ready_ = false;
        return i;
    }
    std::optional<source_index> find_source(std::string_view id) const noexcept {
        return source_ids_.find(id);  // the table numbers the ids in source order
    }
    const source& source_at(source_index i) const noexcept { return sources_[to_index(i)]; }
    /// Whether source `i` was declared (not only referred to).
    bool declared(source_index i) const noexcept { return declared_[to_index(i)]; }
    std::size_t source_count() const noexcept { return sources_.size(); }
    /// Every source's index, in order.
    id_sequence<source_index> source_indices() const noexcept {
        return {0, static_cast<std::uint32_t>(sources_.size())};
    }
    const std::vector<source>& sources() const noexcept { return sources_; }

    /// §4: the origins of source `i` (sorted indices): the sources reached through `cites` and
    /// `translation_of` that cite nothing; a source citing nothing is its own origin. A citation
    /// cycle that leads nowhere else counts as one origin, named by its first member.
    const std::vector<source_index>& origins(source_index i) const {
        ensure_origins();
        return origins_[to_index(i)];
    }
    /// The origins of a claim: those of its own `cites` when it has them, else its source's.
    std::vector<source_index> claim_origins(claim_index c) const {
        const auto& r = claims_[to_index(c)];
        if (r.extra != stored_claim::none && !extras_[r.extra].cites.empty()) {
            std::vector<source_index> out;
            for (auto s : extras_[r.extra].cites) {
                const auto& o = origins(s);
                out.insert(out.end(), o.begin(), o.end());
            }
            std::sort(out.begin(), out.end());
            out.erase(std::unique(out.begin(), out.end()), out.end());
            return out;
        }
        return origins(r.source);
    }
    /// §4: two claims are independent when their origin sets are disjoint.
    bool independent(claim_index a, claim_index b) const {
        auto oa = claim_origins(a), ob = claim_origins(b);
        std::size_t i = 0, j = 0;
        while (i < oa.size() && j < ob.size()) {
            if (oa[i] == ob[j]) return false;
            if (oa[i] < ob[j]) ++i;
            else ++j;
        }
        return true;
    }
    /// Source references (`cites`, `translation_of`) that name no declared source, as
    /// (citing source, missing id) pairs.
    std::vector<std::pair<source_index, std::string>> dangling_source_references() const {
        std::vector<std::pair<source_index, std::string>> out;
        for (std::uint32_t i = 0; i < sources_.size(); ++i) {
            if (!declared_[i]) continue;
            for (const auto& c : sources_[i].cites) {
                auto j = find_source(c);
                if (!j || !declared_[to_index(*j)]) out.emplace_back(source_index{i}, c);
            }
            if (const auto& t = sources_[i].translation_of) {
                auto j = find_source(*t);
                if (!j || !declared_[to_index(*j)]) out.emplace_back(source_index{i}, *t);
            }
        }
        return out;
    }

    // ---- claims -----------------------------------------------------------------------------
    /// Adds a typed claim. Its source is created as an undeclared placeholder if unknown; an
    /// empty id becomes `SOURCE#N` (§1). Values of user types are kept type-erased.
    template <class Value>
    claim_index add(const claim<Value>& c) {
        stored_claim r;
        r.subject = names_.intern(c.subject);
        r.predicate = names_.intern(c.predicate);
        r.scope = intern_scope(c.scope);
        r.source = intern_source(c.source);
        r.mode = c.mode;
        r.set_validity(c.valid);
        claim_extra extra;
        extra.quote = c.quote;
        extra.lang = c.lang;
        for (const auto& s : c.cites) extra.cites.push_back(intern_source(s));
        set_value(r, extra, c.value);
        bool need_extra = !extra.quote.empty() || !extra.lang.empty() || !extra.cites.empty() || !extra.text.empty() ||
                          extra.amount || extra.custom;
        return add_stored(r, c.id, need_extra ? &extra : nullptr);
    }

    /// Appends a compact record (fields other than `id` and `extra` already set) with its id
    /// text; `extra` may be null. The fast path for loaders.
    claim_index add_stored(stored_claim r, std::string_view id, const claim_extra* extra = nullptr) {
        CROSSCHECK_ASSERT(to_index(r.source) < sources_.size());
        auto n = ++claims_per_source_[to_index(r.source)];
        if (id.empty()) {
            std::string gen = sources_[to_index(r.source)].id + "#" + std::to_string(n);
            r.id = store_id(gen);
        } else {
            r.id = store_id(id);
        }
        if (extra) {
            r.extra = static_cast<std::uint32_t>(extras_.size());
            extras_.push_back(*extra);
        } else {
            r.extra = stored_claim::none;
        }
        claims_.push_back(r);
        return claim_index{static_cast<std::uint32_t>(claims_.size() - 1)};
    }
    /// Reserves room for `n` claims and about `id_bytes` of id text, made resident at once
    /// (detail::prefault): give sizes close to what will be stored.
    void reserve(std::size_t n, std::size_t id_bytes = 0) {
        detail::reserve_resident(claims_, n);
        detail::reserve_resident(ids_, id_bytes);
    }

    std::size_t size() const noexcept { return claims_.size(); }
    /// Bytes of id text stored so far (see reserve).
    std::size_t id_bytes() const noexcept { return ids_.size(); }
    bool empty() const noexcept { return claims_.empty(); }
    /// Every claim's index, in load order.
    id_sequence<claim_index> claim_indices() const noexcept { return {0, static_cast<std::uint32_t>(claims_.size())}; }
    claim_ref operator[](claim_index i) const noexcept { return {this, i}; }
    const stored_claim& stored(claim_index i) const noexcept { return claims_[to_index(i)]; }
    /// The compact records, in claim order.
    using record_vector = std::vector<stored_claim, detail::keep_bytes_allocator<stored_claim>>;
    const record_vector& stored_claims() const noexcept { return claims_; }
    const claim_extra* extra(claim_index i) const noexcept {
        auto e = claims_[to_index(i)].extra;
        return e == stored_claim::none ? nullptr : &extras_[e];
    }
    std::string_view claim_id(claim_index i) const noexcept { return id_text(claims_[to_index(i)].id); }
    /// Where the id text at `offset` (a stored_claim::id) lives, for a reader that prefetches it.
    const void* id_address(std::uint32_t offset) const noexcept { return ids_.data() + offset; }
    std::string_view id_text(std::uint32_t offset) const noexcept { return decode_claim_id(ids_.data(), offset); }
    /// The claims as a random-access range of claim_ref (range-v3 compatible).
    class claim_iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = claim_ref;
        using difference_type = std::ptrdiff_t;
        using reference = claim_ref;
        using pointer = void;
        claim_iterator() = default;
        claim_iterator(const corpus* c, std::uint32_t i) noexcept : c_(c), i_(i) {}
        claim_ref operator*() const noexcept { return {c_, claim_index{i_}}; }
        claim_ref operator[](difference_type n) const noexcept {
            return {c_, claim_index{static_cast<std::uint32_t>(i_ + n)}};
        }
        claim_iterator& operator++() noexcept { return ++i_, *this; }
        claim_iterator operator++(int) noexcept {
            auto t = *this;
            ++i_;
            return t;
        }
        claim_iterator& operator--() noexcept { return --i_, *this; }
        claim_iterator operator--(int) noexcept {
            auto t = *this;
            --i_;
            return t;
        }
        claim_iterator& operator+=(difference_type n) noexcept {
            i_ = static_cast<std::uint32_t>(static_cast<difference_type>(i_) + n);
            return *this;
        }
        claim_iterator& operator-=(difference_type n) noexcept { return *this += -n; }
        friend claim_iterator operator+(claim_iterator a, difference_type n) noexcept { return a += n; }
        friend claim_iterator operator+(difference_type n, claim_iterator a) noexcept { return a += n; }
        friend claim_iterator operator-(claim_iterator a, difference_type n) noexcept { return a -= n; }
        friend difference_type operator-(const claim_iterator& a, const claim_iterator& b) noexcept {
            return static_cast<difference_type>(a.i_) - static_cast<difference_type>(b.i_);
        }
        friend bool operator==(const claim_iterator& a, const claim_iterator& b) noexcept { return a.i_ == b.i_; }
        friend bool operator!=(const claim_iterator& a, const claim_iterator& b) noexcept { return a.i_ != b.i_; }
        friend bool operator<(const claim_iterator& a, const claim_iterator& b) noexcept { return a.i_ < b.i_; }
        friend bool operator>(const claim_iterator& a, const claim_iterator& b) noexcept { return a.i_ > b.i_; }
        friend bool operator<=(const claim_iterator& a, const claim_iterator& b) noexcept { return a.i_ <= b.i_; }
        friend bool operator>=(const claim_iterator& a, const claim_iterator& b) noexcept { return a.i_ >= b.i_; }

    private:
        const corpus* c_ = nullptr;
        std::uint32_t i_ = 0;  // the claim_index's number
    };
    claim_iterator begin() const noexcept { return {this, 0}; }
    claim_iterator end() const noexcept { return {this, static_cast<std::uint32_t>(claims_.size())}; }

    /// §3.3: the assertion period of claim `i`. Empty (not `ok()`) for a `from`-only claim whose
    /// `from` comes after its source's publication: the source vouches for no day of it, so the
    /// claim is compared with nothing (and input_warnings says so).
    period assertion_period(claim_index i) const noexcept {
        const auto& r = claims_[to_index(i)];
        const auto& pub = sources_[to_index(r.source)].published;
        switch (r.valid_form()) {
            case validity::form::date: return r.valid_span();
            case validity::form::range: {
                period p = r.valid_span();
                if (!p.open_start() && p.open_end() && pub)  // `from` only: up to the publication
                    return {p.first(), pub->last(), p.first_precision(), pub->last_precision()};
                return p;
            }
            case validity::form::none: break;
        }
        if (pub && default_valid_published(r.predicate)) return *pub;
        return period{};
    }

    /// Computes the derived tables that const member functions otherwise build on first use
    /// (origins, the scope containment closure, unit bases). Checkers call it before they start
    /// their threads: afterwards the const interface may be used from several threads at once, as
    /// long as nobody modifies the corpus.
    void prepare() const {
        ensure_origins();
        ensure_closure();
        for (std::uint32_t u = 0; u < unit_names_.size(); ++u) unit_base(unit_id{u});
    }

    /// Memory held by the claims, names and side tables, for the performance report.
    std::size_t memory_bytes() const noexcept {
        return claims_.capacity() * sizeof(stored_claim) + ids_.capacity() + names_.memory_bytes() +
               extras_.capacity() * sizeof(claim_extra);
    }

private:
    friend struct detail::corpus_access;

    // ---- the parallel loaders' hooks (detail::corpus_access) ----------------------------------
    /// Where a parallel loader writes records in place before appending them (append_spare):
    /// the storage past the stored claims, spare_capacity() records of it (see reserve). The
    /// pointer stays valid while no claim is stored past that capacity.
    stored_claim* spare_records() noexcept { return claims_.data() + claims_.size(); }
    std::size_t spare_capacity() const noexcept { return claims_.capacity() - claims_.size(); }
    /// Appends the `n` records a loader wrote at spare_records() + `gap`, in place: no copy (a
    /// parallel load's later chunks write their records where they will stay). Each record's
    /// `id` is the offset of its id in `encoded_ids`, written as encode_claim_id writes them,
    /// and none has an `extra`; every id must be non-empty. `f(record)` is applied to each
    /// (a parallel loader renumbers a chunk's names with it) in the same pass.
    template <class F>
    void append_spare(std::size_t gap, std::size_t n, std::string_view encoded_ids, F&& f) {
        CROSSCHECK_ASSERT(gap + n <= spare_capacity());
        const std::size_t base = ids_.size();
        if (base + encoded_ids.size() > std::numeric_limits<std::uint32_t>::max())
            throw model_error(7, "claim id text exceeds 4 GiB");
        ids_.insert(ids_.end(), encoded_ids.begin(), encoded_ids.end());
        const std::size_t at = claims_.size();
        claims_.resize(at + gap + n);  // keeps the bytes written there (keep_bytes_allocator)
        stored_claim* p = claims_.data() + at;
        if (gap != 0) std::memmove(static_cast<void*>(p), p + gap, n * sizeof(stored_claim));
        claims_.resize(at + n);
        for (std::size_t i = 0; i < n; ++i) {
            stored_claim& r = p[i];
            f(r);
            CROSSCHECK_ASSERT(to_index(r.source) < sources_.size() && r.extra == stored_claim::none);
            ++claims_per_source_[to_index(r.source)];
            r.id = static_cast<std::uint32_t>(r.id + base);
        }
    }
    /// Appends the stored form of a claim id to `out` (a length, then the text): what
    /// append_spare expects. Returns the offset it was written at.
    static std::size_t encode_claim_id(std::vector<char>& out, std::string_view id) {
        const std::size_t off = out.size();
        if (id.size() < 0xFF) {
            out.push_back(static_cast<char>(static_cast<unsigned char>(id.size())));
        } else {
            out.push_back(static_cast<char>(0xFF));
            const auto n = static_cast<std::uint32_t>(id.size());
            char bytes[sizeof n];
            std::memcpy(bytes, &n, sizeof n);
            out.insert(out.end(), bytes, bytes + sizeof n);
        }
        out.insert(out.end(), id.begin(), id.end());
        return off;
    }
    /// The id written by encode_claim_id at `offset` of `store`.
    static std::string_view decode_claim_id(const char* store, std::size_t offset) noexcept {
        // Ids are stored length-first (one byte, or 0xFF and four bytes for long ids): reports
        // read ids by the million, and a strlen per read showed in profiles.
        const auto* p = reinterpret_cast<const unsigned char*>(store) + offset;
        std::size_t len = p[0];
        std::size_t head = 1;
        if (len == 0xFF) {
            std::uint32_t n;
            std::memcpy(&n, p + 1, sizeof n);
            len = n;
            head = 5;
        }
        return {store + offset + head, len};
    }

    template <class Value>
    void set_value(stored_claim& r, claim_extra& extra, const Value& v) {
        if constexpr (std::is_same_v<Value, any_value>) {
            std::visit([&](const auto& x) { set_value(r, extra, x); }, v);
        } else if constexpr (std::is_same_v<Value, token>) {
            r.kind = value_kind::token;
            r.set_value_token(names_.intern(v.text));
        } else if constexpr (std::is_same_v<Value, quantity>) {
            constexpr double inf = std::numeric_limits<double>::infinity();
            r.kind = value_kind::quantity;
            r.set_value_unit(v.unit.empty() ? no_unit : unit_names_.intern(v.unit));
            r.detail_bits = static_cast<std::uint8_t>(v.kind);
            if (v.lower || v.upper) {
                r.detail_bits |= stored_claim::bounds_form;
                r.a = v.lower ? *v.lower : -inf;
                r.b = v.upper ? *v.upper : inf;
                extra.amount = v.amount;
            } else {
                r.a = v.amount ? *v.amount : 0.0;
                r.b = r.a;
            }
        } else if constexpr (std::is_same_v<Value, calendar_value>) {
            r.kind = value_kind::calendar;
            r.a = v.when.first();
            r.b = v.when.last();
            r.detail_bits = static_cast<std::uint8_t>(static_cast<unsigned>(v.when.first_precision()) |
                                                      (static_cast<unsigned>(v.when.last_precision()) << 3));
        } else if constexpr (std::is_same_v<Value, text_value>) {
            r.kind = value_kind::text;
            extra.text = v.text;
        } else if constexpr (std::is_same_v<Value, custom_value>) {
            r.kind = value_kind::custom;
            extra.custom = v;
        } else {
            r.kind = value_kind::custom;
            extra.custom = custom_value(v);
        }
    }
    void set_alias(symbol alias, symbol entity, std::string_view text) {
        auto [it, fresh] = aliases_.emplace(alias, entity);
        if (!fresh && it->second != entity)
            throw model_error(6, "alias '" + std::string(text) + "' names two entities: '" +
                                     std::string(names_.display(it->second)) + "' and '" +
                                     std::string(names_.display(entity)) + "'");
    }
    std::uint32_t store_id(std::string_view id) {
        if (ids_.size() + id.size() + 5 > std::numeric_limits<std::uint32_t>::max())
            throw model_error(7, "claim id text exceeds 4 GiB");
        return static_cast<std::uint32_t>(encode_claim_id(ids_, id));
    }
    void ensure_closure() const {
        if (closure_ready_) return;
        closure_.clear();
        for (const auto& [dp, children] : containment_) {
            // Depth-first from each parent; visited set makes cycles harmless.
            std::vector<symbol> stack(children.begin(), children.end());
            std::set<symbol> seen;
            while (!stack.empty()) {
                symbol c = stack.back();
                stack.pop_back();
                if (!seen.insert(c).second) continue;
                if (c != dp.second) closure_.insert({dp.first, dp.second, c});
                auto it = containment_.find({dp.first, c});
                if (it != containment_.end()) stack.insert(stack.end(), it->second.begin(), it->second.end());
            }
        }
        closure_ready_ = true;
    }
    void ensure_origins() const {
        if (origins_ready_) return;
        // Sources are numbered here (std::uint32_t), and source_index only in the result.
        // Tarjan's SCC over the citation graph; each SCC with no edge leaving it is one origin
        // (its first member), and every source's origins are the terminal SCCs it reaches.
        const auto n = sources_.size();
        std::vector<std::vector<std::uint32_t>> out(n);
        for (std::uint32_t i = 0; i < n; ++i) {
            for (const auto& c : sources_[i].cites)
                if (auto j = find_source(c)) out[i].push_back(to_index(*j));
            if (sources_[i].translation_of)
                if (auto j = find_source(*sources_[i].translation_of)) out[i].push_back(to_index(*j));
        }
        constexpr std::uint32_t unvisited = 0xFFFFFFFFu;
        std::vector<std::uint32_t> index(n, unvisited), low(n, 0), comp(n, unvisited);
        std::vector<bool> on_stack(n, false);
        std::vector<std::uint32_t> stack;
        std::uint32_t counter = 0, ncomp = 0;
        struct frame {
            std::uint32_t v;
            std::size_t edge;
        };
        for (std::uint32_t s = 0; s < n; ++s) {
            if (index[s] != unvisited) continue;
            std::vector<frame> call{{s, 0}};
            index[s] = low[s] = counter++;
            stack.push_back(s);
            on_stack[s] = true;
            while (!call.empty()) {
                auto& f = call.back();
                if (f.edge < out[f.v].size()) {
                    std::uint32_t w = out[f.v][f.edge++];
                    if (index[w] == unvisited) {
                        index[w] = low[w] = counter++;
                        stack.push_back(w);
                        on_stack[w] = true;
                        call.push_back({w, 0});
                    } else if (on_stack[w]) {
                        low[f.v] = std::min(low[f.v], index[w]);
                    }
                    continue;
                }
                std::uint32_t v = f.v;
                call.pop_back();
                if (!call.empty()) low[call.back().v] = std::min(low[call.back().v], low[v]);
                if (low[v] == index[v]) {
                    for (;;) {
                        std::uint32_t w = stack.back();
                        stack.pop_back();
                        on_stack[w] = false;
                        comp[w] = ncomp;
                        if (w == v) break;
                    }
                    ++ncomp;
                }
            }
        }
        // Tarjan numbers components in reverse topological order: successors come first.
        std::vector<std::vector<std::uint32_t>> members(ncomp);
        for (std::uint32_t i = 0; i < n; ++i) members[comp[i]].push_back(i);
        std::vector<std::vector<std::uint32_t>> comp_origins(ncomp);
        for (std::uint32_t k = 0; k < ncomp; ++k) {
            std::vector<std::uint32_t> acc;
            bool terminal = true;
            for (auto v : members[k])
                for (auto w : out[v])
                    if (comp[w] != k) {
                        terminal = false;
                        acc.insert(acc.end(), comp_origins[comp[w]].begin(), comp_origins[comp[w]].end());
                    }
            if (terminal) acc.push_back(*std::min_element(members[k].begin(), members[k].end()));
            std::sort(acc.begin(), acc.end());
            acc.erase(std::unique(acc.begin(), acc.end()), acc.end());
            comp_origins[k] = std::move(acc);
        }
        origins_.assign(n, {});
        for (std::uint32_t i = 0; i < n; ++i)
            for (auto o : comp_origins[comp[i]]) origins_[i].push_back(source_index{o});
        origins_ready_ = true;
    }

    struct vocab_info {
        vocabulary_entry entry;
        std::vector<symbol> values;
        std::vector<std::pair<symbol, symbol>> compatible;
    };
    struct entries_hash {
        std::size_t operator()(const std::vector<std::pair<symbol, symbol>>& v) const noexcept {
            std::uint64_t h = 1469598103934665603ull;
            for (const auto& [a, b] : v) h = (h ^ (std::uint64_t{to_index(a)} << 32 | to_index(b))) * 1099511628211ull;
            return static_cast<std::size_t>(h);
        }
    };

    name_table names_;
    unit_table unit_names_;
    std::unordered_map<symbol, symbol> aliases_;
    std::vector<symbol> entity_ids_;
    std::unordered_map<symbol, vocab_info> vocab_;
    std::map<std::pair<symbol, symbol>, std::vector<symbol>> containment_;
    mutable std::set<std::array<symbol, 3>> closure_;  // (dimension, ancestor, descendant)
    mutable bool closure_ready_ = false;
    std::vector<std::vector<std::pair<symbol, symbol>>> scopes_;
    std::unordered_map<std::vector<std::pair<symbol, symbol>>, scope_id, entries_hash> scope_index_;
    unit_registry units_;
    mutable std::unordered_map<unit_id, std::pair<unit_base_id, double>> unit_cache_;
    mutable std::size_t unit_cache_size_ = 0;
    mutable basic_symbol_table<unit_base_id> base_names_;
    std::vector<rule> rules_;
    basic_symbol_table<source_index> source_ids_;
    std::vector<source> sources_;
    std::vector<bool> declared_;
    std::vector<std::uint32_t> claims_per_source_;
    mutable std::vector<std::vector<source_index>> origins_;
    mutable bool origins_ready_ = false;
    record_vector claims_;
    std::vector<char> ids_;
    std::vector<claim_extra> extras_;
};

// ---- claim_ref ----------------------------------------------------------------------------

inline const stored_claim& claim_ref::stored() const noexcept {
    return corpus_->stored(index_);
}
inline std::string_view claim_ref::id() const noexcept {
    return corpus_->claim_id(index_);
}
inline std::string_view claim_ref::subject() const noexcept {
    return corpus_->names().display(corpus_->resolve(stored().subject));
}
inline std::string_view claim_ref::predicate() const noexcept {
    return corpus_->names().display(stored().predicate);
}
inline const source& claim_ref::source_info() const noexcept {
    return corpus_->source_at(stored().source);
}
inline std::string_view claim_ref::source_id() const noexcept {
    return source_info().id;
}
inline validity claim_ref::valid() const noexcept {
    validity v;
    v.how = stored().valid_form();
    v.span = stored().valid_span();
    return v;
}
inline scope_map claim_ref::scope() const {
    return corpus_->scope_of(stored().scope);
}
inline std::string_view claim_ref::quote() const noexcept {
    const auto* e = corpus_->extra(index_);
    return e ? std::string_view(e->quote) : std::string_view{};
}
inline std::string_view claim_ref::lang() const noexcept {
    const auto* e = corpus_->extra(index_);
    if (e && !e->lang.empty()) return e->lang;
    return source_info().language;
}
inline period claim_ref::assertion_period() const noexcept {
    return corpus_->assertion_period(index_);
}
inline any_value claim_ref::value() const {
    const auto& r = stored();
    const auto* e = corpus_->extra(index_);
    switch (r.kind) {
        case value_kind::token: return token{std::string(corpus_->names().display(r.value_token()))};
        case value_kind::quantity: {
            quantity q;
            q.kind = r.approx_kind();
            q.unit = std::string(corpus_->unit_names().str(r.value_unit()));
            if (r.is_bounds_form()) {
                if (!std::isinf(r.a)) q.lower = r.a;
                if (!std::isinf(r.b)) q.upper = r.b;
                if (e && e->amount) q.amount = e->amount;
            } else {
                q.amount = r.a;
            }
            return q;
        }
        case value_kind::calendar:
            return calendar_value{period{static_cast<day_number>(r.a), static_cast<day_number>(r.b),
                                         static_cast<precision>(r.detail_bits & 0x7),
                                         static_cast<precision>((r.detail_bits >> 3) & 0x7)}};
        case value_kind::text: return text_value{e ? e->text : std::string{}};
        case value_kind::custom: return *e->custom;
    }
    return token{};
}
inline std::string claim_ref::value_text() const {
    return to_string(value());
}
inline claim<any_value> claim_ref::to_claim() const {
    claim<any_value> c;
    c.id = std::string(id());
    c.source = std::string(source_id());
    c.subject = std::string(corpus_->names().display(stored().subject));
    c.predicate = std::string(predicate());
    c.value = value();
    c.scope = scope();
    c.valid = valid();
    c.mode = mode();
    if (const auto* e = corpus_->extra(index_)) {
        c.quote = e->quote;
        c.lang = e->lang;
        for (auto s : e->cites) c.cites.push_back(corpus_->source_at(s).id);
    }
    return c;
}

namespace detail {

/// What the parallel CSV loader (io/detail/csv_parallel.hpp) does to a corpus beyond its public
/// API: write records in place in the storage past the stored claims, and append them there
/// without a copy. Not for users: add_stored is the public fast path.
struct corpus_access {
    static stored_claim* spare_records(corpus& c) noexcept { return c.spare_records(); }
    static std::size_t spare_capacity(const corpus& c) noexcept { return c.spare_capacity(); }
    template <class F>
    static void append_spare(corpus& c, std::size_t gap, std::size_t n, std::string_view encoded_ids, F&& f) {
        c.append_spare(gap, n, encoded_ids, std::forward<F>(f));
    }
    static std::size_t encode_claim_id(std::vector<char>& out, std::string_view id) {
        return corpus::encode_claim_id(out, id);
    }
    static std::string_view decode_claim_id(const char* store, std::size_t offset) noexcept {
        return corpus::decode_claim_id(store, offset);
    }
};

}  // namespace detail

inline std::ostream& operator<<(std::ostream& os, const claim_ref& c) {
    return os << c.to_claim();
}

}  // namespace crosscheck

#endif
