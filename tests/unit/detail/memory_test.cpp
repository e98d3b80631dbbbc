// Tests for include/crosscheck/detail/memory.hpp: the allocator and growth helpers that put the
// library's large arrays on 2 MiB pages must keep every element, free what they allocate (ASan
// runs these) and leave a vector unchanged when growing it fails.
#include <crosscheck/detail/memory.hpp>

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

// Copyable only (no move constructor), and its copy throws once `fail` is set: growing a vector
// of these must copy, and a failed copy must leave the vector as it was.
struct fragile {
    static inline bool fail = false;
    std::uint64_t value = 0;
    char pad[56] = {};
    explicit fragile(std::uint64_t v) : value(v) {}
    fragile(const fragile& o) : value(o.value) {
        if (fail) throw std::runtime_error("copy failed");
    }
    fragile& operator=(const fragile&) = default;
};

}  // namespace

TEST_CASE("huge_page_allocator: large blocks start on a 2 MiB boundary, small ones are ordinary", "[memory]") {
    using alloc = crosscheck::detail::huge_page_allocator<std::uint32_t>;
    alloc a;
    const std::size_t large = crosscheck::detail::resident_threshold / sizeof(std::uint32_t) + 3;
    std::uint32_t* p = a.allocate(large);
    for (std::size_t i = 0; i < large; ++i) p[i] = static_cast<std::uint32_t>(i);  // all of it is usable
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < large; ++i) wrong += p[i] != i;
    CHECK(wrong == 0);
    if (crosscheck::detail::huge_pages_available()) CHECK(reinterpret_cast<std::uintptr_t>(p) % alloc::huge_page == 0);
    a.deallocate(p, large);
    std::uint32_t* q = a.allocate(16);
    q[15] = 7;
    CHECK(q[15] == 7u);
    a.deallocate(q, 16);
}

TEST_CASE("huge_page_vector keeps its elements as it grows past the threshold", "[memory]") {
    crosscheck::detail::huge_page_vector<std::uint64_t> v;
    const std::size_t n = 3 * crosscheck::detail::resident_threshold / sizeof(std::uint64_t);
    for (std::size_t i = 0; i < n; ++i) v.push_back(i * 3);
    REQUIRE(v.size() == n);
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < n; ++i) wrong += v[i] != i * 3;
    CHECK(wrong == 0);
    auto copy = v;  // copies and assignments go through the allocator too
    CHECK(copy == v);
    v.clear();
    v.shrink_to_fit();
    CHECK(copy.size() == n);
}

TEST_CASE("grow_for_push doubles the capacity of a full vector and keeps its elements", "[memory]") {
    std::vector<std::string> v;
    std::size_t grown = 0;
    const std::size_t n = 2 * crosscheck::detail::resident_threshold / sizeof(std::string);
    for (std::size_t i = 0; i < n; ++i) {
        const auto before = v.capacity();
        crosscheck::detail::grow_for_push(v);
        CHECK(v.capacity() >= before);
        if (v.size() == before && before * sizeof(std::string) >= crosscheck::detail::resident_threshold / 2 &&
            crosscheck::detail::huge_pages_available()) {
            CHECK(v.capacity() == 2 * before);  // its own growth, not the vector's
            ++grown;
        }
        v.push_back("s" + std::to_string(i) + std::string(20, 'x'));  // past the short-string buffer
    }
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < n; ++i) wrong += v[i] != "s" + std::to_string(i) + std::string(20, 'x');
    CHECK(wrong == 0);
    if (crosscheck::detail::huge_pages_available()) CHECK(grown > 0);
}

TEST_CASE("grow_for_push copies elements that may throw when moved, and a failed copy changes nothing", "[memory]") {
    std::vector<fragile> v;
    const std::size_t n = crosscheck::detail::resident_threshold / sizeof(fragile) + 1;
    v.reserve(n);
    for (std::size_t i = 0; i < n; ++i) v.emplace_back(i);
    v.shrink_to_fit();
    REQUIRE(v.size() == v.capacity());
    fragile::fail = true;
    if (crosscheck::detail::huge_pages_available())
        CHECK_THROWS_AS(crosscheck::detail::grow_for_push(v), std::runtime_error);
    fragile::fail = false;
    REQUIRE(v.size() == n);
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < n; ++i) wrong += v[i].value != i;
    CHECK(wrong == 0);
    crosscheck::detail::grow_for_push(v);
    if (crosscheck::detail::huge_pages_available()) CHECK(v.capacity() == 2 * n);
    for (std::size_t i = 0; i < n; ++i) wrong += v[i].value != i;
    CHECK(wrong == 0);
}
