// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_IO_DETAIL_CSV_PARALLEL_HPP
#define CROSSCHECK_IO_DETAIL_CSV_PARALLEL_HPP

#include <crosscheck/corpus/corpus.hpp>
#include <crosscheck/detail/memory.hpp>
#include <crosscheck/detail/threads.hpp>
#include <crosscheck/io/detail/csv_parser.hpp>
#include <crosscheck/io/diagnostic.hpp>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace crosscheck::detail {

/// Threads worth using for `bytes` of CSV: small inputs are not worth a thread.
inline unsigned csv_thread_count(unsigned requested, std::size_t bytes) noexcept {
    unsigned n = requested == 0 ? std::thread::hardware_concurrency() : requested;
    if (n == 0) n = 1;
    const std::size_t min_chunk = std::size_t{4} << 20;
    if (bytes / min_chunk < n) n = static_cast<unsigned>(bytes / min_chunk);
    return n == 0 ? 1 : n;
}

/// A Target for csv_row_parser that keeps what one chunk of the file holds, with names interned
/// in tables of its own; merge_csv_chunk then renumbers them into the corpus.
struct csv_chunk_target {
    name_table names;
    unit_table units;
    basic_symbol_table<source_index> sources;
    std::vector<std::vector<std::pair<symbol, symbol>>> scopes{{}};  // local scope 0: none
    struct entries_hash {
        std::size_t operator()(const std::vector<std::pair<symbol, symbol>>& v) const noexcept {
            std::uint64_t h = 1469598103934665603ull;
            for (const auto& [a, b] : v) h = (h ^ (std::uint64_t{to_index(a)} << 32 | to_index(b))) * 1099511628211ull;
            return static_cast<std::size_t>(h);
        }
    };
    std::unordered_map<std::vector<std::pair<symbol, symbol>>, scope_id, entries_hash> scope_index;
    // The chunk's records, written straight into the corpus's reserved storage (its part of it,
    // `room` records): the merge then renumbers them where they are instead of copying them.
    stored_claim* claims = nullptr;
    std::size_t room = 0, count = 0;
    std::vector<char> ids;  ///< id texts as corpus_access::encode_claim_id writes them (stored_claim::id = offset)
    std::vector<claim_extra> extras;
    std::vector<std::size_t> lines;
    // Whether every id so far is a decimal above the one before (first_id .. last_id): then the
    // merge checks the chunk's ids for duplicates with one comparison (claim_id_checker::add_rising).
    bool rising = true, any_id = false, generated = false;
    std::uint64_t first_id = 0, last_id = 0;

    symbol name(std::string_view s) { return names.intern(s); }
    unit_id unit(std::string_view s) { return units.intern(s); }
    source_index source(std::string_view s) { return sources.intern(s); }
    scope_id scope(std::vector<std::pair<symbol, symbol>> e) {
        std::sort(e.begin(), e.end());
        auto it = scope_index.find(e);
        if (it != scope_index.end()) return it->second;
        const scope_id id{static_cast<std::uint32_t>(scopes.size())};
        scopes.push_back(e);
        scope_index.emplace(std::move(e), id);
        return id;
    }
    // Duplicate ids are found when the chunks are merged, in file order.
    std::optional<std::size_t> check_id(std::string_view id, std::size_t) {
        std::uint64_t v = 0;
        if (rising && decimal_id(id, v) && (!any_id || v > last_id)) {
            if (!any_id) first_id = v;
            last_id = v;
            any_id = true;
        } else {
            rising = false;
        }
        return std::nullopt;
    }
    void commit(const stored_claim& r, std::string_view id, const claim_extra* extra, std::size_t line) {
        stored_claim c = r;
        c.id = static_cast<std::uint32_t>(corpus_access::encode_claim_id(ids, id));
        generated = generated || id.empty();
        if (extra) {
            c.extra = static_cast<std::uint32_t>(extras.size());
            extras.push_back(*extra);
        } else {
            c.extra = stored_claim::none;
        }
        // The part holds a record per line break of the chunk (+1), which no chunk can exceed.
        if (count == room) throw std::logic_error("crosscheck: a CSV chunk outgrew its part of the storage");
        claims[count++] = c;
        lines.push_back(line);
    }
};

/// One chunk of the file: its bytes, its first line, and what parsing it produced.
struct csv_chunk {
    const char* begin = nullptr;
    const char* end = nullptr;
    std::size_t first_line = 0;
    load_result result;
    csv_chunk_target target;
};

/// A chunk's names, units, sources and scopes as the corpus numbers them.
struct csv_chunk_maps {
    std::vector<symbol> names;
    std::vector<unit_id> units;
    std::vector<source_index> sources;
    std::vector<scope_id> scopes;
};

/// Interns a chunk's names, units, sources and scopes into the corpus, in the order the chunk met
/// them (which is the order a one-thread load interns them), and returns their corpus numbers.
inline csv_chunk_maps map_csv_chunk(const csv_chunk_target& t, corpus& c) {
    csv_chunk_maps m;
    m.names.resize(t.names.size());
    m.units.resize(t.units.size());
    m.sources.resize(t.sources.size());
    m.scopes.assign(t.scopes.size(), empty_scope);
    for (std::uint32_t s = 0; s < m.names.size(); ++s) m.names[s] = c.names().intern(t.names.display(symbol{s}));
    for (std::uint32_t s = 0; s < m.units.size(); ++s) m.units[s] = c.unit_names().intern(t.units.str(unit_id{s}));
    for (std::uint32_t s = 0; s < m.sources.size(); ++s) m.sources[s] = c.intern_source(t.sources.str(source_index{s}));
    for (std::size_t k = 1; k < t.scopes.size(); ++k) {
        auto e = t.scopes[k];
        for (auto& [d, tok] : e) d = m.names[to_index(d)], tok = m.names[to_index(tok)];
        m.scopes[k] = c.intern_scope_entries(std::move(e));
    }
    return m;
}

/// Appends a parsed chunk to the corpus: renumbers its names, units, sources and scopes through
/// `maps` (map_csv_chunk, made after every earlier chunk was merged), checks claim ids in file
/// order, and adds the claims. Returns the claims added.
inline std::size_t merge_csv_chunk(csv_chunk& ch, corpus& c, claim_id_checker& ids, diagnostic_sink& sink,
                                   const csv_chunk_maps& maps) {
    auto& t = ch.target;
    const auto& name_map = maps.names;
    const auto& unit_map = maps.units;
    const auto& source_map = maps.sources;
    const auto& scope_map = maps.scopes;
    // The chunk's own diagnostics come first: they are on lines before or among its claims, and
    // duplicate ids (found here) are reported after them.
    auto note = [](const diagnostic& d) { return d.line == 0 && d.message.rfind("too many ", 0) == 0; };
    for (auto& d : ch.result.errors)
        if (!note(d)) sink.error(std::move(d));
    for (auto& d : ch.result.warnings)
        if (!note(d)) sink.warning(std::move(d));
    for (auto& s : ch.result.skipped) sink.result().skipped.push_back(std::move(s));

    auto renumber = [&](stored_claim& r) {
        r.subject = name_map[to_index(r.subject)];
        r.predicate = name_map[to_index(r.predicate)];
        r.scope = scope_map[to_index(r.scope)];
        r.source = source_map[to_index(r.source)];
        if (r.sym != stored_claim::none)
            r.sym = r.kind == value_kind::quantity ? to_index(unit_map[r.sym]) : to_index(name_map[r.sym]);
    };
    // Ids that rise past every earlier one (as a generated claims table's do): no id can be a
    // duplicate, so the claims go in as one block.
    CROSSCHECK_ASSERT(t.claims >= corpus_access::spare_records(c));
    if (t.rising && !t.generated && t.extras.empty() && (!t.any_id || ids.add_rising(t.first_id, t.last_id))) {
        corpus_access::append_spare(c, static_cast<std::size_t>(t.claims - corpus_access::spare_records(c)), t.count,
                                    {t.ids.data(), t.ids.size()}, renumber);
        const std::size_t added = t.count;
        ch.target = csv_chunk_target{};
        return added;
    }
    // One by one: each record is read before add_stored writes at the end of the stored claims,
    // which is never past it (the chunk's records lie at or after that end).
    std::size_t added = 0;
    for (std::size_t i = 0; i < t.count; ++i) {
        stored_claim r = t.claims[i];
        std::string_view id = corpus_access::decode_claim_id(t.ids.data(), r.id);
        if (!id.empty()) {
            if (auto first = ids.add(id, t.lines[i])) {
                diagnostic d;
                d.line = t.lines[i];
                d.column = 1;
                d.claim_id = std::string(id);
                d.field = "claim_id";
                d.message = "duplicate claim id '" + std::string(id) + "' (" + csv_where(*first) + ")";
                sink.claim_problem(std::move(d));
                if (sink.options().skip_invalid) sink.result().skipped.push_back(std::string(id));
                if (sink.full()) break;
                continue;
            }
        }
        renumber(r);
        const claim_extra* extra = r.extra == stored_claim::none ? nullptr : &t.extras[r.extra];
        auto idx = c.add_stored(r, id, extra);
        ++added;
        if (id.empty()) {
            auto gen = c.claim_id(idx);
            if (auto first = ids.add_generated(gen, t.lines[i])) {
                diagnostic d;
                d.line = t.lines[i];
                d.claim_id = std::string(gen);
                d.field = "claim_id";
                d.message = "the id generated for this claim, '" + std::string(gen) + "', is already taken (" +
                            csv_where(*first) + ")";
                sink.error(std::move(d));
            }
        }
    }
    ch.target = csv_chunk_target{};  // free the chunk's memory before the next merge
    return added;
}

/// Counts the line breaks in [p, e) and tells whether a quote is there, sixteen bytes at a time
/// where SSE2 is there. Counts add up in byte lanes (a match is -1, subtracted), summed every
/// 255 blocks: no popcount, which without -mpopcnt is a library call per block.
inline std::size_t scan_line_breaks(const char* p, const char* e, bool& quote) noexcept {
    std::size_t n = 0;
    bool q = false;
#if CROSSCHECK_DETAIL_SSE2
    const __m128i nl = _mm_set1_epi8('\n'), dq = _mm_set1_epi8('"'), zero = _mm_setzero_si128();
    __m128i any_q = zero;
    while (e - p >= 16) {
        __m128i lanes = zero;
        for (int k = 0; k < 255 && e - p >= 16; ++k, p += 16) {
            const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
            lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(b, nl));
            any_q = _mm_or_si128(any_q, _mm_cmpeq_epi8(b, dq));
        }
        const __m128i sums = _mm_sad_epu8(lanes, zero);  // two 64-bit sums of eight lanes each
        n += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) +
             static_cast<std::size_t>(_mm_cvtsi128_si32(_mm_srli_si128(sums, 8)));
    }
    q = _mm_movemask_epi8(any_q) != 0;
#endif
    for (; p < e; ++p) n += (*p == '\n'), q = q || *p == '"';
    quote = q;
    return n;
}

/// Line breaks in [p, e).
inline std::size_t count_line_breaks(const char* p, const char* e) noexcept {
    bool quote = false;
    return scan_line_breaks(p, e, quote);
}

/// What one pass over the body learns before it is cut into chunks, one slice per thread on all
/// threads (on a large file a serial scan would be the load's longest serial step): whether it holds
/// a quote (a quoted field may span lines, so only quote-free text can be cut at line breaks),
/// and how many line breaks each slice holds (the line numbers the later chunks start at).
struct csv_body_scan {
    bool quotes = false;
    std::vector<const char*> bounds;  ///< slice k is [bounds[k], bounds[k + 1])
    std::vector<std::size_t> breaks;  ///< line breaks in slice k

    /// The line number at `p` (the start of a line) when the body starts at line `first`.
    std::size_t line_at(const char* p, std::size_t first) const noexcept {
        if (p == bounds.back()) {  // the end: every slice whole, no counting
            for (auto b : breaks) first += b;
            return first;
        }
        std::size_t k = 0;
        for (; k + 1 < breaks.size() && bounds[k + 1] <= p; ++k) first += breaks[k];
        return first + count_line_breaks(bounds[k], p);
    }
};

inline csv_body_scan scan_csv_body(const char* begin, const char* end, unsigned threads) {
    csv_body_scan scan;
    const auto size = static_cast<std::size_t>(end - begin);
    for (unsigned k = 0; k < threads; ++k) scan.bounds.push_back(begin + size / threads * k);
    scan.bounds.push_back(end);
    scan.breaks.assign(threads, 0);
    std::vector<char> quoted(threads, 0);
    on_threads(threads, [&](unsigned k) {
        bool q = false;
        // Each thread maps its part of the file, the first reader of those pages.
        populate_read(scan.bounds[k], static_cast<std::size_t>(scan.bounds[k + 1] - scan.bounds[k]));
        scan.breaks[k] = scan_line_breaks(scan.bounds[k], scan.bounds[k + 1], q);
        quoted[k] = q;
    });
    for (char q : quoted) scan.quotes = scan.quotes || q != 0;
    return scan;
}

/// Parses [begin, end), which holds no quote character (so every line break ends a record), on
/// `threads` threads. The text is cut into one chunk per thread at line breaks. The first chunk
/// is parsed on the calling thread straight into the corpus, as a one-thread load would; the
/// others on worker threads, each with name tables of its own, and are then merged in file
/// order (merge_csv_chunk renumbers a chunk's names, so the corpus ends up exactly as a
/// one-thread load would leave it). One chunk per thread, not more: each chunk meets most of
/// the file's names, and merging re-interns every name a chunk has. Returns the claims added.
inline std::size_t parse_csv_parallel(const char* begin, const char* end, std::size_t line,
                                      const std::vector<csv_col>& roles, corpus& c, diagnostic_sink& sink,
                                      const csv_body_scan& scan, std::size_t id_bytes_per_row,
                                      const std::function<void(const char*, const char*)>& release) {
    const auto threads = static_cast<unsigned>(scan.breaks.size());
    std::vector<std::unique_ptr<csv_chunk>> chunks;
    const char* at = begin;
    for (unsigned k = 0; k < threads && at < end; ++k) {
        const char* stop = scan.bounds[k + 1];
        if (stop < at) stop = at;
        if (stop < end) {
            const void* nl = std::memchr(stop, '\n', static_cast<std::size_t>(end - stop));
            stop = nl ? static_cast<const char*>(nl) + 1 : end;
        }
        auto ch = std::make_unique<csv_chunk>();
        ch->begin = at;
        ch->end = stop;
        chunks.push_back(std::move(ch));
        at = stop;
    }
    // Line breaks before each chunk (and before the end), counted once from the scan: a
    // chunk's rows are at most its line breaks + 1 (blank lines count too).
    std::vector<std::size_t> breaks_before(chunks.size() + 1);
    for (std::size_t k = 0; k < chunks.size(); ++k) breaks_before[k] = scan.line_at(chunks[k]->begin, 0);
    breaks_before.back() = scan.line_at(end, 0);
    auto rows_in = [&](std::size_t k) { return breaks_before[k + 1] - breaks_before[k] + 1; };
    // The corpus's reserved storage holds every chunk's records: the first chunk's as a
    // one-thread load stores them, each later one's in a part of its own further on (a record
    // per line break it holds, + 1: no chunk can have more), written by its thread in place;
    // the merge renumbers them there and closes the gaps (blank or invalid lines) by moving
    // them down, instead of copying every record from a buffer of the chunk's. The parts add
    // up to the line breaks + 1 per chunk (the last line may lack its line break).
    c.reserve(c.size() + breaks_before.back() + chunks.size(), c.id_bytes());
    stored_claim* const storage = corpus_access::spare_records(c);
    std::vector<std::size_t> slot_start(chunks.size() + 1, 0);  // chunk k's part: [start k, start k+1)
    for (std::size_t k = 0; k < chunks.size(); ++k) slot_start[k + 1] = slot_start[k] + rows_in(k);
    // Left to the first touch, the kernel zeroes the first chunk's part on that chunk's thread
    // as it writes, inside its parse. The second thread takes
    // that over while it is further through its chunk than the first thread is through the
    // first: it faults in the pages just ahead of where the first chunk has got, not all at
    // once (the file's pages are given back at the parse's pace, so memory faulted in early
    // adds to the peak), and nothing while it is the slower one.
    auto fraction = [](const char* pos, const csv_chunk& part) {
        return static_cast<double>(pos - part.begin) /
               static_cast<double>(std::max<std::ptrdiff_t>(1, part.end - part.begin));
    };
    std::size_t added = 0;
    std::optional<csv_corpus_target> target;
    std::atomic<bool> first_done{false};
    std::atomic<double> first_reached{0};  // fraction of the first chunk parsed
    on_threads(static_cast<unsigned>(chunks.size()), [&](unsigned k) {
        auto& ch = *chunks[k];
        if (k == 0) {
            target.emplace(c, sink);
            csv_row_parser<csv_corpus_target> parser(*target, roles, sink, rows_in(0));
            parser.on_consumed([&](const char* from, const char* to) {
                if (release) release(from, to);
                first_reached.store(fraction(to, ch), std::memory_order_relaxed);
            });
            parser.parse(ch.begin, ch.end, line);
            added = target->added;
            first_done.store(true, std::memory_order_relaxed);
            return;
        }
        ch.first_line = line + breaks_before[k];  // diagnostics name absolute lines
        load_options o = sink.options();
        diagnostic_sink local(ch.result, o, sink.file());
        const std::size_t expected = rows_in(k);
        ch.target.claims = storage + slot_start[k];
        ch.target.room = expected;
        reserve_resident(ch.target.lines, expected);
        reserve_resident(ch.target.ids, id_bytes_per_row * expected);
        csv_row_parser<csv_chunk_target> parser(ch.target, roles, local, expected);
        constexpr std::size_t step = std::size_t{2} << 20;
        const auto* first_part = reinterpret_cast<const char*>(storage);
        const std::size_t first_bytes = slot_start[1] * sizeof(stored_claim);
        std::size_t faulted = 0;  // of the first chunk's part
        auto help_first = [&](const char* reached) {
            const double first = first_reached.load(std::memory_order_relaxed);
            if (first_done.load(std::memory_order_relaxed) || fraction(reached, ch) <= first) return;
            const std::size_t from =
                std::max(faulted, static_cast<std::size_t>(first * static_cast<double>(first_bytes)));
            const std::size_t to = std::min(first_bytes, from + 4 * step);
            if (to > from) populate(first_part + from, to - from);
            faulted = to;  // from >= faulted, so to is too
        };
        if (k == 1)
            parser.on_consumed([&](const char* from, const char* to) {
                if (release) release(from, to);
                help_first(to);
            });
        else if (release) parser.on_consumed(release);
        parser.parse(ch.begin, ch.end, ch.first_line);
    });
    for (std::size_t k = 1; k < chunks.size(); ++k) {
        if (!sink.full())
            added += merge_csv_chunk(*chunks[k], c, target->ids, sink, map_csv_chunk(chunks[k]->target, c));
        chunks[k].reset();
    }
    return added;
}

}  // namespace crosscheck::detail

#endif
