// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_IO_JSON_HPP
#define CROSSCHECK_IO_JSON_HPP

// Opt-in: needs nlohmann_json (CMake target crosscheck::json).

#include <crosscheck/corpus/corpus.hpp>
#include <crosscheck/detail/mapped_file.hpp>
#include <crosscheck/io/detail/json_fields.hpp>
#include <crosscheck/io/detail/json_scan.hpp>
#include <crosscheck/io/diagnostic.hpp>
#include <crosscheck/model/claim.hpp>
#include <crosscheck/model/period.hpp>
#include <crosscheck/model/quantity.hpp>
#include <crosscheck/model/rule.hpp>
#include <crosscheck/model/source.hpp>
#include <crosscheck/report/json.hpp>
#include <crosscheck/report/report.hpp>

#include <nlohmann/json.hpp>

#include <ostream>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace crosscheck {

// ---- values ---------------------------------------------------------------------------------
// Each from_json throws parse_error (id 10) naming the field and what was expected.

namespace detail {
[[noreturn]] inline void throw_json_problem(const json_reader& r) {
    const auto& p = r.errors.front();
    std::string field = path_text(p.path);
    throw parse_error(10, (field.empty() ? std::string() : "field '" + field + "': ") + p.message);
}
template <class T, class Read>
T read_or_throw(Read&& read) {
    json_reader r;
    auto v = read(r);
    if (!r.errors.empty() || !v) {
        if (r.errors.empty()) r.error("invalid value");
        throw_json_problem(r);
    }
    return std::move(*v);
}
}  // namespace detail

/// A period as its text: one Date (`2025-Q2`) or `A..B` with open ends left empty.
inline void to_json(nlohmann::json& j, const period& p) {
    j = to_string(p);
}
inline void from_json(const nlohmann::json& j, period& p) {
    if (!j.is_string()) throw parse_error(10, std::string("expected a Date string, found ") + detail::json_kind(j));
    p = parse_period(j.get<std::string>());
}

/// A quantity: a plain number when it is an exact amount without unit, else an object.
inline void to_json(nlohmann::json& j, const quantity& q) {
    if (q.amount && !q.lower && !q.upper && q.kind == approx::exact && q.unit.empty() && std::isfinite(*q.amount)) {
        j = *q.amount;
        return;
    }
    j = nlohmann::json::object();
    // Infinite bounds mean "unbounded", which JSON says by leaving the bound out.
    if (q.amount) j["amount"] = *q.amount;
    if (q.lower && !std::isinf(*q.lower)) j["lower"] = *q.lower;
    if (q.upper && !std::isinf(*q.upper)) j["upper"] = *q.upper;
    if (!q.unit.empty()) j["unit"] = q.unit;
    if (q.kind != approx::exact) j["approx"] = to_string(q.kind);
}
inline void from_json(const nlohmann::json& j, quantity& q) {
    q = detail::read_or_throw<quantity>([&](detail::json_reader& r) -> std::optional<quantity> {
        if (j.is_number()) return quantity{j.get<double>()};
        if (!r.expect_object(j)) return std::nullopt;
        return r.quantity_object(j);
    });
}

inline void to_json(nlohmann::json& j, const token& t) {
    j = t.text;
}
inline void from_json(const nlohmann::json& j, token& t) {
    if (j.is_boolean()) t.text = j.get<bool>() ? "true" : "false";
    else if (j.is_string()) t.text = j.get<std::string>();
    else throw parse_error(10, std::string("expected a string token, found ") + detail::json_kind(j));
}

inline void to_json(nlohmann::json& j, const calendar_value& c) {
    j = {{"date", to_string(c.when)}};
}
inline void from_json(const nlohmann::json& j, calendar_value& c) {
    auto v = detail::read_or_throw<any_value>([&](detail::json_reader& r) -> std::optional<any_value> {
        if (!j.is_object() || !j.contains("date")) {
            r.error(std::string("expected {\"date\": Date}, found ") + detail::json_kind(j));
            return std::nullopt;
        }
        return r.value(j);
    });
    c = std::get<calendar_value>(v);
}

inline void to_json(nlohmann::json& j, const text_value& t) {
    j = {{"text", t.text}};
}
inline void from_json(const nlohmann::json& j, text_value& t) {
    if (!j.is_object() || j.size() != 1 || !j.contains("text") || !j["text"].is_string())
        throw parse_error(10, std::string("expected {\"text\": STRING}, found ") + detail::json_kind(j));
    t.text = j["text"].get<std::string>();
}

/// Any value in the §1 forms. A user's custom value has no JSON form of its own: it is written as
/// {"text": its to_string()} and reads back as free text.
inline void to_json(nlohmann::json& j, const any_value& v) {
    switch (kind_of(v)) {
        case value_kind::token: to_json(j, std::get<token>(v)); break;
        case value_kind::quantity: to_json(j, std::get<quantity>(v)); break;
        case value_kind::calendar: to_json(j, std::get<calendar_value>(v)); break;
        case value_kind::text: to_json(j, std::get<text_value>(v)); break;
        case value_kind::custom: j = {{"text", std::get<custom_value>(v).to_string()}}; break;
    }
}
inline void from_json(const nlohmann::json& j, any_value& v) {
    v = detail::read_or_throw<any_value>([&](detail::json_reader& r) { return r.value(j); });
}

/// §1 `valid`: a Date, or {"from", "to"}; null for none.
inline void to_json(nlohmann::json& j, const validity& v) {
    switch (v.how) {
        case validity::form::none: j = nullptr; return;
        case validity::form::date:
            if (v.span.is_single_date()) {
                j = to_string(v.span);
                return;
            }
            break;
        case validity::form::range: break;
    }
    j = nlohmann::json::object();
    if (!v.span.open_start()) j["from"] = detail::date_text(v.span.first(), v.span.first_precision());
    if (!v.span.open_end()) j["to"] = detail::date_text(v.span.last(), v.span.last_precision());
}
inline void from_json(const nlohmann::json& j, validity& v) {
    if (j.is_null()) {
        v = validity{};
        return;
    }
    v = detail::read_or_throw<validity>([&](detail::json_reader& r) { return r.valid(j); });
}

// ---- sources, claims, rules -----------------------------------------------------------------

inline void to_json(nlohmann::json& j, const source& s) {
    j = nlohmann::json::object();
    j["id"] = s.id;
    if (!s.outlet.empty()) j["outlet"] = s.outlet;
    if (!s.title.empty()) j["title"] = s.title;
    if (!s.url.empty()) j["url"] = s.url;
    if (!s.author.empty()) j["author"] = s.author;
    if (!s.language.empty()) j["language"] = s.language;
    if (s.published) j["published"] = to_string(*s.published);
    if (s.reliability) j["reliability"] = *s.reliability;
    if (!s.cites.empty()) j["cites"] = s.cites;
    if (s.translation_of) j["translation_of"] = *s.translation_of;
}
inline void from_json(const nlohmann::json& j, source& s) {
    detail::json_reader r;
    bool declared = true;
    source out;
    if (!r.source_fields(j, out, declared)) detail::throw_json_problem(r);
    s = std::move(out);
}

template <class Value>
void to_json(nlohmann::json& j, const claim<Value>& c) {
    j = nlohmann::json::object();
    if (!c.id.empty()) j["id"] = c.id;
    j["source"] = c.source;
    j["subject"] = c.subject;
    j["predicate"] = c.predicate;
    j["value"] = c.value;
    if (!c.scope.empty()) j["scope"] = c.scope;
    if (c.valid.how != validity::form::none) j["valid"] = c.valid;
    if (c.mode != modality::asserted) j["modality"] = to_string(c.mode);
    if (!c.quote.empty()) j["quote"] = c.quote;
    if (!c.lang.empty()) j["lang"] = c.lang;
    if (!c.cites.empty()) j["cites"] = c.cites;
}
inline void from_json(const nlohmann::json& j, claim<any_value>& c) {
    detail::json_reader r;
    claim<any_value> out;
    if (!r.claim_fields(j, out)) detail::throw_json_problem(r);
    c = std::move(out);
}

inline void to_json(nlohmann::json& j, const rule_ref& r) {
    j = {{"subject", r.subject}, {"predicate", r.predicate}};
    if (!r.scope.empty()) j["scope"] = r.scope;
}
inline void from_json(const nlohmann::json& j, rule_ref& r) {
    detail::json_reader rd;
    rule_ref out;
    if (!rd.rule_ref_fields(j, out)) detail::throw_json_problem(rd);
    r = std::move(out);
}
inline void to_json(nlohmann::json& j, const rule& r) {
    j = {{"type", to_string(r.type)}, {"total", r.total}, {"parts", r.parts}, {"tolerance", r.tolerance}};
}
inline void from_json(const nlohmann::json& j, rule& r) {
    detail::json_reader rd;
    rule out;
    if (!rd.rule_fields(j, out)) detail::throw_json_problem(rd);
    r = std::move(out);
}

// ---- reports (§6) ---------------------------------------------------------------------------

namespace detail {
template <class T>
void get_if_present(const nlohmann::json& j, const char* key, T& out) {
    if (auto it = j.find(key); it != j.end() && !it->is_null()) it->get_to(out);
}
}  // namespace detail

inline void to_json(nlohmann::json& j, const evidence& e) {
    j = {{"claim", e.claim}, {"source", e.source}};
    if (!e.outlet.empty()) j["outlet"] = e.outlet;
    if (!e.period.empty()) j["period"] = e.period;
    if (!e.scope.empty()) j["scope"] = e.scope;
    if (!e.quote.empty()) j["quote"] = e.quote;
    if (!e.lang.empty()) j["lang"] = e.lang;
    if (!e.modality.empty()) j["modality"] = e.modality;
}
inline void from_json(const nlohmann::json& j, evidence& e) {
    e = evidence{};
    detail::get_if_present(j, "claim", e.claim);
    detail::get_if_present(j, "source", e.source);
    detail::get_if_present(j, "outlet", e.outlet);
    detail::get_if_present(j, "period", e.period);
    detail::get_if_present(j, "scope", e.scope);
    detail::get_if_present(j, "quote", e.quote);
    detail::get_if_present(j, "lang", e.lang);
    detail::get_if_present(j, "modality", e.modality);
}

inline void to_json(nlohmann::json& j, const value_group& g) {
    j = {{"value", g.value},
         {"claims", g.claims},
         {"claim_count", g.claim_count},
         {"origins", g.origins},
         {"origin_names", g.origin_names}};
    if (!g.interval.empty()) j["interval"] = g.interval;
}
inline void from_json(const nlohmann::json& j, value_group& g) {
    g = value_group{};
    detail::get_if_present(j, "value", g.value);
    detail::get_if_present(j, "interval", g.interval);
    detail::get_if_present(j, "claims", g.claims);
    detail::get_if_present(j, "claim_count", g.claim_count);
    detail::get_if_present(j, "origins", g.origins);
    detail::get_if_present(j, "origin_names", g.origin_names);
}

/// §6 FINDING: kind, severity, subject, predicate, claims, sources, message, plus scope, field,
/// values (conflicts grouped by value), pairs and claim_count.
inline void to_json(nlohmann::json& j, const finding& f) {
    j = {{"kind", f.kind},
         {"severity", to_string(f.severity)},
         {"subject", f.subject},
         {"predicate", f.predicate},
         {"claims", f.claims},
         {"sources", f.sources},
         {"message", f.message},
         {"pairs", f.pairs},
         {"claim_count", f.claim_count}};
    if (!f.scope.empty()) j["scope"] = f.scope;
    if (!f.field.empty()) j["field"] = f.field;
    if (!f.values.empty()) j["values"] = f.values;
    if (f.omitted_values != 0) j["omitted_values"] = f.omitted_values;
}
inline void from_json(const nlohmann::json& j, finding& f) {
    f = finding{};
    detail::get_if_present(j, "kind", f.kind);
    std::string sev = "warning";
    detail::get_if_present(j, "severity", sev);
    if (auto s = try_parse_severity(sev)) f.severity = *s;
    else throw parse_error(10, "field 'severity': unknown severity '" + sev + "': expected error, warning or info");
    detail::get_if_present(j, "subject", f.subject);
    detail::get_if_present(j, "predicate", f.predicate);
    detail::get_if_present(j, "scope", f.scope);
    detail::get_if_present(j, "claims", f.claims);
    detail::get_if_present(j, "sources", f.sources);
    detail::get_if_present(j, "message", f.message);
    detail::get_if_present(j, "field", f.field);
    detail::get_if_present(j, "values", f.values);
    detail::get_if_present(j, "pairs", f.pairs);
    detail::get_if_present(j, "claim_count", f.claim_count);
    detail::get_if_present(j, "omitted_values", f.omitted_values);
}

inline void to_json(nlohmann::json& j, const report_stats& s) {
    j = {{"claims", s.claims},
         {"keys", s.keys},
         {"conflicting_pairs", s.conflicting_pairs},
         {"conflicted_keys", s.conflicted_keys},
         {"self_contradictions", s.self_contradictions},
         {"rule_violations", s.rule_violations},
         {"input_warnings", s.input_warnings}};
}
inline void from_json(const nlohmann::json& j, report_stats& s) {
    s = report_stats{};
    detail::get_if_present(j, "claims", s.claims);
    detail::get_if_present(j, "keys", s.keys);
    detail::get_if_present(j, "conflicting_pairs", s.conflicting_pairs);
    detail::get_if_present(j, "conflicted_keys", s.conflicted_keys);
    detail::get_if_present(j, "self_contradictions", s.self_contradictions);
    detail::get_if_present(j, "rule_violations", s.rule_violations);
    detail::get_if_present(j, "input_warnings", s.input_warnings);
}

/// §6 report: {"findings": [...], "stats": {...}}, plus "pairs" ([[a, b]...]) and
/// "pairs_complete" when pairs were listed.
inline void to_json(nlohmann::json& j, const report& r) {
    j = {{"findings", r.findings}, {"stats", r.stats}};
    if (!r.pairs.empty() || !r.pairs_complete) {
        j["pairs"] = r.pairs;
        j["pairs_complete"] = r.pairs_complete;
    }
}
/// Writes the §6 report as JSON, one finding at a time: the same document as
/// `nlohmann::json(r).dump(indent)` up to white space, without building it in memory (a large
/// corpus's report would otherwise take several times its own size).
inline void write_json(std::ostream& os, const report& r, int indent = 2) {
    json_report_writer w(os, indent);
    w.finish(r);
}

inline void from_json(const nlohmann::json& j, report& r) {
    r = report{};
    detail::get_if_present(j, "findings", r.findings);
    detail::get_if_present(j, "stats", r.stats);
    detail::get_if_present(j, "pairs", r.pairs);
    detail::get_if_present(j, "pairs_complete", r.pairs_complete);
}

// ---- the corpus loader ----------------------------------------------------------------------

namespace detail {

/// What several JSON files loaded into one corpus share: where each claim id and source id was
/// first seen, for duplicate errors that name both places.
struct json_load_state {
    std::unordered_map<std::string, std::string> claim_ids;   ///< id -> "file:line:col" ("" = before)
    std::unordered_map<std::string, std::string> source_ids;  ///< declared id -> "file:line:col"
    /// Sources a claim may name: those listed in a file's `sources` (declared or placeholders),
    /// and those the corpus knew before the load.
    std::unordered_set<std::string> listed_sources;
    bool seeded = false;
    std::size_t synced = 0;  ///< claims of the corpus already in claim_ids

    /// Takes in the sources declared before this load.
    void seed(const corpus& c) {
        if (seeded) return;
        seeded = true;
        for (source_index i : c.source_indices()) {
            if (c.declared(i)) source_ids.emplace(c.source_at(i).id, std::string());
            listed_sources.insert(c.source_at(i).id);
        }
    }
    /// Takes in the claims added since the last call (by this load's JSON files or by others).
    void sync(const corpus& c) {
        for (auto i = static_cast<std::uint32_t>(synced); i < c.size(); ++i)
            claim_ids.emplace(std::string(c.claim_id(claim_index{i})), std::string());
        synced = c.size();
    }
};

/// Loads one JSON corpus text in two steps, so that several files can declare all their sources
/// before any claim is checked against them.
class json_corpus_loader {
public:
    json_corpus_loader(std::string_view text, diagnostic_sink& sink) : text_(text), sink_(sink) {}

    /// Checks the syntax and parses; false (with an error) when the text is not JSON.
    bool parse() {
        json_scanner scan(text_, max_depth);
        if (auto e = scan.check()) {
            std::string msg = "syntax error: " + e->message;
            if (auto first = scan.duplicate_first()) msg += " (first at " + where(*first) + ")";
            error_at_offset(e->offset, std::move(msg));
            return false;
        }
        try {
            doc_ = json::parse(text_.begin(), text_.end());
        } catch (const json::parse_error& e) {
            // The scanner accepts only what nlohmann accepts, so these are safety nets.
            error_at_offset(e.byte > 0 ? e.byte - 1 : 0, std::string("syntax error: ") + e.what());
            return false;
        } catch (const json::exception& e) {
            error_at_offset(0, std::string("syntax error: ") + e.what());
            return false;
        }
        if (!doc_.is_object()) {
            error_at_offset(
                first_non_space(),
                std::string("expected a JSON object with format, sources and claims, found ") + json_kind(doc_));
            return false;
        }
        parsed_ = true;
        return true;
    }

    /// Everything but claims and rules: format, units, entities, vocabulary, scopes, sources.
    void declare(corpus& c, json_load_state& st) {
        if (!parsed_) return;
        st.seed(c);
        json_path root;
        if (auto it = doc_.find("format"); it == doc_.end()) {
            error_at(root, "format", "missing required field 'format': expected \"crosscheck/1\"");
        } else if (!it->is_string() || it->get<std::string>() != "crosscheck/1") {
            error_at({json_step::member("format")}, "format",
                     "unsupported format " + it->dump() + ": expected \"crosscheck/1\"");
        }
        for (const char* key : {"sources", "claims"})
            if (!doc_.contains(key))
                error_at(root, key, std::string("missing required field '") + key + "': expected an array");
        for (auto it = doc_.begin(); it != doc_.end(); ++it) {
            static constexpr const char* known[] = {"format",     "sources", "claims", "entities",
                                                    "vocabulary", "scopes",  "units",  "rules"};
            if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return it.key() == k; }) ==
                std::end(known))
                warning_at({json_step::member(it.key())}, it.key(), "unknown field '" + it.key() + "' ignored");
        }
        units(c);
        entities(c);
        vocabulary(c);
        scopes(c);
        sources(c, st);
    }

    /// Claims and rules. A claim naming a source no file lists gets a warning (when any is listed).
    void add_claims(corpus& c, json_load_state& st) {
        if (!parsed_) return;
        st.sync(c);
        claims(c, st);
        st.synced = c.size();
        rules(c);
    }

    std::size_t added() const noexcept { return added_; }

    static constexpr std::size_t max_depth = 512;

private:
    // ---- positions ----
    std::size_t first_non_space() const noexcept {
        std::size_t i = 0;
        while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\n' || text_[i] == '\r' || text_[i] == '\t')) ++i;
        return i;
    }
    std::pair<std::size_t, std::size_t> line_col(std::size_t offset) {
        if (line_starts_.empty()) {
            line_starts_.push_back(0);
            for (std::size_t i = 0; i < text_.size(); ++i)
                if (text_[i] == '\n') line_starts_.push_back(i + 1);
        }
        if (offset > text_.size()) offset = text_.size();
        auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
        auto line = static_cast<std::size_t>(it - line_starts_.begin());
        std::size_t start = line_starts_[line - 1], col = 1;
        for (std::size_t i = start; i < offset; ++i)
            if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
        return {line, col};
    }
    std::string where(std::size_t offset) {
        auto lc = line_col(offset);
        return (sink_.file().empty() ? std::string("<input>") : sink_.file()) + ":" + std::to_string(lc.first) + ":" +
               std::to_string(lc.second);
    }
    /// Where the value at `path` starts (the nearest enclosing value that exists).
    std::size_t offset_of(json_path path) {
        json_scanner scan(text_, max_depth);
        // Elements of the top-level arrays are found through a table built once per array, so
        // that placing every claim costs the size of the claim, not of the file.
        if (path.size() >= 2 && !path[0].is_index && path[1].is_index) {
            auto it = elements_.find(path[0].key);
            if (it == elements_.end()) {
                std::vector<std::size_t> offsets;
                if (auto a = scan.locate({path[0]})) offsets = scan.element_offsets(*a);
                it = elements_.emplace(path[0].key, std::move(offsets)).first;
            }
            if (path[1].index < it->second.size()) {
                const std::size_t start = it->second[path[1].index];
                json_path rest(path.begin() + 2, path.end());
                for (;;) {
                    if (auto o = scan.locate(rest, start)) return *o;
                    if (rest.empty()) return start;
                    rest.pop_back();
                }
            }
        }
        for (;;) {
            if (auto o = scan.locate(path)) return *o;
            if (path.empty()) return 0;
            path.pop_back();
        }
    }
    diagnostic make(const json_path& path, std::string field, std::string message) {
        diagnostic d;
        auto lc = line_col(offset_of(path));
        d.line = lc.first;
        d.column = lc.second;
        d.field = std::move(field);
        d.message = std::move(message);
        return d;
    }
    void error_at_offset(std::size_t offset, std::string message) {
        diagnostic d;
        auto lc = line_col(offset);
        d.line = lc.first;
        d.column = lc.second;
        d.message = std::move(message);
        sink_.error(std::move(d));
    }
    void error_at(const json_path& path, std::string field, std::string message) {
        sink_.error(make(path, std::move(field), std::move(message)));
    }
    void warning_at(const json_path& path, std::string field, std::string message) {
        if (sink_.warnings_full()) return;
        sink_.warning(make(path, std::move(field), std::move(message)));
    }
    /// Reports a reader's problems found under `base` (not inside a claim).
    void report(const json_path& base, const json_reader& r) {
        for (const auto& p : r.errors) {
            json_path full = base;
            full.insert(full.end(), p.path.begin(), p.path.end());
            error_at(full, path_text(full), p.message);
        }
        for (const auto& p : r.warnings) {
            json_path full = base;
            full.insert(full.end(), p.path.begin(), p.path.end());
            warning_at(full, path_text(full), p.message);
        }
    }
    static std::string model_message(const model_error& e) {
        // Drop the "[crosscheck.model_error.N] " prefix: the diagnostic has its own framing.
        std::string s = e.what();
        auto close = s.find("] ");
        return s.rfind("[crosscheck.", 0) == 0 && close != std::string::npos ? s.substr(close + 2) : s;
    }

    // ---- sections ----
    const json* section(const char* key, bool object) {
        auto it = doc_.find(key);
        if (it == doc_.end()) return nullptr;
        if (object ? !it->is_object() : !it->is_array()) {
            error_at({json_step::member(key)}, key,
                     std::string("expected ") + (object ? "an object" : "an array") + ", found " + json_kind(*it));
            return nullptr;
        }
        return &*it;
    }

    void units(corpus& c) {
        const json* u = section("units", true);
        if (!u) return;
        for (auto it = u->begin(); it != u->end() && !sink_.full(); ++it) {
            json_path base{json_step::member("units"), json_step::member(it.key())};
            json_reader r;
            std::string b;
            double factor = 0;
            if (r.expect_object(*it)) {
                if (auto bi = it->find("base"); bi == it->end()) {
                    r.error("missing required field 'base'");
                } else {
                    auto g = r.enter("base");
                    r.expect_string(*bi, b, true);
                }
                if (auto fi = it->find("factor"); fi == it->end()) {
                    r.error("missing required field 'factor'");
                } else {
                    auto g = r.enter("factor");
                    r.expect_number(*fi, factor);
                }
                r.unknown_members(*it, {"base", "factor"}, "a unit");
            }
            if (r.errors.empty()) {
                try {
                    c.units().add(it.key(), b, factor);
                } catch (const model_error& e) {
                    r.error(model_message(e));
                }
            }
            report(base, r);
        }
    }

    void entities(corpus& c) {
        const json* es = section("entities", false);
        if (!es) return;
        for (std::size_t i = 0; i < es->size() && !sink_.full(); ++i) {
            json_path base{json_step::member("entities"), json_step::at(i)};
            const json& e = (*es)[i];
            json_reader r;
            std::string id;
            std::vector<std::string> aliases;
            if (r.expect_object(e)) {
                if (auto it = e.find("id"); it == e.end()) {
                    r.error("missing required field 'id'");
                } else {
                    auto g = r.enter("id");
                    r.expect_string(*it, id, true);
                }
                if (auto it = e.find("aliases"); it != e.end()) {
                    auto g = r.enter("aliases");
                    r.expect_strings(*it, aliases, true);
                }
                r.unknown_members(e, {"id", "aliases"}, "an entity");
            }
            if (r.errors.empty()) {
                try {
                    c.add_entity(id, aliases);
                } catch (const model_error& ex) {
                    auto g = r.enter("aliases");
                    r.error(model_message(ex));
                }
            }
            report(base, r);
        }
    }

    void vocabulary(corpus& c) {
        const json* v = section("vocabulary", true);
        if (!v) return;
        for (auto it = v->begin(); it != v->end() && !sink_.full(); ++it) {
            json_path base{json_step::member("vocabulary"), json_step::member(it.key())};
            json_reader r;
            vocabulary_entry entry;
            if (r.expect_object(*it)) {
                const json& e = *it;
                if (auto vi = e.find("values"); vi != e.end()) {
                    auto g = r.enter("values");
                    r.expect_strings(*vi, entry.values, true);
                }
                if (auto ci = e.find("compatible"); ci != e.end()) {
                    auto g = r.enter("compatible");
                    if (r.expect_array(*ci)) {
                        for (std::size_t k = 0; k < ci->size(); ++k) {
                            auto g2 = r.enter(k);
                            std::vector<std::string> pair;
                            if (!r.expect_strings((*ci)[k], pair, true)) continue;
                            if (pair.size() != 2) {
                                r.error("expected a pair of two tokens, found " + std::to_string(pair.size()));
                                continue;
                            }
                            entry.compatible.emplace_back(pair[0], pair[1]);
                        }
                    }
                }
                if (auto di = e.find("default_valid"); di != e.end()) {
                    auto g = r.enter("default_valid");
                    std::string d;
                    if (r.expect_string(*di, d)) {
                        if (d == "published") entry.default_valid_published = true;
                        else r.error("unknown default_valid '" + d + "': expected \"published\"");
                    }
                }
                r.unknown_members(e, {"values", "compatible", "default_valid"}, "a vocabulary entry");
            }
            if (r.errors.empty()) c.set_vocabulary(it.key(), std::move(entry));
            report(base, r);
        }
    }

    void scopes(corpus& c) {
        const json* s = section("scopes", true);
        if (!s) return;
        for (auto it = s->begin(); it != s->end() && !sink_.full(); ++it) {
            json_path base{json_step::member("scopes"), json_step::member(it.key())};
            json_reader r;
            std::vector<std::pair<std::string, std::string>> pairs;
            if (r.expect_object(*it)) {
                if (auto ci = it->find("contains"); ci != it->end()) {
                    auto g = r.enter("contains");
                    if (r.expect_object(*ci)) {
                        for (auto p = ci->begin(); p != ci->end(); ++p) {
                            auto g2 = r.enter(p.key());
                            std::vector<std::string> children;
                            if (r.expect_strings(*p, children, true))
                                for (auto& ch : children) pairs.emplace_back(p.key(), std::move(ch));
                        }
                    }
                }
                r.unknown_members(*it, {"contains"}, "a scope dimension");
            }
            if (r.errors.empty())
                for (const auto& [parent, child] : pairs) c.add_scope_containment(it.key(), parent, child);
            report(base, r);
        }
    }

    void sources(corpus& c, json_load_state& st) {
        const json* ss = section("sources", false);
        if (!ss) return;
        for (std::size_t i = 0; i < ss->size() && !sink_.full(); ++i) {
            json_path base{json_step::member("sources"), json_step::at(i)};
            json_reader r;
            source s;
            bool declared = true;
            bool valid = r.source_fields((*ss)[i], s, declared);
            // A source with a bad field is still listed (with that field left out), so that its
            // claims do not each report it as unknown; the load fails on its own error anyway.
            if (!s.id.empty() &&
                (valid || r.errors.end() == std::find_if(r.errors.begin(), r.errors.end(), [](const json_problem& p) {
                              return path_text(p.path) == "id";
                          }))) {
                auto here = where(offset_of(base));
                st.listed_sources.insert(s.id);
                if (declared) {
                    auto [it, fresh] = st.source_ids.emplace(s.id, here);
                    if (!fresh) {
                        auto g = r.enter("id");
                        r.error("duplicate source id '" + s.id + "' (" +
                                (it->second.empty() ? std::string("already in the corpus") : "first at " + it->second) +
                                ")");
                    } else {
                        c.add_source(std::move(s));
                    }
                } else {
                    c.intern_source(s.id);
                }
            }
            report(base, r);
        }
    }

    void claims(corpus& c, json_load_state& st) {
        const json* cs = section("claims", false);
        if (!cs) return;
        const bool skip = sink_.options().skip_invalid;
        for (std::size_t i = 0; i < cs->size() && !sink_.full(); ++i) {
            json_path base{json_step::member("claims"), json_step::at(i)};
            const json& j = (*cs)[i];
            json_reader r;
            claim<any_value> cl;
            r.claim_fields(j, cl);
            // §1 lets `sources` be empty and does not ask that a claim's source be listed: one that
            // is not is a source without metadata (as every source of a CSV table is). Where the
            // corpus lists sources, an unlisted one is likely a typo, so say so.
            if (!cl.source.empty() && !st.source_ids.empty() && !st.listed_sources.count(cl.source)) {
                auto g = r.enter("source");
                r.warning("unknown source '" + cl.source +
                          "': no source with this id is declared; taken as a source without metadata");
            }
            for (std::size_t k = 0; k < cl.cites.size(); ++k) {
                auto s = c.find_source(cl.cites[k]);
                if (!s || !c.declared(*s)) {
                    auto g = r.enter("cites");
                    auto g2 = r.enter(k);
                    r.warning("cites unknown source '" + cl.cites[k] + "'");
                }
            }
            std::string here;
            if (r.errors.empty() && !cl.id.empty()) {
                here = where(offset_of(base));
                auto it = st.claim_ids.find(cl.id);
                if (it != st.claim_ids.end()) {
                    auto g = r.enter("id");
                    r.error("duplicate claim id '" + cl.id + "' (" +
                            (it->second.empty() ? std::string("already in the corpus") : "first at " + it->second) +
                            ")");
                }
            }
            // Report: the claim is named by its id when it has one, else by its index.
            std::string shown_id;
            if (auto it = j.is_object() ? j.find("id") : j.end(); j.is_object() && it != j.end() && it->is_string())
                shown_id = it->get<std::string>();
            auto claim_diag = [&](const json_problem& p) {
                json_path full = base;
                full.insert(full.end(), p.path.begin(), p.path.end());
                auto d = make(full, path_text(p.path), p.message);
                d.claim_id = shown_id;
                if (shown_id.empty()) d.index = i;
                return d;
            };
            for (const auto& p : r.warnings)
                if (!sink_.warnings_full()) sink_.warning(claim_diag(p));
            if (!r.errors.empty()) {
                for (const auto& p : r.errors)
                    if (skip ? !sink_.warnings_full() : !sink_.full()) sink_.claim_problem(claim_diag(p));
                if (skip) {
                    auto lc = line_col(offset_of(base));
                    sink_.result().skipped.push_back(
                        !shown_id.empty() ? shown_id
                                          : (sink_.file().empty() ? std::string("<input>") : sink_.file()) + ":" +
                                                std::to_string(lc.first));
                }
                continue;
            }
            auto idx = c.add(cl);
            ++added_;
            if (cl.id.empty()) {
                // The corpus named it SOURCE#N; that name may clash with an explicit id.
                std::string gen(c.claim_id(idx));
                here = where(offset_of(base));
                auto [it, fresh] = st.claim_ids.emplace(gen, here);
                if (!fresh) {
                    auto d = make(
                        base, "id",
                        "the id generated for this claim, '" + gen + "', is already taken (" +
                            (it->second.empty() ? std::string("already in the corpus") : "first at " + it->second) +
                            ")");
                    d.index = i;
                    sink_.error(std::move(d));
                }
            } else {
                st.claim_ids.emplace(cl.id, here);
            }
        }
    }

    void rules(corpus& c) {
        const json* rs = section("rules", false);
        if (!rs) return;
        for (std::size_t i = 0; i < rs->size() && !sink_.full(); ++i) {
            json_path base{json_step::member("rules"), json_step::at(i)};
            json_reader r;
            rule ru;
            if (r.rule_fields((*rs)[i], ru)) c.rules().push_back(std::move(ru));
            report(base, r);
        }
    }

    std::string_view text_;
    diagnostic_sink& sink_;
    json doc_;
    bool parsed_ = false;
    std::size_t added_ = 0;
    std::vector<std::size_t> line_starts_;
    std::unordered_map<std::string, std::vector<std::size_t>> elements_;
};

}  // namespace detail

/// Loads a JSON corpus (§1) from `text` into `c`. Every error is collected (up to
/// options.max_errors) with file, line, column, claim and field; claims with errors are not
/// added. Nesting deeper than 512 levels is rejected before parsing. `file_name` is used in
/// diagnostics.
inline load_result load_json(std::string_view text, corpus& c, const load_options& options = {},
                             std::string_view file_name = {}) {
    load_result result;
    detail::diagnostic_sink sink(result, options, std::string(file_name));
    detail::json_corpus_loader loader(text, sink);
    detail::json_load_state state;
    if (loader.parse()) {
        loader.declare(c, state);
        loader.add_claims(c, state);
    }
    result.claims_added = loader.added();
    detail::sort_diagnostics(result, {std::string(file_name)});
    return result;
}

/// Loads a JSON corpus file. A file that cannot be read is an error diagnostic.
inline load_result load_json_file(const std::string& path, corpus& c, const load_options& options = {}) {
    detail::mapped_file f;
    std::string why;
    if (!f.open(path, why)) {
        load_result r;
        diagnostic d;
        d.file = path;
        d.message = "cannot read file: " + why;
        r.errors.push_back(std::move(d));
        return r;
    }
    return load_json(f.view(), c, options, path);
}

/// Loads a JSON corpus file into a new corpus; throws load_error when the load has errors.
inline corpus read_json_file(const std::string& path, const load_options& options = {}) {
    corpus c;
    auto r = load_json_file(path, c, options);
    if (!r.ok()) throw load_error(std::move(r));
    return c;
}

/// The whole corpus as a JSON corpus (§1) that loads back to the same corpus. Sources known only
/// by reference are written with `"declared": false` (an extension, see docs/format.md).
inline nlohmann::json to_json_corpus(const corpus& c) {
    nlohmann::json j = nlohmann::json::object();
    j["format"] = "crosscheck/1";
    const auto& names = c.names();
    if (!c.entities().empty()) {
        auto& es = j["entities"] = nlohmann::json::array();
        for (symbol e : c.entities()) {
            nlohmann::json a = nlohmann::json::array();
            for (symbol al : c.aliases_of(e)) a.push_back(std::string(names.display(al)));
            es.push_back({{"id", std::string(names.display(e))}, {"aliases", std::move(a)}});
        }
    }
    if (!c.units().empty()) {
        auto& us = j["units"] = nlohmann::json::object();
        for (const auto& [unit, def] : c.units().definitions())
            us[unit] = {{"base", def.first}, {"factor", def.second}};
    }
    if (auto preds = c.vocabulary_predicates(); !preds.empty()) {
        auto& vs = j["vocabulary"] = nlohmann::json::object();
        for (symbol p : preds) {
            const auto* e = c.vocabulary(p);
            nlohmann::json v = nlohmann::json::object();
            if (!e->values.empty()) v["values"] = e->values;
            if (!e->compatible.empty()) {
                auto& cp = v["compatible"] = nlohmann::json::array();
                for (const auto& [a, b] : e->compatible) cp.push_back({a, b});
            }
            if (e->default_valid_published) v["default_valid"] = "published";
            vs[std::string(names.display(p))] = std::move(v);
        }
    }
    if (!c.scope_containments().empty()) {
        auto& ss = j["scopes"] = nlohmann::json::object();
        for (const auto& [dp, children] : c.scope_containments()) {
            auto& list = ss[std::string(names.display(dp.first))]["contains"][std::string(names.display(dp.second))];
            if (list.is_null()) list = nlohmann::json::array();
            for (symbol ch : children) list.push_back(std::string(names.display(ch)));
        }
    }
    auto& srcs = j["sources"] = nlohmann::json::array();
    for (source_index i : c.source_indices()) {
        if (c.declared(i)) srcs.push_back(c.source_at(i));
        else srcs.push_back({{"id", c.source_at(i).id}, {"declared", false}});
    }
    auto& cls = j["claims"] = nlohmann::json::array();
    for (auto cr : c) cls.push_back(cr.to_claim());
    if (!c.rules().empty()) j["rules"] = c.rules();
    return j;
}

/// Writes to_json_corpus(c) to `path` (indented by `indent` spaces; -1 for one line). Throws
/// crosscheck::error (category io_error) when the file cannot be written.
inline void save_json_file(const corpus& c, const std::string& path, int indent = 1) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw error(1, "io_error", "cannot write '" + path + "'");
    out << to_json_corpus(c).dump(indent) << '\n';
    out.flush();
    if (!out) throw error(2, "io_error", "error while writing '" + path + "'");
}

}  // namespace crosscheck

#endif
