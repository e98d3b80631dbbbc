// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_IO_DETAIL_JSON_SCAN_HPP
#define CROSSCHECK_IO_DETAIL_JSON_SCAN_HPP

#include <crosscheck/detail/fold.hpp>

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <vector>

namespace crosscheck::detail {

/// One step of a path into a JSON document: an object key or an array index.
struct json_step {
    std::string key;
    std::size_t index = 0;
    bool is_index = false;
    static json_step at(std::size_t i) { return {{}, i, true}; }
    static json_step member(std::string k) { return {std::move(k), 0, false}; }
};
using json_path = std::vector<json_step>;

/// Where a syntax check failed, and why.
struct json_syntax_error {
    std::size_t offset = 0;
    std::string message;
};

/// A strict JSON checker that runs before nlohmann parses the text. It bounds the nesting depth
/// (nlohmann's parser recurses, so a deep document would overflow the stack), checks UTF-8, and
/// rejects duplicate keys and the NaN/Infinity that some writers emit, each with the byte offset
/// of the fault. It also finds where a path's value starts, for the loader's diagnostics.
class json_scanner {
public:
    explicit json_scanner(std::string_view text, std::size_t max_depth = 512) noexcept
        : b_(text.data()), p_(text.data()), e_(text.data() + text.size()), max_depth_(max_depth) {}

    /// Checks the whole text: one value, surrounded only by white space.
    std::optional<json_syntax_error> check() {
        p_ = b_;
        ws();
        if (p_ == e_) return json_syntax_error{0, "empty input: expected a JSON object"};
        if (!value(0)) return err_;
        ws();
        if (p_ != e_) {
            fail(p_, "unexpected " + describe(p_) + " after the end of the JSON value");
            return err_;
        }
        return std::nullopt;
    }

    /// The byte offset where the value at `path` starts, or nullopt if there is none. The text
    /// must have passed check().
    std::optional<std::size_t> locate(const json_path& path, std::size_t start = 0) {
        p_ = b_ + start;
        ws();
        for (const auto& step : path) {
            if (p_ == e_) return std::nullopt;
            if (step.is_index) {
                if (*p_ != '[') return std::nullopt;
                ++p_;
                ws();
                if (p_ < e_ && *p_ == ']') return std::nullopt;
                for (std::size_t i = 0; i < step.index; ++i) {
                    if (!value(0)) return std::nullopt;
                    ws();
                    if (p_ == e_ || *p_ != ',') return std::nullopt;
                    ++p_;
                    ws();
                }
            } else {
                if (*p_ != '{') return std::nullopt;
                ++p_;
                ws();
                bool found = false;
                while (p_ < e_ && *p_ == '"') {
                    std::string key;
                    if (!string(&key)) return std::nullopt;
                    ws();
                    if (p_ == e_ || *p_ != ':') return std::nullopt;
                    ++p_;
                    ws();
                    if (key == step.key) {
                        found = true;
                        break;
                    }
                    if (!value(0)) return std::nullopt;
                    ws();
                    if (p_ < e_ && *p_ == ',') {
                        ++p_;
                        ws();
                    }
                }
                if (!found) return std::nullopt;
            }
        }
        return static_cast<std::size_t>(p_ - b_);
    }

    /// Where each element of the array that starts at `start` starts (the text must have passed
    /// check()); empty if no array starts there.
    std::vector<std::size_t> element_offsets(std::size_t start) {
        std::vector<std::size_t> out;
        p_ = b_ + start;
        if (p_ >= e_ || *p_ != '[') return out;
        ++p_;
        ws();
        if (p_ < e_ && *p_ == ']') return out;
        for (;;) {
            out.push_back(static_cast<std::size_t>(p_ - b_));
            if (!value(0)) return out;
            ws();
            if (p_ == e_ || *p_ != ',') return out;
            ++p_;
            ws();
        }
    }

private:
    bool fail(const char* at, std::string message) {
        if (!failed_) {
            err_ = json_syntax_error{static_cast<std::size_t>(at - b_), std::move(message)};
            failed_ = true;
        }
        return false;
    }
    std::string describe(const char* at) const {
        if (at >= e_) return "end of input";
        auto c = static_cast<unsigned char>(*at);
        if (c >= 0x20 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
        static const char* hex = "0123456789abcdef";
        return std::string("byte 0x") + hex[c >> 4] + hex[c & 15];
    }
    void ws() noexcept {
        while (p_ < e_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }

    bool value(std::size_t depth) {
        if (p_ == e_) return fail(p_, "unexpected end of input: expected a value");
        switch (*p_) {
            case '{': return object(depth + 1);
            case '[': return array(depth + 1);
            case '"': return string(nullptr);
            case 't': return literal("true");
            case 'f': return literal("false");
            case 'n': return literal("null");
            case '-':
            case '0':
            case '1':
            case '2':
            case '3':
            case '4':
            case '5':
            case '6':
            case '7':
            case '8':
            case '9': return number();
            case 'N':
            case 'I':
                return fail(p_, "invalid literal: NaN and Infinity are not JSON; write null, or leave the field out");
            default:
                return fail(p_, "unexpected " + describe(p_) +
                                    ": expected a value (object, array, string, number, true, false or null)");
        }
    }

    bool literal(std::string_view word) {
        if (static_cast<std::size_t>(e_ - p_) >= word.size() && std::string_view(p_, word.size()) == word) {
            p_ += word.size();
            return true;
        }
        return fail(p_, "invalid literal: expected " + std::string(word));
    }

    bool number() {
        const char* start = p_;
        if (*p_ == '-') {
            ++p_;
            if (p_ < e_ && *p_ == 'I')
                return fail(start,
                            "invalid literal: NaN and Infinity are not JSON; write null, or leave the field out");
        }
        if (p_ == e_ || *p_ < '0' || *p_ > '9') return fail(start, "invalid number: expected a digit after '-'");
        if (*p_ == '0') {
            ++p_;
            if (p_ < e_ && *p_ >= '0' && *p_ <= '9')
                return fail(start, "invalid number: leading zeros are not allowed");
        } else {
            while (p_ < e_ && *p_ >= '0' && *p_ <= '9') ++p_;
        }
        if (p_ < e_ && *p_ == '.') {
            ++p_;
            if (p_ == e_ || *p_ < '0' || *p_ > '9') return fail(start, "invalid number: expected a digit after '.'");
            while (p_ < e_ && *p_ >= '0' && *p_ <= '9') ++p_;
        }
        if (p_ < e_ && (*p_ == 'e' || *p_ == 'E')) {
            ++p_;
            if (p_ < e_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (p_ == e_ || *p_ < '0' || *p_ > '9')
                return fail(start, "invalid number: expected a digit in the exponent");
            while (p_ < e_ && *p_ >= '0' && *p_ <= '9') ++p_;
        }
        // nlohmann refuses numbers beyond the range of double (it throws out_of_range).
        double v = 0;
        auto r = std::from_chars(start, p_, v);
        if (r.ec == std::errc::result_out_of_range && !tiny(start, p_))
            return fail(start, "number out of range: " + std::string(start, p_));
        return true;
    }
    /// Whether an out-of-range number is too small rather than too big (it then reads as 0).
    static bool tiny(const char* b, const char* e) noexcept {
        for (const char* x = b; x + 1 < e; ++x)
            if ((*x == 'e' || *x == 'E') && x[1] == '-') return true;
        return false;
    }

    static int hex_value(char c) noexcept {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
    bool hex4(const char* at, unsigned& out) {
        if (e_ - p_ < 4) return fail(at, "invalid \\u escape: expected four hex digits");
        out = 0;
        for (int i = 0; i < 4; ++i) {
            int h = hex_value(p_[i]);
            if (h < 0) return fail(at, "invalid \\u escape: expected four hex digits");
            out = out * 16 + static_cast<unsigned>(h);
        }
        p_ += 4;
        return true;
    }

    /// A string; decodes it into `out` when given (keys, for duplicate checks and paths).
    bool string(std::string* out) {
        const char* open = p_;
        ++p_;  // the opening quote
        for (;;) {
            const char* run = p_;
            while (p_ < e_) {
                auto c = static_cast<unsigned char>(*p_);
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
                ++p_;
            }
            if (out) out->append(run, p_);
            if (p_ == e_) return fail(open, "unterminated string: expected a closing '\"'");
            auto c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                ++p_;
                return true;
            }
            if (c < 0x20) return fail(p_, "control character in string: escape it (\\n, \\t, \\u00XX)");
            if (c >= 0x80) {
                // Validate one UTF-8 sequence.
                std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
                if (static_cast<std::size_t>(e_ - p_) < len ||
                    find_invalid_utf8(std::string_view(p_, len)) != std::string_view::npos)
                    return fail(p_, "invalid UTF-8 in string: the file must be UTF-8 text");
                if (out) out->append(p_, len);
                p_ += len;
                continue;
            }
            // Escape.
            const char* esc = p_;
            ++p_;
            if (p_ == e_) return fail(open, "unterminated string: expected a closing '\"'");
            char x = *p_++;
            switch (x) {
                case '"':
                    if (out) out->push_back('"');
                    break;
                case '\\':
                    if (out) out->push_back('\\');
                    break;
                case '/':
                    if (out) out->push_back('/');
                    break;
                case 'b':
                    if (out) out->push_back('\b');
                    break;
                case 'f':
                    if (out) out->push_back('\f');
                    break;
                case 'n':
                    if (out) out->push_back('\n');
                    break;
                case 'r':
                    if (out) out->push_back('\r');
                    break;
                case 't':
                    if (out) out->push_back('\t');
                    break;
                case 'u': {
                    unsigned u = 0;
                    if (!hex4(esc, u)) return false;
                    char32_t cp = u;
                    if (u >= 0xD800 && u <= 0xDBFF) {
                        unsigned lo = 0;
                        if (e_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u')
                            return fail(esc, "invalid \\u escape: a high surrogate must be followed by a low one");
                        p_ += 2;
                        if (!hex4(esc, lo)) return false;
                        if (lo < 0xDC00 || lo > 0xDFFF)
                            return fail(esc, "invalid \\u escape: a high surrogate must be followed by a low one");
                        cp = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                    } else if (u >= 0xDC00 && u <= 0xDFFF) {
                        return fail(esc, "invalid \\u escape: a low surrogate without a high one");
                    }
                    if (out) append_utf8(*out, cp);
                    break;
                }
                default:
                    return fail(esc, std::string("invalid escape '\\") +
                                         (static_cast<unsigned char>(x) >= 0x20 && static_cast<unsigned char>(x) < 0x7F
                                              ? std::string(1, x)
                                              : std::string("?")) +
                                         "' in string");
            }
        }
    }

    bool object(std::size_t depth) {
        if (depth > max_depth_) return fail(p_, "nesting deeper than " + std::to_string(max_depth_) + " levels");
        ++p_;
        ws();
        if (p_ < e_ && *p_ == '}') {
            ++p_;
            return true;
        }
        std::unordered_map<std::string, std::size_t> keys;
        for (;;) {
            if (p_ == e_) return fail(p_, "unexpected end of input: expected a key or '}'");
            if (*p_ != '"') return fail(p_, "unexpected " + describe(p_) + ": expected a key in double quotes");
            const char* key_at = p_;
            std::string key;
            if (!string(&key)) return false;
            auto [it, fresh] = keys.emplace(std::move(key), static_cast<std::size_t>(key_at - b_));
            if (!fresh) {
                dup_first_ = it->second;
                return fail(key_at, "duplicate key '" + it->first + "' in object");
            }
            ws();
            if (p_ == e_ || *p_ != ':') return fail(p_, "unexpected " + describe(p_) + ": expected ':' after the key");
            ++p_;
            ws();
            if (!value(depth)) return false;
            ws();
            if (p_ == e_) return fail(p_, "unexpected end of input: expected ',' or '}'");
            if (*p_ == ',') {
                ++p_;
                ws();
                continue;
            }
            if (*p_ == '}') {
                ++p_;
                return true;
            }
            return fail(p_, "unexpected " + describe(p_) + ": expected ',' or '}'");
        }
    }

    bool array(std::size_t depth) {
        if (depth > max_depth_) return fail(p_, "nesting deeper than " + std::to_string(max_depth_) + " levels");
        ++p_;
        ws();
        if (p_ < e_ && *p_ == ']') {
            ++p_;
            return true;
        }
        for (;;) {
            if (!value(depth)) return false;
            ws();
            if (p_ == e_) return fail(p_, "unexpected end of input: expected ',' or ']'");
            if (*p_ == ',') {
                ++p_;
                ws();
                continue;
            }
            if (*p_ == ']') {
                ++p_;
                return true;
            }
            return fail(p_, "unexpected " + describe(p_) + ": expected ',' or ']'");
        }
    }

public:
    /// For a duplicate-key error: the offset of the key's first occurrence.
    std::optional<std::size_t> duplicate_first() const noexcept { return dup_first_; }

private:
    const char* b_;
    const char* p_;
    const char* e_;
    std::size_t max_depth_;
    json_syntax_error err_;
    bool failed_ = false;
    std::optional<std::size_t> dup_first_;
};

}  // namespace crosscheck::detail

#endif
