// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_CROSSCHECK_HPP
#define CROSSCHECK_CROSSCHECK_HPP

// The umbrella: every public header that needs nothing beyond the library's own dependencies.
// The opt-in integrations are included on their own, so the core never pulls them in:
// io/json.hpp and io/load.hpp (nlohmann_json, target crosscheck::json) and testing/catch2.hpp
// (Catch2, target crosscheck::catch2).
//
// Areas, from the bottom up; a header includes only its own area and the areas below it
// (cmake/check_layering.cmake checks this): detail (generic machinery), model, corpus, report, check,
// io, resolve, testing. docs/architecture.md describes each.
// A `§N` in the headers' comments is section N of docs/format.md, the corpus format.

#include <crosscheck/config.hpp>
#include <crosscheck/version.hpp>

#include <crosscheck/model/claim.hpp>
#include <crosscheck/model/error.hpp>
#include <crosscheck/model/period.hpp>
#include <crosscheck/model/quantity.hpp>
#include <crosscheck/model/rule.hpp>
#include <crosscheck/model/source.hpp>

#include <crosscheck/corpus/builder.hpp>
#include <crosscheck/corpus/corpus.hpp>
#include <crosscheck/corpus/names.hpp>
#include <crosscheck/corpus/value_identity.hpp>
#include <crosscheck/corpus/views.hpp>

#include <crosscheck/report/json.hpp>
#include <crosscheck/report/report.hpp>
#include <crosscheck/report/text.hpp>

#include <crosscheck/check/check.hpp>

#include <crosscheck/io/csv.hpp>
#include <crosscheck/io/diagnostic.hpp>

#include <crosscheck/resolve/evidence.hpp>
#include <crosscheck/resolve/from_corpus.hpp>
#include <crosscheck/resolve/methods.hpp>

#endif  // CROSSCHECK_CROSSCHECK_HPP
