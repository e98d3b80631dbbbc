// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_REPORT_JSON_HPP
#define CROSSCHECK_REPORT_JSON_HPP

// The §6 JSON report, written straight from the report into a buffer. Building an
// nlohmann::json per finding cost more than the whole check on large corpora (a tree of maps
// per finding, then a walk to print it); this writer emits the same bytes as nlohmann's
// compact dump (keys in sorted order, the same escapes) at memory speed.

#include <crosscheck/config.hpp>
#include <crosscheck/report.hpp>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#if CROSSCHECK_DETAIL_SSE2
#include <emmintrin.h>
#endif

namespace crosscheck::detail {

/// Writes JSON text into a growing buffer of its own (plain pointer writes: std::string's
/// out-of-line append showed in profiles of large reports).
class json_writer {
public:
    json_writer() = default;
    json_writer(const json_writer&) = delete;
    json_writer& operator=(const json_writer&) = delete;

    /// What was written since the last clear().
    std::string_view view() const noexcept { return {buf_.get(), len_}; }
    std::size_t size() const noexcept { return len_; }
    void clear() noexcept { len_ = 0; }

    void raw(std::string_view s) {
        char* o = room(s.size());
        if (!s.empty()) std::memcpy(o, s.data(), s.size());
        len_ += s.size();
    }
    void raw(char ch) {
        *room(1) = ch;
        ++len_;
    }

    void number(std::uint64_t v) {
        char* o = room(24);
        len_ = static_cast<std::size_t>(std::to_chars(o, o + 24, v).ptr - buf_.get());
    }

    /// A JSON string as nlohmann writes it with ensure_ascii off: `"` `\` and control
    /// characters escaped, valid UTF-8 copied, each byte of invalid UTF-8 replaced by U+FFFD
    /// (a report must be valid JSON whatever a quote contained).
    void string(std::string_view s) {
        const auto* p = reinterpret_cast<const unsigned char*>(s.data());
        const std::size_t n = s.size();
        // Room for the worst case (every byte a \u00XX escape) once, then plain pointer writes:
        // reports write strings by the ten million, most of them short ids.
        char* o = room(6 * n + 2);
        *o++ = '"';
        std::size_t i = 0;
        while (i < n) {
#if CROSSCHECK_DETAIL_SSE2
            // 16 bytes at a time while they need no escaping (there is room: 6 bytes a byte).
            // A signed compare below 0x20 catches control bytes and every byte >= 0x80 at once.
            if (n - i >= 16) {
                const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
                do {
                    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
                    const __m128i bad = _mm_or_si128(
                        _mm_cmplt_epi8(v, space), _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
                    _mm_storeu_si128(reinterpret_cast<__m128i*>(o), v);
                    if (const auto mask = static_cast<unsigned>(_mm_movemask_epi8(bad))) {
                        const auto k = static_cast<std::size_t>(__builtin_ctz(mask));
                        o += k;
                        i += k;
                        break;
                    }
                    o += 16;
                    i += 16;
                } while (n - i >= 16);
            }
#endif
            // Short strings (most ids) and tails: byte by byte through a table.
            while (i < n && plain_byte(p[i])) *o++ = static_cast<char>(p[i++]);
            if (i == n) break;
            const unsigned char ch = p[i];
            if (ch >= 0x80) {
                if (const std::size_t len = utf8_length(p + i, n - i)) {
                    std::memcpy(o, p + i, len);
                    o += len;
                    i += len;
                    continue;
                }
            }
            o = escape(o, ch);
            ++i;
        }
        *o++ = '"';
        len_ = static_cast<std::size_t>(o - buf_.get());
    }

    void key(std::string_view k) {
        string(k);
        raw(':');
    }

    template <class Range>
    void string_array(const Range& items) {
        raw('[');
        bool first = true;
        for (const auto& s : items) {
            if (!first) raw(',');
            first = false;
            string(s);
        }
        raw(']');
    }

private:
    /// A pointer to at least `n` writable bytes after the written ones.
    char* room(std::size_t n) {
        if (cap_ - len_ < n) grow(n);
        return buf_.get() + len_;
    }
    void grow(std::size_t n) {
        std::size_t cap = cap_ < 4096 ? 4096 : cap_ * 2;
        while (cap - len_ < n) cap *= 2;
        std::unique_ptr<char[]> bigger(new char[cap]);  // not value-initialised: no zeroing
        if (len_) std::memcpy(bigger.get(), buf_.get(), len_);
        buf_ = std::move(bigger);
        cap_ = cap;
    }

    /// Printable ASCII other than `"` and `\\`: copied as it is.
    static bool plain_byte(unsigned char ch) noexcept {
        struct table {
            bool plain[256] = {};
            constexpr table() {
                for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
            }
        };
        static constexpr table t{};
        return t.plain[ch];
    }

    static char* escape(char* o, unsigned char ch) noexcept {
        auto two = [&](char c) {
            o[0] = '\\';
            o[1] = c;
            return o + 2;
        };
        switch (ch) {
            case '"': return two('"');
            case '\\': return two('\\');
            case '\b': return two('b');
            case '\f': return two('f');
            case '\n': return two('n');
            case '\r': return two('r');
            case '\t': return two('t');
            default: break;
        }
        if (ch < 0x20) {
            static constexpr char hex[] = "0123456789abcdef";
            const char esc[6] = {'\\', 'u', '0', '0', hex[ch >> 4], hex[ch & 15]};
            std::memcpy(o, esc, 6);
            return o + 6;
        }
        std::memcpy(o, "\xEF\xBF\xBD", 3);  // invalid UTF-8 byte: U+FFFD
        return o + 3;
    }

    /// Length of the valid UTF-8 sequence at p (lead byte >= 0x80), or 0 when invalid
    /// (overlong forms, surrogates and code points above U+10FFFF are invalid, as in RFC 3629).
    static std::size_t utf8_length(const unsigned char* p, std::size_t avail) noexcept {
        const unsigned char c0 = p[0];
        auto cont = [&](std::size_t k) { return k < avail && (p[k] & 0xC0) == 0x80; };
        if (c0 >= 0xC2 && c0 <= 0xDF) return cont(1) ? 2 : 0;
        if (c0 >= 0xE0 && c0 <= 0xEF) {
            if (!cont(1) || !cont(2)) return 0;
            if (c0 == 0xE0 && p[1] < 0xA0) return 0;  // overlong
            if (c0 == 0xED && p[1] > 0x9F) return 0;  // surrogate
            return 3;
        }
        if (c0 >= 0xF0 && c0 <= 0xF4) {
            if (!cont(1) || !cont(2) || !cont(3)) return 0;
            if (c0 == 0xF0 && p[1] < 0x90) return 0;  // overlong
            if (c0 == 0xF4 && p[1] > 0x8F) return 0;  // above U+10FFFF
            return 4;
        }
        return 0;
    }

    std::unique_ptr<char[]> buf_;
    std::size_t len_ = 0, cap_ = 0;
};

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
