// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_DETAIL_SORT_HPP
#define CROSSCHECK_DETAIL_SORT_HPP

// Searching and sorting of 32-bit keys (days, above all), for the sweeps that count conflicts.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace crosscheck::detail {

/// std::lower_bound / std::upper_bound on sorted ints without branches on the data: the
/// searches of a sweep land at random, so the predictable loop with a conditional move is
/// cheaper than the standard one's mispredicted branches.
inline std::size_t lower_index(const std::int32_t* a, std::size_t n, std::int32_t x) noexcept {
    if (n == 0) return 0;
    const std::int32_t* base = a;
    while (n > 1) {
        const std::size_t half = n / 2;
        base = base[half - 1] < x ? base + half : base;
        n -= half;
    }
    return static_cast<std::size_t>(base - a) + (*base < x ? 1 : 0);
}
inline std::size_t upper_index(const std::int32_t* a, std::size_t n, std::int32_t x) noexcept {
    if (n == 0) return 0;
    const std::int32_t* base = a;
    while (n > 1) {
        const std::size_t half = n / 2;
        base = base[half - 1] <= x ? base + half : base;
        n -= half;
    }
    return static_cast<std::size_t>(base - a) + (*base <= x ? 1 : 0);
}

/// Sorts `v` ascending by `key(x)`, a 32-bit unsigned key. Large arrays go through a byte-wise
/// radix sort that skips the bytes all keys share (days of one key differ in their low two
/// bytes as a rule): the comparisons of std::sort on such data mispredict often, and the
/// counting below sorts period ends by the million.
template <class T, class Key>
void radix_sort_by(std::vector<T>& v, Key key) {
    const std::size_t n = v.size();
    if (n < 64) {
        std::sort(v.begin(), v.end(), [&](const T& a, const T& b) { return key(a) < key(b); });
        return;
    }
    std::uint32_t count[4][256] = {};
    for (const auto& x : v) {
        const std::uint32_t u = key(x);
        ++count[0][u & 0xFF];
        ++count[1][(u >> 8) & 0xFF];
        ++count[2][(u >> 16) & 0xFF];
        ++count[3][u >> 24];
    }
    std::vector<T> other(n);
    T* from = v.data();
    T* to = other.data();
    for (unsigned b = 0; b < 4; ++b) {
        const unsigned shift = 8 * b;
        auto& c = count[b];
        if (c[(key(from[0]) >> shift) & 0xFF] == n) continue;  // every key has this byte
        std::uint32_t sum = 0;
        for (auto& k : c) {
            const auto here = k;
            k = sum;
            sum += here;
        }
        for (std::size_t i = 0; i < n; ++i) to[c[(key(from[i]) >> shift) & 0xFF]++] = from[i];
        std::swap(from, to);
    }
    if (from != v.data()) std::copy(from, from + n, v.data());
}

/// A day as an unsigned key in the same order, and back.
inline std::uint32_t day_key(std::int32_t d) noexcept {
    return static_cast<std::uint32_t>(d) ^ 0x80000000u;
}
inline std::int32_t day_of_key(std::uint32_t k) noexcept {
    return static_cast<std::int32_t>(k ^ 0x80000000u);
}

/// Sorts days (or any 32-bit ints) ascending (see radix_sort_by).
inline void sort_days(std::vector<std::int32_t>& v) {
    radix_sort_by(v, day_key);
}

}  // namespace crosscheck::detail

#endif  // CROSSCHECK_DETAIL_SORT_HPP
