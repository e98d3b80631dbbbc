// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_CORPUS_BUILDER_HPP
#define CROSSCHECK_CORPUS_BUILDER_HPP

#include <crosscheck/corpus/corpus.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace crosscheck {

/// Writes a corpus in C++, fluently:
///
///     crosscheck::corpus_builder b;
///     b.source("ft").outlet("Financial Times").published("2025-11");
///     b.source("cb").outlet("ComputerBase").language("de").cites("ft");
///     b.claim("cb", "bytedance", "h20_status").is("restricted").valid_from("2025-04").quote("…");
///     crosscheck::corpus c = b.build();
///
/// Dates are parsed as they are given (parse_error on bad text). `build()` adds the sources
/// first, so claims may name sources declared after them.
class corpus_builder {
public:
    /// Chainable settings of one source.
    class source_handle {
    public:
        source_handle(corpus_builder& b, std::size_t i) : b_(&b), i_(i) {}
        source_handle& outlet(std::string v) { return s().outlet = std::move(v), *this; }
        source_handle& title(std::string v) { return s().title = std::move(v), *this; }
        source_handle& url(std::string v) { return s().url = std::move(v), *this; }
        source_handle& author(std::string v) { return s().author = std::move(v), *this; }
        source_handle& language(std::string v) { return s().language = std::move(v), *this; }
        source_handle& published(std::string_view date) { return s().published = parse_date(date), *this; }
        source_handle& reliability(double r) { return s().reliability = r, *this; }
        source_handle& cites(std::string id) { return s().cites.push_back(std::move(id)), *this; }
        source_handle& translation_of(std::string id) { return s().translation_of = std::move(id), *this; }

    private:
        source& s() { return b_->sources_[i_]; }
        corpus_builder* b_;
        std::size_t i_;
    };

    /// Chainable settings of one claim.
    class claim_handle {
    public:
        claim_handle(corpus_builder& b, std::size_t i) : b_(&b), i_(i) {}
        claim_handle& id(std::string v) { return c().id = std::move(v), *this; }
        /// A token value.
        claim_handle& is(std::string tok) { return c().value = token{std::move(tok)}, *this; }
        /// A quantity value.
        claim_handle& is(quantity q) { return c().value = std::move(q), *this; }
        claim_handle& is(double amount, std::string unit = {}) {
            return c().value = quantity(amount, std::move(unit)), *this;
        }
        claim_handle& about(double amount, std::string unit = {}) {
            return c().value = quantity(amount, approx::about, std::move(unit)), *this;
        }
        claim_handle& over(double amount, std::string unit = {}) {
            return c().value = quantity(amount, approx::at_least, std::move(unit)), *this;
        }
        claim_handle& under(double amount, std::string unit = {}) {
            return c().value = quantity(amount, approx::at_most, std::move(unit)), *this;
        }
        claim_handle& between(std::optional<double> lo, std::optional<double> hi, std::string unit = {}) {
            return c().value = quantity::bounds(lo, hi, std::move(unit)), *this;
        }
        /// A calendar value (`{"date": ...}`).
        claim_handle& on(std::string_view date) { return c().value = calendar_value{parse_date(date)}, *this; }
        claim_handle& text(std::string t) { return c().value = text_value{std::move(t)}, *this; }
        /// A value of any kind, including a user's own (wrapped in custom_value).
        claim_handle& value(any_value v) { return c().value = std::move(v), *this; }
        /// Valid over one Date.
        claim_handle& valid(std::string_view date) { return c().valid = validity(parse_date(date)), *this; }
        /// Valid from the first day of `from` through the last day of `to` (both Dates).
        claim_handle& valid(std::string_view from, std::string_view to) {
            return c().valid = validity::range(parse_date(from), parse_date(to)), *this;
        }
        /// Valid from the first day of `from`, with no end given (§3.3 ends it with the source's
        /// publication).
        claim_handle& valid_from(std::string_view from) {
            return c().valid = validity::range(parse_date(from), std::nullopt), *this;
        }
        /// Valid through the last day of `to`, with no start given.
        claim_handle& valid_until(std::string_view to) {
            return c().valid = validity::range(std::nullopt, parse_date(to)), *this;
        }
        claim_handle& scope(std::string dimension, std::string tok) {
            return c().scope[std::move(dimension)] = std::move(tok), *this;
        }
        claim_handle& mode(modality m) { return c().mode = m, *this; }
        claim_handle& planned() { return mode(modality::planned); }
        claim_handle& quote(std::string q, std::string lang = {}) {
            c().quote = std::move(q);
            c().lang = std::move(lang);
            return *this;
        }
        claim_handle& cites(std::string source_id) { return c().cites.push_back(std::move(source_id)), *this; }

    private:
        claim<any_value>& c() { return b_->claims_[i_]; }
        corpus_builder* b_;
        std::size_t i_;
    };

    source_handle source(std::string id) {
        crosscheck::source s;
        s.id = std::move(id);
        sources_.push_back(std::move(s));
        return {*this, sources_.size() - 1};
    }
    /// A claim by `source_id` that `subject`'s `predicate` has a value (set it with is/about/…).
    claim_handle claim(std::string source_id, std::string subject, std::string predicate) {
        crosscheck::claim<any_value> c;
        c.source = std::move(source_id);
        c.subject = std::move(subject);
        c.predicate = std::move(predicate);
        claims_.push_back(std::move(c));
        return {*this, claims_.size() - 1};
    }
    corpus_builder& entity(std::string id, std::vector<std::string> aliases) {
        entities_.emplace_back(std::move(id), std::move(aliases));
        return *this;
    }
    corpus_builder& vocabulary(std::string predicate, vocabulary_entry v) {
        vocab_.emplace_back(std::move(predicate), std::move(v));
        return *this;
    }
    corpus_builder& scope_contains(std::string dimension, std::string parent, std::string child) {
        scopes_.push_back({std::move(dimension), std::move(parent), std::move(child)});
        return *this;
    }
    corpus_builder& unit(std::string unit, std::string base, double factor) {
        units_.push_back({std::move(unit), std::move(base), factor});
        return *this;
    }
    corpus_builder& add_rule(crosscheck::rule r) {
        rules_.push_back(std::move(r));
        return *this;
    }

    /// The corpus. Throws model_error on duplicate source ids, alias clashes or unit cycles.
    corpus build() const {
        corpus c;
        for (const auto& [id, aliases] : entities_) c.add_entity(id, aliases);
        for (const auto& [p, v] : vocab_) c.set_vocabulary(p, v);
        for (const auto& s : scopes_) c.add_scope_containment(s.dimension, s.parent, s.child);
        for (const auto& u : units_) c.units().add(u.name, u.base, u.factor);
        for (const auto& s : sources_) c.add_source(s);
        for (const auto& cl : claims_) c.add(cl);
        for (const auto& r : rules_) c.rules().push_back(r);
        return c;
    }

private:
    struct containment {
        std::string dimension, parent, child;
    };
    struct unit_def {
        std::string name, base;
        double factor;
    };
    std::vector<crosscheck::source> sources_;
    std::vector<crosscheck::claim<any_value>> claims_;
    std::vector<std::pair<std::string, std::vector<std::string>>> entities_;
    std::vector<std::pair<std::string, vocabulary_entry>> vocab_;
    std::vector<containment> scopes_;
    std::vector<unit_def> units_;
    std::vector<crosscheck::rule> rules_;
};

}  // namespace crosscheck

#endif
