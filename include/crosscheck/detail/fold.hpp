// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_DETAIL_FOLD_HPP
#define CROSSCHECK_DETAIL_FOLD_HPP

#include <cstdint>
#include <string>
#include <string_view>

namespace crosscheck::detail {

// Simple case folding for the scripts claims are written in: ASCII, Latin-1, Latin Extended-A,
// Greek and Cyrillic. Full Unicode folding would need tables far larger than the rest of the
// library; docs/format.md §3 asks for simple folding only.
inline char32_t fold_code_point(char32_t c) noexcept {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;  // Latin-1 capitals
    if (c >= 0x100 && c <= 0x17F) {                            // Latin Extended-A: pairs
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c % 2 == 1) ? c + 1 : c;
        if (c == 0x130 || c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F) return c;
        if (c == 0x178) return 0xFF;  // Ÿ folds to ÿ in Latin-1, not to its neighbour Ź
        return (c % 2 == 0) ? c + 1 : c;
    }
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;  // Greek capitals
    if (c == 0x386) return 0x3AC;                               // Greek capitals with tonos
    if (c >= 0x388 && c <= 0x38A) return c + 37;
    if (c == 0x38C) return 0x3CC;
    if (c == 0x38E || c == 0x38F) return c + 63;
    if (c == 0x3C2) return 0x3C3;                 // final sigma folds to sigma
    if (c >= 0x410 && c <= 0x42F) return c + 32;  // Cyrillic А-Я
    if (c >= 0x400 && c <= 0x40F) return c + 80;  // Cyrillic Ѐ-Џ
    return c;
}

inline void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

/// True when folding would leave `s` unchanged (the common case: lower-case ASCII ids), so
/// callers can skip the copy.
inline bool is_folded(std::string_view s) noexcept {
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80 || (c >= 'A' && c <= 'Z')) return false;
    }
    return true;
}

/// Folds `s` into `out` (cleared first). Bytes that are not valid UTF-8 are copied unchanged:
/// folding never loses input.
inline void fold_into(std::string_view s, std::string& out) {
    out.clear();
    out.reserve(s.size());
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        auto b0 = static_cast<unsigned char>(s[i]);
        if (b0 < 0x80) {
            out.push_back(static_cast<char>((b0 >= 'A' && b0 <= 'Z') ? b0 + 32 : b0));
            ++i;
            continue;
        }
        std::size_t len = (b0 >= 0xF0 && b0 < 0xF8) ? 4 : (b0 >= 0xE0) ? 3 : (b0 >= 0xC2 && b0 < 0xE0) ? 2 : 0;
        if (b0 >= 0xF8) len = 0;
        bool ok = len != 0 && i + len <= n;
        char32_t c = 0;
        if (ok) {
            c = (len == 2) ? (b0 & 0x1Fu) : (len == 3) ? (b0 & 0x0Fu) : (b0 & 0x07u);
            for (std::size_t k = 1; k < len; ++k) {
                auto b = static_cast<unsigned char>(s[i + k]);
                if ((b & 0xC0) != 0x80) {
                    ok = false;
                    break;
                }
                c = (c << 6) | (b & 0x3Fu);
            }
            if (c < (len == 2 ? 0x80u : len == 3 ? 0x800u : 0x10000u)) ok = false;  // overlong: copy, not decode
        }
        if (!ok) {
            out.push_back(s[i]);
            ++i;
            continue;
        }
        append_utf8(out, fold_code_point(c));
        i += len;
    }
}

inline std::string fold(std::string_view s) {
    std::string out;
    fold_into(s, out);
    return out;
}

/// Checks that `s` is well-formed UTF-8 (no overlongs, no surrogates); returns the byte offset of
/// the first bad byte, or npos.
inline std::size_t find_invalid_utf8(std::string_view s) noexcept {
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        auto b0 = static_cast<unsigned char>(s[i]);
        if (b0 < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        char32_t min = 0;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            len = 2;
            min = 0x80;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            len = 3;
            min = 0x800;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            len = 4;
            min = 0x10000;
        } else {
            return i;
        }
        if (i + len > n) return i;
        char32_t c = (len == 2) ? (b0 & 0x1Fu) : (len == 3) ? (b0 & 0x0Fu) : (b0 & 0x07u);
        for (std::size_t k = 1; k < len; ++k) {
            auto b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xC0) != 0x80) return i;
            c = (c << 6) | (b & 0x3Fu);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return i;
        i += len;
    }
    return std::string_view::npos;
}

}  // namespace crosscheck::detail

#endif
