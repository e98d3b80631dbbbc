// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_BENCH_MICRO_MICRO_CORPUS_HPP
#define CROSSCHECK_BENCH_MICRO_MICRO_CORPUS_HPP

// Deterministic inputs for the micro-benchmarks, generated in memory so that no benchmark
// depends on files or Python. The claims table follows the shape described in the shared bench
// SPEC.md (11 columns, Zipf key-group sizes with mean ~8 capped at 2,000, 1-4 predicates per
// subject, regional scopes, stale and erroneous claims, 0.3% kind slips); it is not
// byte-identical to gen_claims.py and its counts are not SPEC's, only its statistics are alike.

#include <crosscheck/check/detail/counting.hpp>

#include <date/date.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace micro {

/// The value `make(key)` built once per key and kept for the whole run: fixtures are expensive
/// (a million rows take a second to generate) and Google Benchmark calls a benchmark function
/// several times per argument. Each call site (each `Make` type) has its own cache.
template <class T, class Make>
const T& memo(std::size_t key, Make make) {
    static std::map<std::size_t, T> cache;
    auto it = cache.find(key);
    if (it == cache.end()) it = cache.emplace(key, make(key)).first;
    return it->second;
}

/// splitmix64: tiny, fast, and the same sequence on every platform and standard library
/// (std::uniform_*_distribution are not).
class rng {
public:
    explicit rng(std::uint64_t seed) noexcept : s_(seed) {}
    std::uint64_t next() noexcept {
        std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, 1).
    double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    /// Uniform in [0, n), n > 0.
    std::size_t below(std::size_t n) noexcept { return static_cast<std::size_t>(uniform() * static_cast<double>(n)); }
    /// Uniform in [lo, hi].
    std::int32_t between(std::int32_t lo, std::int32_t hi) noexcept {
        return lo + static_cast<std::int32_t>(below(static_cast<std::size_t>(hi - lo) + 1));
    }
    /// exp of a uniform in [log lo, log hi].
    double log_uniform(double lo, double hi) noexcept {
        return std::exp(std::log(lo) + uniform() * (std::log(hi) - std::log(lo)));
    }

private:
    std::uint64_t s_;
};

/// Samples 1..cap with P(k) ~ k^-s by inverse CDF.
class zipf {
public:
    zipf(std::size_t cap, double s) : cdf_(cap) {
        double sum = 0;
        for (std::size_t k = 1; k <= cap; ++k) cdf_[k - 1] = (sum += std::pow(static_cast<double>(k), -s));
        for (auto& c : cdf_) c /= sum;
    }
    std::size_t operator()(rng& r) const noexcept {
        auto it = std::lower_bound(cdf_.begin(), cdf_.end(), r.uniform());
        if (it == cdf_.end()) --it;
        return static_cast<std::size_t>(it - cdf_.begin()) + 1;
    }

private:
    std::vector<double> cdf_;
};

inline std::int32_t day_of(int y, unsigned m, unsigned d) noexcept {
    return static_cast<std::int32_t>(
        date::sys_days{date::year{y} / date::month{m} / date::day{d}}.time_since_epoch().count());
}
inline const std::int32_t first_day = day_of(2015, 1, 1);
inline const std::int32_t last_day = day_of(2026, 12, 31);

inline void append_day(std::string& out, std::int32_t day) {
    const date::year_month_day ymd{date::sys_days{date::days{day}}};
    char buf[16];
    const int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    out.append(buf, static_cast<std::size_t>(n));
}

/// At most 2 decimals, trailing zeros dropped (`12.5`, `300`), as the SPEC's generator writes.
inline void append_number(std::string& out, double x) {
    char buf[48];
    int n = std::snprintf(buf, sizeof buf, "%.2f", x);
    while (n > 0 && buf[n - 1] == '0') --n;
    if (n > 0 && buf[n - 1] == '.') --n;
    out.append(buf, static_cast<std::size_t>(n));
}

inline double round_significant(double x, int digits) {
    const double scale = std::pow(10.0, digits - 1 - static_cast<int>(std::floor(std::log10(x))));
    return std::round(x * scale) / scale;
}
inline double floor_significant(double x, int digits) {
    const double scale = std::pow(10.0, digits - 1 - static_cast<int>(std::floor(std::log10(x))));
    return std::floor(x * scale) / scale;
}

inline constexpr std::string_view csv_header =
    "claim_id,subject,predicate,scope,kind,value,lo,hi,valid_from,valid_to,source_id\n";

/// A claims table of `n` rows in the SPEC's CSV format; the same (n, seed) gives the same bytes.
inline std::string claims_csv(std::size_t n, std::uint64_t seed = 1) {
    rng r(seed);
    // Key-group sizes: truncated Zipf (mean ~8 at cap 2,000), drawn until they sum to n.
    const std::size_t cap = std::max<std::size_t>(1, std::min<std::size_t>(2000, n / 20));
    const zipf group_size(cap, 1.855);
    std::vector<std::size_t> sizes;
    for (std::size_t total = 0; total < n;) {
        std::size_t k = std::min(group_size(r), n - total);
        sizes.push_back(k);
        total += k;
    }
    const std::size_t source_count = std::max<std::size_t>(1, n / 100);
    const zipf source_pick(source_count, 1.1);
    static constexpr const char* scopes[] = {"global", "cn", "eu"};
    auto pick_scope = [&](int avoid) {
        for (;;) {
            const double u = r.uniform();
            const int s = u < 0.80 ? 0 : u < 0.92 ? 1 : 2;
            if (s != avoid) return s;
        }
    };

    std::vector<std::string> rows;
    rows.reserve(n);
    std::size_t next_size = 0;
    std::string row;
    for (std::size_t subject = 1; next_size < sizes.size(); ++subject) {
        const double u = r.uniform();
        const int preds = u < 0.5 ? 1 : u < 0.8 ? 2 : u < 0.93 ? 3 : 4;
        int chosen[4] = {-1, -1, -1, -1};
        for (int i = 0; i < preds && next_size < sizes.size(); ++i) {
            int p;
            do p = static_cast<int>(r.below(20));
            while (std::find(chosen, chosen + 4, p) != chosen + 4);
            chosen[i] = p;
            const int first_scope = pick_scope(-1);
            const int key_scopes[2] = {first_scope, r.uniform() < 0.15 ? pick_scope(first_scope) : -1};
            for (int scope : key_scopes) {
                if (scope < 0 || next_size >= sizes.size()) continue;
                // One key: (subject, predicate, scope) with its own truth, focus and spread.
                const bool cat = p % 2 == 0;
                const std::size_t vocab = 2 + static_cast<std::size_t>(p / 2) % 5;
                const std::size_t token0 =
                    static_cast<std::size_t>(static_cast<double>(vocab) * r.uniform() * r.uniform());
                const std::size_t token1 = (token0 + 1 + r.below(vocab - 1)) % vocab;
                const double num0 = round_significant(r.log_uniform(10, 1e8), 3);
                const double num1 = round_significant(
                    num0 * (r.uniform() < 0.5 ? 1.03 + 0.37 * r.uniform() : 0.70 + 0.27 * r.uniform()), 3);
                const std::int32_t focus = r.between(first_day, last_day);
                const auto spread = static_cast<std::int32_t>(r.log_uniform(30, 2500));
                const bool changes = r.uniform() < 0.30;
                const std::int32_t change_day = focus + r.between(-spread, spread);
                for (std::size_t c = sizes[next_size]; c > 0; --c) {
                    const std::size_t src = source_pick(r) - 1;
                    const std::size_t tier = (src * 37) % 100;
                    const double error_rate = tier < 70 ? 0.01 : tier < 92 ? 0.04 : 0.15;
                    std::int32_t from = focus + r.between(-spread, spread);
                    std::int32_t to = from + static_cast<std::int32_t>(r.log_uniform(1, 1826)) - 1;
                    from = std::clamp(from, first_day, last_day);
                    to = std::clamp(to, from, last_day);
                    const bool stale_side = changes && from >= change_day;
                    const bool wrong = r.uniform() < error_rate;
                    const bool slip = r.uniform() < 0.003;

                    row.clear();
                    row += "ent";
                    char buf[32];
                    std::snprintf(buf, sizeof buf, "%06zu,p%02d,", subject, p);
                    row += buf;
                    row += scopes[scope];
                    if (cat != slip) {  // a categorical claim: a token (or the word a slip writes)
                        row += ",cat,";
                        if (slip) {
                            row += r.uniform() < 0.5 ? "unknown" : "undisclosed";
                        } else {
                            std::size_t t = stale_side ? token1 : token0;
                            if (wrong) t = (t + 1 + r.below(vocab - 1)) % vocab;
                            std::snprintf(buf, sizeof buf, "p%02dv%zu", p, t);
                            row += buf;
                        }
                        row += ",,";
                    } else {
                        row += ",num,,";
                        double x = slip ? static_cast<double>(1 + r.below(9)) : stale_side ? num1 : num0;
                        if (wrong && !slip) {
                            const double w = r.uniform();
                            x *= w < 0.25   ? (r.uniform() < 0.5 ? 10.0 : 0.1)
                                 : w < 0.65 ? 1.15 + 0.85 * r.uniform()
                                            : 0.50 + 0.37 * r.uniform();
                        }
                        const double form = r.uniform();
                        double lo = x, hi = x;
                        if (form >= 0.85) {
                            lo = floor_significant(x, 2);
                            hi = 1.5 * lo;
                        } else if (form >= 0.50) {
                            lo = 0.95 * x;
                            hi = 1.05 * x;
                        }
                        append_number(row, lo);
                        row += ',';
                        append_number(row, std::max(hi, lo));
                    }
                    row += ',';
                    append_day(row, from);
                    row += ',';
                    append_day(row, to);
                    std::snprintf(buf, sizeof buf, ",src%04zu\n", src);
                    row += buf;
                    rows.push_back(row);
                }
                ++next_size;
            }
        }
    }
    // Shuffle (Fisher-Yates) so that keys are spread over the file, as in a real export.
    for (std::size_t i = rows.size(); i > 1; --i) std::swap(rows[i - 1], rows[r.below(i)]);

    std::string out(csv_header);
    out.reserve(rows.size() * 80);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out += std::to_string(i + 1);
        out += ',';
        out += rows[i];
    }
    return out;
}

/// One key holding `n` claims that alternate between two tokens over random periods: the
/// worst case for pairwise comparison (about n^2/4 conflicting pairs), counted without them.
inline std::string one_key_csv(std::size_t n, std::uint64_t seed = 1) {
    rng r(seed);
    std::string out(csv_header);
    out.reserve(n * 72);
    for (std::size_t i = 0; i < n; ++i) {
        const std::int32_t from = r.between(first_day, last_day);
        const std::int32_t to = std::min(last_day, from + static_cast<std::int32_t>(r.log_uniform(1, 1826)) - 1);
        out += std::to_string(i + 1);
        out += ",ent000001,p00,global,cat,";
        out += (i % 2 == 0) ? "p00v0" : "p00v1";
        out += ",,,";
        append_day(out, from);
        out += ',';
        append_day(out, to);
        char buf[32];
        std::snprintf(buf, sizeof buf, ",src%04zu\n", i % 1000);
        out += buf;
    }
    return out;
}

/// The text of column `col` (0-based) of every data row of a CSV without quotes.
inline std::vector<std::string> csv_column(std::string_view csv, std::size_t col) {
    std::vector<std::string> out;
    std::size_t pos = csv.find('\n') + 1;  // skip the header
    while (pos < csv.size()) {
        std::size_t end = csv.find('\n', pos);
        if (end == std::string_view::npos) end = csv.size();
        std::string_view line = csv.substr(pos, end - pos);
        for (std::size_t i = 0; i < col; ++i) line.remove_prefix(std::min(line.size(), line.find(',') + 1));
        out.emplace_back(line.substr(0, line.find(',')));
        pos = end + 1;
    }
    return out;
}

/// Random claims of one comparable class: periods within a 12-year window lasting 1 day to
/// 5 years, values log-uniform in 1..1000 with a +-5% "about" width, so that roughly half of the
/// overlapping pairs are disjoint in value.
inline std::vector<crosscheck::detail::ranged> random_ranged(std::size_t n, std::uint64_t seed = 1) {
    rng r(seed);
    std::vector<crosscheck::detail::ranged> out(n);
    for (auto& x : out) {
        x.from = r.between(0, 4383);
        x.to = x.from + static_cast<std::int32_t>(r.log_uniform(1, 1826)) - 1;
        const double v = r.log_uniform(1, 1000);
        x.lo = 0.95 * v;
        x.hi = 1.05 * v;
    }
    return out;
}

}  // namespace micro

#endif
