// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_DETAIL_THREADS_HPP
#define CROSSCHECK_DETAIL_THREADS_HPP

#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace crosscheck::detail {

/// Passes over fewer items than this run on one thread: starting threads would cost more than
/// they save (and results never depend on the thread count).
inline constexpr std::size_t min_parallel_items = std::size_t{1} << 16;

/// Runs body(t) for t in [0, threads): t = 0 on the calling thread, the others on threads of
/// their own. An exception (std::bad_alloc, most likely) is rethrown on the calling thread
/// after all have finished, the first by t, instead of ending the program from a worker.
template <class Body>
void on_threads(unsigned threads, Body&& body) {
    std::vector<std::exception_ptr> failed(threads);
    auto guarded = [&](unsigned t) {
        try {
            body(t);
        } catch (...) {
            failed[t] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(guarded, t);
    guarded(0);
    for (auto& th : pool) th.join();
    for (auto& f : failed)
        if (f) std::rethrow_exception(f);
}

}  // namespace crosscheck::detail

#endif
