// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_CHECK_CHECK_HPP
#define CROSSCHECK_CHECK_CHECK_HPP

#include <crosscheck/check/conflicts.hpp>
#include <crosscheck/check/context.hpp>
#include <crosscheck/check/corroboration.hpp>
#include <crosscheck/check/finding.hpp>
#include <crosscheck/check/input_warnings.hpp>
#include <crosscheck/check/rules.hpp>

#include <vector>

namespace crosscheck {

/// The built-in checkers, in the order they run: conflicts (with self-contradictions and
/// single-origin notes), rules, input warnings.
inline std::vector<checker> default_checkers() {
    return {conflicts, rules, input_warnings};
}

/// Runs `checkers` over `c` with one shared grouping and returns their findings and stats.
/// `options.only` filters the finding kinds reported; stats are always complete.
inline report check(const corpus& c, const std::vector<checker>& checkers, const check_options& options = {}) {
    report r;
    r.stats.claims = c.size();
    check_context ctx(c, options);
    for (const auto& k : checkers) k.run(ctx, r);
    return r;
}

/// Runs `checkers` and hands each finding to `sink` as soon as it is final, in the order the
/// report would list it, instead of collecting them: memory stays at the size of the corpus
/// however many findings there are (`write_json` of a streamed run needs only the stats at the
/// end). The returned report has the stats and listed pairs, and no findings.
inline report check(const corpus& c, const std::vector<checker>& checkers, const check_options& options,
                    finding_sink sink) {
    if (!sink) return check(c, checkers, options);
    report r;
    r.stats.claims = c.size();
    check_context ctx(c, options);
    ctx.set_sink(sink);
    for (const auto& k : checkers) {
        k.run(ctx, r);
        for (auto& f : r.findings) sink(std::move(f));  // a checker that appended directly
        r.findings.clear();
    }
    return r;
}
inline report check(const corpus& c, const check_options& options, finding_sink sink) {
    return check(c, default_checkers(), options, std::move(sink));
}

/// Runs every built-in checker: the one call most programs need.
///
///     auto r = crosscheck::check(corpus);
///     for (const auto& f : r.findings) std::cout << f << '\n';
inline report check(const corpus& c, const check_options& options = {}) {
    return check(c, default_checkers(), options);
}

}  // namespace crosscheck

#endif
