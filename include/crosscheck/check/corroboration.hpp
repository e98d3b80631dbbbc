// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_CHECK_CORROBORATION_HPP
#define CROSSCHECK_CHECK_CORROBORATION_HPP

#include <crosscheck/corpus/corpus.hpp>
#include <crosscheck/corpus/value_identity.hpp>
#include <crosscheck/model/value.hpp>

#include <algorithm>
#include <cstddef>
#include <tuple>
#include <vector>

namespace crosscheck {

/// §4: for each claim, its value's corroboration: the number of distinct origins among the claims
/// of its key (subject after aliases, predicate, scope) that state the same value (one
/// value_identity: the same token, the same interval in the same base unit, the same calendar
/// period, or the same text). O(n log n): claims are sorted by (key, value), then origins merged
/// per run.
inline std::vector<std::size_t> corroboration(const corpus& c, const compare_options& opt = {}) {
    struct entry {
        symbol subject, predicate;
        scope_id scope;
        claim_index idx;
        value_identity value;
        auto key() const { return std::tie(subject, predicate, scope, value); }
    };
    same_text_claims same_text;
    std::vector<entry> es;
    es.reserve(c.size());
    for (claim_index i : c.claim_indices()) {
        const auto& r = c.stored(i);
        es.push_back({c.resolve(r.subject), r.predicate, r.scope, i, same_text(c, value_identity_of(c, i, opt))});
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
