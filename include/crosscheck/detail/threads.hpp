// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_DETAIL_THREADS_HPP
#define CROSSCHECK_DETAIL_THREADS_HPP

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <iterator>
#include <mutex>
#include <thread>
#include <utility>
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

/// Runs `work(state, g)` for g in [0, n) on `threads` threads (each with its own `make_state()`)
/// and hands the results to `consume` on the calling thread in order of g. The calling thread is
/// one of the `threads`: it consumes what is ready and works when nothing is, so there are never
/// more threads than asked for (a consumer thread of its own competed with the workers for the
/// cores and woke up once per block). Workers stay at most a window of groups ahead of the
/// consumer, so results in flight stay bounded: a streaming check holds a window of findings,
/// never the whole report. The output is the same for any thread count. If `make_state`, `work`
/// or `consume` throws (a sink that fails, std::bad_alloc), everyone stops, the threads are
/// joined and the first exception is rethrown on the calling thread.
/// A consumed result is destroyed by the thread that made it: glibc's free() of memory another
/// thread allocated locks that thread's arena, and with findings made on one thread and freed on
/// another that lock was contended on every result.
template <class MakeState, class Work, class Consume>
void ordered_parallel(std::size_t n, unsigned threads, MakeState make_state, Work work, Consume consume) {
    using state_type = decltype(make_state());
    using result = decltype(work(std::declval<state_type&>(), std::size_t{}));
    constexpr std::size_t window = 4096;
    constexpr std::size_t block = 16;  // groups taken at a time: small blocks balance big groups
    std::vector<result> ring(window);
    std::vector<char> ready(window, 0);  // guarded by m
    std::mutex m;
    std::condition_variable produced, freed;
    std::size_t next = 0;                 // first group not yet handed out (guarded by m)
    std::size_t consumed = 0;             // groups consumed so far (guarded by m)
    bool consumer_waiting = false;        // the caller sleeps until group `consumed` is ready (guarded by m)
    bool stop = false;                    // someone failed (guarded by m)
    std::exception_ptr error;             // the first failure (guarded by m)
    std::vector<unsigned> owner(window);  // per slot: the thread that made it (0: caller)
    std::vector<std::vector<result>> trash(threads);  // per thread: consumed results to destroy (guarded by m)
    auto fail = [&](std::exception_ptr e) {
        {
            std::lock_guard<std::mutex> lk(m);
            if (!error) error = std::move(e);
            stop = true;
        }
        produced.notify_all();
        freed.notify_all();
    };
    auto can_take = [&] { return std::min(n, next + block) <= consumed + window; };  // under m
    auto take = [&](std::size_t& lo, std::size_t& hi) {                              // under m
        lo = next;
        hi = std::min(n, next + block);
        next = hi;
    };
    // Slots lo..hi-1 held groups a window earlier, all consumed: no one else touches them.
    auto run = [&](state_type& state, unsigned self, std::size_t lo, std::size_t hi) {
        for (std::size_t g = lo; g < hi; ++g) {
            ring[g % window] = work(state, g);
            owner[g % window] = self;
        }
        bool wake = false;
        {
            std::lock_guard<std::mutex> lk(m);
            for (std::size_t g = lo; g < hi; ++g) ready[g % window] = 1;
            // Wake the consumer only for the group it waits for, not for every block.
            wake = consumer_waiting && ready[consumed % window];
        }
        if (wake) produced.notify_one();
    };
    auto worker = [&](unsigned self) {
        try {
            auto state = make_state();
            std::vector<result> garbage;
            for (;;) {
                std::size_t lo, hi;
                {
                    std::unique_lock<std::mutex> lk(m);
                    freed.wait(lk, [&] { return stop || next >= n || can_take(); });
                    if (stop || next >= n) return;
                    take(lo, hi);
                    garbage.swap(trash[self]);
                }
                garbage.clear();  // outside the lock, on the thread that allocated it
                run(state, self, lo, hi);
            }
        } catch (...) {
            fail(std::current_exception());
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(threads);
    try {
        for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker, t);
        auto state = make_state();
        std::vector<std::vector<result>> used(threads);  // consumed, to hand back to their makers
        for (std::size_t g = 0; g < n;) {
            std::size_t end = g, lo = 0, hi = 0;
            {
                std::unique_lock<std::mutex> lk(m);
                if (stop) break;
                while (end < n && end - g < window && ready[end % window]) ready[end++ % window] = 0;
                if (end == g) {
                    if (next < n && can_take()) {
                        take(lo, hi);
                    } else {
                        consumer_waiting = true;
                        produced.wait(lk, [&] { return stop || ready[g % window] != 0; });
                        consumer_waiting = false;
                        continue;
                    }
                }
            }
            if (end == g) {  // nothing ready: work instead of waiting
                run(state, 0, lo, hi);
                continue;
            }
            for (std::size_t k = g; k < end; ++k) {
                auto& r = ring[k % window];
                consume(r);
                if (owner[k % window] == 0) r = result{};
                else used[owner[k % window]].push_back(std::move(r));
            }
            {
                std::lock_guard<std::mutex> lk(m);
                consumed = end;
                for (unsigned t = 1; t < threads; ++t) {
                    auto& to = trash[t];
                    to.insert(to.end(), std::make_move_iterator(used[t].begin()),
                              std::make_move_iterator(used[t].end()));
                    used[t].clear();
                }
            }
            freed.notify_all();
            g = end;
        }
    } catch (...) {
        fail(std::current_exception());
    }
    for (auto& th : pool) th.join();
    if (error) std::rethrow_exception(error);
}

}  // namespace crosscheck::detail

#endif  // CROSSCHECK_DETAIL_THREADS_HPP
