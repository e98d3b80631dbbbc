// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_EXAMPLES_DATASETS_BOOK_HPP
#define CROSSCHECK_EXAMPLES_DATASETS_BOOK_HPP

// Book authors from AbeBooks bookstores (Yin, Han & Yu 2007; Dong et al. 2009). An item is a
// book (ISBN-13); a value is its author list, normalised to the set of the authors' last names
// ("knuth" for "Knuth, Donald E.", "Donald Ervin Knuth" and "KNUTH"; order ignored). Overlapping
// lists are partly similar (Jaccard), which the similarity-aware methods use.

#include "common.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace datasets {

/// ISBN-10 or ISBN-13 (any punctuation) to ISBN-13; other input comes back as its digits.
inline std::string isbn13(std::string_view s) {
    std::string d;
    for (char c : s)
        if (std::isdigit(static_cast<unsigned char>(c)) || c == 'X' || c == 'x') d += c;
    if (d.size() != 10) return d;
    std::string b = "978" + d.substr(0, 9);
    int sum = 0;
    for (std::size_t i = 0; i < b.size(); ++i) sum += (b[i] - '0') * (i % 2 == 0 ? 1 : 3);
    b += static_cast<char>('0' + (10 - sum % 10) % 10);
    return b;
}

/// One Latin-1 byte folded to lower-case ASCII letters ("" when it is not a letter).
inline std::string_view fold_latin1(unsigned char c) {
    static const char* const table[64] = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // C0
        "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // D0
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // E0
        "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};  // F0
    return c >= 0xC0 ? std::string_view(table[c - 0xC0]) : std::string_view();
}

/// Lower-case ASCII text: Latin-1 letters folded, HTML entities decoded (&amp; -> &, &oacute; -> o).
inline std::string fold_text(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '&') {
            auto semi = s.find(';', i);
            if (semi != std::string_view::npos && semi - i <= 8 && semi > i + 1) {
                auto name = s.substr(i + 1, semi - i - 1);
                if (name == "amp") out += '&';
                else if (std::isalpha(static_cast<unsigned char>(name[0])))
                    out += static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
                i = semi;
                continue;
            }
        }
        if (c >= 0x80) out += fold_latin1(c);
        else out += static_cast<char>(std::tolower(c));
    }
    return out;
}

inline bool is_role_word(std::string_view w) {
    static const char* const words[] = {"by",          "and",          "with",       "edited",     "editor",
                                        "editors",     "ed",           "eds",        "foreword",   "introduction",
                                        "contributor", "contributors", "translator", "illustrator"};
    for (auto x : words)
        if (w == x) return true;
    return false;
}

inline std::string letters_only(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c >= 'a' && c <= 'z') out += c;
    return out;
}

inline std::vector<std::string> words_of(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

/// The authors' last names, in order, duplicates dropped; nullopt for "Not Available" and empty
/// strings. Accepts "Last, First; Last, First", "First Last, First Last", "Last, First, Last,
/// First", "First Last and First Last", role markers such as "(Author)" or "By (author)".
inline std::optional<std::vector<std::string>> author_last_names(std::string_view raw) {
    std::string a = fold_text(raw);
    // Brackets (roles, affiliations), '&', '/' and '|' separate authors.
    std::string b;
    int depth = 0;
    for (char c : a) {
        if (c == '(' || c == '[') {
            ++depth;
            b += ';';
            continue;
        }
        if (c == ')' || c == ']') {
            if (depth > 0) --depth;
            b += ';';
            continue;
        }
        if (depth > 0) continue;
        b += (c == '&' || c == '/' || c == '|') ? ';' : c;
    }
    // Role words separate authors too.
    std::string c;
    std::size_t i = 0;
    while (i < b.size()) {
        if (std::isalpha(static_cast<unsigned char>(b[i]))) {
            std::size_t j = i;
            while (j < b.size() && std::isalpha(static_cast<unsigned char>(b[j]))) ++j;
            auto w = std::string_view(b).substr(i, j - i);
            if (is_role_word(w)) {
                c += ';';
                if (j < b.size() && b[j] == '.') ++j;
            } else {
                c.append(w);
            }
            i = j;
        } else {
            c += b[i++];
        }
    }
    const auto whole = std::string(trim(c));
    if (whole.empty() || whole == "not available" || whole == "n/a" || whole == "na" || whole == "unknown")
        return std::nullopt;
    std::vector<std::string> out;
    auto add = [&](std::string_view name) {
        auto n = letters_only(name);
        if (!n.empty() && std::find(out.begin(), out.end(), n) == out.end()) out.push_back(std::move(n));
    };
    for (auto piece : split(c, ';')) {
        std::vector<std::string> parts;
        for (auto part : split(piece, ',')) {
            auto t = std::string(trim(part));
            while (!t.empty() && (t.back() == '.' || t.back() == ' ')) t.pop_back();
            const auto l = letters_only(t);
            if (l.empty() || l == "jr" || l == "sr" || l == "ii" || l == "iii" || l == "phd" || l == "md" ||
                l == "etal")
                continue;
            parts.push_back(std::move(t));
        }
        if (parts.empty()) continue;
        const bool all_full = parts.size() > 1 && std::all_of(parts.begin(), parts.end(), [](const std::string& p) {
                                  return words_of(p).size() >= 2;
                              });
        if (parts.size() == 1 || all_full) {
            for (const auto& p : parts) add(words_of(p).back());  // "First Last"
        } else {
            for (std::size_t k = 0; k < parts.size(); k += 2) add(parts[k]);  // "Last, First"
        }
    }
    if (out.empty()) return std::nullopt;
    return out;
}

/// The names as one value: sorted, so the same authors in another order are the same list.
inline std::string join_names(std::vector<std::string> names) {
    std::sort(names.begin(), names.end());
    std::string s;
    for (const auto& n : names) {
        if (!s.empty()) s += "; ";
        s += n;
    }
    return s;
}

/// How much a vote for author list `b` supports list `a`. Stores often give only the first
/// author(s), so a list contained in `a` partly supports it (|b|/|a|); a longer list that
/// contains `a` says `a` is incomplete (0); other overlaps count as their Jaccard overlap.
struct author_list_similarity {
    double operator()(const crosscheck::candidate_value& a, const crosscheck::candidate_value& b) const {
        if (a.text == b.text) return 1.0;
        std::vector<std::string> xs, ys;
        for (auto v : split(a.text, ';')) xs.emplace_back(trim(v));
        for (auto v : split(b.text, ';')) ys.emplace_back(trim(v));
        std::sort(xs.begin(), xs.end());
        std::sort(ys.begin(), ys.end());
        std::vector<std::string> common;
        std::set_intersection(xs.begin(), xs.end(), ys.begin(), ys.end(), std::back_inserter(common));
        if (common.size() == ys.size()) return static_cast<double>(ys.size()) / static_cast<double>(xs.size());
        if (common.size() == xs.size()) return 0.0;
        const double uni = static_cast<double>(xs.size() + ys.size() - common.size());
        return uni > 0 ? static_cast<double>(common.size()) / uni : 0.0;
    }
};

/// `normalise_authors = false` votes on the raw author strings (case and punctuation folded, as
/// the published vote figures did) and judges the winner by its normalised names.
/// `gold_file` is book_golden.txt (100 books checked by hand) or book_silver.txt (all books).
inline dataset load_book(const std::string& dir, bool normalise_authors = true,
                         const std::string& gold_file = "book_golden.txt") {
    dataset d;
    d.name = !normalise_authors ? "book-raw" : gold_file == "book_golden.txt" ? "book" : "book-silver";
    const auto text = read_file(dir + "/book.txt");
    auto raw_original = std::make_shared<std::unordered_map<std::string, std::string>>();
    for (auto line : split_lines(text)) {
        auto f = split(line, '\t');
        if (f.size() < 4) continue;
        auto names = author_last_names(f[3]);
        if (!names) continue;
        const auto s = d.ev.add_source(latin1_to_utf8(trim(f[0])));
        const auto it = d.ev.add_item(isbn13(f[1]));
        std::string value;
        if (normalise_authors) {
            value = join_names(*names);
        } else {
            value = letters_only(fold_text(f[3]));
            raw_original->emplace(value, std::string(f[3]));
        }
        d.ev.observe(s, it, crosscheck::candidate_value::token(value));
        d.quotes.push_back(latin1_to_utf8(trim(f[3])));
    }
    if (normalise_authors) d.ev.set_similarity(author_list_similarity{});
    const auto gold = read_file(dir + "/" + gold_file);
    for (auto line : split_lines(gold)) {
        auto f = split(line, '\t');
        if (f.size() < 2 || trim(f[0]).empty()) continue;
        ++d.gold_total;
        auto names = author_last_names(f[1]);
        auto it = d.ev.find_item(isbn13(f[0]));
        if (!it || !names) continue;
        d.gold.push_back({*it, crosscheck::candidate_value::token(join_names(*names))});
    }
    if (!normalise_authors) {
        d.correct = [raw_original](const crosscheck::candidate_value& chosen,
                                   const crosscheck::candidate_value& truth) {
            auto o = raw_original->find(chosen.text);
            if (o == raw_original->end()) return false;
            auto names = author_last_names(o->second);
            return names && join_names(*names) == truth.text;
        };
    }
    return d;
}

}  // namespace datasets

#endif
