// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
//
// Parsing: the CSV loader end to end (from memory and from a file, one thread and two), and
// the field parsers it spends its time in (ISO dates, decimal numbers).

#include "micro_corpus.hpp"

#include <crosscheck/io/csv.hpp>
#include <crosscheck/model/period.hpp>

#include <benchmark/benchmark.h>

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

namespace {

const std::string& claims_text(std::size_t rows) {
    return micro::memo<std::string>(rows, [](std::size_t n) { return micro::claims_csv(n); });
}

/// A generated claims file in the temporary directory, removed when the program ends.
class temp_csv {
public:
    explicit temp_csv(std::size_t rows)
        : path_((std::filesystem::temp_directory_path() / ("crosscheck-micro-" + std::to_string(rows) + ".csv"))
                    .string()) {
        std::ofstream(path_, std::ios::binary) << claims_text(rows);
    }
    temp_csv(temp_csv&& o) noexcept : path_(std::move(o.path_)) { o.path_.clear(); }
    temp_csv(const temp_csv&) = delete;
    temp_csv& operator=(const temp_csv&) = delete;
    temp_csv& operator=(temp_csv&&) = delete;
    ~temp_csv() {
        std::error_code ignored;
        if (!path_.empty()) std::filesystem::remove(path_, ignored);
    }
    const std::string& path() const noexcept { return path_; }

private:
    std::string path_;
};

void report_load(benchmark::State& state, const crosscheck::load_result& r, std::size_t rows) {
    if (!r.ok() || r.claims_added != rows) state.SkipWithError("the generated CSV did not load cleanly");
}

// Args: rows, loader threads. The loader splits work only for inputs of at least 4 MiB per
// thread, hence the larger input for the two-thread case.
void load_csv_memory(benchmark::State& state) {
    const auto rows = static_cast<std::size_t>(state.range(0));
    const std::string& text = claims_text(rows);
    crosscheck::load_options opt;
    opt.threads = static_cast<unsigned>(state.range(1));
    for (auto _ : state) {
        crosscheck::corpus c;
        auto r = crosscheck::load_csv(text, c, opt);
        report_load(state, r, rows);
        benchmark::DoNotOptimize(c.size());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(load_csv_memory)
    ->ArgNames({"rows", "threads"})
    ->Args({100000, 1})
    ->Args({500000, 1})
    ->Args({500000, 2})
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

// The same through load_csv_file (memory-mapped); the file is in the page cache after the first
// iteration, as the SPEC's timing rules ask.
void load_csv_file(benchmark::State& state) {
    const auto rows = static_cast<std::size_t>(state.range(0));
    const temp_csv& file = micro::memo<temp_csv>(rows, [](std::size_t n) { return temp_csv(n); });
    crosscheck::load_options opt;
    opt.threads = static_cast<unsigned>(state.range(1));
    for (auto _ : state) {
        crosscheck::corpus c;
        auto r = crosscheck::load_csv_file(file.path(), c, opt);
        report_load(state, r, rows);
        benchmark::DoNotOptimize(c.size());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(claims_text(rows).size()));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(load_csv_file)
    ->ArgNames({"rows", "threads"})
    ->Args({100000, 1})
    ->Args({500000, 2})
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

/// valid_from of 100k generated rows (column 8).
const std::vector<std::string>& date_fields() {
    return micro::memo<std::vector<std::string>>(0,
                                                 [](std::size_t) { return micro::csv_column(claims_text(100000), 8); });
}

/// lo and hi of the numeric rows (columns 6 and 7).
const std::vector<std::string>& number_fields() {
    return micro::memo<std::vector<std::string>>(0, [](std::size_t) {
        std::vector<std::string> out;
        for (std::size_t col : {std::size_t{6}, std::size_t{7}})
            for (auto& s : micro::csv_column(claims_text(100000), col))
                if (!s.empty()) out.push_back(std::move(s));
        return out;
    });
}

template <class Fields>
void set_field_counters(benchmark::State& state, const Fields& fields) {
    std::int64_t bytes = 0;
    for (const auto& s : fields) bytes += static_cast<std::int64_t>(s.size());
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(fields.size()));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * bytes);
}

// The loader's fast path for YYYY-MM-DD.
void date_fast_iso_day(benchmark::State& state) {
    const auto& fields = date_fields();
    for (auto _ : state) {
        std::int64_t sum = 0;
        for (const auto& s : fields) {
            crosscheck::day_number d = 0;
            if (!crosscheck::detail::fast_iso_day(s, d)) state.SkipWithError("fast_iso_day rejected a date");
            sum += d;
        }
        benchmark::DoNotOptimize(sum);
    }
    set_field_counters(state, fields);
}
BENCHMARK(date_fast_iso_day);

// The general Date parser (every precision of §2), on the same day-precision dates.
void date_try_parse_date(benchmark::State& state) {
    const auto& fields = date_fields();
    for (auto _ : state) {
        std::int64_t sum = 0;
        for (const auto& s : fields) {
            auto p = crosscheck::try_parse_date(s);
            if (!p) state.SkipWithError("try_parse_date rejected a date");
            else sum += p->first();
        }
        benchmark::DoNotOptimize(sum);
    }
    set_field_counters(state, fields);
}
BENCHMARK(date_try_parse_date);

// The loader's number parser: a fast exact path for short decimals, from_chars otherwise.
void number_parse_csv_number(benchmark::State& state) {
    const auto& fields = number_fields();
    for (auto _ : state) {
        double sum = 0;
        for (const auto& s : fields) {
            double x = 0;
            if (!crosscheck::detail::parse_csv_number(s, x)) state.SkipWithError("parse_csv_number rejected a number");
            sum += x;
        }
        benchmark::DoNotOptimize(sum);
    }
    set_field_counters(state, fields);
}
BENCHMARK(number_parse_csv_number);

// Baseline for the above: std::from_chars alone.
void number_std_from_chars(benchmark::State& state) {
    const auto& fields = number_fields();
    for (auto _ : state) {
        double sum = 0;
        for (const auto& s : fields) {
            double x = 0;
            auto r = std::from_chars(s.data(), s.data() + s.size(), x);
            if (r.ec != std::errc{}) state.SkipWithError("from_chars rejected a number");
            sum += x;
        }
        benchmark::DoNotOptimize(sum);
    }
    set_field_counters(state, fields);
}
BENCHMARK(number_std_from_chars);

}  // namespace
