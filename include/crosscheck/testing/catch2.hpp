// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_TESTING_CATCH2_HPP
#define CROSSCHECK_TESTING_CATCH2_HPP

/// Catch2 integration (target crosscheck::catch2): matchers that run the checkers, a
/// StringMaker that prints reports readably, and helpers to write small corpora tersely.
///
/// ```cpp
/// #include <crosscheck/testing/catch2.hpp>
/// using namespace crosscheck::testing;
///
/// TEST_CASE("the two wire reports disagree") {
///     auto c = corpus_of({{"reuters", "acme", "status", "open"},
///                         {"ap", "acme", "status", "closed"}});
///     CHECK_THAT(c, !is_consistent());
///     CHECK_THAT(c, has_conflict_between("reuters#1", "ap#1"));
/// }
/// ```
///
/// Works with Catch2 v2 (`<catch2/catch.hpp>`) and v3. Define CROSSCHECK_CATCH2_MAJOR to 2 or 3 to
/// choose; otherwise the version of an already included Catch2 is used, else v3 when
/// `<catch2/catch_test_macros.hpp>` exists, else v2.

#include <crosscheck/check/check.hpp>
#include <crosscheck/corpus/corpus.hpp>
#include <crosscheck/detail/fold.hpp>
#include <crosscheck/model/claim.hpp>
#include <crosscheck/model/period.hpp>
#include <crosscheck/model/quantity.hpp>
#include <crosscheck/report/report.hpp>
#include <crosscheck/report/text.hpp>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#ifndef CROSSCHECK_CATCH2_MAJOR
#if defined(CATCH_VERSION_MAJOR)
#define CROSSCHECK_CATCH2_MAJOR CATCH_VERSION_MAJOR
#elif defined(__has_include)
#if __has_include(<catch2/catch_test_macros.hpp>)
#define CROSSCHECK_CATCH2_MAJOR 3
#else
#define CROSSCHECK_CATCH2_MAJOR 2
#endif
#else
#define CROSSCHECK_CATCH2_MAJOR 2
#endif
#endif

#if CROSSCHECK_CATCH2_MAJOR >= 3
#include <catch2/catch_test_macros.hpp>
#include <catch2/catch_tostring.hpp>
#include <catch2/matchers/catch_matchers.hpp>
#else
#include <catch2/catch.hpp>
#endif

namespace crosscheck {
namespace testing {

/// The base class of Catch2's typed matchers, whichever version is in use.
#if CROSSCHECK_CATCH2_MAJOR >= 3
template <class T>
using matcher_base = Catch::Matchers::MatcherBase<T>;
#else
template <class T>
using matcher_base = Catch::MatcherBase<T>;
#endif

/// The claim and the source at position `n` (from 0) of a corpus, in load order: for tests that
/// know the order in which they added claims and sources (ids are typed; this spells a number
/// as one).
constexpr claim_index claim_n(std::uint32_t n) noexcept {
    return claim_index{n};
}
constexpr source_index source_n(std::uint32_t n) noexcept {
    return source_index{n};
}

/// A report as matchers and Catch print it: the text writer, without colour.
inline std::string describe_report(const report& r) {
    text_options o;
    o.color = false;
    return to_text(r, o);
}

class combined_matcher;

/// The shared part of the report matchers: each matches a `report`, and also a `corpus`, which it
/// checks first (with `options()`). After a corpus was matched, the description ends with the
/// findings of that check, so a failed CHECK_THAT shows what was found. `!`, `&&` and `||`
/// combine them for corpora and reports alike (Catch's own combinators take reports only).
class report_matcher : public matcher_base<report> {
public:
    bool match(const report& r) const override { return test(r); }
    bool match(const corpus& c) const {
        last_ = check(c, options_);
        return test(*last_);
    }
    std::string describe() const override {
        std::string d = expectation();
        if (last_) {
            d += "\n--- the check found ---\n";
            d += describe_report(*last_);
        }
        return d;
    }
    /// Whether `r` satisfies the matcher (without remembering it).
    virtual bool test(const report& r) const = 0;
    /// What the matcher expects, in words: "has a finding of kind conflict".
    virtual std::string expectation() const = 0;
    /// The options used when matching a corpus.
    const check_options& options() const noexcept { return options_; }

    combined_matcher operator!() const;
    combined_matcher operator&&(const report_matcher& other) const;
    combined_matcher operator||(const report_matcher& other) const;

protected:
    explicit report_matcher(check_options o = {}) : options_(std::move(o)) {}

private:
    check_options options_;
    mutable std::optional<report> last_;
};

/// `!m`, `a && b`, `a || b`. Like Catch's combinators it refers to its operands, which live
/// until the end of the CHECK_THAT that builds them.
class combined_matcher final : public report_matcher {
public:
    enum class op { negate, all, any };
    combined_matcher(op o, const report_matcher& a, const report_matcher* b)
        : report_matcher(merged(a, b)), op_(o), a_(&a), b_(b) {}
    bool test(const report& r) const override {
        switch (op_) {
            case op::negate: return !a_->test(r);
            case op::all: return a_->test(r) && b_->test(r);
            case op::any: return a_->test(r) || b_->test(r);
        }
        return false;
    }
    std::string expectation() const override {
        switch (op_) {
            case op::negate: return "not " + a_->expectation();
            case op::all: return "( " + a_->expectation() + " and " + b_->expectation() + " )";
            case op::any: return "( " + a_->expectation() + " or " + b_->expectation() + " )";
        }
        return {};
    }

private:
    // One check serves both operands; pair listing is on if either needs it.
    static check_options merged(const report_matcher& a, const report_matcher* b) {
        check_options o = a.options();
        if (b && b->options().list_pairs) o.list_pairs = true;
        return o;
    }
    op op_;
    const report_matcher* a_;
    const report_matcher* b_;
};

inline combined_matcher report_matcher::operator!() const {
    return {combined_matcher::op::negate, *this, nullptr};
}
inline combined_matcher report_matcher::operator&&(const report_matcher& other) const {
    return {combined_matcher::op::all, *this, &other};
}
inline combined_matcher report_matcher::operator||(const report_matcher& other) const {
    return {combined_matcher::op::any, *this, &other};
}

namespace detail {
inline bool same_name(std::string_view a, std::string_view b) {
    return crosscheck::detail::fold(a) == crosscheck::detail::fold(b);
}
inline bool has_id(const std::vector<std::string>& ids, std::string_view id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}
}  // namespace detail

/// Matches when no finding is at least `worst_allowed_above` severe (by default: no errors).
class consistency_matcher final : public report_matcher {
public:
    explicit consistency_matcher(severity threshold, check_options o = {})
        : report_matcher(std::move(o)), threshold_(threshold) {}

    bool test(const report& r) const override {
        return std::none_of(r.findings.begin(), r.findings.end(),
                            [&](const finding& f) { return f.severity >= threshold_; });
    }
    std::string expectation() const override {
        std::string d = "is consistent (no finding of severity ";
        d += to_string(threshold_);
        if (threshold_ != severity::error) d += " or worse";
        return d + ")";
    }

private:
    severity threshold_;
};

/// Matches when some finding has the given kind, severity, subject or predicate (each optional).
class finding_matcher final : public report_matcher {
public:
    struct criteria {
        std::optional<std::string> kind;
        std::optional<crosscheck::severity> level;
        std::optional<std::string> subject;
        std::optional<std::string> predicate;
    };
    explicit finding_matcher(criteria c, check_options o = {}) : report_matcher(std::move(o)), c_(std::move(c)) {}

    bool test(const report& r) const override {
        return std::any_of(r.findings.begin(), r.findings.end(), [&](const finding& f) {
            return (!c_.kind || f.kind == *c_.kind) && (!c_.level || f.severity == *c_.level) &&
                   (!c_.subject || detail::same_name(f.subject, *c_.subject)) &&
                   (!c_.predicate || detail::same_name(f.predicate, *c_.predicate));
        });
    }
    std::string expectation() const override {
        std::string d = "has a finding";
        if (c_.kind) d += " of kind " + *c_.kind;
        if (c_.level) d += std::string(c_.kind ? " and" : " of") + " severity " + to_string(*c_.level);
        if (c_.subject) {
            d += " about " + *c_.subject;
            if (c_.predicate) d += "." + *c_.predicate;
        } else if (c_.predicate) {
            d += " about predicate " + *c_.predicate;
        }
        return d;
    }

private:
    criteria c_;
};

/// Matches when claims `a` and `b` are a conflicting pair. A corpus is checked with pair
/// listing on; a report must have been made with `check_options::list_pairs`.
class conflict_pair_matcher final : public report_matcher {
public:
    conflict_pair_matcher(std::string a, std::string b, check_options o = {})
        : report_matcher(with_pairs(std::move(o))), a_(std::move(a)), b_(std::move(b)) {}

    bool test(const report& r) const override {
        for (const auto& [x, y] : r.pairs)
            if ((x == a_ && y == b_) || (x == b_ && y == a_)) return true;
        return false;
    }
    std::string expectation() const override {
        return "has a conflict between claims " + a_ + " and " + b_ + " (in the listed conflicting pairs)";
    }

private:
    static check_options with_pairs(check_options o) {
        o.list_pairs = true;
        return o;
    }
    std::string a_, b_;
};

/// No finding of severity error (the default), or of `threshold` or worse:
/// `is_consistent(severity::warning)` also rejects warnings.
inline consistency_matcher is_consistent(severity threshold = severity::error, check_options o = {}) {
    return consistency_matcher(threshold, std::move(o));
}

/// Some finding of this kind (`"conflict"`, `kinds::rule_violation`, a user checker's own kind).
inline finding_matcher has_finding(std::string_view kind) {
    finding_matcher::criteria c;
    c.kind = std::string(kind);
    return finding_matcher(std::move(c));
}
/// Some finding of exactly this severity.
inline finding_matcher has_finding(severity level) {
    finding_matcher::criteria c;
    c.level = level;
    return finding_matcher(std::move(c));
}
/// Some finding of this kind about `subject` (and `predicate`, unless empty). Names compare
/// case-insensitively, as the checkers compare them; a subject is reported under its entity id.
inline finding_matcher has_finding(std::string_view kind, std::string_view subject, std::string_view predicate = {}) {
    finding_matcher::criteria c;
    c.kind = std::string(kind);
    c.subject = std::string(subject);
    if (!predicate.empty()) c.predicate = std::string(predicate);
    return finding_matcher(std::move(c));
}
/// Claims `a` and `b` (ids) conflict: a pair of the conflict checker, whether from one source or two.
inline conflict_pair_matcher has_conflict_between(std::string a, std::string b) {
    return conflict_pair_matcher(std::move(a), std::move(b));
}

// ---- fixtures ---------------------------------------------------------------------------------

/// One claim of a fixture corpus: `{source, subject, predicate, value}`, optionally with a validity
/// (`"2025"`, `"2025-04..2025-06"`, `"2025-04.."`, `"..2025-06"`) and an id (default `SOURCE#N`).
/// A text value is a token; a number is an exact quantity; anything else goes through any_value.
struct row {
    std::string source;
    std::string subject;
    std::string predicate;
    any_value value;
    std::string valid;
    std::string id;

    row(std::string src, std::string subj, std::string pred, const char* tok, std::string valid_ = {},
        std::string id_ = {})
        : row(std::move(src), std::move(subj), std::move(pred), any_value(token(tok)), std::move(valid_),
              std::move(id_)) {}
    row(std::string src, std::string subj, std::string pred, std::string tok, std::string valid_ = {},
        std::string id_ = {})
        : row(std::move(src), std::move(subj), std::move(pred), any_value(token(std::move(tok))), std::move(valid_),
              std::move(id_)) {}
    row(std::string src, std::string subj, std::string pred, double amount, std::string valid_ = {},
        std::string id_ = {})
        : row(std::move(src), std::move(subj), std::move(pred), any_value(quantity(amount)), std::move(valid_),
              std::move(id_)) {}
    row(std::string src, std::string subj, std::string pred, int amount, std::string valid_ = {}, std::string id_ = {})
        : row(std::move(src), std::move(subj), std::move(pred), static_cast<double>(amount), std::move(valid_),
              std::move(id_)) {}
    row(std::string src, std::string subj, std::string pred, any_value v, std::string valid_ = {}, std::string id_ = {})
        : source(std::move(src)),
          subject(std::move(subj)),
          predicate(std::move(pred)),
          value(std::move(v)),
          valid(std::move(valid_)),
          id(std::move(id_)) {}

    /// The claim this row stands for. Throws parse_error on a bad validity.
    claim<any_value> to_claim() const {
        claim<any_value> c;
        c.id = id;
        c.source = source;
        c.subject = subject;
        c.predicate = predicate;
        c.value = value;
        if (!valid.empty()) {
            auto dots = valid.find("..");
            if (dots == std::string::npos) {
                c.valid = validity(parse_date(valid));
            } else {
                std::optional<period> from, to;
                if (dots > 0) from = parse_date(std::string_view(valid).substr(0, dots));
                if (dots + 2 < valid.size()) to = parse_date(std::string_view(valid).substr(dots + 2));
                c.valid = validity::range(from, to);
            }
        }
        return c;
    }
};

/// Adds the rows to `c` (sources are created as needed) and returns `c`.
inline corpus& add_rows(corpus& c, std::initializer_list<row> rows) {
    for (const auto& r : rows) c.add(r.to_claim());
    return c;
}

/// A corpus of the rows, in order; sources are named by id only.
///
///     auto c = corpus_of({{"ft", "bytedance", "b200_status", "banned"},
///                         {"xinhua", "bytedance", "b200_status", "allowed", "2025"}});
inline corpus corpus_of(std::initializer_list<row> rows) {
    corpus c;
    add_rows(c, rows);
    return c;
}

}  // namespace testing
}  // namespace crosscheck

// Catch prints reports in the failure messages of CHECK(report == ...) and of the matchers.
namespace Catch {
template <>
struct StringMaker<crosscheck::report> {
    static std::string convert(const crosscheck::report& r) { return "\n" + crosscheck::testing::describe_report(r); }
};
template <>
struct StringMaker<crosscheck::finding> {
    static std::string convert(const crosscheck::finding& f) {
        crosscheck::report r;
        r.findings.push_back(f);
        crosscheck::text_options o;
        o.stats = false;
        return "\n" + crosscheck::to_text(r, o);
    }
};
template <>
struct StringMaker<crosscheck::corpus> {
    static std::string convert(const crosscheck::corpus& c) {
        return "corpus of " + std::to_string(c.size()) + (c.size() == 1 ? " claim" : " claims") + " from " +
               std::to_string(c.source_count()) + (c.source_count() == 1 ? " source" : " sources");
    }
};
}  // namespace Catch

#endif
