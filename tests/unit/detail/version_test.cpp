// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#include <crosscheck/version.hpp>

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <string>

TEST_CASE("version macros agree with version_string", "[version]") {
    const std::string from_macros = std::to_string(CROSSCHECK_VERSION_MAJOR) + "." +
                                    std::to_string(CROSSCHECK_VERSION_MINOR) + "." +
                                    std::to_string(CROSSCHECK_VERSION_PATCH);
    CHECK(from_macros == crosscheck::version_string);
}

TEST_CASE("CROSSCHECK_VERSION packs major, minor and patch as range-v3 does", "[version]") {
    STATIC_REQUIRE(CROSSCHECK_VERSION_MINOR < 100);
    STATIC_REQUIRE(CROSSCHECK_VERSION_PATCH < 100);
    STATIC_REQUIRE(CROSSCHECK_VERSION / 10000 == CROSSCHECK_VERSION_MAJOR);
    STATIC_REQUIRE(CROSSCHECK_VERSION / 100 % 100 == CROSSCHECK_VERSION_MINOR);
    STATIC_REQUIRE(CROSSCHECK_VERSION % 100 == CROSSCHECK_VERSION_PATCH);
}
