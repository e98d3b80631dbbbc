// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_CHECKS_INPUT_WARNINGS_HPP
#define CROSSCHECK_CHECKS_INPUT_WARNINGS_HPP

#include <crosscheck/checks/context.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace crosscheck {

/// Input warnings (§3): tokens outside a declared vocabulary, quantities whose units cannot be
/// converted to each other, values of different kinds for one key, references to sources that
/// are not declared, duplicate claim ids. Each names the claim, the field and what was expected.
struct input_warnings_fn {
    static constexpr const char* name = "input_warnings";

    void operator()(const check_context& ctx, report& out) const {
        const auto& c = ctx.data();
        auto add = [&](finding f) {
            ++out.stats.input_warnings;
            if (ctx.options().wants(kinds::input_warning)) out.findings.push_back(std::move(f));
        };
        auto warning = [&](claim_index i, std::string field, std::string message) {
            finding f;
            f.kind = std::string(kinds::input_warning);
            f.severity = severity::warning;
            auto r = c[i];
            f.subject = std::string(r.subject());
            f.predicate = std::string(r.predicate());
            f.scope = c.scope_text(r.stored().scope);
            f.claims = {std::string(r.id())};
            f.claim_count = 1;
            f.sources = {std::string(r.source_id())};
            f.field = std::move(field);
            f.message = "claim '" + std::string(r.id()) + "' " + f.field + ": " + message;
            return f;
        };

        // Tokens outside the vocabulary.
        for (claim_index i = 0; i < c.size(); ++i) {
            const auto& r = c.stored(i);
            if (r.kind != value_kind::token || c.allowed_token(r.predicate, r.sym)) continue;
            std::string allowed;
            for (const auto& v : c.vocabulary(r.predicate)->values) allowed += (allowed.empty() ? "" : ", ") + v;
            add(warning(i, "value",
                        "token '" + std::string(c.names().display(r.sym)) + "' is not in the vocabulary of '" +
                            std::string(c.names().display(r.predicate)) + "' (expected one of: " + allowed + ")"));
        }

        // Mixed kinds and unconvertible units within one (subject, predicate).
        const auto& groups = ctx.groups();
        for (std::size_t g = 0; g < groups.size(); ++g) {
            std::map<value_kind, std::vector<claim_index>> by_kind;
            std::map<symbol, std::vector<claim_index>> by_base;
            for (auto it = groups.begin(g); it != groups.end(g); ++it) {
                const auto& r = c.stored(*it);
                if (r.kind == value_kind::text) continue;
                auto& v = by_kind[r.kind];
                if (v.size() < 5) v.push_back(*it);
                if (r.kind == value_kind::quantity) {
                    auto& u = by_base[c.unit_base(r.sym).first];
                    if (u.size() < 5) u.push_back(*it);
                }
            }
            if (by_kind.size() > 1) {
                // Name the first claim of each kind after the first: that is where the kinds meet.
                auto first = by_kind.begin();
                for (auto it = std::next(by_kind.begin()); it != by_kind.end(); ++it) {
                    auto f = warning(it->second.front(), "value",
                                     std::string("a ") + to_string(it->first) + " value compared with a " +
                                         to_string(first->first) + " value for the same subject and predicate "
                                         "(e.g. claim '" + std::string(c.claim_id(first->second.front())) +
                                         "'); values of different kinds are not compared");
                    f.claims.emplace_back(c.claim_id(first->second.front()));
                    f.claim_count = 2;
                    add(std::move(f));
                }
            }
            if (by_base.size() > 1) {
                auto first = by_base.begin();
                for (auto it = std::next(by_base.begin()); it != by_base.end(); ++it) {
                    auto unit_text = [&](claim_index i) {
                        auto u = c.unit_names().str(c.stored(i).sym);
                        return u.empty() ? std::string("no unit") : "unit '" + std::string(u) + "'";
                    };
                    auto f = warning(it->second.front(), "value.unit",
                                     unit_text(it->second.front()) + " cannot be converted to the " +
                                         unit_text(first->second.front()) + " of claim '" +
                                         std::string(c.claim_id(first->second.front())) +
                                         "' (declare both in `units`); these quantities are not compared");
                    f.claims.emplace_back(c.claim_id(first->second.front()));
                    f.claim_count = 2;
                    add(std::move(f));
                }
            }
        }

        // Sources: claims relying on undeclared sources. A corpus that declares no source at all
        // (a CSV table) carries no source metadata, so there is nothing to check against.
        bool any_declared = false;
        for (source_index s = 0; s < c.source_count(); ++s) any_declared = any_declared || c.declared(s);
        if (any_declared) {
            for (claim_index i = 0; i < c.size(); ++i) {
                const auto& r = c.stored(i);
                if (!c.declared(r.source))
                    add(warning(i, "source", "source '" + c.source_at(r.source).id + "' is not declared in `sources`"));
                if (const auto* e = c.extra(i))
                    for (auto s : e->cites)
                        if (!c.declared(s))
                            add(warning(i, "cites", "cited source '" + c.source_at(s).id + "' is not declared in `sources`"));
            }
            for (const auto& [s, missing] : c.dangling_source_references()) {
                finding f;
                f.kind = std::string(kinds::input_warning);
                f.severity = severity::warning;
                f.sources = {c.source_at(s).id};
                f.field = "cites";
                f.message = "source '" + c.source_at(s).id + "' refers to '" + missing +
                            "', which is not declared in `sources`";
                add(std::move(f));
            }
        }

        // Duplicate claim ids: sort (hash, index) pairs, then compare the texts of equal hashes.
        std::vector<std::pair<std::uint64_t, claim_index>> h(c.size());
        for (claim_index i = 0; i < c.size(); ++i) h[i] = {detail::hash_bytes(c.claim_id(i)), i};
        std::sort(h.begin(), h.end());
        for (std::size_t i = 0; i < h.size();) {
            std::size_t j = i + 1;
            while (j < h.size() && h[j].first == h[i].first) ++j;
            for (std::size_t a = i; a < j; ++a) {
                bool first_of_its_text = true;
                for (std::size_t b = i; b < a; ++b) first_of_its_text = first_of_its_text && c.claim_id(h[b].second) != c.claim_id(h[a].second);
                if (!first_of_its_text) continue;
                for (std::size_t b = a + 1; b < j; ++b)
                    if (c.claim_id(h[b].second) == c.claim_id(h[a].second)) {
                        auto f = warning(h[b].second, "id",
                                         "duplicate claim id (first used by claim #" + std::to_string(h[a].second + 1) +
                                             "); ids must be unique");
                        f.claims.emplace_back(c.claim_id(h[a].second));
                        add(std::move(f));
                    }
            }
            i = j;
        }
    }

    report operator()(const corpus& c, const check_options& o = {}) const {
        report r;
        r.stats.claims = c.size();
        check_context ctx(c, o);
        (*this)(ctx, r);
        return r;
    }
    operator checker() const {
        return {name, [](const check_context& ctx, report& r) { input_warnings_fn{}(ctx, r); }};
    }
};

inline constexpr input_warnings_fn input_warnings{};

}  // namespace crosscheck

#endif
