// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_IO_LOAD_HPP
#define CROSSCHECK_IO_LOAD_HPP

// Opt-in (needs nlohmann_json through json.hpp): load corpus files of either format.

#include <crosscheck/corpus/corpus.hpp>
#include <crosscheck/detail/mapped_file.hpp>
#include <crosscheck/io/csv.hpp>
#include <crosscheck/io/diagnostic.hpp>
#include <crosscheck/io/json.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck {

/// The format of a corpus file.
enum class input_format : unsigned char {
    by_extension,  ///< `.json` or `.csv` (any case); otherwise JSON if the text starts with '{', else CSV
    json,
    csv,
};

namespace detail {
inline input_format guess_format(const std::string& path, std::string_view text) {
    auto dot = path.find_last_of('.');
    auto slash = path.find_last_of("/\\");
    if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) {
        std::string ext = fold(path.substr(dot + 1));
        if (ext == "json") return input_format::json;
        if (ext == "csv") return input_format::csv;
    }
    std::size_t i = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) ++i;
    return i < text.size() && text[i] == '{' ? input_format::json : input_format::csv;
}
}  // namespace detail

/// Loads several files into one corpus. Every JSON file's sources (and entities, vocabulary,
/// scopes, units) are declared first, so a claim may use a source declared in another file; then
/// the claims are added file by file, in the order given. Claim ids must be unique across all
/// files. `format` applies to every file. options.max_errors counts all files together.
inline load_result load_files(const std::vector<std::string>& paths, corpus& c, const load_options& options = {},
                              input_format format = input_format::by_extension) {
    load_result result;
    struct input {
        std::string path;
        std::unique_ptr<detail::mapped_file> file;
        input_format format = input_format::json;
        std::unique_ptr<detail::diagnostic_sink> sink;
        std::unique_ptr<detail::json_corpus_loader> json;
    };
    std::vector<input> inputs;
    for (const auto& p : paths) {
        input in;
        in.path = p;
        in.file = std::make_unique<detail::mapped_file>();
        std::string why;
        if (!in.file->open(p, why)) {
            diagnostic d;
            d.file = p;
            d.message = "cannot read file: " + why;
            result.errors.push_back(std::move(d));
            continue;
        }
        in.format = format == input_format::by_extension ? detail::guess_format(p, in.file->view()) : format;
        in.sink = std::make_unique<detail::diagnostic_sink>(result, options, p);
        inputs.push_back(std::move(in));
    }
    auto budget_left = [&] { return result.errors.size() < options.max_errors; };
    detail::json_load_state state;
    for (auto& in : inputs) {
        if (in.format != input_format::json || !budget_left()) continue;
        in.json = std::make_unique<detail::json_corpus_loader>(in.file->view(), *in.sink);
        if (in.json->parse()) in.json->declare(c, state);
    }
    for (auto& in : inputs) {
        if (!budget_left()) break;
        if (in.format == input_format::json) {
            if (!in.json) continue;
            in.json->add_claims(c, state);
            result.claims_added += in.json->added();
        } else {
            load_options o = options;
            o.max_errors = options.max_errors - result.errors.size();  // the cap is shared
            auto* file = in.file.get();
            auto r = detail::load_csv_text(file->view(), c, o, in.path,
                                           [file](const char* a, const char* b) { file->release(a, b); });
            result.merge(std::move(r));
        }
    }
    detail::sort_diagnostics(result, paths);
    return result;
}

/// Loads one file (JSON or CSV, by `format`).
inline load_result load_file(const std::string& path, corpus& c, const load_options& options = {},
                             input_format format = input_format::by_extension) {
    return load_files({path}, c, options, format);
}

/// Loads files into a new corpus; throws load_error when the load has errors.
inline corpus read_files(const std::vector<std::string>& paths, const load_options& options = {},
                         input_format format = input_format::by_extension) {
    corpus c;
    auto r = load_files(paths, c, options, format);
    if (!r.ok()) throw load_error(std::move(r));
    return c;
}

}  // namespace crosscheck

#endif
