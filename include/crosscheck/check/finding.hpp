// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_CHECK_FINDING_HPP
#define CROSSCHECK_CHECK_FINDING_HPP

// Making a finding from the claims it is about, for checkers (built-in or a user's):
//
//   out.findings.push_back(crosscheck::make_finding("future_claim", crosscheck::severity::warning,
//                                                   claim, "claims a time after its source"));

#include <crosscheck/corpus/corpus.hpp>
#include <crosscheck/report/report.hpp>

#include <string>
#include <string_view>
#include <utility>

namespace crosscheck {

/// A finding about `claim`: the kind, severity and message given, and the claim's subject (after
/// aliases), predicate, scope, id and source filled in from the corpus.
inline finding make_finding(std::string_view kind, severity sev, const claim_ref& claim, std::string message) {
    finding f;
    f.kind = std::string(kind);
    f.severity = sev;
    f.subject = std::string(claim.subject());
    f.predicate = std::string(claim.predicate());
    f.scope = claim.owner().scope_text(claim.stored().scope);
    f.claims = {std::string(claim.id())};
    f.claim_count = 1;
    f.sources = {std::string(claim.source_id())};
    f.message = std::move(message);
    return f;
}

/// A finding of a built-in kind about `claim` (see above).
inline finding make_finding(finding_kind kind, severity sev, const claim_ref& claim, std::string message) {
    return make_finding(to_string(kind), sev, claim, std::move(message));
}

}  // namespace crosscheck

#endif
