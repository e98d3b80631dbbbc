// The type properties crosscheck promises (STYLE.md "Value types"), checked at compile time:
// compiling this file is the test.
#include <crosscheck/corpus/builder.hpp>
#include <crosscheck/corpus/corpus.hpp>
#include <crosscheck/corpus/names.hpp>
#include <crosscheck/model/claim.hpp>
#include <crosscheck/model/period.hpp>
#include <crosscheck/model/quantity.hpp>
#include <crosscheck/model/rule.hpp>
#include <crosscheck/model/source.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

namespace {

// Regular: default constructible, copyable, equality comparable; and movable without throwing.
template <class T, class = void>
inline constexpr bool has_eq_v = false;
template <class T>
inline constexpr bool has_eq_v<T, std::void_t<decltype(std::declval<const T&>() == std::declval<const T&>()),
                                              decltype(std::declval<const T&>() != std::declval<const T&>())>> =
    std::is_convertible_v<decltype(std::declval<const T&>() == std::declval<const T&>()), bool>;

template <class T>
inline constexpr bool regular_v =
    std::is_default_constructible_v<T>&& std::is_copy_constructible_v<T>&& std::is_copy_assignable_v<T>&& has_eq_v<T>;
template <class T>
inline constexpr bool nothrow_movable_v =
    std::is_nothrow_move_constructible_v<T>&& std::is_nothrow_move_assignable_v<T>;

using namespace crosscheck;

static_assert(regular_v<period> && nothrow_movable_v<period>);
static_assert(std::is_trivially_copyable_v<period>);
static_assert(regular_v<interval> && nothrow_movable_v<interval>);
static_assert(regular_v<quantity> && nothrow_movable_v<quantity>);
static_assert(regular_v<token> && nothrow_movable_v<token>);
static_assert(regular_v<calendar_value> && nothrow_movable_v<calendar_value>);
static_assert(regular_v<text_value> && nothrow_movable_v<text_value>);
static_assert(regular_v<any_value> && nothrow_movable_v<any_value>);
static_assert(regular_v<validity> && nothrow_movable_v<validity>);
static_assert(regular_v<source> && nothrow_movable_v<source>);
// rule_ref, rule and unit_registry define == but no != (C++17 does not synthesize it).
template <class T, class = void>
inline constexpr bool has_only_eq_v = false;
template <class T>
inline constexpr bool has_only_eq_v<T, std::void_t<decltype(std::declval<const T&>() == std::declval<const T&>())>> =
    true;
static_assert(has_only_eq_v<rule_ref> && std::is_default_constructible_v<rule_ref> &&
              std::is_copy_constructible_v<rule_ref> && nothrow_movable_v<rule_ref>);
static_assert(has_only_eq_v<rule> && std::is_default_constructible_v<rule> && std::is_copy_constructible_v<rule> &&
              nothrow_movable_v<rule>);
static_assert(regular_v<claim<token>> && nothrow_movable_v<claim<token>>);
static_assert(regular_v<claim<quantity>> && nothrow_movable_v<claim<quantity>>);
static_assert(regular_v<claim<any_value>> && nothrow_movable_v<claim<any_value>>);
static_assert(has_only_eq_v<unit_registry> && std::is_copy_constructible_v<unit_registry> &&
              nothrow_movable_v<unit_registry>);
static_assert(regular_v<claim_ref> && std::is_trivially_copyable_v<claim_ref>);

// custom_value always holds a value: copyable and comparable, but not default constructible.
static_assert(!std::is_default_constructible_v<custom_value>);
static_assert(std::is_copy_constructible_v<custom_value> && has_eq_v<custom_value>);
static_assert(nothrow_movable_v<custom_value>);
// It is not implicitly made from any claim value.
static_assert(!std::is_convertible_v<token, custom_value>);

// Interning tables and the corpus are copyable and nothrow movable.
static_assert(std::is_copy_constructible_v<symbol_table> && nothrow_movable_v<symbol_table>);
static_assert(std::is_copy_constructible_v<name_table> && nothrow_movable_v<name_table>);
static_assert(std::is_copy_constructible_v<corpus> && std::is_nothrow_move_constructible_v<corpus>);

// Ids: one type per id space, 32 bits, trivially copyable, ordered; no implicit conversion to or
// from integers or between id spaces (the *.fail.cpp files show the compile errors).
template <class A, class B, class = void>
inline constexpr bool eq_comparable_v = false;
template <class A, class B>
inline constexpr bool eq_comparable_v<A, B, std::void_t<decltype(std::declval<A>() == std::declval<B>())>> = true;
template <class Id>
inline constexpr bool id_type_v = sizeof(Id) == 4 && std::is_trivially_copyable_v<Id>&& eq_comparable_v<Id, Id> &&
                                  !std::is_convertible_v<Id, std::uint32_t> &&
                                  !std::is_convertible_v<std::uint32_t, Id> && !eq_comparable_v<Id, std::uint32_t>;
static_assert(id_type_v<symbol> && id_type_v<unit_id> && id_type_v<unit_base_id>);
static_assert(id_type_v<claim_index> && id_type_v<source_index> && id_type_v<scope_id>);
static_assert(!eq_comparable_v<unit_base_id, symbol> && !eq_comparable_v<unit_id, symbol> &&
              !eq_comparable_v<unit_base_id, unit_id>);
static_assert(!eq_comparable_v<source_index, claim_index> && !std::is_convertible_v<source_index, claim_index>);
static_assert(!std::is_convertible_v<unit_base_id, symbol> && !std::is_convertible_v<symbol, scope_id>);
static_assert(symbol{1} < symbol{2} && to_index(claim_index{7}) == 7u && scope_id{} == empty_scope);
static_assert(std::is_trivially_copyable_v<id_range<claim_index>> &&
              std::is_trivially_copyable_v<id_sequence<claim_index>>);

// The compact record: no heap, memcpy-able, 56 bytes (a claim per cache line, nearly).
static_assert(sizeof(stored_claim) == 56);
static_assert(std::is_trivially_copyable_v<stored_claim>);
static_assert(std::is_standard_layout_v<stored_claim>);

// Accessors promised noexcept.
static_assert(noexcept(std::declval<const period&>().first()));
static_assert(noexcept(std::declval<const period&>().overlaps(std::declval<const period&>())));
static_assert(noexcept(std::declval<const corpus&>().size()));
static_assert(noexcept(std::declval<const claim_ref&>().id()));
static_assert(noexcept(std::declval<const claim_ref&>().kind()));
static_assert(noexcept(try_parse_date(std::declval<std::string_view>())));
static_assert(noexcept(try_parse_period(std::declval<std::string_view>())));
static_assert(noexcept(try_parse_approx(std::declval<std::string_view>())));
static_assert(!noexcept(parse_date(std::declval<std::string_view>())));

// The error hierarchy.
static_assert(std::is_base_of_v<std::runtime_error, error>);
static_assert(std::is_base_of_v<error, parse_error>);
static_assert(std::is_base_of_v<error, model_error>);
static_assert(!std::is_base_of_v<parse_error, model_error>);

// Periods are usable at compile time.
static_assert(period{}.all_time());
static_assert(period{0, 10}.overlaps(period{10, 20}));
static_assert(!period{0, 9}.overlaps(period{10, 20}));
static_assert(period{0, 30}.contains(period{10, 20}));
static_assert(!period{5, 4}.ok());
static_assert(compatible(modality::planned, modality::planned));
static_assert(!compatible(modality::planned, modality::reported));

}  // namespace

// is_claim_value_v: true for the built-in kinds and for user types that opt in.
namespace static_user {
struct rating {
    int stars = 0;
};
inline crosscheck::agreement crosscheck_compare(const rating&, const rating&, const crosscheck::compare_options&) {
    return crosscheck::agreement::agree;
}
inline std::string crosscheck_to_string(const rating&) {
    return "rating";
}

struct move_only {
    std::unique_ptr<int> p;
};
inline crosscheck::agreement crosscheck_compare(const move_only&, const move_only&,
                                                const crosscheck::compare_options&) {
    return crosscheck::agreement::agree;
}
inline std::string crosscheck_to_string(const move_only&) {
    return "move_only";
}

struct specialized {
    int v = 0;
};
}  // namespace static_user

template <>
struct crosscheck::value_traits<static_user::specialized> {
    static agreement compare(const static_user::specialized&, const static_user::specialized&, const compare_options&) {
        return agreement::agree;
    }
    static std::string to_string(const static_user::specialized&) { return "specialized"; }
};

static_assert(crosscheck::is_claim_value_v<crosscheck::token>);
static_assert(crosscheck::is_claim_value_v<crosscheck::quantity>);
static_assert(crosscheck::is_claim_value_v<crosscheck::calendar_value>);
static_assert(crosscheck::is_claim_value_v<crosscheck::text_value>);
static_assert(crosscheck::is_claim_value_v<crosscheck::custom_value>);
static_assert(crosscheck::is_claim_value_v<crosscheck::any_value>);
static_assert(crosscheck::is_claim_value_v<static_user::rating>);
static_assert(crosscheck::is_claim_value_v<static_user::specialized>);
// A type with hooks that cannot be copied is not a claim value.
static_assert(!crosscheck::is_claim_value_v<static_user::move_only>);
// Types with no value_traits and no hooks are not claim values (no_value_traits.fail.cpp checks
// that claim<T> then stops at its static_assert).
namespace static_user {
struct plain {
    int x = 0;
};
}  // namespace static_user
static_assert(!crosscheck::is_claim_value_v<static_user::plain>);
static_assert(!crosscheck::is_claim_value_v<int>);
static_assert(!crosscheck::is_claim_value_v<std::string>);

#if CROSSCHECK_HAS_CONCEPTS
static_assert(crosscheck::claim_value<crosscheck::token>);
static_assert(crosscheck::claim_value<static_user::rating>);
static_assert(!crosscheck::claim_value<static_user::move_only>);
#endif

// claim<T> for a user type is a regular value too.
static_assert(std::is_copy_constructible_v<crosscheck::claim<static_user::rating>>);
static_assert(std::is_nothrow_move_constructible_v<crosscheck::claim<static_user::rating>>);
