// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_CORPUS_VIEWS_HPP
#define CROSSCHECK_CORPUS_VIEWS_HPP

#include <crosscheck/corpus/corpus.hpp>

#include <range/v3/functional/bind_back.hpp>
#include <range/v3/view/filter.hpp>
#include <range/v3/view/view.hpp>

#include <string>
#include <string_view>

namespace crosscheck {

namespace detail {

struct subject_pred {
    std::string name;
    bool operator()(const claim_ref& c) const {
        // The name may be an alias: compare entities, not spellings.
        const auto& owner = c.owner();
        auto sym = owner.names().find(name);
        return sym && owner.resolve(*sym) == owner.resolve(c.stored().subject);
    }
};
struct predicate_pred {
    std::string folded;
    bool operator()(const claim_ref& c) const { return c.owner().names().folded(c.stored().predicate) == folded; }
};
struct source_pred {
    std::string id;
    bool operator()(const claim_ref& c) const { return c.source_id() == id; }
};
struct period_pred {
    period p;
    bool operator()(const claim_ref& c) const { return c.assertion_period().overlaps(p); }
};
struct kind_pred {
    value_kind k;
    bool operator()(const claim_ref& c) const { return c.kind() == k; }
};
struct mode_pred {
    modality m;
    bool operator()(const claim_ref& c) const { return c.mode() == m; }
};

}  // namespace detail

/// Pipeable adaptors selecting claims of a corpus (any range of claim_ref):
///
///     for (auto c : corpus | views::about("bytedance") | views::with_predicate("status")) ...
namespace views {

struct about_fn {
    template <class Rng>
    auto operator()(Rng&& rng, std::string_view subject) const {
        // Match the subject after alias resolution, case-insensitively: an alias selects its entity.
        return ranges::views::filter(static_cast<Rng&&>(rng), detail::subject_pred{std::string(subject)});
    }
    auto operator()(std::string_view subject) const {
        return ranges::make_view_closure(ranges::bind_back(*this, std::string(subject)));
    }
};
struct with_predicate_fn {
    template <class Rng>
    auto operator()(Rng&& rng, std::string_view predicate) const {
        return ranges::views::filter(static_cast<Rng&&>(rng), detail::predicate_pred{detail::fold(predicate)});
    }
    auto operator()(std::string_view predicate) const {
        return ranges::make_view_closure(ranges::bind_back(*this, std::string(predicate)));
    }
};
struct from_source_fn {
    template <class Rng>
    auto operator()(Rng&& rng, std::string_view id) const {
        return ranges::views::filter(static_cast<Rng&&>(rng), detail::source_pred{std::string(id)});
    }
    auto operator()(std::string_view id) const {
        return ranges::make_view_closure(ranges::bind_back(*this, std::string(id)));
    }
};
struct during_fn {
    template <class Rng>
    auto operator()(Rng&& rng, period p) const {
        return ranges::views::filter(static_cast<Rng&&>(rng), detail::period_pred{p});
    }
    auto operator()(period p) const { return ranges::make_view_closure(ranges::bind_back(*this, p)); }
};
struct of_kind_fn {
    template <class Rng>
    auto operator()(Rng&& rng, value_kind k) const {
        return ranges::views::filter(static_cast<Rng&&>(rng), detail::kind_pred{k});
    }
    auto operator()(value_kind k) const { return ranges::make_view_closure(ranges::bind_back(*this, k)); }
};
struct with_modality_fn {
    template <class Rng>
    auto operator()(Rng&& rng, modality m) const {
        return ranges::views::filter(static_cast<Rng&&>(rng), detail::mode_pred{m});
    }
    auto operator()(modality m) const { return ranges::make_view_closure(ranges::bind_back(*this, m)); }
};

/// Claims about a subject (after aliases, case-insensitive).
inline constexpr about_fn about{};
/// Claims of a predicate (case-insensitive).
inline constexpr with_predicate_fn with_predicate{};
/// Claims made by a source (id compared exactly).
inline constexpr from_source_fn from_source{};
/// Claims whose assertion period overlaps a period.
inline constexpr during_fn during{};
/// Claims whose value is of a kind.
inline constexpr of_kind_fn of_kind{};
/// Claims of a modality.
inline constexpr with_modality_fn with_modality{};

}  // namespace views
}  // namespace crosscheck

// id_range and id_sequence refer to ids held elsewhere (or to none): cheap to copy, and their
// iterators stay valid when the range object goes, so range-v3 may take them by value.
namespace ranges {
template <class T>
RANGES_INLINE_VAR constexpr bool enable_view<crosscheck::id_range<T>> = true;
template <class T>
RANGES_INLINE_VAR constexpr bool enable_borrowed_range<crosscheck::id_range<T>> = true;
template <class Id>
RANGES_INLINE_VAR constexpr bool enable_view<crosscheck::id_sequence<Id>> = true;
template <class Id>
RANGES_INLINE_VAR constexpr bool enable_borrowed_range<crosscheck::id_sequence<Id>> = true;
}  // namespace ranges

#endif
