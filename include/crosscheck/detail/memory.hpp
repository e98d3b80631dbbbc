// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_DETAIL_MEMORY_HPP
#define CROSSCHECK_DETAIL_MEMORY_HPP

#include <cstddef>
#include <cstdint>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace crosscheck::detail {

/// Buffers smaller than this are left to the allocator as they are.
inline constexpr std::size_t resident_threshold = std::size_t{1} << 20;

/// Makes [p, p + bytes) resident now, on 2 MiB pages where the kernel allows it. Why: each first
/// touch of a fresh 4 KiB page is a page fault of its own, microseconds each (around 10 under
/// virtualisation), and a large check writes hundreds of megabytes of fresh arrays; asked for in
/// one call, the same pages cost a few percent of that. Only whole pages inside the buffer are
/// advised, so memory around it is untouched. A no-op where the calls do not exist.
inline void prefault(void* p, std::size_t bytes) noexcept {
#if defined(__linux__)
    if (p == nullptr || bytes < resident_threshold) return;
    constexpr std::uintptr_t page = 4096;
    const auto lo = (reinterpret_cast<std::uintptr_t>(p) + page - 1) & ~(page - 1);
    const auto hi = (reinterpret_cast<std::uintptr_t>(p) + bytes) & ~(page - 1);
    if (hi <= lo) return;
    void* start = reinterpret_cast<void*>(lo);
    const auto len = static_cast<std::size_t>(hi - lo);
#if defined(MADV_HUGEPAGE)
    ::madvise(start, len, MADV_HUGEPAGE);
#endif
#if defined(MADV_POPULATE_WRITE)
    ::madvise(start, len, MADV_POPULATE_WRITE);  // fails harmlessly before Linux 5.14
#endif
#else
    (void)p;
    (void)bytes;
#endif
}

/// `v.reserve(n)` with the new capacity made resident (see prefault). Use it only where the
/// size is known, as the whole capacity then counts as used memory.
template <class T, class A>
void reserve_resident(std::vector<T, A>& v, std::size_t n) {
    if (n <= v.capacity()) return;
    v.reserve(n);
    prefault(v.data() + v.size(), (v.capacity() - v.size()) * sizeof(T));
}

/// `v.resize(n)` (value-initialised) on resident memory.
template <class T, class A>
void resize_resident(std::vector<T, A>& v, std::size_t n) {
    reserve_resident(v, n);
    v.resize(n);
}

/// `v.assign(n, x)` on resident memory.
template <class T, class A>
void assign_resident(std::vector<T, A>& v, std::size_t n, const T& x) {
    v.clear();
    reserve_resident(v, n);
    v.assign(n, x);
}

}  // namespace crosscheck::detail

#endif
