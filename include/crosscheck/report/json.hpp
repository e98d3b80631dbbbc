// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_REPORT_JSON_HPP
#define CROSSCHECK_REPORT_JSON_HPP

// The §6 JSON report, written straight from the report into a buffer. Building an
// nlohmann::json per finding cost more than the whole check on large corpora (a tree of maps
// per finding, then a walk to print it); this writer emits the same bytes as nlohmann's
// compact dump (keys in sorted order, the same escapes) at memory speed.

#include <crosscheck/config.hpp>
#include <crosscheck/detail/json_writer.hpp>
#include <crosscheck/report/report.hpp>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck::detail {

// Members are written in the sorted order nlohmann's std::map-based objects print them in, so
// the document equals `nlohmann::json(r).dump()` byte for byte (a test checks this).

inline void write_evidence(json_writer& w, const evidence& e) {
    w.raw("{\"claim\":");
    w.string(e.claim);
    if (!e.lang.empty()) w.raw(",\"lang\":"), w.string(e.lang);
    if (!e.modality.empty()) w.raw(",\"modality\":"), w.string(e.modality);
    if (!e.outlet.empty()) w.raw(",\"outlet\":"), w.string(e.outlet);
    if (!e.period.empty()) w.raw(",\"period\":"), w.string(e.period);
    if (!e.quote.empty()) w.raw(",\"quote\":"), w.string(e.quote);
    if (!e.scope.empty()) w.raw(",\"scope\":"), w.string(e.scope);
    w.raw(",\"source\":");
    w.string(e.source);
    w.raw('}');
}

inline void write_value_group(json_writer& w, const value_group& g) {
    w.raw("{\"claim_count\":");
    w.number(g.claim_count);
    w.raw(",\"claims\":[");
    for (std::size_t i = 0; i < g.claims.size(); ++i) {
        if (i) w.raw(',');
        write_evidence(w, g.claims[i]);
    }
    w.raw(']');
    if (!g.interval.empty()) w.raw(",\"interval\":"), w.string(g.interval);
    w.raw(",\"origin_names\":");
    w.string_array(g.origin_names);
    w.raw(",\"origins\":");
    w.number(g.origins);
    w.raw(",\"value\":");
    w.string(g.value);
    w.raw('}');
}

inline void write_finding(json_writer& w, const finding& f) {
    w.raw("{\"claim_count\":");
    w.number(f.claim_count);
    w.raw(",\"claims\":");
    w.string_array(f.claims);
    if (!f.field.empty()) w.raw(",\"field\":"), w.string(f.field);
    w.raw(",\"kind\":");
    w.string(f.kind);
    w.raw(",\"message\":");
    w.string(f.message);
    if (f.omitted_values != 0) w.raw(",\"omitted_values\":"), w.number(f.omitted_values);
    w.raw(",\"pairs\":");
    w.number(f.pairs);
    w.raw(",\"predicate\":");
    w.string(f.predicate);
    if (!f.scope.empty()) w.raw(",\"scope\":"), w.string(f.scope);
    w.raw(",\"severity\":");
    w.string(to_string(f.severity));
    w.raw(",\"sources\":");
    w.string_array(f.sources);
    w.raw(",\"subject\":");
    w.string(f.subject);
    if (!f.values.empty()) {
        w.raw(",\"values\":[");
        for (std::size_t i = 0; i < f.values.size(); ++i) {
            if (i) w.raw(',');
            write_value_group(w, f.values[i]);
        }
        w.raw(']');
    }
    w.raw('}');
}

inline void write_stats(json_writer& w, const report_stats& s) {
    w.raw("{\"claims\":");
    w.number(s.claims);
    w.raw(",\"conflicted_keys\":");
    w.number(s.conflicted_keys);
    w.raw(",\"conflicting_pairs\":");
    w.number(s.conflicting_pairs);
    w.raw(",\"input_warnings\":");
    w.number(s.input_warnings);
    w.raw(",\"keys\":");
    w.number(s.keys);
    w.raw(",\"rule_violations\":");
    w.number(s.rule_violations);
    w.raw(",\"self_contradictions\":");
    w.number(s.self_contradictions);
    w.raw('}');
}

}  // namespace crosscheck::detail

namespace crosscheck {

/// Writes a §6 JSON report piece by piece: findings as they come (from a streaming check()),
/// then the stats. Output is buffered and goes to the stream every 64 KiB, so memory stays
/// flat however large the report.
///
///     json_report_writer w(std::cout);
///     auto r = check(corpus, options, [&](finding&& f) { w.add(f); });
///     w.finish(r);  // stats and listed pairs; r.findings is empty
class json_report_writer {
public:
    explicit json_report_writer(std::ostream& os, int indent = 2)
        : os_(os), pad_(indent > 0 ? static_cast<std::size_t>(indent) : 0, ' '), nl_(indent >= 0 ? "\n" : "") {
        w_.raw('{');
        w_.raw(nl_);
        w_.raw(pad_);
        w_.raw("\"findings\": [");
    }
    json_report_writer(const json_report_writer&) = delete;
    json_report_writer& operator=(const json_report_writer&) = delete;

    void add(const finding& f) {
        if (count_++) w_.raw(',');
        w_.raw(nl_);
        w_.raw(pad_);
        w_.raw(pad_);
        detail::write_finding(w_, f);
        if (w_.size() >= flush_at) flush();
    }
    std::size_t findings_written() const noexcept { return count_; }

    /// Closes the findings and writes the stats (and pairs, when listed) of `r`; findings still
    /// in `r` are written first.
    void finish(const report& r) {
        for (const auto& f : r.findings) add(f);
        if (count_) {
            w_.raw(nl_);
            w_.raw(pad_);
        }
        w_.raw("],");
        w_.raw(nl_);
        w_.raw(pad_);
        w_.raw("\"stats\": ");
        detail::write_stats(w_, r.stats);
        if (!r.pairs.empty() || !r.pairs_complete) {
            w_.raw(',');
            w_.raw(nl_);
            w_.raw(pad_);
            w_.raw("\"pairs\": [");
            for (std::size_t i = 0; i < r.pairs.size(); ++i) {
                if (i) w_.raw(',');
                w_.raw('[');
                w_.string(r.pairs[i].first);
                w_.raw(',');
                w_.string(r.pairs[i].second);
                w_.raw(']');
                if (w_.size() >= flush_at) flush();
            }
            w_.raw("],");
            w_.raw(nl_);
            w_.raw(pad_);
            w_.raw("\"pairs_complete\": ");
            w_.raw(r.pairs_complete ? "true" : "false");
        }
        w_.raw(nl_);
        w_.raw('}');
        w_.raw(nl_);
        flush();
    }

private:
    static constexpr std::size_t flush_at = std::size_t{1} << 16;
    void flush() {
        const auto text = w_.view();
        os_.write(text.data(), static_cast<std::streamsize>(text.size()));
        w_.clear();
    }
    std::ostream& os_;
    detail::json_writer w_;
    std::string pad_;
    std::string_view nl_;
    std::size_t count_ = 0;
};

}  // namespace crosscheck

#endif
