// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
//
// libFuzzer target: the CSV loader must never crash or read out of bounds, and the claims it
// accepts must survive a trip through the JSON corpus form unchanged.
#include <crosscheck/io/csv.hpp>
#include <crosscheck/io/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    crosscheck::corpus c;
    crosscheck::load_options o;
    o.max_errors = 20;
    o.skip_invalid = (size % 2) == 1;  // exercise both policies
    auto r = crosscheck::load_csv(text, c, o, "fuzz.csv");
    if (r.claims_added != c.size()) std::abort();
    if (!r.ok()) return 0;
    crosscheck::corpus again;
    auto r2 = crosscheck::load_json(crosscheck::to_json_corpus(c).dump(), again);
    if (!r2.ok() || again.size() != c.size()) std::abort();
    for (crosscheck::claim_index i : c.claim_indices())
        if (!(c[i].to_claim() == again[i].to_claim())) std::abort();
    return 0;
}
