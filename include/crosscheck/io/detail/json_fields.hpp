// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_IO_DETAIL_JSON_FIELDS_HPP
#define CROSSCHECK_IO_DETAIL_JSON_FIELDS_HPP

#include <crosscheck/io/detail/json_scan.hpp>
#include <crosscheck/model/claim.hpp>
#include <crosscheck/model/period.hpp>
#include <crosscheck/model/quantity.hpp>
#include <crosscheck/model/rule.hpp>
#include <crosscheck/model/source.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace crosscheck::detail {

using json = nlohmann::json;

/// A problem found while reading one JSON value, at a path relative to that value.
struct json_problem {
    json_path path;
    std::string message;
};

/// `valid.from`, `cites[1]`, `sources[2].published`: how diagnostics name a field.
inline std::string path_text(const json_path& p, std::size_t from = 0) {
    std::string out;
    for (std::size_t i = from; i < p.size(); ++i) {
        if (p[i].is_index) {
            out += '[' + std::to_string(p[i].index) + ']';
        } else {
            if (!out.empty()) out += '.';
            out += p[i].key;
        }
    }
    return out;
}

inline const char* json_kind(const json& j) noexcept {
    switch (j.type()) {
        case json::value_t::object: return "an object";
        case json::value_t::array: return "an array";
        case json::value_t::string: return "a string";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float: return "a number";
        case json::value_t::null: return "null";
        default: return "an unsupported value";
    }
}

/// Collects the problems of one value being read; `path` is where the reader is.
class json_reader {
public:
    std::vector<json_problem> errors;
    std::vector<json_problem> warnings;
    json_path path;

    void error(std::string message) { errors.push_back({path, std::move(message)}); }
    void warning(std::string message) { warnings.push_back({path, std::move(message)}); }

    /// RAII step into a member or element.
    struct step_guard {
        json_reader& r;
        ~step_guard() { r.path.pop_back(); }
    };
    [[nodiscard]] step_guard enter(const std::string& key) {
        path.push_back(json_step::member(key));
        return {*this};
    }
    [[nodiscard]] step_guard enter(std::size_t i) {
        path.push_back(json_step::at(i));
        return {*this};
    }

    bool expect_string(const json& j, std::string& out, bool non_empty = false) {
        if (!j.is_string()) {
            error(std::string("expected a string, found ") + json_kind(j));
            return false;
        }
        out = j.get<std::string>();
        if (non_empty && out.empty()) {
            error("expected a non-empty string");
            return false;
        }
        return true;
    }
    bool expect_number(const json& j, double& out) {
        if (!j.is_number()) {
            error(std::string("expected a number, found ") + json_kind(j));
            return false;
        }
        out = j.get<double>();
        return true;
    }
    bool expect_object(const json& j) {
        if (!j.is_object()) {
            error(std::string("expected an object, found ") + json_kind(j));
            return false;
        }
        return true;
    }
    bool expect_array(const json& j) {
        if (!j.is_array()) {
            error(std::string("expected an array, found ") + json_kind(j));
            return false;
        }
        return true;
    }
    /// An array of strings.
    bool expect_strings(const json& j, std::vector<std::string>& out, bool non_empty = false) {
        if (!expect_array(j)) return false;
        bool ok = true;
        for (std::size_t i = 0; i < j.size(); ++i) {
            auto g = enter(i);
            std::string s;
            if (expect_string(j[i], s, non_empty)) out.push_back(std::move(s));
            else ok = false;
        }
        return ok;
    }
    /// Warns about members of `j` not in `known`.
    void unknown_members(const json& j, std::initializer_list<const char*> known, const char* what) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            bool found = false;
            for (const char* k : known) found = found || it.key() == k;
            if (!found) {
                auto g = enter(it.key());
                warning(std::string("unknown field '") + it.key() + "' in " + what + " ignored");
            }
        }
    }

    /// A Date of §2 (or, as an extension, a period `A..B`) in a string.
    std::optional<period> date(const json& j, bool allow_period = false) {
        std::string s;
        if (!expect_string(j, s)) return std::nullopt;
        if (allow_period && s.find("..") != std::string::npos) {
            if (auto p = try_parse_period(s)) return p;
            error("invalid period '" + s + "': expected DATE..DATE with the start not after the end");
            return std::nullopt;
        }
        const auto parsed = parse_date_text(s);
        if (parsed.date) return parsed.date;
        error("invalid date '" + s + "': " + parsed.why);
        return std::nullopt;
    }

    /// A quantity object (`amount`, `lower`, `upper`, `unit`, `approx`).
    std::optional<quantity> quantity_object(const json& j) {
        quantity q;
        bool ok = true;
        std::string lower_text, upper_text;
        for (auto it = j.begin(); it != j.end(); ++it) {
            const auto& k = it.key();
            auto g = enter(k);
            double v = 0;
            if (k == "amount" || k == "lower" || k == "upper") {
                if (!expect_number(*it, v)) {
                    ok = false;
                    continue;
                }
                (k == "amount" ? q.amount : k == "lower" ? q.lower : q.upper) = v;
                if (k == "lower") lower_text = it->dump();
                if (k == "upper") upper_text = it->dump();
            } else if (k == "unit") {
                if (!expect_string(*it, q.unit)) ok = false;
            } else if (k == "approx") {
                std::string a;
                if (!expect_string(*it, a)) {
                    ok = false;
                } else if (auto x = try_parse_approx(a)) {
                    q.kind = *x;
                } else {
                    error("unknown approx '" + a + "': expected exact, about, over, under, at_least or at_most");
                    ok = false;
                }
            } else {
                error("unexpected field '" + k +
                      "' in a value: a quantity has amount, lower, upper, unit and approx; a date is "
                      "{\"date\": ...}, free text {\"text\": ...}");
                ok = false;
            }
        }
        if (!ok) return std::nullopt;
        if (!q.amount && !q.lower && !q.upper) {
            error("a quantity needs amount, lower or upper");
            return std::nullopt;
        }
        if (q.lower && q.upper && *q.lower > *q.upper) {
            error("lower bound " + lower_text + " exceeds upper bound " + upper_text);
            return std::nullopt;
        }
        return q;
    }

    /// A value of §1 Values.
    std::optional<any_value> value(const json& j) {
        switch (j.type()) {
            case json::value_t::string: return any_value{token{j.get<std::string>()}};
            case json::value_t::boolean: return any_value{token{j.get<bool>() ? "true" : "false"}};
            case json::value_t::number_integer:
            case json::value_t::number_unsigned:
            case json::value_t::number_float: return any_value{quantity{j.get<double>()}};
            case json::value_t::object: {
                if (j.contains("date") || j.contains("text")) {
                    const char* key = j.contains("date") ? "date" : "text";
                    if (j.size() != 1) {
                        error(std::string("a {\"") + key + "\": ...} value takes no other field");
                        return std::nullopt;
                    }
                    auto g = enter(key);
                    if (key[0] == 'd') {
                        if (auto p = date(j["date"], true)) return any_value{calendar_value{*p}};
                        return std::nullopt;
                    }
                    std::string t;
                    if (!expect_string(j["text"], t)) return std::nullopt;
                    return any_value{text_value{std::move(t)}};
                }
                if (auto q = quantity_object(j)) return any_value{std::move(*q)};
                return std::nullopt;
            }
            default:
                error(std::string("expected a value: a string (token), true/false, a number, or an object "
                                  "(quantity, {\"date\": ...} or {\"text\": ...}), found ") +
                      json_kind(j));
                return std::nullopt;
        }
    }

    /// §1 `valid`: a Date, or {"from": Date, "to": Date} with either end omitted.
    std::optional<validity> valid(const json& j) {
        if (j.is_string()) {
            if (auto p = date(j)) return validity(*p);
            return std::nullopt;
        }
        if (!j.is_object()) {
            error(std::string("expected a Date or {\"from\": Date, \"to\": Date}, found ") + json_kind(j));
            return std::nullopt;
        }
        std::optional<period> from, to;
        bool ok = true;
        for (auto it = j.begin(); it != j.end(); ++it) {
            auto g = enter(it.key());
            if (it.key() == "from") {
                from = date(*it);
                ok = ok && from;
            } else if (it.key() == "to") {
                to = date(*it);
                ok = ok && to;
            } else {
                error("unexpected field '" + it.key() + "' in valid: expected from and to");
                ok = false;
            }
        }
        if (!ok) return std::nullopt;
        if (from && to && from->first() > to->last()) {
            auto g = enter("to");
            error("valid.to '" + j["to"].get<std::string>() + "' is before valid.from '" +
                  j["from"].get<std::string>() + "'");
            return std::nullopt;
        }
        return validity::range(from, to);
    }

    /// §1 `scope`: dimension -> token.
    std::optional<scope_map> scope(const json& j) {
        if (!expect_object(j)) return std::nullopt;
        scope_map out;
        bool ok = true;
        for (auto it = j.begin(); it != j.end(); ++it) {
            auto g = enter(it.key());
            std::string t;
            if (it.key().empty()) {
                error("empty scope dimension");
                ok = false;
            } else if (expect_string(*it, t, true)) {
                out.emplace(it.key(), std::move(t));
            } else {
                ok = false;
            }
        }
        if (!ok) return std::nullopt;
        return out;
    }

    /// A claim's own fields (§1 Claim); which sources exist is the loader's business.
    bool claim_fields(const json& j, claim<any_value>& c) {
        if (!expect_object(j)) return false;
        const std::size_t before = errors.size();
        auto required = [&](const char* key, std::string& out) {
            auto it = j.find(key);
            if (it == j.end()) {
                error(std::string("missing required field '") + key + "'");
                return;
            }
            auto g = enter(key);
            expect_string(*it, out, true);
        };
        if (auto it = j.find("id"); it != j.end()) {
            auto g = enter("id");
            if (expect_string(*it, c.id)) {
                if (c.id.empty()) error("empty id: leave the field out to get SOURCE#N");
                else if (c.id.find('\0') != std::string::npos) error("claim id contains a NUL character");
            }
        }
        required("source", c.source);
        required("subject", c.subject);
        required("predicate", c.predicate);
        if (auto it = j.find("value"); it == j.end()) {
            error("missing required field 'value'");
        } else {
            auto g = enter("value");
            if (auto v = value(*it)) c.value = std::move(*v);
        }
        if (auto it = j.find("valid"); it != j.end()) {
            auto g = enter("valid");
            if (auto v = valid(*it)) c.valid = *v;
        }
        if (auto it = j.find("scope"); it != j.end()) {
            auto g = enter("scope");
            if (auto s = scope(*it)) c.scope = std::move(*s);
        }
        if (auto it = j.find("modality"); it != j.end()) {
            auto g = enter("modality");
            std::string m;
            if (expect_string(*it, m)) {
                if (auto x = try_parse_modality(m)) c.mode = *x;
                else error("unknown modality '" + m + "': expected asserted, reported, estimated or planned");
            }
        }
        if (auto it = j.find("quote"); it != j.end()) {
            auto g = enter("quote");
            expect_string(*it, c.quote);
        }
        if (auto it = j.find("lang"); it != j.end()) {
            auto g = enter("lang");
            expect_string(*it, c.lang);
        }
        if (auto it = j.find("cites"); it != j.end()) {
            auto g = enter("cites");
            expect_strings(*it, c.cites, true);
        }
        unknown_members(
            j,
            {"id", "source", "subject", "predicate", "value", "valid", "scope", "modality", "quote", "cites", "lang"},
            "a claim");
        return errors.size() == before;
    }

    /// A source's fields (§1 Source). `declared` (an extension) is false for a placeholder.
    bool source_fields(const json& j, source& s, bool& declared) {
        if (!expect_object(j)) return false;
        const std::size_t before = errors.size();
        declared = true;
        if (auto it = j.find("id"); it == j.end()) {
            error("missing required field 'id'");
        } else {
            auto g = enter("id");
            expect_string(*it, s.id, true);
        }
        auto text = [&](const char* key, std::string& out) {
            if (auto it = j.find(key); it != j.end()) {
                auto g = enter(key);
                expect_string(*it, out);
            }
        };
        text("outlet", s.outlet);
        text("title", s.title);
        text("url", s.url);
        text("author", s.author);
        text("language", s.language);
        if (auto it = j.find("published"); it != j.end()) {
            auto g = enter("published");
            s.published = date(*it);
        }
        if (auto it = j.find("reliability"); it != j.end()) {
            auto g = enter("reliability");
            double r = 0;
            if (expect_number(*it, r)) {
                if (r < 0 || r > 1) error("reliability " + it->dump() + " is outside [0, 1]");
                else s.reliability = r;
            }
        }
        if (auto it = j.find("cites"); it != j.end()) {
            auto g = enter("cites");
            expect_strings(*it, s.cites, true);
        }
        if (auto it = j.find("translation_of"); it != j.end()) {
            auto g = enter("translation_of");
            std::string t;
            if (expect_string(*it, t, true)) s.translation_of = std::move(t);
        }
        if (auto it = j.find("declared"); it != j.end()) {
            auto g = enter("declared");
            if (it->is_boolean()) declared = it->get<bool>();
            else error(std::string("expected true or false, found ") + json_kind(*it));
        }
        unknown_members(j,
                        {"id", "outlet", "title", "url", "author", "language", "published", "reliability", "cites",
                         "translation_of", "declared"},
                        "a source");
        return errors.size() == before;
    }

    bool rule_ref_fields(const json& j, rule_ref& r) {
        if (!expect_object(j)) return false;
        const std::size_t before = errors.size();
        for (const char* key : {"subject", "predicate"}) {
            auto it = j.find(key);
            if (it == j.end()) {
                error(std::string("missing required field '") + key + "'");
                continue;
            }
            auto g = enter(key);
            expect_string(*it, key[0] == 's' ? r.subject : r.predicate, true);
        }
        if (auto it = j.find("scope"); it != j.end()) {
            auto g = enter("scope");
            if (auto s = scope(*it)) r.scope = std::move(*s);
        }
        unknown_members(j, {"subject", "predicate", "scope"}, "a rule reference");
        return errors.size() == before;
    }

    bool rule_fields(const json& j, rule& r) {
        if (!expect_object(j)) return false;
        const std::size_t before = errors.size();
        if (auto it = j.find("type"); it == j.end()) {
            error("missing required field 'type'");
        } else {
            auto g = enter("type");
            std::string t;
            if (expect_string(*it, t)) {
                if (t == "sum") r.type = rule_type::sum;
                else if (t == "product") r.type = rule_type::product;
                else error("unknown rule type '" + t + "': expected sum or product");
            }
        }
        if (auto it = j.find("total"); it == j.end()) {
            error("missing required field 'total'");
        } else {
            auto g = enter("total");
            rule_ref_fields(*it, r.total);
        }
        if (auto it = j.find("parts"); it == j.end()) {
            error("missing required field 'parts'");
        } else {
            auto g = enter("parts");
            if (expect_array(*it)) {
                if (it->empty()) error("a rule needs at least one part");
                for (std::size_t i = 0; i < it->size(); ++i) {
                    auto g2 = enter(i);
                    rule_ref p;
                    if (rule_ref_fields((*it)[i], p)) r.parts.push_back(std::move(p));
                }
            }
        }
        if (auto it = j.find("tolerance"); it != j.end()) {
            auto g = enter("tolerance");
            double t = 0;
            if (expect_number(*it, t)) {
                if (t < 0) error("tolerance " + it->dump() + " is negative");
                else r.tolerance = t;
            }
        }
        unknown_members(j, {"type", "total", "parts", "tolerance"}, "a rule");
        return errors.size() == before;
    }
};

}  // namespace crosscheck::detail

#endif
