// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_MODEL_RULE_HPP
#define CROSSCHECK_MODEL_RULE_HPP

#include <crosscheck/model/claim.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace crosscheck {

/// Names the quantity claims a rule is about: this subject (after aliases), this predicate, and
/// exactly this scope (empty: claims with no scope).
struct rule_ref {
    std::string subject;
    std::string predicate;
    scope_map scope;
    friend bool operator==(const rule_ref& a, const rule_ref& b) {
        return a.subject == b.subject && a.predicate == b.predicate && a.scope == b.scope;
    }
};

enum class rule_type : std::uint8_t { sum, product };

inline constexpr const char* to_string(rule_type t) noexcept {
    return t == rule_type::sum ? "sum" : "product";
}

/// §1 Rule: the total equals the sum (or product) of the parts within a relative tolerance.
struct rule {
    rule_type type = rule_type::sum;
    rule_ref total;
    std::vector<rule_ref> parts;
    double tolerance = 0.01;
    friend bool operator==(const rule& a, const rule& b) {
        return a.type == b.type && a.total == b.total && a.parts == b.parts && a.tolerance == b.tolerance;
    }
};

}  // namespace crosscheck

#endif
