// Shared by the C++ benchmark peers: read the claims CSV of bench SPEC.md and split it
// into fields.  Deliberately plain (one buffer, string_views into it): the peers measure
// their engines, not a clever parser.
#ifndef CROSSCHECK_BENCH_PEERS_CLAIMS_CSV_HPP
#define CROSSCHECK_BENCH_PEERS_CLAIMS_CSV_HPP

#include <array>
#include <charconv>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

namespace bench {

inline constexpr std::string_view claims_header =
    "claim_id,subject,predicate,scope,kind,value,lo,hi,valid_from,valid_to,source_id";

enum column : std::size_t {
    col_claim_id,
    col_subject,
    col_predicate,
    col_scope,
    col_kind,
    col_value,
    col_lo,
    col_hi,
    col_valid_from,
    col_valid_to,
    col_source_id,
    column_count
};

using fields = std::array<std::string_view, column_count>;

inline std::string read_file(const char* path) {
    std::FILE* f = std::fopen(path, "rb");
    if (f == nullptr) throw std::runtime_error(std::string("cannot open ") + path);
    std::string out;
    char chunk[1 << 16];
    for (;;) {
        const std::size_t n = std::fread(chunk, 1, sizeof chunk, f);
        if (n == 0) break;
        out.append(chunk, n);
    }
    const bool bad = std::ferror(f) != 0;
    std::fclose(f);
    if (bad) throw std::runtime_error(std::string("read error on ") + path);
    return out;
}

// Calls fn(const fields&, line_number) for every data row; throws on a wrong header or a
// row without exactly 11 fields.
template <class Fn>
void for_each_row(std::string_view buf, Fn&& fn) {
    std::size_t pos = 0;
    std::size_t line_no = 0;
    bool header = true;
    while (pos < buf.size()) {
        std::size_t eol = buf.find('\n', pos);
        if (eol == std::string_view::npos) eol = buf.size();
        std::string_view line = buf.substr(pos, eol - pos);
        pos = eol + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (header) {
            if (line != claims_header) throw std::runtime_error("unexpected CSV header");
            header = false;
            continue;
        }
        if (line.empty()) continue;
        fields f{};
        std::size_t start = 0;
        std::size_t col = 0;
        for (;;) {
            if (col == column_count) {  // a comma after the 11th field: too many
                ++col;
                break;
            }
            const std::size_t comma = line.find(',', start);
            if (comma == std::string_view::npos) {
                f[col++] = line.substr(start);
                break;
            }
            f[col++] = line.substr(start, comma - start);
            start = comma + 1;
        }
        if (col != column_count) throw std::runtime_error("line " + std::to_string(line_no) + ": expected 11 fields");
        fn(f, line_no);
    }
}

// YYYY-MM-DD -> yyyymmdd, which orders like the date itself.
inline std::int32_t parse_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') throw std::runtime_error("bad date '" + std::string(s) + "'");
    std::int32_t v = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i == 4 || i == 7) continue;
        const char c = s[i];
        if (c < '0' || c > '9') throw std::runtime_error("bad date '" + std::string(s) + "'");
        v = v * 10 + (c - '0');
    }
    return v;
}

// Correctly rounded (std::from_chars), as SPEC.md asks.
inline double parse_double(std::string_view s) {
    double v = 0.0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size())
        throw std::runtime_error("bad number '" + std::string(s) + "'");
    return v;
}

inline std::uint64_t parse_u64(std::string_view s) {
    std::uint64_t v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size())
        throw std::runtime_error("bad integer '" + std::string(s) + "'");
    return v;
}

class stopwatch {
public:
    stopwatch() : start_(std::chrono::steady_clock::now()) {}
    // Seconds since construction or the previous lap.
    double lap() {
        const auto now = std::chrono::steady_clock::now();
        const std::chrono::duration<double> d = now - start_;
        start_ = now;
        return d.count();
    }

private:
    std::chrono::steady_clock::time_point start_;
};

struct result {
    const char* tool = "";
    unsigned threads = 1;
    std::uint64_t claims = 0;
    std::uint64_t conflicting_pairs = 0;
    std::uint64_t conflicted_keys = 0;
    double load_s = 0.0;
    double prep_s = 0.0;
    double query_s = 0.0;
};

// One JSON line on stdout; run.py reads it.
inline void print_result(const result& r) {
    std::printf(
        "{\"tool\":\"%s\",\"threads\":%u,\"claims\":%llu,\"conflicting_pairs\":%llu,"
        "\"conflicted_keys\":%llu,\"load_s\":%.4f,\"prep_s\":%.4f,\"query_s\":%.4f}\n",
        r.tool, r.threads, static_cast<unsigned long long>(r.claims),
        static_cast<unsigned long long>(r.conflicting_pairs), static_cast<unsigned long long>(r.conflicted_keys),
        r.load_s, r.prep_s, r.query_s);
}

}  // namespace bench

#endif  // CROSSCHECK_BENCH_PEERS_CLAIMS_CSV_HPP
