// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_MODEL_SOURCE_HPP
#define CROSSCHECK_MODEL_SOURCE_HPP

#include <crosscheck/model/period.hpp>

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace crosscheck {

/// Who made claims, or whom claims rely on (§1 Source). A source that is only cited (a newspaper
/// relayed by others, a company filing) may have no claims of its own.
struct source {
    std::string id;  ///< required, unique, compared exactly
    std::string outlet;
    std::string title;
    std::string url;
    std::string author;
    std::string language;               ///< BCP 47, e.g. "de"
    std::optional<period> published;    ///< a Date of §2
    std::optional<double> reliability;  ///< prior in [0, 1]
    std::vector<std::string> cites;     ///< ids of the sources this one relies on
    std::optional<std::string> translation_of;

    /// The name to show: the outlet, or the id when there is none.
    const std::string& display_name() const noexcept { return outlet.empty() ? id : outlet; }

    friend bool operator==(const source& a, const source& b) {
        return a.id == b.id && a.outlet == b.outlet && a.title == b.title && a.url == b.url && a.author == b.author &&
               a.language == b.language && a.published == b.published && a.reliability == b.reliability &&
               a.cites == b.cites && a.translation_of == b.translation_of;
    }
    friend bool operator!=(const source& a, const source& b) { return !(a == b); }
    friend std::ostream& operator<<(std::ostream& os, const source& s) {
        os << s.id;
        if (!s.outlet.empty()) os << " (" << s.outlet << ")";
        if (s.published) os << " " << to_string(*s.published);
        return os;
    }
};

/// Index of a source within a corpus (its position in the corpus's source list). A distinct
/// type, like the corpus's other ids: `source_index{n}` makes one, to_index gives the number.
enum class source_index : std::uint32_t {};
constexpr std::uint32_t to_index(source_index s) noexcept {
    return static_cast<std::uint32_t>(s);
}

}  // namespace crosscheck

#endif
