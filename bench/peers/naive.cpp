// Naive baseline for bench SPEC.md: group the claims by key with a hash map, then test
// every pair within each key (O(k^2) per key), single-threaded.  No sorting, no sweep:
// the simplest honest program that gets the right answer.
//
//   naive FILE.csv
// prints one JSON line: tool, counts, load_s (read + parse + group), prep_s (bucketing by
// key), query_s (the pair tests).
#include "claims_csv.hpp"

#include <cstdint>
#include <cstdio>
#include <exception>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace {

struct claim {
    std::uint32_t key;  // dense key index
    bool is_num;
    std::string_view value;  // kind = cat
    double lo, hi;           // kind = num
    std::int32_t from, to;   // yyyymmdd, inclusive
};

bool conflict(const claim& a, const claim& b) {
    if (a.is_num != b.is_num) return false;
    if (a.from > b.to || b.from > a.to) return false;
    if (a.is_num) return a.hi < b.lo || b.hi < a.lo;
    return a.value != b.value;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s FILE.csv\n", argv[0]);
        return 2;
    }
    try {
        bench::result res;
        res.tool = "naive";
        bench::stopwatch sw;

        const std::string buf = bench::read_file(argv[1]);
        std::unordered_map<std::string_view, std::uint32_t> key_index;
        std::vector<claim> claims;
        bench::for_each_row(buf, [&](const bench::fields& f, std::size_t) {
            // subject,predicate,scope are adjacent in the line: one view covers the key.
            const char* kb = f[bench::col_subject].data();
            const char* ke = f[bench::col_scope].data() + f[bench::col_scope].size();
            const std::string_view key(kb, static_cast<std::size_t>(ke - kb));
            const auto ins = key_index.emplace(key, static_cast<std::uint32_t>(key_index.size()));
            claim c{};
            c.key = ins.first->second;
            const std::string_view kind = f[bench::col_kind];
            if (kind == "num") {
                c.is_num = true;
                c.lo = bench::parse_double(f[bench::col_lo]);
                c.hi = bench::parse_double(f[bench::col_hi]);
            } else if (kind == "cat") {
                c.is_num = false;
                c.value = f[bench::col_value];
            } else {
                throw std::runtime_error("bad kind '" + std::string(kind) + "'");
            }
            c.from = bench::parse_date(f[bench::col_valid_from]);
            c.to = bench::parse_date(f[bench::col_valid_to]);
            claims.push_back(c);
        });
        res.load_s = sw.lap();

        // Counting sort by key so that each key's claims are contiguous.
        const std::size_t nkeys = key_index.size();
        std::vector<std::size_t> start(nkeys + 1, 0);
        for (const claim& c : claims) ++start[c.key + 1];
        for (std::size_t k = 0; k < nkeys; ++k) start[k + 1] += start[k];
        std::vector<claim> grouped(claims.size());
        {
            std::vector<std::size_t> next(start.begin(), start.end() - 1);
            for (const claim& c : claims) grouped[next[c.key]++] = c;
        }
        res.prep_s = sw.lap();

        for (std::size_t k = 0; k < nkeys; ++k) {
            std::uint64_t pairs = 0;
            for (std::size_t i = start[k]; i < start[k + 1]; ++i)
                for (std::size_t j = i + 1; j < start[k + 1]; ++j)
                    if (conflict(grouped[i], grouped[j])) ++pairs;
            res.conflicting_pairs += pairs;
            if (pairs != 0) ++res.conflicted_keys;
        }
        res.query_s = sw.lap();
        res.claims = claims.size();
        bench::print_result(res);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "naive: %s\n", e.what());
        return 1;
    }
}
