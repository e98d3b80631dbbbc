// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_VERSION_HPP
#define CROSSCHECK_VERSION_HPP

#define CROSSCHECK_VERSION_MAJOR 0
#define CROSSCHECK_VERSION_MINOR 1
#define CROSSCHECK_VERSION_PATCH 0
/// Packed as major * 10000 + minor * 100 + patch, as range-v3 does.
#define CROSSCHECK_VERSION \
    (CROSSCHECK_VERSION_MAJOR * 10000 + CROSSCHECK_VERSION_MINOR * 100 + CROSSCHECK_VERSION_PATCH)

namespace crosscheck {
/// The library version as text, e.g. "0.1.0".
inline constexpr const char* version_string = "0.1.0";
}  // namespace crosscheck

#endif
