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
#include <utility>
#include <vector>

namespace crosscheck {

/// A compact id for an interned string. Comparing two symbols of one table compares the strings.
using symbol = std::uint32_t;

/// The symbol that names nothing (an absent unit, an empty scope token).
inline constexpr symbol no_symbol = 0xFFFFFFFFu;

/// Interns strings: each distinct string gets a dense id from 0 upwards, stored once.
/// Look-up is an open-addressing hash table, so interning millions of ids stays cheap.
class symbol_table {
public:
    symbol_table() = default;
    symbol_table(const symbol_table& other) { *this = other; }
    symbol_table& operator=(const symbol_table& other) {
        if (this == &other) return *this;
        arena_ = detail::string_arena{};
        strings_.clear();
        slots_.clear();
        mask_ = 0;
        for (auto s : other.strings_) intern(s);
        return *this;
    }
    symbol_table(symbol_table&&) noexcept = default;
    symbol_table& operator=(symbol_table&&) noexcept = default;
    ~symbol_table() = default;

    /// The id of `s`, adding it when new.
    symbol intern(std::string_view s) {
        if ((strings_.size() + 1) * 4 > slots_.size() * 3) rehash();
        const auto h = detail::hash_bytes(s);
        std::size_t i = h & mask_;
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        for (;;) {
            auto& sl = slots_[i];
            if (sl.id == no_symbol) {
                auto id = static_cast<symbol>(strings_.size());
                strings_.push_back(arena_.store(s));
                sl = {id, tag};
                return id;
            }
            if (sl.tag == tag && strings_[sl.id] == s) return sl.id;
            i = (i + 1) & mask_;
        }
    }

    /// The id of `s` if it was interned.
    std::optional<symbol> find(std::string_view s) const noexcept {
        if (slots_.empty()) return std::nullopt;
        const auto h = detail::hash_bytes(s);
        std::size_t i = h & mask_;
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        for (;;) {
            const auto& sl = slots_[i];
            if (sl.id == no_symbol) return std::nullopt;
            if (sl.tag == tag && strings_[sl.id] == s) return sl.id;
            i = (i + 1) & mask_;
        }
    }

    /// The text of an id; the empty string for no_symbol. Precondition: `id` came from this table.
    std::string_view str(symbol id) const noexcept { return id == no_symbol ? std::string_view{} : strings_[id]; }
    std::size_t size() const noexcept { return strings_.size(); }
    /// Bytes held: text plus index, for memory reports.
    std::size_t memory_bytes() const noexcept {
        return arena_.bytes() + strings_.capacity() * sizeof(std::string_view) + slots_.capacity() * sizeof(slot_type);
    }

private:
    struct slot_type {
        symbol id = no_symbol;
        std::uint32_t tag = 0;
    };
    void rehash() {
        std::size_t n = slots_.empty() ? 64 : slots_.size() * 2;
        detail::assign_resident(slots_, n, slot_type{});
        mask_ = n - 1;
        for (symbol id = 0; id < strings_.size(); ++id) {
            const auto h = detail::hash_bytes(strings_[id]);
            std::size_t i = h & mask_;
            while (slots_[i].id != no_symbol) i = (i + 1) & mask_;
            slots_[i] = {id, static_cast<std::uint32_t>(h >> 32)};
        }
    }
    detail::string_arena arena_;
    detail::huge_page_vector<std::string_view> strings_;
    detail::huge_page_vector<slot_type> slots_;
    std::size_t mask_ = 0;
};

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
        if (id == display_.size()) display_.push_back(store_display(s, id));
        return id;
    }
    std::optional<symbol> find(std::string_view s) const {
        if (detail::is_folded(s)) return folded_.find(s);
        return folded_.find(detail::fold(s));
    }
    /// Replaces the spelling shown for `id` (an entity's declared id wins over the first
    /// spelling seen). Precondition: `s` folds to the name of `id`.
    void set_display(symbol id, std::string_view s) { display_[id] = store_display(s, id); }
    /// The first spelling seen for this name.
    std::string_view display(symbol id) const noexcept { return id == no_symbol ? std::string_view{} : display_[id]; }
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
        for (symbol id = 0; id < other.size(); ++id) intern(other.display(id));
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
