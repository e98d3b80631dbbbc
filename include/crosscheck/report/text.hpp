// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_REPORT_TEXT_HPP
#define CROSSCHECK_REPORT_TEXT_HPP

/// Report writers for people: plain text for a terminal or a log, and Markdown to paste into an
/// article draft or a ticket. (The machine-readable report is JSON, see json.hpp.)
///
/// ```cpp
/// crosscheck::write_text(std::cout, report, {/*color=*/true});
/// crosscheck::write_markdown(file, report);
/// ```

#include <crosscheck/report/report.hpp>

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crosscheck {

/// How write_text lays out a report.
struct text_options {
    /// ANSI colours and bold. The library never guesses: a program turns this on when its
    /// output is a terminal and `NO_COLOR` is unset.
    bool color = false;
    /// Print the words of the sources under each claim.
    bool quotes = true;
    /// List at most this many claims under one value (0: all); the rest are counted.
    std::size_t max_claims_per_value = 0;
    /// End with the counts line.
    bool stats = true;
};

/// How write_markdown lays out a report.
struct markdown_options {
    /// The top heading; empty for none.
    std::string title = "crosscheck report";
    /// Level of the top heading (1–4); sections and subjects go one and two levels below.
    int heading_level = 2;
    /// Quotes as blockquotes under each table.
    bool quotes = true;
    /// End with the counts line.
    bool stats = true;
};

namespace detail {

struct ansi_style {
    bool on = false;
    const char* code(const char* c) const noexcept { return on ? c : ""; }
    const char* reset() const noexcept { return code("\x1b[0m"); }
    const char* bold() const noexcept { return code("\x1b[1m"); }
    const char* dim() const noexcept { return code("\x1b[2m"); }
    const char* heading() const noexcept { return code("\x1b[1;4m"); }
    const char* value() const noexcept { return code("\x1b[1;36m"); }
    const char* of(crosscheck::severity s) const noexcept {
        switch (s) {
            case crosscheck::severity::error: return code("\x1b[1;31m");
            case crosscheck::severity::warning: return code("\x1b[1;33m");
            case crosscheck::severity::info: return code("\x1b[1;34m");
        }
        return "";
    }
};

/// "1 claim", "2 claims".
inline std::string count_of(std::uint64_t n, std::string_view one, std::string_view many) {
    std::string s = std::to_string(n);
    s += ' ';
    s += n == 1 ? one : many;
    return s;
}

inline std::string join(const std::vector<std::string>& v, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) out += sep;
        out += v[i];
    }
    return out;
}

/// A period as reports print it: `..` (no bounds) reads better as "all time".
inline std::string period_text(const std::string& p) {
    return p.empty() || p == ".." ? "all time" : p;
}

inline bool is_conflict_kind(std::string_view k) noexcept {
    return k == kinds::conflict || k == kinds::self_contradiction;
}
inline bool is_known_kind(std::string_view k) noexcept {
    return is_conflict_kind(k) || k == kinds::rule_violation || k == kinds::single_origin || k == kinds::input_warning;
}

/// The findings of one (subject, predicate), in report order.
struct finding_group {
    std::string subject;
    std::string predicate;
    std::vector<const finding*> findings;
};

/// Groups the findings that `pick` accepts by (subject, predicate), keeping first-seen order.
template <class Pick>
std::vector<finding_group> group_findings(const report& r, Pick pick) {
    std::vector<finding_group> groups;
    for (const auto& f : r.findings) {
        if (!pick(f)) continue;
        finding_group* g = nullptr;
        for (auto& x : groups)
            if (x.subject == f.subject && x.predicate == f.predicate) g = &x;
        if (!g) {
            groups.push_back({f.subject, f.predicate, {}});
            g = &groups.back();
        }
        g->findings.push_back(&f);
    }
    return groups;
}

/// Claims stating a value: the evidence list may be capped, the count is not.
inline std::size_t claim_total(const value_group& v) noexcept {
    return v.claim_count > v.claims.size() ? v.claim_count : v.claims.size();
}
inline std::size_t claim_total(const finding& f) noexcept {
    return f.claim_count > f.claims.size() ? f.claim_count : f.claims.size();
}

/// "e1, e2" for the claims of a finding that has no value groups.
inline std::string claims_and_sources(const finding& f) {
    std::string out;
    if (!f.claims.empty()) {
        out += "claims " + join(f.claims, ", ");
        if (claim_total(f) > f.claims.size())
            out += " and " + std::to_string(claim_total(f) - f.claims.size()) + " more";
    }
    if (!f.sources.empty()) {
        if (!out.empty()) out += "; ";
        out += "sources " + join(f.sources, ", ");
    }
    return out;
}

inline std::string key_text(const finding& f) {
    std::string k = f.subject;
    if (!f.predicate.empty()) {
        if (!k.empty()) k += '.';
        k += f.predicate;
    }
    if (!f.scope.empty()) k += "[" + f.scope + "]";
    return k;
}

/// "banned — 3 claims, 2 independent origins (Financial Times, WSJ)"
inline std::string value_summary(const value_group& v) {
    std::string s = count_of(claim_total(v), "claim", "claims");
    s += ", ";
    s += count_of(v.origins, "independent origin", "independent origins");
    if (!v.origin_names.empty()) s += " (" + join(v.origin_names, ", ") + ")";
    return s;
}

inline std::string stats_text(const report& r) {
    const auto& s = r.stats;
    std::string out = count_of(s.claims, "claim", "claims") + ", " + count_of(s.keys, "key", "keys") + ": " +
                      count_of(s.conflicting_pairs, "conflicting pair", "conflicting pairs") + " in " +
                      count_of(s.conflicted_keys, "key", "keys") + ", " +
                      count_of(s.self_contradictions, "self-contradiction", "self-contradictions") + ", " +
                      count_of(s.rule_violations, "rule violation", "rule violations") + ", " +
                      count_of(s.input_warnings, "input warning", "input warnings");
    return out;
}

inline std::string severity_counts(const report& r) {
    return count_of(r.count(severity::error), "error", "errors") + ", " +
           count_of(r.count(severity::warning), "warning", "warnings") + ", " +
           std::to_string(r.count(severity::info)) + " info";
}

// ---- text -------------------------------------------------------------------------------------

inline void text_evidence(std::ostream& os, const evidence& e, const finding& f, const text_options& o,
                          const ansi_style& st) {
    os << "      " << st.bold() << e.claim << st.reset() << "  ";
    if (!e.outlet.empty()) os << e.outlet << ' ' << st.dim() << '(' << e.source << ')' << st.reset();
    else os << e.source;
    os << ", " << period_text(e.period);
    if (!e.scope.empty() && e.scope != f.scope) os << ", " << e.scope;
    if (!e.modality.empty() && e.modality != "asserted") os << ", " << e.modality;
    os << '\n';
    if (o.quotes && !e.quote.empty()) {
        os << "        ";
        if (!e.lang.empty()) os << st.dim() << '[' << e.lang << "] " << st.reset();
        os << '"';
        for (char c : e.quote) {
            os << c;
            if (c == '\n') os << "         ";  // keep a multi-line quote under its opening mark
        }
        os << "\"\n";
    }
}

inline void text_finding_body(std::ostream& os, const finding& f, const text_options& o, const ansi_style& st) {
    for (const auto& v : f.values) {
        os << "    " << st.value() << v.value << st.reset();
        if (!v.interval.empty() && v.interval != v.value)
            os << ' ' << st.dim() << '[' << v.interval << ']' << st.reset();
        os << " \xe2\x80\x94 " << value_summary(v) << '\n';
        std::size_t shown = 0;
        for (const auto& e : v.claims) {
            if (o.max_claims_per_value && shown == o.max_claims_per_value) break;
            text_evidence(os, e, f, o, st);
            ++shown;
        }
        if (shown < claim_total(v))
            os << "      \xe2\x80\xa6 and " << count_of(claim_total(v) - shown, "more claim", "more claims") << '\n';
    }
    if (f.values.empty()) {
        std::string cs = claims_and_sources(f);
        if (!cs.empty()) os << "    " << cs << '\n';
    }
}

/// `error conflict [route=south-col]: message`, then the values.
inline void text_conflict(std::ostream& os, const finding& f, const text_options& o, const ansi_style& st) {
    os << "  " << st.of(f.severity) << to_string(f.severity) << st.reset() << ' ' << f.kind;
    if (!f.scope.empty()) os << " [" << f.scope << ']';
    if (f.pairs) os << " (" << count_of(f.pairs, "conflicting pair", "conflicting pairs") << ')';
    os << ": " << f.message << '\n';
    text_finding_body(os, f, o, st);
}

/// One line per finding for the sections after the conflicts.
inline void text_line(std::ostream& os, const finding& f, const text_options& o, const ansi_style& st) {
    os << "  " << st.of(f.severity) << to_string(f.severity) << st.reset();
    if (!is_known_kind(f.kind)) os << ' ' << f.kind;
    std::string key = key_text(f);
    if (!key.empty()) os << ' ' << st.bold() << key << st.reset();
    if (!f.field.empty()) os << " (field " << f.field << ')';
    os << ": " << f.message;
    // A single-origin note repeats a value of the conflict above it: the claim ids are enough.
    if (f.values.empty() || f.kind == kinds::single_origin) {
        std::string cs = claims_and_sources(f);
        if (!cs.empty()) os << ' ' << st.dim() << '(' << cs << ')' << st.reset();
        os << '\n';
    } else {
        os << '\n';
        text_finding_body(os, f, o, st);
    }
}

// ---- markdown ---------------------------------------------------------------------------------

/// Escapes text for inline Markdown (CommonMark and GitHub tables): every character that could
/// start emphasis, code, a link, HTML or a table cell is backslash-escaped; newlines become
/// `<br>` so a cell stays on one row.
inline std::string md_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 8);
    for (char c : s) {
        switch (c) {
            case '\\':
            case '`':
            case '*':
            case '_':
            case '[':
            case ']':
            case '<':
            case '>':
            case '|':
            case '~':
            case '#':
            case '&':
            case '!':
            case '{':
            case '}':
                out += '\\';
                out += c;
                break;
            case '\r': break;
            case '\n': out += "<br>"; break;
            default: out += c;
        }
    }
    return out;
}

/// md_escape for text that starts a line (a blockquote line): also keeps it from reading as a
/// list item ("- ", "+ ", "1. "), a setext underline or a heading.
inline std::string md_escape_line(std::string_view s) {
    std::string out = md_escape(s);
    if (!out.empty() && (out[0] == '-' || out[0] == '+' || out[0] == '=')) out.insert(0, 1, '\\');
    std::size_t digits = 0;
    while (digits < out.size() && out[digits] >= '0' && out[digits] <= '9') ++digits;
    if (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')')) out.insert(digits, 1, '\\');
    return out;
}

/// Text inside a code span: backticks in it need a longer fence.
inline std::string md_code(std::string_view s) {
    std::size_t run = 0, longest = 0;
    for (char c : s) {
        run = c == '`' ? run + 1 : 0;
        if (run > longest) longest = run;
    }
    std::string fence(longest + 1, '`');
    std::string body;
    for (char c : s) {
        if (c == '|') body += "\\|";  // GitHub tables split on `|` even inside code spans
        else if (c == '\n') body += ' ';
        else body += c;
    }
    bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
    return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

inline std::string md_heading(int level, std::string_view text) {
    if (level < 1) level = 1;
    if (level > 6) level = 6;
    return std::string(static_cast<std::size_t>(level), '#') + ' ' + std::string(text);
}

inline std::string md_source(const evidence& e) {
    if (e.outlet.empty()) return md_escape(e.source);
    return md_escape(e.outlet) + " (" + md_code(e.source) + ")";
}

inline void md_quotes(std::ostream& os, const finding& f) {
    for (const auto& v : f.values)
        for (const auto& e : v.claims) {
            if (e.quote.empty()) continue;
            os << '\n';
            // Each line of the quote is its own blockquote line; escaping keeps `#` or `- ` from
            // turning into a heading or a list inside the quote.
            std::string_view q = e.quote;
            for (;;) {
                auto nl = q.find('\n');
                std::string_view line = q.substr(0, nl);
                os << "> " << md_escape_line(line);
                if (nl == std::string_view::npos) break;
                os << "  \n";  // hard line break inside the quote
                q.remove_prefix(nl + 1);
            }
            os << "\n>\n> \xe2\x80\x94 " << md_escape(e.outlet.empty() ? e.source : e.outlet) << ", "
               << md_code(e.claim);
            if (!e.lang.empty()) os << " (" << md_code(e.lang) << ')';
            os << '\n';
        }
}

inline void md_value_tables(std::ostream& os, const finding& f) {
    if (f.values.empty()) {
        std::string cs = claims_and_sources(f);
        if (!cs.empty()) os << '\n' << md_escape(cs) << '\n';
        return;
    }
    os << "\n| Value | Claims | Independent origins |\n|---|---:|---|\n";
    for (const auto& v : f.values) {
        os << "| **" << md_escape(v.value) << "**";
        if (!v.interval.empty() && v.interval != v.value) os << " (" << md_escape(v.interval) << ')';
        os << " | " << claim_total(v) << " | " << v.origins;
        if (!v.origin_names.empty()) os << ": " << md_escape(join(v.origin_names, ", "));
        os << " |\n";
    }
    os << "\n| Claim | Value | Source | Period | Scope | Modality |\n|---|---|---|---|---|---|\n";
    std::size_t unlisted = 0;
    for (const auto& v : f.values) {
        unlisted += claim_total(v) - v.claims.size();
        for (const auto& e : v.claims)
            os << "| " << md_code(e.claim) << " | " << md_escape(v.value) << " | " << md_source(e) << " | "
               << md_escape(period_text(e.period)) << " | " << (e.scope.empty() ? "" : md_code(e.scope)) << " | "
               << md_escape(e.modality.empty() ? "asserted" : e.modality) << " |\n";
    }
    if (unlisted) os << "\n" << count_of(unlisted, "more claim is", "more claims are") << " not listed.\n";
}

inline void md_finding_line(std::ostream& os, const finding& f) {
    os << "- **" << to_string(f.severity) << "**";
    if (!is_known_kind(f.kind)) os << ' ' << md_escape(f.kind);
    std::string key = key_text(f);
    if (!key.empty()) os << ' ' << md_code(key);
    if (!f.field.empty()) os << " (field " << md_code(f.field) << ')';
    os << ": " << md_escape(f.message);
    std::string cs = claims_and_sources(f);
    if (!cs.empty()) os << " (" << md_escape(cs) << ')';
    os << '\n';
}

}  // namespace detail

/// Writes a report for a person to read: the disputed values grouped by subject and predicate,
/// each with its claims (source, outlet, period, the quote in its own language) and how many
/// independent origins back it; then rule violations, single-origin notes, input warnings, other
/// findings, and a line of counts.
inline void write_text(std::ostream& os, const report& r, const text_options& o = {}) {
    detail::ansi_style st{o.color};
    bool first_section = true;
    auto section = [&](std::string_view title) {
        if (!first_section) os << '\n';
        first_section = false;
        os << st.heading() << title << st.reset() << '\n';
    };

    auto disputes = detail::group_findings(r, [](const finding& f) { return detail::is_conflict_kind(f.kind); });
    for (const auto& g : disputes) {
        if (!first_section) os << '\n';
        first_section = false;
        os << st.bold() << g.subject << " \xc2\xb7 " << g.predicate << st.reset() << '\n';
        for (const auto* f : g.findings) detail::text_conflict(os, *f, o, st);
    }
    struct part {
        std::string_view kind;
        std::string_view title;
    };
    const part parts[] = {{kinds::rule_violation, "Rule violations"},
                          {kinds::single_origin, "Single-origin values"},
                          {kinds::input_warning, "Input warnings"}};
    for (const auto& p : parts) {
        if (r.count(p.kind) == 0) continue;
        section(p.title);
        for (const auto& f : r.findings)
            if (f.kind == p.kind) detail::text_line(os, f, o, st);
    }
    bool other = false;
    for (const auto& f : r.findings)
        if (!detail::is_known_kind(f.kind)) {
            if (!other) section("Other findings");
            other = true;
            detail::text_line(os, f, o, st);
        }
    if (!r.pairs.empty()) {
        section(r.pairs_complete ? "Conflicting pairs" : "Conflicting pairs (list cut short)");
        for (const auto& [a, b] : r.pairs) os << "  " << a << ' ' << b << '\n';
    }
    if (r.findings.empty()) {
        if (!first_section) os << '\n';
        first_section = false;
        os << "No findings.\n";
    }
    if (o.stats) {
        if (!first_section) os << '\n';
        os << detail::stats_text(r) << '\n';
        if (!r.findings.empty())
            os << detail::count_of(r.findings.size(), "finding", "findings") << ": " << detail::severity_counts(r)
               << '\n';
    }
}

/// Writes a report as Markdown for an article draft or a ticket: a heading per subject and
/// predicate, a table of the disputed values and one of their claims, the quotes as blockquotes,
/// then the other findings as lists. Text from the corpus is escaped, so a `|` or `*` in a quote
/// or an id cannot break a table or start emphasis.
inline void write_markdown(std::ostream& os, const report& r, const markdown_options& o = {}) {
    int h = o.heading_level;
    if (!o.title.empty()) os << detail::md_heading(h, detail::md_escape(o.title)) << "\n\n";
    if (o.stats) os << detail::md_escape(detail::stats_text(r)) << ".\n";
    if (r.findings.empty()) os << "\nNo findings.\n";

    auto disputes = detail::group_findings(r, [](const finding& f) { return detail::is_conflict_kind(f.kind); });
    if (!disputes.empty()) os << '\n' << detail::md_heading(h + 1, "Disputed values") << '\n';
    for (const auto& g : disputes) {
        os << '\n'
           << detail::md_heading(h + 2,
                                 detail::md_escape(g.subject) + " \xe2\x80\x94 " + detail::md_escape(g.predicate))
           << '\n';
        for (const auto* f : g.findings) {
            os << "\n**" << to_string(f->severity) << "** " << detail::md_escape(f->kind);
            if (!f->scope.empty()) os << " in " << detail::md_code(f->scope);
            if (f->pairs) os << " (" << detail::count_of(f->pairs, "conflicting pair", "conflicting pairs") << ')';
            os << ": " << detail::md_escape(f->message) << '\n';
            detail::md_value_tables(os, *f);
            if (o.quotes) detail::md_quotes(os, *f);
        }
    }
    struct part {
        std::string_view kind;
        std::string_view title;
    };
    const part parts[] = {{kinds::rule_violation, "Rule violations"},
                          {kinds::single_origin, "Single-origin values"},
                          {kinds::input_warning, "Input warnings"}};
    for (const auto& p : parts) {
        if (r.count(p.kind) == 0) continue;
        os << '\n' << detail::md_heading(h + 1, p.title) << "\n\n";
        for (const auto& f : r.findings)
            if (f.kind == p.kind) detail::md_finding_line(os, f);
    }
    bool other = false;
    for (const auto& f : r.findings)
        if (!detail::is_known_kind(f.kind)) {
            if (!other) os << '\n' << detail::md_heading(h + 1, "Other findings") << "\n\n";
            other = true;
            detail::md_finding_line(os, f);
        }
    if (!r.pairs.empty()) {
        os << '\n' << detail::md_heading(h + 1, "Conflicting pairs") << "\n\n";
        for (const auto& [a, b] : r.pairs) os << "- " << detail::md_code(a) << ", " << detail::md_code(b) << '\n';
        if (!r.pairs_complete) os << "- \xe2\x80\xa6 (list cut short)\n";
    }
}

/// write_text into a string.
inline std::string to_text(const report& r, const text_options& o = {}) {
    std::ostringstream os;
    write_text(os, r, o);
    return os.str();
}

/// write_markdown into a string.
inline std::string to_markdown(const report& r, const markdown_options& o = {}) {
    std::ostringstream os;
    write_markdown(os, r, o);
    return os.str();
}

}  // namespace crosscheck

#endif
