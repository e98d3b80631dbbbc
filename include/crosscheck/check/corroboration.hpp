// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_CHECK_CORROBORATION_HPP
#define CROSSCHECK_CHECK_CORROBORATION_HPP

#include <crosscheck/check/conflicts.hpp>
#include <crosscheck/corpus/corpus.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <tuple>
#include <vector>

namespace crosscheck {

/// §4: for each claim, its value's corroboration: the number of distinct origins among the claims
/// of its key (subject after aliases, predicate, scope) that state the same value. Same value
/// means the same token, the same interval in the same base unit, the same calendar period, or
/// the same text. O(n log n): claims are sorted by (key, value), then origins merged per run.
inline std::vector<std::size_t> corroboration(const corpus& c, const compare_options& opt = {}) {
    struct entry {
        symbol subject, predicate;
        scope_id scope;
        std::uint8_t kind;
        std::uint64_t a, b;
        std::uint32_t text_rank;  // free text and user values: rank of their text
        claim_index idx;
        auto key() const { return std::tie(subject, predicate, scope, kind, a, b, text_rank); }
    };
    auto bits = [](double d) {
        std::uint64_t u;
        std::memcpy(&u, &d, sizeof u);
        return u;
    };
    std::vector<std::string> texts;
    std::vector<entry> es;
    es.reserve(c.size());
    for (claim_index i : c.claim_indices()) {
        const auto& r = c.stored(i);
        entry e{c.resolve(r.subject), r.predicate, r.scope, static_cast<std::uint8_t>(r.kind), 0, 0, 0, i};
        switch (r.kind) {
            case value_kind::token: e.a = to_index(r.value_token()); break;
            case value_kind::quantity: {
                double f = 1;
                unit_base_id base = no_unit_base;
                auto iv = detail::quantity_interval(c, r, opt.about_width, f, base);
                e.a = bits(iv.lo);
                e.b = bits(iv.hi) ^ (std::uint64_t{to_index(base)} << 7);
                break;
            }
            case value_kind::calendar:
                e.a = bits(r.a);
                e.b = bits(r.b);
                break;
            case value_kind::text:
            case value_kind::custom:
                e.text_rank = static_cast<std::uint32_t>(texts.size());
                texts.push_back(c[i].value_text());
                break;
        }
        es.push_back(e);
    }
    // Equal texts must share a rank: replace each rank by that of the first equal text.
    if (!texts.empty()) {
        std::vector<std::uint32_t> order(texts.size()), canon(texts.size());
        for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = k;
        std::sort(order.begin(), order.end(), [&](auto x, auto y) { return texts[x] < texts[y]; });
        for (std::size_t k = 0; k < order.size(); ++k)
            canon[order[k]] = (k > 0 && texts[order[k]] == texts[order[k - 1]]) ? canon[order[k - 1]] : order[k];
        for (auto& e : es)
            if (e.kind == static_cast<std::uint8_t>(value_kind::text) ||
                e.kind == static_cast<std::uint8_t>(value_kind::custom))
                e.text_rank = canon[e.text_rank];
    }
    std::sort(es.begin(), es.end(), [](const entry& x, const entry& y) { return x.key() < y.key(); });
    std::vector<std::size_t> out(c.size(), 0);
    std::vector<source_index> origins;
    for (std::size_t i = 0; i < es.size();) {
        std::size_t j = i;
        origins.clear();
        while (j < es.size() && es[j].key() == es[i].key()) {
            auto o = c.claim_origins(es[j].idx);
            origins.insert(origins.end(), o.begin(), o.end());
            ++j;
        }
        std::sort(origins.begin(), origins.end());
        auto n = static_cast<std::size_t>(std::unique(origins.begin(), origins.end()) - origins.begin());
        for (std::size_t k = i; k < j; ++k) out[to_index(es[k].idx)] = n;
        i = j;
    }
    return out;
}

}  // namespace crosscheck

#endif
