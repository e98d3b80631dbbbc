// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
//
// libFuzzer target: the Date and period parsers. A parsed Date prints back to text that parses to
// the same period; the CSV loader's fast YYYY-MM-DD path agrees with the general parser.
#include <crosscheck/io/detail/csv_parser.hpp>
#include <crosscheck/model/period.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto d = crosscheck::try_parse_date(text);
    if (d) {
        if (!d->ok() || !d->is_single_date()) std::abort();
        auto back = crosscheck::try_parse_date(crosscheck::to_string(*d));
        if (!back || !(*back == *d)) std::abort();
    }
    crosscheck::day_number day = 0;
    if (crosscheck::detail::fast_iso_day(text, day)) {
        if (!d || d->first() != day || d->last() != day) std::abort();
    } else if (d && d->first_precision() == crosscheck::precision::day && text.size() == 10 && text[4] == '-') {
        std::abort();  // the fast path must not refuse a plain YYYY-MM-DD the general parser takes
    }
    if (auto p = crosscheck::try_parse_period(text)) {
        if (!p->ok()) std::abort();
        auto back = crosscheck::try_parse_period(crosscheck::to_string(*p));
        if (!back || back->first() != p->first() || back->last() != p->last()) std::abort();
    }
    return 0;
}
