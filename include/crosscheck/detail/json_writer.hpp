// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_DETAIL_JSON_WRITER_HPP
#define CROSSCHECK_DETAIL_JSON_WRITER_HPP

// JSON text into a growing buffer, with the escapes nlohmann's dump() uses: the report and corpus
// writers share it, and their output equals nlohmann's byte for byte.

#include <crosscheck/config.hpp>

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>

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

}  // namespace crosscheck::detail

#endif  // CROSSCHECK_DETAIL_JSON_WRITER_HPP
