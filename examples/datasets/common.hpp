// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_EXAMPLES_DATASETS_COMMON_HPP
#define CROSSCHECK_EXAMPLES_DATASETS_COMMON_HPP

// Pieces shared by the data-set converters: a converted data set (evidence + gold standard),
// text helpers, file reading.

#include <crosscheck/resolve/methods.hpp>

#include <cctype>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace datasets {

/// A data set converted to evidence, with its gold standard.
struct dataset {
    std::string name;
    crosscheck::evidence_table ev;
    /// The gold items: evidence item and the true value.
    struct gold_item {
        crosscheck::evidence_table::index item;
        crosscheck::candidate_value truth;
    };
    std::vector<gold_item> gold;
    std::size_t gold_total = 0;  // gold entries read, including those no source states
    /// Whether a chosen value counts as the truth (default: same text).
    std::function<bool(const crosscheck::candidate_value& chosen, const crosscheck::candidate_value& truth)> correct =
        [](const crosscheck::candidate_value& a, const crosscheck::candidate_value& b) { return a.text == b.text; };
    /// For the corpus writer: one row per observation, the original text as stated.
    std::vector<std::string> quotes;  // parallel to ev.observations(); may be empty
};

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::ostringstream os;
    os << in.rdbuf();
    return os.str();
}

inline std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        auto line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        out.push_back(line);
        start = end + 1;
    }
    return out;
}

inline std::vector<std::string_view> split(std::string_view line, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        auto end = line.find(sep, start);
        if (end == std::string_view::npos) {
            out.push_back(line.substr(start));
            break;
        }
        out.push_back(line.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

/// Splits one CSV record (RFC 4180 quoting, no embedded newlines in these files).
inline std::vector<std::string> split_csv(std::string_view line) {
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < line.size() && line[i + 1] == '"') {
                    cur += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cur += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(std::move(cur));
    return out;
}

inline std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

inline std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// Latin-1 bytes to UTF-8 (every byte is a code point).
inline std::string latin1_to_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            out += ch;
        } else {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

}  // namespace datasets

#endif
