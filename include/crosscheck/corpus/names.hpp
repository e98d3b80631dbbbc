// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_CORPUS_NAMES_HPP
#define CROSSCHECK_CORPUS_NAMES_HPP

#include <crosscheck/detail/fold.hpp>
#include <crosscheck/detail/memory.hpp>
#include <crosscheck/detail/strings.hpp>

#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace crosscheck {

// Each table of interned strings numbers its strings from 0, so the ids of two tables are
// distinct types (scoped enums, as date makes day and month distinct): comparing a unit-base id
// with a name id, or storing one where the other belongs, does not compile. An id converts to
// its number only through to_index (for indexing and hashing); `Id{n}` makes one from a number.
// Ordering and equality are those of the numbers, std::hash works on each.

/// A name of the corpus's name table (subjects, predicates, scope dimensions and tokens,
/// tokens). Comparing two symbols compares the folded names.
enum class symbol : std::uint32_t {};
/// A unit as written (the corpus's unit-name table; units are compared exactly).
enum class unit_id : std::uint32_t {};
/// A root base unit (the corpus's base-unit table: see corpus::unit_base).
enum class unit_base_id : std::uint32_t {};

/// The symbol that names nothing (an empty scope token, a claim with no token).
inline constexpr symbol no_symbol{0xFFFFFFFFu};
/// No unit (a unitless quantity).
inline constexpr unit_id no_unit{0xFFFFFFFFu};
/// The base of no unit.
inline constexpr unit_base_id no_unit_base{0xFFFFFFFFu};

constexpr std::uint32_t to_index(symbol s) noexcept {
    return static_cast<std::uint32_t>(s);
}
constexpr std::uint32_t to_index(unit_id u) noexcept {
    return static_cast<std::uint32_t>(u);
}
constexpr std::uint32_t to_index(unit_base_id b) noexcept {
    return static_cast<std::uint32_t>(b);
}

/// Interns strings: each distinct string gets a dense id from 0 upwards (an `Id`, a scoped
/// enum over std::uint32_t whose all-ones value means none), stored once. Look-up is an
/// open-addressing hash table, so interning millions of ids stays cheap.
template <class Id>
class basic_symbol_table {
public:
    static_assert(std::is_enum_v<Id> && std::is_same_v<std::underlying_type_t<Id>, std::uint32_t>);
    /// The id that names nothing: `str` gives the empty string for it.
    static constexpr Id none{0xFFFFFFFFu};

    basic_symbol_table() = default;
    basic_symbol_table(const basic_symbol_table& other) { *this = other; }
    basic_symbol_table& operator=(const basic_symbol_table& other) {
        if (this == &other) return *this;
        arena_ = detail::string_arena{};
        strings_.clear();
        slots_.clear();
        mask_ = 0;
        for (auto s : other.strings_) intern(s);
        return *this;
    }
    basic_symbol_table(basic_symbol_table&&) noexcept = default;
    basic_symbol_table& operator=(basic_symbol_table&&) noexcept = default;
    ~basic_symbol_table() = default;

    /// The id of `s`, adding it when new.
    Id intern(std::string_view s) {
        if ((strings_.size() + 1) * 4 > slots_.size() * 3) rehash();
        const auto h = detail::hash_bytes(s);
        std::size_t i = h & mask_;
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        for (;;) {
            auto& sl = slots_[i];
            if (sl.id == empty) {
                const auto id = static_cast<std::uint32_t>(strings_.size());
                strings_.push_back(arena_.store(s));
                sl = {id, tag};
                return Id{id};
            }
            if (sl.tag == tag && strings_[sl.id] == s) return Id{sl.id};
            i = (i + 1) & mask_;
        }
    }

    /// The id of `s` if it was interned.
    std::optional<Id> find(std::string_view s) const noexcept {
        if (slots_.empty()) return std::nullopt;
        const auto h = detail::hash_bytes(s);
        std::size_t i = h & mask_;
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        for (;;) {
            const auto& sl = slots_[i];
            if (sl.id == empty) return std::nullopt;
            if (sl.tag == tag && strings_[sl.id] == s) return Id{sl.id};
            i = (i + 1) & mask_;
        }
    }

    /// The text of an id; the empty string for `none`. Precondition: `id` came from this table.
    std::string_view str(Id id) const noexcept { return id == none ? std::string_view{} : strings_[to_index(id)]; }
    std::size_t size() const noexcept { return strings_.size(); }
    /// Bytes held: text plus index, for memory reports.
    std::size_t memory_bytes() const noexcept {
        return arena_.bytes() + strings_.capacity() * sizeof(std::string_view) + slots_.capacity() * sizeof(slot_type);
    }

private:
    static constexpr std::uint32_t empty = 0xFFFFFFFFu;  // a free slot
    struct slot_type {
        std::uint32_t id = empty;
        std::uint32_t tag = 0;
    };
    void rehash() {
        std::size_t n = slots_.empty() ? 64 : slots_.size() * 2;
        detail::assign_resident(slots_, n, slot_type{});
        mask_ = n - 1;
        for (std::uint32_t id = 0; id < strings_.size(); ++id) {
            const auto h = detail::hash_bytes(strings_[id]);
            std::size_t i = h & mask_;
            while (slots_[i].id != empty) i = (i + 1) & mask_;
            slots_[i] = {id, static_cast<std::uint32_t>(h >> 32)};
        }
    }
    detail::string_arena arena_;
    detail::huge_page_vector<std::string_view> strings_;
    detail::huge_page_vector<slot_type> slots_;
    std::size_t mask_ = 0;
};

/// An exact interning table numbered by symbol.
using symbol_table = basic_symbol_table<symbol>;
/// The corpus's table of units as written.
using unit_table = basic_symbol_table<unit_id>;

/// Interns names compared case-insensitively (subjects, predicates, scope dimensions and tokens,
/// value tokens: §3 of the corpus format). The id is that of the folded text; the first spelling
/// seen is kept for reports.
class name_table {
public:
    /// The id of `s` after case folding; remembers `s` as the display spelling when new.
    symbol intern(std::string_view s) {
        symbol id;
        if (detail::is_folded(s)) {
            id = folded_.intern(s);
        } else {
            detail::fold_into(s, scratch_);
            id = folded_.intern(scratch_);
        }
        if (to_index(id) == display_.size()) display_.push_back(store_display(s, id));
        return id;
    }
    std::optional<symbol> find(std::string_view s) const {
        if (detail::is_folded(s)) return folded_.find(s);
        return folded_.find(detail::fold(s));
    }
    /// Replaces the spelling shown for `id` (an entity's declared id wins over the first
    /// spelling seen). Precondition: `s` folds to the name of `id`.
    void set_display(symbol id, std::string_view s) { display_[to_index(id)] = store_display(s, id); }
    /// The first spelling seen for this name.
    std::string_view display(symbol id) const noexcept {
        return id == no_symbol ? std::string_view{} : display_[to_index(id)];
    }
    /// The folded text that identifies the name.
    std::string_view folded(symbol id) const noexcept { return folded_.str(id); }
    std::size_t size() const noexcept { return folded_.size(); }
    std::size_t memory_bytes() const noexcept {
        return folded_.memory_bytes() + display_.capacity() * sizeof(std::string_view) + extra_.bytes();
    }

    name_table() = default;
    name_table(const name_table& other) { *this = other; }
    name_table& operator=(const name_table& other) {
        if (this == &other) return *this;
        folded_ = symbol_table{};
        display_.clear();
        extra_ = detail::string_arena{};
        for (std::uint32_t id = 0; id < other.size(); ++id) intern(other.display(symbol{id}));
        return *this;
    }
    name_table(name_table&&) noexcept = default;
    name_table& operator=(name_table&&) noexcept = default;
    ~name_table() = default;

private:
    std::string_view store_display(std::string_view s, symbol id) {
        auto f = folded_.str(id);
        return f == s ? f : extra_.store(s);  // share the bytes when the spelling is already folded
    }
    symbol_table folded_;
    detail::huge_page_vector<std::string_view> display_;
    detail::string_arena extra_;
    std::string scratch_;
};

}  // namespace crosscheck

#endif
