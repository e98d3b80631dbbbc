// The branch-free searches behind the dominance counts must agree with the standard ones.
#include <crosscheck/detail/counting.hpp>

#include <crosscheck/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <algorithm>
#include <random>
#include <vector>

using crosscheck::detail::lower_index;
using crosscheck::detail::upper_index;

TEST_CASE("lower_index and upper_index agree with std::lower_bound and std::upper_bound", "[counting]") {
    std::mt19937 rng(7);
    for (std::size_t n : {0u, 1u, 2u, 3u, 4u, 5u, 7u, 8u, 9u, 16u, 31u, 100u, 1000u}) {
        for (int rep = 0; rep < 20; ++rep) {
            std::vector<std::int32_t> v(n);
            std::uniform_int_distribution<std::int32_t> d(-20, 20);  // many duplicates
            for (auto& x : v) x = d(rng);
            std::sort(v.begin(), v.end());
            for (std::int32_t x = -22; x <= 22; ++x) {
                INFO("n=" << n << " x=" << x);
                CHECK(lower_index(v.data(), v.size(), x) ==
                      static_cast<std::size_t>(std::lower_bound(v.begin(), v.end(), x) - v.begin()));
                CHECK(upper_index(v.data(), v.size(), x) ==
                      static_cast<std::size_t>(std::upper_bound(v.begin(), v.end(), x) - v.begin()));
            }
        }
    }
}
