// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
//
// The crosscheck program's terminal handling: whether to colour, and a progress line on stderr.
#ifndef CROSSCHECK_FACTCHECK_TERMINAL_HPP
#define CROSSCHECK_FACTCHECK_TERMINAL_HPP

#include <fmt/core.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

#ifdef _WIN32
#include <io.h>
#define CROSSCHECK_ISATTY _isatty
#define CROSSCHECK_FILENO _fileno
#else
#include <unistd.h>
#define CROSSCHECK_ISATTY isatty
#define CROSSCHECK_FILENO fileno
#endif

namespace factcheck {

inline bool is_terminal(std::FILE* f) {
    return CROSSCHECK_ISATTY(CROSSCHECK_FILENO(f)) != 0;
}

/// no-color.org: NO_COLOR present and not empty turns colour off.
inline bool no_color_requested() {
    const char* v = std::getenv("NO_COLOR");
    return v != nullptr && *v != '\0';
}

enum class color_mode { automatic, always, never };

/// Colour for stdout: `always`, `never`, or (automatic) when stdout is a terminal and NO_COLOR is
/// not set.
inline bool use_color(color_mode m) {
    switch (m) {
        case color_mode::always: return true;
        case color_mode::never: return false;
        case color_mode::automatic: break;
    }
    return is_terminal(stdout) && !no_color_requested();
}

/// "Loading corpus.json… 2.4 s" on stderr, redrawn four times a second by a helper thread, and
/// erased when the phase ends. Silent unless enabled (the program enables it only for large
/// inputs with stderr on a terminal), so pipes and logs never see it.
class progress {
public:
    explicit progress(bool enabled) : enabled_(enabled) {}
    progress(const progress&) = delete;
    progress& operator=(const progress&) = delete;
    ~progress() { done(); }

    bool enabled() const noexcept { return enabled_; }

    /// Starts a phase; ends the one before.
    void phase(std::string text) {
        if (!enabled_) return;
        done();
        {
            std::lock_guard<std::mutex> lock(mutex_);
            text_ = std::move(text);
            start_ = clock::now();
            running_ = true;
        }
        draw();
        ticker_ = std::thread([this] {
            std::unique_lock<std::mutex> lock(mutex_);
            while (running_) {
                if (wake_.wait_for(lock, std::chrono::milliseconds(250), [this] { return !running_; })) break;
                lock.unlock();
                draw();
                lock.lock();
            }
        });
    }

    /// Ends the current phase and erases its line.
    void done() {
        if (!enabled_ || !ticker_.joinable()) return;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            running_ = false;
        }
        wake_.notify_all();
        ticker_.join();
        fmt::print(stderr, "\r\x1b[K");
        std::fflush(stderr);
    }

private:
    using clock = std::chrono::steady_clock;
    void draw() {
        std::string text;
        double seconds = 0;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            text = text_;
            seconds = std::chrono::duration<double>(clock::now() - start_).count();
        }
        fmt::print(stderr, "\r\x1b[K{}\xe2\x80\xa6 {:.1f} s", text, seconds);
        std::fflush(stderr);
    }

    bool enabled_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::thread ticker_;
    std::string text_;
    clock::time_point start_;
    bool running_ = false;
};

}  // namespace factcheck

#undef CROSSCHECK_ISATTY
#undef CROSSCHECK_FILENO

#endif
