// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_CROSSCHECK_HPP
#define CROSSCHECK_CROSSCHECK_HPP

// The umbrella: every core public header. The opt-in integrations (json.hpp with nlohmann_json,
// io.hpp, catch2.hpp) are included separately, so the core never pulls them in.

#include <crosscheck/builder.hpp>
#include <crosscheck/checks.hpp>
#include <crosscheck/claim.hpp>
#include <crosscheck/config.hpp>
#include <crosscheck/corpus.hpp>
#include <crosscheck/error.hpp>
#include <crosscheck/period.hpp>
#include <crosscheck/quantity.hpp>
#include <crosscheck/report.hpp>
#include <crosscheck/report_json.hpp>
#include <crosscheck/rule.hpp>
#include <crosscheck/source.hpp>
#include <crosscheck/symbols.hpp>
#include <crosscheck/version.hpp>
#include <crosscheck/views.hpp>

#endif
