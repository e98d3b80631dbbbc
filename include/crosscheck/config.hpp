// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_CONFIG_HPP
#define CROSSCHECK_CONFIG_HPP

#include <cassert>

/// Precondition checks; define CROSSCHECK_ASSERT before including crosscheck to override.
#ifndef CROSSCHECK_ASSERT
#define CROSSCHECK_ASSERT(cond) assert(cond)
#endif

#if defined(__cpp_concepts) && __cpp_concepts >= 201907L
#define CROSSCHECK_HAS_CONCEPTS 1
#else
#define CROSSCHECK_HAS_CONCEPTS 0
#endif

/// A hint to fetch memory that will be read soon; nothing where the compiler has no builtin.
#if defined(__GNUC__) || defined(__clang__)
#define CROSSCHECK_PREFETCH(addr) __builtin_prefetch(addr)
#else
#define CROSSCHECK_PREFETCH(addr) ((void)(addr))
#endif

/// Whether the text scanners (CSV fields, JSON strings) may use SSE2, which every x86-64
/// processor has; elsewhere they read byte by byte. Users include <emmintrin.h> under it.
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
#define CROSSCHECK_DETAIL_SSE2 1
#else
#define CROSSCHECK_DETAIL_SSE2 0
#endif

#endif
