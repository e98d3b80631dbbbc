// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_IO_CSV_HPP
#define CROSSCHECK_IO_CSV_HPP

#include <crosscheck/corpus/corpus.hpp>
#include <crosscheck/detail/mapped_file.hpp>
#include <crosscheck/io/detail/csv_parallel.hpp>
#include <crosscheck/io/detail/csv_parser.hpp>
#include <crosscheck/io/diagnostic.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck {

namespace detail {
inline load_result load_csv_text(std::string_view text, corpus& c, const load_options& options,
                                 std::string_view file_name,
                                 const std::function<void(const char*, const char*)>& consumed) {
    load_result result;
    detail::diagnostic_sink sink(result, options, std::string(file_name));
    const char* begin = text.data();
    const char* end = begin + text.size();
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") begin += 3;  // UTF-8 byte order mark
    detail::csv_splitter header(begin, end, 1);
    std::vector<detail::csv_col> roles;
    if (!detail::read_csv_header(header, roles, sink, text.data(), text.size())) return result;
    const char* body = header.position();
    const std::size_t body_line = header.line();

    // Reserve from the average length of the first rows, so the claims vector does not grow
    // by doubling (which would briefly hold two copies of it).
    const auto body_size = static_cast<std::size_t>(end - body);
    std::size_t estimate = 0, id_bytes_per_row = 8;
    if (body_size > 0) {
        const std::size_t sample = std::min<std::size_t>(body_size, 1u << 16);
        // The id column's width sizes the id store (plus one length byte per id). Ids often
        // grow along the file (1, 2, ... N), so the last rows are sampled too and the wider kept.
        std::size_t id_col = roles.size();
        for (std::size_t k = 0; k < roles.size(); ++k)
            if (roles[k] == detail::csv_col::claim_id) id_col = k;
        auto scan = [&](const char* from, const char* to, std::size_t& rows, std::size_t& id_bytes) {
            std::size_t field = 0, width = 0;
            for (const char* p = from; p < to; ++p) {
                if (*p == '\n') {
                    ++rows, id_bytes += width + 1, field = 0, width = 0;
                } else if (*p == ',') {
                    ++field;
                } else if (field == id_col && *p != '\r') {
                    ++width;
                }
            }
        };
        std::size_t rows = 0, id_bytes = 0, tail_rows = 0, tail_bytes = 0;
        scan(body, body + sample, rows, id_bytes);
        if (const void* nl = std::memchr(end - sample, '\n', sample)) {
            scan(static_cast<const char*>(nl) + 1, end, tail_rows, tail_bytes);
            // Compare per-row widths by cross-multiplying (no rounding).
            if (tail_rows > 0 && rows > 0 && tail_bytes * rows > id_bytes * tail_rows)
                id_bytes = tail_bytes * rows / tail_rows;
        }
        if (rows > 0) {
            id_bytes_per_row = id_bytes / rows + 1;
            estimate = body_size / (sample / rows) + 16;
            estimate += estimate / 32;
            c.reserve(c.size() + estimate, c.id_bytes() + id_bytes * (estimate / rows + 1));
        }
    }

    unsigned threads = detail::csv_thread_count(options.threads, body_size);
    std::optional<detail::csv_body_scan> scan;
    if (threads > 1) scan = detail::scan_csv_body(body, end, threads);
    if (scan && !scan->quotes) {
        result.claims_added =
            detail::parse_csv_parallel(body, end, body_line, roles, c, sink, *scan, id_bytes_per_row, consumed);
    } else {
        detail::csv_corpus_target target(c, sink);
        detail::csv_row_parser<detail::csv_corpus_target> parser(target, roles, sink, estimate);
        if (consumed) parser.on_consumed(consumed);
        parser.parse(body, end, body_line);
        result.claims_added = target.added;
    }
    detail::sort_diagnostics(result, {std::string(file_name)});
    return result;
}
}  // namespace detail

/// Loads the claims table of §5 (CSV) from `text` into `c`. Columns come in any order; the
/// required ones are claim_id, subject, predicate, scope, kind, value, lo, hi, valid_from,
/// valid_to, source_id, and unit, modality, quote may be added (other columns are ignored with a
/// warning). A `num` claim is stored in the bounds form (an empty bound is unbounded); valid_from
/// and valid_to become a from/to validity (empty: open). Sources named by source_id are created
/// as placeholders when the corpus does not know them yet (the CSV carries no source metadata).
/// Claims with errors are not added; see load_result. `file_name` is used in diagnostics.
inline load_result load_csv(std::string_view text, corpus& c, const load_options& options = {},
                            std::string_view file_name = {}) {
    return detail::load_csv_text(text, c, options, file_name, {});
}

/// Loads a claims table file (memory-mapped where the system allows). A file that cannot be read
/// is an error diagnostic, not an exception.
inline load_result load_csv_file(const std::string& path, corpus& c, const load_options& options = {}) {
    detail::mapped_file f;
    std::string why;
    if (!f.open(path, why)) {
        load_result r;
        diagnostic d;
        d.file = path;
        d.message = "cannot read file: " + why;
        r.errors.push_back(std::move(d));
        return r;
    }
    // The file's pages are handed back as the parser passes them: at 10M claims the text is
    // larger than the claims it becomes.
    return detail::load_csv_text(f.view(), c, options, path, [&f](const char* a, const char* b) { f.release(a, b); });
}

/// Loads a claims table file into a new corpus; throws load_error when the load has errors.
inline corpus read_csv_file(const std::string& path, const load_options& options = {}) {
    corpus c;
    auto r = load_csv_file(path, c, options);
    if (!r.ok()) throw load_error(std::move(r));
    return c;
}

}  // namespace crosscheck

#endif
