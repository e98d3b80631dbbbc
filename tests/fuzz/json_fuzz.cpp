// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
//
// libFuzzer target: the JSON corpus loader must never crash, hang or overflow the stack, and a
// corpus it accepts must save and load back to the same JSON.
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
    auto r = crosscheck::load_json(text, c, o, "fuzz.json");
    if (!r.ok()) {
        // Every error names a place in the input.
        for (const auto& d : r.errors)
            if (d.message.rfind("too many errors", 0) != 0 && d.line == 0) std::abort();
        return 0;
    }
    auto saved = crosscheck::to_json_corpus(c).dump();
    crosscheck::corpus again;
    auto r2 = crosscheck::load_json(saved, again);
    if (!r2.ok() || again.size() != c.size()) std::abort();
    if (crosscheck::to_json_corpus(again).dump() != saved) std::abort();
    return 0;
}
