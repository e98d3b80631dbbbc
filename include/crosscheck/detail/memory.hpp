// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_DETAIL_MEMORY_HPP
#define CROSSCHECK_DETAIL_MEMORY_HPP

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <memory>
#include <new>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace crosscheck::detail {

/// Buffers smaller than this are left to the allocator as they are.
inline constexpr std::size_t resident_threshold = std::size_t{1} << 20;

/// Whether the kernel gives 2 MiB pages to memory that asks for them (transparent huge pages in
/// `always` or `madvise` mode), read once.
inline bool huge_pages_available() noexcept {
#if defined(__linux__)
    static const bool available = [] {
        std::FILE* f = std::fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
        if (!f) return false;
        char buf[128] = {};
        const std::size_t n = std::fread(buf, 1, sizeof buf - 1, f);
        std::fclose(f);
        const std::string_view s(buf, n);
        return s.find("[always]") != std::string_view::npos || s.find("[madvise]") != std::string_view::npos;
    }();
    return available;
#else
    return false;
#endif
}

/// The whole 4 KiB pages inside [p, p + bytes) as (start, length), so that advice never
/// reaches memory around the buffer; length 0 for a buffer below resident_threshold (left to
/// the allocator) or without a whole page.
inline std::pair<void*, std::size_t> whole_pages(const void* p, std::size_t bytes) noexcept {
    if (p == nullptr || bytes < resident_threshold) return {nullptr, 0};
    constexpr std::uintptr_t page = 4096;
    const auto lo = (reinterpret_cast<std::uintptr_t>(p) + page - 1) & ~(page - 1);
    const auto hi = (reinterpret_cast<std::uintptr_t>(p) + bytes) & ~(page - 1);
    if (hi <= lo) return {nullptr, 0};
    return {reinterpret_cast<void*>(lo), static_cast<std::size_t>(hi - lo)};
}

/// madvise(`advice`) on the whole pages inside [p, p + bytes) (see whole_pages). True when
/// there were such pages and the kernel took the advice; false elsewhere than on Linux.
inline bool advise_pages([[maybe_unused]] const void* p, [[maybe_unused]] std::size_t bytes,
                         [[maybe_unused]] int advice) noexcept {
#if defined(__linux__)
    const auto [start, len] = whole_pages(p, bytes);
    return len != 0 && ::madvise(start, len, advice) == 0;
#else
    return false;
#endif
}

/// Faults in the whole pages inside [p, p + bytes) now, zero-filled where not present yet,
/// without changing what is there: an idle thread takes the page faults (the zeroing of fresh
/// pages, a large part of a load under virtualisation) that a busy one would meet later. Safe
/// while another thread writes to the same memory. A no-op where the call does not exist
/// (it fails harmlessly before Linux 5.14).
inline void populate([[maybe_unused]] const void* p, [[maybe_unused]] std::size_t bytes) noexcept {
#if defined(MADV_POPULATE_WRITE)
    advise_pages(p, bytes, MADV_POPULATE_WRITE);
#endif
}

/// Maps the whole pages inside [p, p + bytes) of a file mapping now, in one call, instead of a
/// page fault for every few pages as a reader meets them. A no-op where the call does not exist.
inline void populate_read([[maybe_unused]] const void* p, [[maybe_unused]] std::size_t bytes) noexcept {
#if defined(MADV_POPULATE_READ)
    advise_pages(p, bytes, MADV_POPULATE_READ);
#endif
}

/// Asks for 2 MiB pages on the whole pages inside [p, p + bytes) where the kernel gives them,
/// without faulting anything in. True when the advice was taken.
inline bool advise_huge_pages([[maybe_unused]] void* p, [[maybe_unused]] std::size_t bytes) noexcept {
#if defined(MADV_HUGEPAGE)
    return huge_pages_available() && advise_pages(p, bytes, MADV_HUGEPAGE);
#else
    return false;
#endif
}

/// Prepares [p, p + bytes), about to be written, for few page faults. Why: each first touch of
/// a fresh 4 KiB page is a page fault of its own, costly above all under virtualisation,
/// and a large check writes hundreds of megabytes of fresh arrays. On 2 MiB
/// pages a fault covers 512 times as much; where the kernel has none, the pages are populated
/// in one call instead (then at once, which is why only sizes about to be used are given).
inline void prefault(void* p, std::size_t bytes) noexcept {
    if (!advise_huge_pages(p, bytes)) populate(p, bytes);
}

/// `v.reserve(n)` with the new capacity made resident (see prefault). Use it only where the
/// size is known, as the whole capacity then counts as used memory.
template <class T, class A>
void reserve_resident(std::vector<T, A>& v, std::size_t n) {
    if (n <= v.capacity()) return;
    v.reserve(n);
    prefault(v.data() + v.size(), (v.capacity() - v.size()) * sizeof(T));
}

/// std::allocator, except that blocks of resident_threshold bytes or more start on a 2 MiB
/// boundary and are asked onto 2 MiB pages before anything touches them (where the kernel gives
/// such pages). Why: a container that grows to megabytes otherwise meets each fresh 4 KiB page
/// as a page fault of its own, and an unaligned block loses the huge pages at both of its ends
/// (a 2 MiB block may hold none). For the library's own large arrays: name tables, group tables,
/// claim records.
template <class T>
struct huge_page_allocator {
    using value_type = T;
    static constexpr std::size_t huge_page = std::size_t{1} << 21;
    huge_page_allocator() noexcept = default;
    template <class U>
    huge_page_allocator(const huge_page_allocator<U>&) noexcept {}
    T* allocate(std::size_t n) {
        if (!large(n)) return std::allocator<T>{}.allocate(n);
        const std::size_t bytes = rounded(n);
        void* p = ::operator new (bytes, std::align_val_t{huge_page});
        advise_huge_pages(p, bytes);
        return static_cast<T*>(p);
    }
    void deallocate(T* p, std::size_t n) noexcept {
        if (!large(n)) return std::allocator<T>{}.deallocate(p, n);
        ::operator delete (p, std::align_val_t{huge_page});
    }
    friend bool operator==(const huge_page_allocator&, const huge_page_allocator&) noexcept { return true; }
    friend bool operator!=(const huge_page_allocator&, const huge_page_allocator&) noexcept { return false; }

private:
    // The same n gives the same answer in allocate and deallocate (huge_pages_available is read once).
    static bool large(std::size_t n) noexcept {
        return n <= std::size_t(-1) / sizeof(T) / 2 && n * sizeof(T) >= resident_threshold && huge_pages_available();
    }
    static std::size_t rounded(std::size_t n) noexcept { return (n * sizeof(T) + huge_page - 1) & ~(huge_page - 1); }
};

/// A vector on huge_page_allocator.
template <class T>
using huge_page_vector = std::vector<T, huge_page_allocator<T>>;

/// huge_page_allocator, except that a vector's `resize` leaves new elements as the bytes already
/// there instead of value-initialising them. Why: a parallel loader writes records into a
/// vector's spare capacity in place, then grows the vector over them; a value-initialising
/// resize would overwrite what it wrote. Only for trivially copyable types (records, numbers);
/// construction with arguments (push_back, emplace_back) is as usual.
template <class T>
struct keep_bytes_allocator {
    static_assert(std::is_trivially_copyable_v<T>, "only trivially copyable elements may keep their bytes");
    using value_type = T;
    keep_bytes_allocator() noexcept = default;
    template <class U>
    keep_bytes_allocator(const keep_bytes_allocator<U>&) noexcept {}
    T* allocate(std::size_t n) { return huge_page_allocator<T>{}.allocate(n); }
    void deallocate(T* p, std::size_t n) noexcept { huge_page_allocator<T>{}.deallocate(p, n); }
    template <class U>
    void construct(U*) noexcept {}  // the bytes stay: T is trivially copyable (an implicit-lifetime type)
    template <class U, class A0, class... A>
    void construct(U* p, A0&& a0, A&&... a) {
        ::new (static_cast<void*>(p)) U(std::forward<A0>(a0), std::forward<A>(a)...);
    }
    friend bool operator==(const keep_bytes_allocator&, const keep_bytes_allocator&) noexcept { return true; }
    friend bool operator!=(const keep_bytes_allocator&, const keep_bytes_allocator&) noexcept { return false; }
};

/// Makes room for one more element at the end of `v`, as its own growth would (doubling), but
/// with the larger storage asked onto 2 MiB pages before the elements move in: for vectors
/// whose type is public and so cannot take huge_page_allocator (the corpus's sources). Why: a
/// vector that grows to megabytes by push_back otherwise meets every fresh 4 KiB page of each
/// larger storage as a page fault of its own, and its own reallocation touches the pages before
/// any advice could reach them. Below resident_threshold, or without huge pages, `v` is left to
/// grow by itself. Elements move when that cannot throw, else they are copied, so `v` is
/// unchanged if growing fails.
template <class T, class A>
void grow_for_push(std::vector<T, A>& v) {
    if (v.size() < v.capacity()) return;
    const std::size_t want = v.capacity() < 8 ? 8 : v.capacity() * 2;
    if (want > v.max_size() || want * sizeof(T) < resident_threshold || !huge_pages_available()) return;
    std::vector<T, A> bigger(v.get_allocator());
    bigger.reserve(want);
    advise_huge_pages(bigger.data(), want * sizeof(T));
    if constexpr (std::is_nothrow_move_constructible_v<T> || !std::is_copy_constructible_v<T>)
        bigger.insert(bigger.end(), std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
    else bigger.insert(bigger.end(), v.begin(), v.end());
    v.swap(bigger);
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
