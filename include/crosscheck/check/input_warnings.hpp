// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_CHECK_INPUT_WARNINGS_HPP
#define CROSSCHECK_CHECK_INPUT_WARNINGS_HPP

#include <crosscheck/check/context.hpp>
#include <crosscheck/check/finding.hpp>
#include <crosscheck/detail/threads.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace crosscheck {

namespace detail {

/// True when every id is a canonical decimal number (no sign, no leading zero) and each is
/// larger than the one before: then no two are equal, and no table is needed. Generated and
/// exported tables number their rows this way. Ranges of claims are read on `threads` threads
/// (each also compares its first id with the one before it): it reads every id, the costliest
/// part of the input warnings on a large table.
inline bool ids_strictly_increasing_numbers(const corpus& c, unsigned threads = 1) {
    auto number = [](std::string_view id) {
        if (id.empty() || (id.size() > 1 && id[0] == '0')) return false;
        for (char ch : id)
            if (ch < '0' || ch > '9') return false;
        return true;
    };
    auto less = [](std::string_view a, std::string_view b) {
        return a.size() < b.size() || (a.size() == b.size() && a < b);
    };
    const std::size_t n = c.size();
    if (n < detail::min_parallel_items) threads = 1;
    std::vector<char> rising(threads, 1);
    detail::on_threads(threads, [&](unsigned t) {
        const auto lo = static_cast<std::uint32_t>(n * t / threads),
                   hi = static_cast<std::uint32_t>(n * (t + 1) / threads);
        std::string_view prev = lo > 0 ? c.claim_id(claim_index{lo - 1}) : std::string_view{};
        for (std::uint32_t i = lo; i < hi; ++i) {
            const auto id = c.claim_id(claim_index{i});
            if (!number(id) || (i > 0 && !less(prev, id))) {
                rising[t] = 0;
                return;
            }
            prev = id;
        }
    });
    return std::all_of(rising.begin(), rising.end(), [](char r) { return r != 0; });
}

/// Pairs (later claim, first claim with the same id), in the order of the later claims. An
/// open-addressing table of claim indices (4 bytes a slot, at most half full), compared by id
/// text: no sort, and a fraction of the memory of a table of (hash, index) pairs.
inline std::vector<std::pair<claim_index, claim_index>> duplicate_ids(const corpus& c, unsigned threads = 1) {
    std::vector<std::pair<claim_index, claim_index>> out;
    if (c.size() < 2 || ids_strictly_increasing_numbers(c, threads)) return out;
    std::size_t cap = 16;
    while (cap < 2 * c.size()) cap *= 2;
    constexpr claim_index empty{0xFFFFFFFFu};
    std::vector<claim_index> table(cap, empty);
    for (claim_index i : c.claim_indices()) {
        const auto id = c.claim_id(i);
        for (std::size_t slot = hash_bytes(id) & (cap - 1);; slot = (slot + 1) & (cap - 1)) {
            const claim_index there = table[slot];
            if (there == empty) {
                table[slot] = i;
                break;
            }
            if (c.claim_id(there) == id) {
                out.emplace_back(i, there);
                break;
            }
        }
    }
    return out;
}

}  // namespace detail

/// Input warnings (§3): tokens outside a declared vocabulary, quantities whose units cannot be
/// converted to each other, values of different kinds for one key, references to sources that
/// are not declared, claims vouched for no day (`from` after the source's publication),
/// duplicate claim ids. Each names the claim, the field and what was expected.
struct input_warnings_fn : detail::checker_base<input_warnings_fn> {
    using checker_base::operator();
    static constexpr const char* name = "input_warnings";

    void operator()(const check_context& ctx, report& out) const {
        const auto& c = ctx.data();
        auto add = [&](finding f) {
            ++out.stats.input_warnings;
            if (ctx.options().wants(finding_kind::input_warning)) out.findings.push_back(std::move(f));
        };
        auto warning = [&](claim_index i, std::string field, const std::string& message) {
            const auto r = c[i];
            finding f = make_finding(finding_kind::input_warning, severity::warning, r,
                                     "claim '" + std::string(r.id()) + "' " + field + ": " + message);
            f.field = std::move(field);
            return f;
        };

        // Tokens outside their predicate's vocabulary (a corpus without vocabularies has none).
        const bool vocabularies = !c.vocabulary_predicates().empty();
        for (claim_index i : vocabularies ? c.claim_indices() : id_sequence<claim_index>{}) {
            const auto& r = c.stored(i);
            if (r.kind != value_kind::token || c.allowed_token(r.predicate, r.value_token())) continue;
            std::string allowed;
            for (const auto& v : c.vocabulary(r.predicate)->values) allowed += (allowed.empty() ? "" : ", ") + v;
            add(warning(i, "value",
                        "token '" + std::string(c.names().display(r.value_token())) +
                            "' is not in the vocabulary of '" + std::string(c.names().display(r.predicate)) +
                            "' (expected one of: " + allowed + ")"));
        }

        // Mixed kinds and unconvertible units within one (subject, predicate). Only the first
        // claim of each kind and of each unit base matters; fixed arrays, not maps, because
        // this runs once per group and corpora have groups by the hundred thousand.
        const auto& groups = ctx.groups();
        constexpr std::size_t kinds_n = 5;
        constexpr claim_index none{0xFFFFFFFFu};
        // Groups are scanned in ranges on the run's threads (the claims of a group lie all over
        // a large corpus, so this is memory-bound); each range keeps its warnings, added in
        // range order afterwards, so the report does not depend on the thread count.
        auto scan = [&](std::size_t lo, std::size_t hi, std::vector<finding>& found) {
            std::vector<std::pair<unit_base_id, claim_index>> first_of_base;
            detail::record_prefetcher fetch(c, groups);
            const claim_index* const order = groups.all_members().data();
            constexpr unsigned text_bit = 1u << static_cast<unsigned>(value_kind::text);
            for (std::size_t g = lo; g < hi; ++g) {
                // Most groups hold one kind of value in one unit: nothing to warn about, and
                // their claims need not be read.
                const unsigned kinds = groups.kinds(g) & ~text_bit;
                const bool units_vary = groups.units_vary(g);
                if ((kinds & (kinds - 1)) == 0 && !units_vary) continue;
                // In one unit, the scan is over once each kind's first claim is found.
                std::size_t kinds_present = 0;
                for (unsigned k = kinds; k != 0; k &= k - 1) ++kinds_present;
                std::array<claim_index, kinds_n> first_of_kind;
                first_of_kind.fill(none);
                first_of_base.clear();
                std::size_t kinds_seen = 0;
                const auto members = groups.members(g);
                for (auto it = members.begin(); it != members.end(); ++it) {
                    fetch.before(static_cast<std::size_t>(it - order));
                    const auto& r = c.stored(*it);
                    if (r.kind == value_kind::text) continue;
                    auto& fk = first_of_kind[static_cast<std::size_t>(r.kind)];
                    if (fk == none) {
                        fk = *it;
                        ++kinds_seen;
                        if (!units_vary && kinds_seen == kinds_present) break;
                    }
                    if (r.kind == value_kind::quantity) {
                        const unit_base_id base = c.unit_base(r.value_unit()).first;
                        bool seen = false;
                        for (const auto& fb : first_of_base) seen = seen || fb.first == base;
                        if (!seen) first_of_base.emplace_back(base, *it);
                    }
                }
                if (kinds_seen > 1) {
                    // Name the first claim of each kind after the first: that is where the kinds meet.
                    std::size_t first = 0;
                    while (first_of_kind[first] == none) ++first;
                    for (std::size_t k = first + 1; k < kinds_n; ++k) {
                        if (first_of_kind[k] == none) continue;
                        const claim_index ref = first_of_kind[first];
                        auto f = warning(first_of_kind[k], "value",
                                         std::string("a ") + to_string(static_cast<value_kind>(k)) +
                                             " value compared with a " + to_string(static_cast<value_kind>(first)) +
                                             " value for the same subject and predicate "
                                             "(e.g. claim '" +
                                             std::string(c.claim_id(ref)) +
                                             "'); values of different kinds are not compared");
                        f.claims.emplace_back(c.claim_id(ref));
                        f.claim_count = 2;
                        found.push_back(std::move(f));
                    }
                }
                if (first_of_base.size() > 1) {
                    std::sort(first_of_base.begin(), first_of_base.end());  // by base symbol, as before
                    const claim_index ref = first_of_base.front().second;
                    auto unit_text = [&](claim_index i) {
                        auto u = c.unit_names().str(c.stored(i).value_unit());
                        return u.empty() ? std::string("no unit") : "unit '" + std::string(u) + "'";
                    };
                    for (std::size_t k = 1; k < first_of_base.size(); ++k) {
                        auto f = warning(first_of_base[k].second, "value.unit",
                                         unit_text(first_of_base[k].second) + " cannot be converted to the " +
                                             unit_text(ref) + " of claim '" + std::string(c.claim_id(ref)) +
                                             "' (declare both in `units`); these quantities are not compared");
                        f.claims.emplace_back(c.claim_id(ref));
                        f.claim_count = 2;
                        found.push_back(std::move(f));
                    }
                }
            }
        };
        const std::size_t ng = groups.size();
        const unsigned threads = ng < 4096 ? 1u : ctx.options().thread_count();
        // Ranges of about equal claim counts, not group counts: groups are numbered by first
        // appearance, so the large ones come first (cut by groups, one thread had 7/8 of the work).
        auto cut = [&](unsigned t) {
            const std::size_t want = c.size() * t / threads;
            std::size_t lo = 0, hi = ng;
            while (lo < hi) {
                const std::size_t mid = lo + (hi - lo) / 2;
                if (groups.offset(mid) < want) lo = mid + 1;
                else hi = mid;
            }
            return t == threads ? ng : lo;
        };
        std::vector<std::vector<finding>> found(threads);
        detail::on_threads(threads, [&](unsigned t) { scan(cut(t), cut(t + 1), found[t]); });
        for (auto& part : found)
            for (auto& f : part) add(std::move(f));

        // Sources: claims relying on undeclared sources. A corpus that declares no source at all
        // (a CSV table) carries no source metadata, so there is nothing to check against.
        bool any_declared = false;
        for (source_index s : c.source_indices()) any_declared = any_declared || c.declared(s);
        if (any_declared) {
            for (claim_index i : c.claim_indices()) {
                const auto& r = c.stored(i);
                if (!c.declared(r.source))
                    add(warning(i, "source", "source '" + c.source_at(r.source).id + "' is not declared in `sources`"));
                if (const auto* e = c.extra(i))
                    for (auto s : e->cites)
                        if (!c.declared(s))
                            add(warning(i, "cites",
                                        "cited source '" + c.source_at(s).id + "' is not declared in `sources`"));
            }
            for (const auto& [s, missing] : c.dangling_source_references()) {
                const auto& src = c.source_at(s);
                const bool cited = std::find(src.cites.begin(), src.cites.end(), missing) != src.cites.end();
                finding f;
                f.kind = std::string(kinds::input_warning);
                f.severity = severity::warning;
                f.sources = {src.id};
                f.field = cited ? "cites" : "translation_of";
                f.message = "source '" + src.id + "' refers to '" + missing + "', which is not declared in `sources`";
                add(std::move(f));
            }
        }

        // Claims vouched for no day (§3.3): `from` only, after their source's publication. Only
        // sources with a `published` date can make one (a CSV table has none: no pass at all).
        bool any_published = false;
        for (source_index s : c.source_indices()) any_published = any_published || c.source_at(s).published.has_value();
        for (claim_index i : any_published ? c.claim_indices() : id_sequence<claim_index>{}) {
            if (c.assertion_period(i).ok()) continue;
            const auto& r = c.stored(i);
            const auto& src = c.source_at(r.source);
            char from[detail::period_text_max];
            const auto from_len = static_cast<std::size_t>(
                detail::put_date_text(from, r.valid_from, r.valid_span().first_precision()) - from);
            add(warning(i, "valid",
                        "valid from " + std::string(from, from_len) + ", after its source '" + src.id +
                            "' was published (" + to_string(*src.published) +
                            "): a source cannot vouch for what comes after it was published, so the claim "
                            "is vouched for no day and is compared with nothing (give a `to`, or a single "
                            "Date, for a period taken as written)"));
        }

        // Duplicate claim ids, each reported on its later claim, naming the first one.
        for (const auto& [later, first] : detail::duplicate_ids(c, ctx.options().thread_count())) {
            auto f = warning(later, "id",
                             "duplicate claim id (first used by claim #" + std::to_string(to_index(first) + 1) +
                                 "); ids must be unique");
            f.claims.emplace_back(c.claim_id(first));
            add(std::move(f));
        }
    }
};

inline constexpr input_warnings_fn input_warnings{};

}  // namespace crosscheck

#endif
