// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_DETAIL_STRINGS_HPP
#define CROSSCHECK_DETAIL_STRINGS_HPP

// String hashing and stable string storage, for the name tables.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace crosscheck::detail {

inline std::uint64_t hash_bytes(std::string_view s) noexcept {
    // FNV-1a on 8-byte words with a final mix: fast for short ids, good enough spread for
    // open addressing with a power-of-two table.
    std::uint64_t h = 0xcbf29ce484222325ull ^ (s.size() * 0x9E3779B97F4A7C15ull);
    const char* p = s.data();
    std::size_t n = s.size();
    while (n >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0x100000001b3ull;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    std::uint64_t w = 0;
    if (n != 0) std::memcpy(&w, p, n);  // p may be null for an empty string_view
    h = (h ^ w) * 0x100000001b3ull;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    return h;
}

/// Append-only storage for string bytes whose addresses never move (chunks are never
/// reallocated), so string_views into it stay valid as it grows.
class string_arena {
public:
    std::string_view store(std::string_view s) {
        if (chunks_.empty() || s.size() > cap_ - used_) grow(s.size());  // an empty first string needs a chunk too
        char* dst = chunks_.back().get() + used_;
        if (!s.empty()) std::memcpy(dst, s.data(), s.size());
        used_ += s.size();
        bytes_ += s.size();
        return {dst, s.size()};
    }
    std::size_t bytes() const noexcept { return bytes_; }

private:
    void grow(std::size_t need) {
        std::size_t cap = need > chunk_size ? need : chunk_size;
        // Not make_unique: its zeroing is wasted on bytes about to be written. The unique_ptr
        // owns the block before push_back can throw.
        std::unique_ptr<char[]> block(new char[cap]);
        chunks_.push_back(std::move(block));
        cap_ = cap;
        used_ = 0;
    }
    static constexpr std::size_t chunk_size = 1u << 16;
    std::vector<std::unique_ptr<char[]>> chunks_;
    std::size_t cap_ = 0, used_ = 0, bytes_ = 0;
};

}  // namespace crosscheck::detail

#endif  // CROSSCHECK_DETAIL_STRINGS_HPP
