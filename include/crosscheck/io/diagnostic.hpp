// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_IO_DIAGNOSTIC_HPP
#define CROSSCHECK_IO_DIAGNOSTIC_HPP

#include <crosscheck/model/error.hpp>
#include <crosscheck/report/report.hpp>

#include <algorithm>
#include <cstddef>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace crosscheck {

/// One problem a loader found in its input, located as precisely as the input allows.
struct diagnostic {
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    std::string file;          ///< the file name given to the loader (may be empty)
    std::size_t line = 0;      ///< 1-based; 0: not known
    std::size_t column = 0;    ///< 1-based, in characters (UTF-8 code points); 0: not known
    std::string claim_id;      ///< the claim concerned, if it has an id
    std::size_t index = npos;  ///< the claim's position in the `claims` array when it has no id
    std::string field;         ///< the field at fault: `valid.from` inside a claim, else a path
    std::string message;       ///< what is wrong and what was expected
    severity level = severity::error;

    friend bool operator==(const diagnostic& a, const diagnostic& b) {
        return a.file == b.file && a.line == b.line && a.column == b.column && a.claim_id == b.claim_id &&
               a.index == b.index && a.field == b.field && a.message == b.message && a.level == b.level;
    }
    friend bool operator!=(const diagnostic& a, const diagnostic& b) { return !(a == b); }
};

/// `corpus.json:14:7: error: claim 'e3' field 'valid.from': invalid date '2025-13': month must be 01-12`.
/// Parts that are not known are left out; a file with no name shows as `<input>`.
inline std::string to_string(const diagnostic& d) {
    std::string out = d.file.empty() ? std::string("<input>") : d.file;
    if (d.line != 0) {
        out += ':' + std::to_string(d.line);
        if (d.column != 0) out += ':' + std::to_string(d.column);
    }
    out += ": ";
    out += to_string(d.level);
    out += ": ";
    bool context = false;
    if (!d.claim_id.empty()) {
        out += "claim '" + d.claim_id + "'";
        context = true;
    } else if (d.index != diagnostic::npos) {
        out += "claims[" + std::to_string(d.index) + "]";
        context = true;
    }
    if (!d.field.empty()) {
        if (context) out += ' ';
        out += "field '" + d.field + "'";
        context = true;
    }
    if (context) out += ": ";
    out += d.message;
    return out;
}

inline std::ostream& operator<<(std::ostream& os, const diagnostic& d) {
    return os << to_string(d);
}

/// How a loader treats bad input.
struct load_options {
    /// Stop after this many errors (one more diagnostic then says that the loader stopped).
    std::size_t max_errors = 100;
    /// Leave out claims that have errors, list them in load_result::skipped and report their
    /// problems as warnings, instead of failing the load.
    bool skip_invalid = false;
    /// Threads for the CSV loader (0, the default: as many as the hardware has). The corpus is
    /// the same for any count. Files that contain a quote character are always parsed on one
    /// thread, since a quoted newline makes a split ambiguous; files under 4 MiB a thread too.
    unsigned threads = 0;
};

/// What a loader reports. The load succeeded when there are no errors; claims with errors are
/// never added to the corpus (with skip_invalid they are listed in `skipped`).
struct load_result {
    std::vector<diagnostic> errors;
    std::vector<diagnostic> warnings;
    /// Ids of the claims left out under skip_invalid (`file:line` for a claim with no id).
    std::vector<std::string> skipped;
    /// Claims added to the corpus.
    std::size_t claims_added = 0;

    bool ok() const noexcept { return errors.empty(); }

    /// Appends another result (several files into one corpus).
    void merge(load_result other) {
        for (auto& d : other.errors) errors.push_back(std::move(d));
        for (auto& d : other.warnings) warnings.push_back(std::move(d));
        for (auto& s : other.skipped) skipped.push_back(std::move(s));
        claims_added += other.claims_added;
    }
};

/// Thrown by the loaders' throwing forms: carries every diagnostic of the failed load; what()
/// shows the first error and how many more there are.
class load_error : public error {
public:
    explicit load_error(load_result r) : error(1, "load_error", summary(r)), result_(std::move(r)) {}
    const std::vector<diagnostic>& diagnostics() const noexcept { return result_.errors; }
    const load_result& result() const noexcept { return result_; }

private:
    static std::string summary(const load_result& r) {
        if (r.errors.empty()) return "load failed";
        std::string s = to_string(r.errors.front());
        if (r.errors.size() > 1) s += " (and " + std::to_string(r.errors.size() - 1) + " more errors)";
        return s;
    }
    load_result result_;
};

namespace detail {

/// 1-based line and column (in code points) of byte `offset` of `text`.
inline std::pair<std::size_t, std::size_t> line_column(const char* text, std::size_t size,
                                                       std::size_t offset) noexcept {
    if (offset > size) offset = size;
    std::size_t line = 1, line_start = 0;
    for (std::size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') ++line, line_start = i + 1;
    std::size_t col = 1;
    for (std::size_t i = line_start; i < offset; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
    return {line, col};
}

/// Orders each list of diagnostics by file (in the order given), line and column, so they read
/// top to bottom whatever phase of the load found them. A final "too many errors" note stays last.
inline void sort_diagnostics(load_result& r, const std::vector<std::string>& files) {
    auto rank = [&](const diagnostic& d) {
        auto it = std::find(files.begin(), files.end(), d.file);
        return static_cast<std::size_t>(it - files.begin());
    };
    auto sort_list = [&](std::vector<diagnostic>& ds) {
        auto end = ds.end();
        if (!ds.empty() && ds.back().line == 0 && ds.back().message.rfind("too many ", 0) == 0) --end;
        std::stable_sort(ds.begin(), end, [&](const diagnostic& a, const diagnostic& b) {
            auto ra = rank(a), rb = rank(b);
            if (ra != rb) return ra < rb;
            if (a.line != b.line) return a.line < b.line;
            return a.column < b.column;
        });
    };
    sort_list(r.errors);
    sort_list(r.warnings);
}

/// Collects diagnostics under the options' cap and the skip_invalid policy.
class diagnostic_sink {
public:
    diagnostic_sink(load_result& r, const load_options& o, std::string file)
        : result_(r), opt_(o), file_(std::move(file)) {}

    const std::string& file() const noexcept { return file_; }
    const load_options& options() const noexcept { return opt_; }
    load_result& result() noexcept { return result_; }

    /// Whether the error cap was reached (the caller should stop).
    bool full() const noexcept { return stopped_; }
    /// Whether no more warnings will be kept (callers may skip building them).
    bool warnings_full() const noexcept { return warnings_capped_; }

    /// Records an error that is not tied to one claim (syntax, header, a source).
    void error(diagnostic d) {
        if (stopped_) return;
        d.level = severity::error;
        if (d.file.empty()) d.file = file_;
        if (result_.errors.size() >= opt_.max_errors) {
            stop();
            return;
        }
        result_.errors.push_back(std::move(d));
        if (result_.errors.size() >= opt_.max_errors) stop();
    }
    void warning(diagnostic d) {
        d.level = severity::warning;
        if (d.file.empty()) d.file = file_;
        // Warnings share the cap so a file of millions of bad rows cannot exhaust memory.
        if (result_.warnings.size() >= opt_.max_errors) {
            if (!warnings_capped_) {
                warnings_capped_ = true;
                diagnostic n;
                n.file = file_;
                n.level = severity::warning;
                n.message = "too many warnings; no more are reported";
                result_.warnings.push_back(std::move(n));
            }
            return;
        }
        result_.warnings.push_back(std::move(d));
    }
    /// Records a problem of one claim: an error, or under skip_invalid a warning.
    void claim_problem(diagnostic d) {
        if (opt_.skip_invalid) warning(std::move(d));
        else error(std::move(d));
    }

private:
    void stop() {
        if (stopped_) return;
        stopped_ = true;
        diagnostic n;
        n.file = file_;
        n.level = severity::error;
        n.message = "too many errors; stopped after " + std::to_string(opt_.max_errors);
        result_.errors.push_back(std::move(n));
    }
    load_result& result_;
    const load_options& opt_;
    std::string file_;
    bool stopped_ = false;
    bool warnings_capped_ = false;
};

}  // namespace detail

}  // namespace crosscheck

#endif
