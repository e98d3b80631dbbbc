// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_IO_DETAIL_CSV_PARSER_HPP
#define CROSSCHECK_IO_DETAIL_CSV_PARSER_HPP

#include <crosscheck/config.hpp>
#include <crosscheck/corpus/corpus.hpp>
#include <crosscheck/detail/fold.hpp>
#include <crosscheck/detail/memory.hpp>
#include <crosscheck/io/diagnostic.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#if CROSSCHECK_DETAIL_SSE2
#include <emmintrin.h>
#endif


namespace crosscheck::detail {

/// The columns of §5, required ones first.
enum class csv_col : std::uint8_t {
    claim_id,
    subject,
    predicate,
    scope,
    kind,
    value,
    lo,
    hi,
    valid_from,
    valid_to,
    source_id,
    unit,
    modality,
    quote,
    ignored,
};
inline constexpr std::size_t csv_required_columns = 11;
inline constexpr std::size_t csv_known_columns = 14;
inline constexpr std::array<std::string_view, csv_known_columns> csv_column_names{
    "claim_id", "subject",    "predicate", "scope",     "kind", "value",    "lo",
    "hi",       "valid_from", "valid_to",  "source_id", "unit", "modality", "quote"};

inline constexpr std::size_t col_index(csv_col c) noexcept {
    return static_cast<std::size_t>(c);
}

/// Byte classes for the field scanner: 1 for the bytes that end or complicate an unquoted field.
struct csv_byte_classes {
    std::array<std::uint8_t, 256> stop{};
    constexpr csv_byte_classes() {
        stop[static_cast<unsigned char>(',')] = 1;
        stop[static_cast<unsigned char>('\n')] = 1;
        stop[static_cast<unsigned char>('\r')] = 1;
        stop[static_cast<unsigned char>('"')] = 1;
    }
};
inline constexpr csv_byte_classes csv_classes{};

/// Parses exactly `YYYY-MM-DD` into a day number; false for anything else (the caller then
/// falls back to the general Date parser, which also says what is wrong).
inline bool fast_iso_day(std::string_view s, day_number& out) noexcept {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    auto digit = [&](std::size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(s[i])) - unsigned{'0'}; };
    const unsigned y0 = digit(0), y1 = digit(1), y2 = digit(2), y3 = digit(3), m0 = digit(5), m1 = digit(6),
                   d0 = digit(8), d1 = digit(9);
    if ((y0 > 9) | (y1 > 9) | (y2 > 9) | (y3 > 9) | (m0 > 9) | (m1 > 9) | (d0 > 9) | (d1 > 9)) return false;
    const unsigned y = y0 * 1000 + y1 * 100 + y2 * 10 + y3, m = m0 * 10 + m1, d = d0 * 10 + d1;
    static constexpr unsigned char mdays[13] = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m - 1 > 11 || d - 1 >= mdays[m]) return false;
    if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) return false;
    // Days since 1970-01-01 of a proleptic Gregorian date (years 0-9999): count from 0000-03-01 so
    // that the leap day ends each 4-, 100- and 400-year cycle.
    const unsigned yy = y - (m <= 2 ? 1u : 0u) + 400;  // shifted by one era so it stays unsigned
    const unsigned era = yy / 400, yoe = yy - era * 400;
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    out = static_cast<day_number>(static_cast<long>(era) * 146097 + static_cast<long>(doe) - 719468 - 146097);
    return true;
}

/// Reads a plain decimal (`-12.75`, at most 15 digits) exactly as std::from_chars would: the
/// digits make an integer below 2^53 and the power of ten is exact, so one division rounds
/// correctly. False for anything else (exponents, long mantissas), which from_chars then reads.
inline bool fast_decimal(const char* p, const char* e, double& out) noexcept {
    static constexpr double pow10[16] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                         1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    bool neg = false;
    if (p < e && *p == '-') neg = true, ++p;
    std::uint64_t mant = 0;
    int digits = 0, frac = 0;
    while (p < e && static_cast<unsigned>(*p - '0') <= 9)
        mant = mant * 10 + static_cast<unsigned>(*p++ - '0'), ++digits;
    if (digits == 0) return false;
    if (p < e && *p == '.') {
        ++p;
        while (p < e && static_cast<unsigned>(*p - '0') <= 9)
            mant = mant * 10 + static_cast<unsigned>(*p++ - '0'), ++digits, ++frac;
        if (frac == 0) return false;
    }
    if (p != e || digits > 15) return false;
    double v = static_cast<double>(mant);
    if (frac) v /= pow10[frac];
    out = neg ? -v : v;
    return true;
}

/// Reads a number field: a finite decimal. Returns false when it is not one.
inline bool parse_csv_number(std::string_view s, double& out) noexcept {
    if (s.empty()) return false;
    const char* b = s.data();
    const char* e = b + s.size();
    if (*b == '+') ++b;  // spreadsheets write +5; from_chars does not take it
    if (b == e) return false;
    if (fast_decimal(b, e, out)) return true;
    auto r = std::from_chars(b, e, out);
    return r.ec == std::errc{} && r.ptr == e && std::isfinite(out);
}

/// Whether `s` is a plain decimal below 10^18 without leading zeros (`v` its value): ids that
/// rise along a file are checked for duplicates by comparing with the last one.
inline bool decimal_id(std::string_view s, std::uint64_t& v) noexcept {
    if (s.empty() || s.size() > 18 || (s[0] == '0' && s.size() > 1)) return false;
    v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return true;
}

/// Finds duplicate claim ids during a load. Ids that are increasing decimal numbers (what
/// generators and databases write) need no memory at all; at the first id that is not, the
/// checker builds a map of the ids already in the corpus and continues with it.
class claim_id_checker {
public:
    /// `line` values in answers: 0 when the earlier occurrence's line is not known.
    /// Answer for an id first seen earlier in this load, on a line no longer known.
    static constexpr std::size_t earlier = static_cast<std::size_t>(-1);

    explicit claim_id_checker(const corpus& c) : corpus_(c), initial_(c.size()) {
        if (c.size() != 0) fall_back(c.size());
    }

    /// Registers `id` (non-empty) seen at `line`; returns the line of an earlier occurrence
    /// (0: earlier, line unknown), or nullopt when the id is new. Call before adding the claim.
    std::optional<std::size_t> add(std::string_view id, std::size_t line) {
        if (monotone_) {
            std::uint64_t v = 0;
            if (decimal_id(id, v) && (!any_ || v > last_)) {
                last_ = v;
                any_ = true;
                return std::nullopt;
            }
            fall_back(corpus_.size());
        }
        auto [it, fresh] = seen_.emplace(std::string(id), line);
        if (fresh) return std::nullopt;
        return it->second;
    }

    /// Registers at once ids that rise from `first` to `last` (decimals, as decimal_id reads
    /// them), all above every id so far. False, with nothing registered, when that cannot be
    /// known without looking at each id: then add them one by one.
    bool add_rising(std::uint64_t first, std::uint64_t last) noexcept {
        if (!monotone_ || (any_ && first <= last_)) return false;
        last_ = last;
        any_ = true;
        return true;
    }

    /// Registers the id the corpus generated (`SOURCE#N`) for the claim it just added last.
    std::optional<std::size_t> add_generated(std::string_view id, std::size_t line) {
        if (monotone_) fall_back(corpus_.size() - 1);
        auto [it, fresh] = seen_.emplace(std::string(id), line);
        if (fresh) return std::nullopt;
        return it->second;
    }

private:
    void fall_back(std::size_t count) {
        monotone_ = false;
        seen_.reserve(count * 2);
        for (std::uint32_t i = 0; i < count; ++i)
            seen_.emplace(std::string(corpus_.claim_id(claim_index{i})), i < initial_ ? 0 : earlier);
    }

    const corpus& corpus_;
    std::size_t initial_;
    bool monotone_ = true;
    bool any_ = false;
    std::uint64_t last_ = 0;
    std::unordered_map<std::string, std::size_t> seen_;
};

/// How a duplicate-id error names the first occurrence (see claim_id_checker::add).
inline std::string csv_where(std::size_t line) {
    if (line == 0) return "already in the corpus";
    if (line == claim_id_checker::earlier) return "earlier in this file";
    return "first on line " + std::to_string(line);
}

/// Where one field of the current record lies.
struct csv_field {
    std::string_view text;     ///< the value (unquoted and unescaped)
    const char* at = nullptr;  ///< where the field starts in the input (its quote, if quoted)
};

/// Splits CSV text into records (RFC 4180: quoted fields may hold commas, doubled quotes and
/// newlines; lines end in LF or CRLF). It keeps no state between records except the position and
/// line, so a chunk that starts at a record boundary can be parsed on its own.
class csv_splitter {
public:
    static constexpr std::size_t max_fields = 64;

    csv_splitter(const char* begin, const char* end, std::size_t first_line) noexcept
        : p_(begin), end_(end), line_(first_line) {}

    bool done() const noexcept { return p_ >= end_; }
    std::size_t line() const noexcept { return line_; }

    /// Skips empty lines; returns false at the end of the input.
    bool skip_blank_lines() noexcept {
        while (p_ < end_) {
            if (*p_ == '\n') {
                ++p_, ++line_;
            } else if (*p_ == '\r' && p_ + 1 < end_ && p_[1] == '\n') {
                p_ += 2, ++line_;
            } else {
                return true;
            }
        }
        return false;
    }

    /// Splits the next record into `fields` (at most max_fields; `count` says how many there
    /// were). Returns false on malformed quoting, with `error`/`error_at` set; the splitter then
    /// resumes at the next line (or the end, for an unterminated quote).
    bool next(std::array<csv_field, max_fields>& fields, std::size_t& count, bool& non_ascii,
              std::array<std::string, max_fields>& scratch, const char*& error, const char*& error_at) {
        count = 0;
        record_start_ = p_;
        record_line_ = line_;
#if CROSSCHECK_DETAIL_SSE2
        if (next_plain(fields, count, non_ascii)) return true;
        count = 0;
#endif
        unsigned char acc = 0;
        for (;;) {
            const char* fs = p_;
            std::string_view val;
            if (p_ < end_ && *p_ == '"') {
                const char* vs = ++p_;
                bool escaped = false;
                std::string* buf = count < max_fields ? &scratch[count] : nullptr;
                for (;;) {
                    const auto* q = static_cast<const char*>(std::memchr(p_, '"', static_cast<std::size_t>(end_ - p_)));
                    if (!q) {
                        error = "unterminated quoted field: expected a closing '\"'";
                        error_at = fs;
                        for (const char* x = p_; x < end_; ++x) line_ += (*x == '\n');
                        p_ = end_;
                        return false;
                    }
                    for (const char* x = p_; x < q; ++x) {
                        line_ += (*x == '\n');
                        acc |= static_cast<unsigned char>(*x);
                    }
                    if (q + 1 < end_ && q[1] == '"') {
                        if (buf) {
                            if (!escaped) buf->clear();
                            buf->append(p_, q + 1);  // p_ == vs on the first doubled quote
                        }
                        escaped = true;
                        p_ = q + 2;
                        continue;
                    }
                    if (escaped) {
                        if (buf) buf->append(p_, q);
                        val = buf ? std::string_view(*buf) : std::string_view{};
                    } else {
                        val = std::string_view(vs, static_cast<std::size_t>(q - vs));
                    }
                    p_ = q + 1;
                    break;
                }
                if (p_ < end_ && *p_ != ',' && *p_ != '\n' && *p_ != '\r') {
                    error = "expected ',' or the end of the line after a closing quote";
                    error_at = p_;
                    skip_line();
                    return false;
                }
            } else {
#if CROSSCHECK_DETAIL_SSE2
                // 16 bytes at a time: most fields end within the first block.
                const __m128i comma = _mm_set1_epi8(','), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'),
                              quote = _mm_set1_epi8('"');
                while (end_ - p_ >= 16) {
                    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p_));
                    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, lf)),
                                                     _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, quote)));
                    auto stops = static_cast<unsigned>(_mm_movemask_epi8(hit));
                    auto high = static_cast<unsigned>(_mm_movemask_epi8(v));
                    if (stops != 0) {
                        const auto n = static_cast<unsigned>(__builtin_ctz(stops));
                        if (high & ((1u << n) - 1)) acc |= 0x80;
                        p_ += n;
                        break;
                    }
                    if (high) acc |= 0x80;
                    p_ += 16;
                }
#endif
                const auto& stop = csv_classes.stop;
                while (p_ < end_ && !stop[static_cast<unsigned char>(*p_)]) acc |= static_cast<unsigned char>(*p_++);
                if (p_ < end_ && *p_ == '"') {
                    error = "quote inside an unquoted field: quote the whole field and double the quote";
                    error_at = p_;
                    skip_line();
                    return false;
                }
                val = std::string_view(fs, static_cast<std::size_t>(p_ - fs));
            }
            if (count < max_fields) fields[count] = {val, fs};
            ++count;
            if (p_ >= end_) break;
            if (*p_ == ',') {
                ++p_;
                continue;
            }
            end_line();
            break;
        }
        non_ascii = (acc & 0x80) != 0;
        return true;
    }

    const char* record_start() const noexcept {
        return record_start_;
    }
    std::size_t record_line() const noexcept {
        return record_line_;
    }
    const char* position() const noexcept {
        return p_;
    }

private:
#if CROSSCHECK_DETAIL_SSE2
    /// The common case, fast: a record without quotes that ends in a line break at least 16
    /// bytes before the end of the input. One 16-byte block is tested for all four stop bytes at
    /// once and its fields are cut from the bit mask, so a block holding several short fields is
    /// read once. False, with nothing changed, for anything else: next() then reads the record
    /// byte by byte.
    bool next_plain(std::array<csv_field, max_fields>& fields, std::size_t& count, bool& non_ascii) noexcept {
        const __m128i comma = _mm_set1_epi8(','), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'),
                      quote = _mm_set1_epi8('"');
        const char* p = p_;
        const char* fs = p;  // start of the current field
        std::size_t n = 0;
        unsigned high = 0;  // bytes >= 0x80 seen in the record
        while (end_ - p >= 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
            auto stops = static_cast<unsigned>(
                _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, lf)),
                                               _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, quote)))));
            const auto block_high = static_cast<unsigned>(_mm_movemask_epi8(v));
            while (stops != 0) {
                const auto k = static_cast<unsigned>(__builtin_ctz(stops));
                const char* q = p + k;
                if (*q == '"' || n == max_fields) return false;
                fields[n++] = {std::string_view(fs, static_cast<std::size_t>(q - fs)), fs};
                if (*q == ',') {
                    fs = q + 1;
                    stops &= stops - 1;
                    continue;
                }
                // The line ends at q: LF, CR or CRLF, as end_line() reads them.
                const char* next = q + 1;
                if (*q == '\r' && next < end_ && *next == '\n') ++next;
                high |= block_high & ((1u << k) - 1);
                count = n;
                non_ascii = high != 0;
                p_ = next;
                ++line_;
                return true;
            }
            high |= block_high;
            p += 16;
        }
        return false;
    }
#endif
    void end_line() noexcept {
        if (*p_ == '\r') {
            ++p_;
            if (p_ < end_ && *p_ == '\n') ++p_;
        } else {
            ++p_;
        }
        ++line_;
    }
    void skip_line() noexcept {
        while (p_ < end_ && *p_ != '\n' && *p_ != '\r') ++p_;
        if (p_ < end_) end_line();
    }
    const char* p_;
    const char* end_;
    std::size_t line_;
    const char* record_start_ = nullptr;
    std::size_t record_line_ = 0;
};

/// A direct-mapped cache from short keys (up to 16 bytes, held inline) to what they were
/// interned as. The claims table repeats a few thousand names in random order: one cache line
/// here replaces the three scattered reads of a hash-table hit.
template <class V>
class short_key_cache {
public:
    // The look-ups are random: on 4 KiB pages each one would also miss the TLB, so a big table
    // goes on 2 MiB pages (huge_page_allocator) where the kernel gives them.
    explicit short_key_cache(unsigned bits) : mask_((std::size_t{1} << bits) - 1), entries_(std::size_t{1} << bits) {}

    void prefetch(std::string_view s) const noexcept {
#if defined(__GNUC__) || defined(__clang__)
        key k;
        if (make_key(s, k)) __builtin_prefetch(&entries_[index(k)]);
#else
        (void)s;
#endif
    }

    template <class Make>
    V get(std::string_view s, Make&& make) {
        V v{};
        if (find(s, v)) return v;
        v = make(s);
        put(s, v);
        return v;
    }
    /// Whether `s` is cached; sets `v` if so.
    bool find(std::string_view s, V& v) noexcept {
        key k;
        if (!make_key(s, k)) return false;
        auto& e = slot(k);
        if (e.len != k.len || e.w0 != k.w0 || e.w1 != k.w1) return false;
        v = e.value;
        return true;
    }
    void put(std::string_view s, V v) noexcept {
        key k;
        if (!make_key(s, k)) return;
        auto& e = slot(k);
        e.w0 = k.w0;
        e.w1 = k.w1;
        e.len = k.len;
        e.value = v;
    }

private:
    struct key {
        std::uint64_t w0 = 0, w1 = 0;
        std::uint32_t len = 0;
    };
    struct entry {
        std::uint64_t w0 = 0, w1 = 0;
        std::uint32_t len = 0xFFFFFFFFu;
        V value{};
    };
    bool make_key(std::string_view s, key& k) const noexcept {
        const std::size_t n = s.size();
        if (n > 16) return false;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        const std::less<const char*> before;
        if (limit_ && !before(s.data(), limit_begin_) && !before(limit_ - 16, s.data()) &&
            limit_ - limit_begin_ >= 16) {
            // Two fixed-size loads and masks instead of a variable-length copy; the bytes past
            // the key are inside the same buffer. The result equals the copying path's.
            std::memcpy(&k.w0, s.data(), 8);
            std::memcpy(&k.w1, s.data() + 8, 8);
            if (n < 8) {
                k.w0 &= (std::uint64_t{1} << (8 * n)) - 1;
                k.w1 = 0;
            } else if (n < 16) {
                k.w1 &= n == 8 ? 0 : (std::uint64_t{1} << (8 * (n - 8))) - 1;
            }
            k.len = static_cast<std::uint32_t>(n);
            return true;
        }
#endif
        if (n > 8) {
            std::memcpy(&k.w0, s.data(), 8);
            std::memcpy(&k.w1, s.data() + 8, n - 8);
        } else if (n > 0) {
            std::memcpy(&k.w0, s.data(), n);
        }
        k.len = static_cast<std::uint32_t>(n);
        return true;
    }
    std::size_t index(const key& k) const noexcept {
        std::uint64_t h = (k.w0 * 0x9E3779B97F4A7C15ull) ^ (k.w1 * 0xC2B2AE3D27D4EB4Full) ^ k.len;
        h ^= h >> 31;
        h *= 0xD6E8FEB86659FD93ull;
        h ^= h >> 32;
        return static_cast<std::size_t>(h) & mask_;
    }
    entry& slot(const key& k) noexcept {
        return entries_[index(k)];
    }
    std::size_t mask_;
    huge_page_vector<entry> entries_;
    const char* limit_begin_ = nullptr;
    const char* limit_ = nullptr;

public:
    /// Keys inside [begin, end) may be read 16 bytes at a time.
    void set_buffer(const char* begin, const char* end) noexcept {
        limit_begin_ = begin;
        limit_ = end;
    }
};

/// Turns the records of a claims table into stored claims, handing them to `Target`, which
/// interns names and keeps the claims (the corpus itself, or a per-thread chunk). Target has:
///   symbol name(string_view); symbol unit(string_view); source_index source(string_view);
///   scope_id scope(std::vector<std::pair<symbol, symbol>>);
///   std::optional<std::size_t> check_id(string_view id, std::size_t line);
///   void commit(const stored_claim&, string_view id, const claim_extra*, std::size_t line);
template <class Target>
class csv_row_parser {
public:
    /// `rows` estimates the records to come, to size the name caches.
    csv_row_parser(Target& t, const std::vector<csv_col>& roles, diagnostic_sink& sink, std::size_t rows = 0)
        : t_(t), roles_(roles), sink_(sink), names_(cache_bits(rows / 4)), sources_(cache_bits(rows / 16)) {
        where_.fill(absent);
        for (std::size_t i = 0; i < roles_.size(); ++i)
            if (roles_[i] != csv_col::ignored) where_[col_index(roles_[i])] = i;
    }

    /// Parses the records of [begin, end), which starts at a record boundary on line `line`.
    /// Called now and then with a range of text before every record still to be converted: it
    /// may be given back (see mapped_file::release).
    void on_consumed(std::function<void(const char*, const char*)> release) { release_ = std::move(release); }

    /// Returns the line after the last record read (the next chunk's first line).
    std::size_t parse(const char* begin, const char* end, std::size_t line) {
        // Records are split a few ahead of the one being converted, and the cache slots of their
        // names prefetched: converting a record takes less time than a cache miss.
        csv_splitter sp(begin, end, line);
        names_.set_buffer(begin, end);
        sources_.set_buffer(begin, end);
        constexpr std::size_t ahead = 4;  // a power of two
        auto ring = std::make_unique<std::array<record, ahead>>();
        std::size_t head = 0, tail = 0;  // records [tail, head) are split and waiting
        const char* released = begin;
        while (!sink_.full()) {
            if (release_ && head != tail && (*ring)[tail % ahead].start - released >= release_step) {
                release_(released, (*ring)[tail % ahead].start);
                released = (*ring)[tail % ahead].start;
            }
            while (head - tail < ahead && fetch(sp, (*ring)[head % ahead])) {
                auto& rec = (*ring)[head % ahead];
                if (rec.ok && rec.count == roles_.size()) prefetch(rec);
                ++head;
            }
            if (head == tail) break;
            process((*ring)[tail % ahead]);
            ++tail;
        }
        return sp.line();
    }

private:
    static constexpr std::ptrdiff_t release_step = std::ptrdiff_t{8} << 20;
    std::function<void(const char*, const char*)> release_;

    static unsigned cache_bits(std::size_t n) noexcept {
        unsigned b = 10;
        while (b < 21 && (std::size_t{1} << b) < n) ++b;
        return b;
    }

    struct record {
        std::array<csv_field, csv_splitter::max_fields> fields;
        std::array<std::string, csv_splitter::max_fields> scratch;
        std::size_t count = 0;
        bool non_ascii = false;
        bool ok = true;
        const char* err = nullptr;
        const char* err_at = nullptr;
        const char* start = nullptr;
        std::size_t line = 0;
    };

    static bool fetch(csv_splitter& sp, record& rec) {
        if (!sp.skip_blank_lines()) return false;
        rec.ok = sp.next(rec.fields, rec.count, rec.non_ascii, rec.scratch, rec.err, rec.err_at);
        rec.start = sp.record_start();
        rec.line = sp.record_line();
        return true;
    }

    void prefetch(const record& rec) noexcept {
        for (std::size_t i = 0; i < rec.count; ++i) {
            switch (roles_[i]) {
                case csv_col::subject:
                case csv_col::value: names_.prefetch(rec.fields[i].text); break;
                case csv_col::source_id: sources_.prefetch(rec.fields[i].text); break;
                default: break;
            }
        }
    }

    void process(record& rec) {
        row_start_ = rec.start;
        row_line_ = rec.line;
        if (!rec.ok) {
            id_ = {};
            bad_ = false;
            problem_at(rec.err_at, {}, rec.err);
            skip_row();
            return;
        }
        const auto& fields = rec.fields;
        const std::size_t count = rec.count;
        if (count != roles_.size()) {
            std::string msg = "expected " + std::to_string(roles_.size()) + " fields as in the header, found " +
                              std::to_string(count);
            bad_ = false;
            id_ = {};
            // Name the claim when its id column is there.
            for (std::size_t i = 0; i < count && i < roles_.size() && i < fields.size(); ++i)
                if (roles_[i] == csv_col::claim_id) id_ = fields[i].text;
            problem_at(row_start_, {}, msg);
            skip_row();
            return;
        }
        rec_ = &rec;
        if (rec.non_ascii) {
            for (std::size_t i = 0; i < count; ++i) {
                if (find_invalid_utf8(fields[i].text) == std::string_view::npos) continue;
                id_ = {};
                bad_ = false;
                problem_at(fields[i].at,
                           roles_[i] != csv_col::ignored ? csv_column_names[col_index(roles_[i])] : std::string_view{},
                           "invalid UTF-8: the file must be UTF-8 text");
                skip_row();
                return;
            }
        }
        row();
    }

    void skip_row() {
        if (sink_.options().skip_invalid)
            sink_.result().skipped.push_back(id_.empty() ? sink_.file() + ":" + std::to_string(row_line_)
                                                         : std::string(id_));
    }

    /// A field of the current record by column (empty when the table has no such column).
    const csv_field& field(csv_col c) const noexcept {
        static const csv_field none{};
        auto i = where_[col_index(c)];
        return i == absent ? none : rec_->fields[i];
    }
    std::string_view col(csv_col c) const noexcept { return field(c).text; }

    diagnostic located(const char* at, std::string_view field, std::string message) const {
        diagnostic d;
        // The line and column of `at`: the row's line plus the newlines quoted before it.
        std::size_t line = row_line_;
        const char* line_start = row_start_;
        if (at) {
            for (const char* x = row_start_; x < at; ++x)
                if (*x == '\n') ++line, line_start = x + 1;
            d.column = 1;
            for (const char* x = line_start; x < at; ++x)
                if ((static_cast<unsigned char>(*x) & 0xC0) != 0x80) ++d.column;
        }
        d.line = line;
        d.claim_id = std::string(id_);
        d.field = std::string(field);
        d.message = std::move(message);
        return d;
    }
    void problem_at(const char* at, std::string_view field, std::string message) {
        sink_.claim_problem(located(at, field, std::move(message)));
        bad_ = true;
    }
    void problem(csv_col c, std::string message) {
        problem_at(field(c).at, csv_column_names[col_index(c)], std::move(message));
    }
    void warn(csv_col c, std::string message) {
        sink_.warning(located(field(c).at, csv_column_names[col_index(c)], std::move(message)));
    }

    std::optional<period> date_field(csv_col c) {
        auto s = col(c);
        if (s.empty()) return std::nullopt;
        day_number d = 0;
        if (s.size() == 10) {
            // A table's dates repeat (a few thousand days in a decade): remember the day of each
            // `YYYY-MM-DD` text, so most dates cost a hash and one comparison.
            std::uint64_t w0 = 0;
            std::uint16_t w1 = 0;
            std::memcpy(&w0, s.data(), 8);
            std::memcpy(&w1, s.data() + 8, 2);
            auto& e = (*days_)[static_cast<std::size_t>(
                ((w0 * 0x9E3779B97F4A7C15ull) ^ (std::uint64_t{w1} * 0xC2B2AE3D27D4EB4Full)) >> (64 - day_cache_bits))];
            if (e.used && e.w0 == w0 && e.w1 == w1) return period{e.day, e.day};
            if (fast_iso_day(s, d)) {
                e = {w0, w1, true, d};
                return period{d, d};
            }
        }
        // Anything else (fast_iso_day reads only 10-byte texts) goes to the general parser.
        const auto parsed = parse_date_text(s);
        if (parsed.date) return parsed.date;
        problem(c, "invalid date '" + std::string(s) + "': " + parsed.why);
        return std::nullopt;
    }

    std::optional<double> number_field(csv_col c) {
        auto s = col(c);
        if (s.empty()) return std::nullopt;
        double v = 0;
        if (parse_csv_number(s, v)) return v;
        problem(c, "invalid number '" + std::string(s) +
                       "': expected a finite decimal number such as 12.5, or empty for unbounded");
        return std::nullopt;
    }

    symbol name(std::string_view s) {
        return names_.get(s, [&](std::string_view k) { return t_.name(k); });
    }

    scope_id parse_scope(std::string_view s) {
        if (s.find('=') == std::string_view::npos && s.find(';') == std::string_view::npos) {
            // Interned on first use, so that symbols are numbered as a JSON load of the same
            // claims numbers them.
            if (scope_dim_ == no_symbol) scope_dim_ = t_.name("scope");
            return t_.scope({{scope_dim_, name(s)}});
        }
        std::vector<std::pair<symbol, symbol>> entries;
        std::size_t i = 0;
        while (i <= s.size()) {
            auto j = s.find(';', i);
            if (j == std::string_view::npos) j = s.size();
            auto part = s.substr(i, j - i);
            auto eq = part.find('=');
            if (eq == std::string_view::npos || eq == 0 || eq + 1 == part.size() ||
                part.find('=', eq + 1) != std::string_view::npos) {
                problem(csv_col::scope,
                        "invalid scope '" + std::string(s) + "': expected empty, a token, or dim=token;dim=token");
                return empty_scope;
            }
            symbol d = name(part.substr(0, eq));
            for (const auto& e : entries)
                if (e.first == d) {
                    problem(csv_col::scope, "invalid scope '" + std::string(s) + "': dimension '" +
                                                std::string(part.substr(0, eq)) + "' appears twice");
                    return empty_scope;
                }
            entries.emplace_back(d, name(part.substr(eq + 1)));
            i = j + 1;
        }
        return t_.scope(std::move(entries));
    }

    void row() {
        bad_ = false;
        id_ = col(csv_col::claim_id);
        stored_claim r;

        auto subject = col(csv_col::subject);
        if (subject.empty()) problem(csv_col::subject, "empty subject: expected an entity id or alias");
        else r.subject = name(subject);

        auto predicate = col(csv_col::predicate);
        if (predicate.empty()) problem(csv_col::predicate, "empty predicate: expected an attribute name");
        else r.predicate = name(predicate);

        auto scope = col(csv_col::scope);
        if (!scope.empty() && !scopes_.find(scope, r.scope)) {
            bool before = bad_;
            r.scope = parse_scope(scope);
            if (bad_ == before) scopes_.put(scope, r.scope);  // errors are not cached: each row reports its own
        }

        auto kind = col(csv_col::kind);
        auto value = col(csv_col::value);
        auto lo_text = col(csv_col::lo), hi_text = col(csv_col::hi);
        auto unit = col(csv_col::unit);
        if (kind == "num") {
            r.kind = value_kind::quantity;
            auto lo = number_field(csv_col::lo);
            auto hi = number_field(csv_col::hi);
            if (lo_text.empty() && hi_text.empty())
                problem(csv_col::lo, "a num claim needs lo, hi or both (an exact figure has lo = hi)");
            if (lo && hi && *lo > *hi)
                problem(csv_col::lo,
                        "lower bound " + std::string(lo_text) + " exceeds upper bound " + std::string(hi_text));
            constexpr double inf = std::numeric_limits<double>::infinity();
            r.a = lo ? *lo : -inf;
            r.b = hi ? *hi : inf;
            r.detail_bits = stored_claim::bounds_form;
            r.set_value_unit(unit.empty() ? no_unit : units_.get(unit, [&](std::string_view k) { return t_.unit(k); }));
            if (!value.empty())
                warn(csv_col::value, "value '" + std::string(value) + "' ignored: a num claim takes lo and hi");
        } else if (kind == "cat") {
            r.kind = value_kind::token;
            if (value.empty()) problem(csv_col::value, "empty value: a cat claim needs a token");
            else r.set_value_token(name(value));
            if (!lo_text.empty() || !hi_text.empty()) warn(csv_col::lo, "lo and hi ignored: a cat claim takes a value");
            if (!unit.empty()) warn(csv_col::unit, "unit ignored: a cat claim has no unit");
        } else {
            problem(csv_col::kind, "invalid kind '" + std::string(kind) + "': expected 'cat' or 'num'");
        }

        auto from = date_field(csv_col::valid_from);
        auto to = date_field(csv_col::valid_to);
        if (from && to && from->first() > to->last())
            problem(csv_col::valid_to, "valid_to '" + std::string(col(csv_col::valid_to)) + "' is before valid_from '" +
                                           std::string(col(csv_col::valid_from)) + "'");
        r.set_validity(validity::range(from, to));

        auto mode = col(csv_col::modality);
        if (!mode.empty()) {
            if (auto m = try_parse_modality(mode)) r.mode = *m;
            else
                problem(csv_col::modality, "unknown modality '" + std::string(mode) +
                                               "': expected asserted, reported, estimated or planned");
        }

        auto src = col(csv_col::source_id);
        if (src.empty()) problem(csv_col::source_id, "empty source id: expected the id of the source making the claim");
        else r.source = sources_.get(src, [&](std::string_view k) { return t_.source(k); });

        if (id_.find('\0') != std::string_view::npos)
            problem(csv_col::claim_id, "claim id contains a NUL character");  // ids are stored NUL-terminated
        if (!id_.empty() && !bad_) {
            if (auto first = t_.check_id(id_, row_line_)) {
                problem(csv_col::claim_id, "duplicate claim id '" + std::string(id_) + "' (" + csv_where(*first) + ")");
            }
        }
        if (bad_) {
            skip_row();
            return;
        }
        auto quote = col(csv_col::quote);
        if (!quote.empty()) {
            extra_.quote.assign(quote.data(), quote.size());
            t_.commit(r, id_, &extra_, row_line_);
        } else {
            t_.commit(r, id_, nullptr, row_line_);
        }
    }

    Target& t_;
    const std::vector<csv_col>& roles_;
    diagnostic_sink& sink_;
    symbol scope_dim_ = no_symbol;
    static constexpr std::size_t absent = static_cast<std::size_t>(-1);
    std::array<std::size_t, csv_known_columns> where_{};
    const record* rec_ = nullptr;
    const char* row_start_ = nullptr;
    std::size_t row_line_ = 0;
    std::string_view id_;
    bool bad_ = false;
    claim_extra extra_;
    short_key_cache<symbol> names_;
    short_key_cache<unit_id> units_{6};
    short_key_cache<source_index> sources_;
    short_key_cache<scope_id> scopes_{8};
    struct day_entry {
        std::uint64_t w0 = 0;
        std::uint16_t w1 = 0;
        bool used = false;
        day_number day = 0;
    };
    static constexpr unsigned day_cache_bits = 13;
    // A named size: clang 14 misparses `std::size_t{1} << bits` inside a template argument list
    // of a default member initializer.
    static constexpr std::size_t day_cache_size = std::size_t{1} << day_cache_bits;
    using day_table = std::array<day_entry, day_cache_size>;
    std::unique_ptr<day_table> days_ = std::make_unique<day_table>();
};

/// The Target that writes straight into a corpus (the single-threaded load).
struct csv_corpus_target {
    corpus& c;
    claim_id_checker ids;
    diagnostic_sink& sink;
    std::size_t added = 0;

    csv_corpus_target(corpus& co, diagnostic_sink& s) : c(co), ids(co), sink(s) {}

    symbol name(std::string_view s) { return c.names().intern(s); }
    unit_id unit(std::string_view s) { return c.unit_names().intern(s); }
    source_index source(std::string_view s) { return c.intern_source(s); }
    scope_id scope(std::vector<std::pair<symbol, symbol>> e) { return c.intern_scope_entries(std::move(e)); }
    std::optional<std::size_t> check_id(std::string_view id, std::size_t line) { return ids.add(id, line); }
    void commit(const stored_claim& r, std::string_view id, const claim_extra* extra, std::size_t line) {
        auto i = c.add_stored(r, id, extra);
        ++added;
        if (id.empty()) {
            auto gen = c.claim_id(i);
            if (auto first = ids.add_generated(gen, line)) {
                diagnostic d;
                d.line = line;
                d.claim_id = std::string(gen);
                d.field = "claim_id";
                d.message = "the id generated for this claim, '" + std::string(gen) + "', is already taken (" +
                            csv_where(*first) + ")";
                sink.error(std::move(d));
            }
        }
    }
};

/// Reads the header row: which column each field is. Returns false (with errors recorded) when
/// a required column is missing or one appears twice.
inline bool read_csv_header(csv_splitter& sp, std::vector<csv_col>& roles, diagnostic_sink& sink, const char* text,
                            std::size_t text_size) {
    std::array<csv_field, csv_splitter::max_fields> fields;
    std::array<std::string, csv_splitter::max_fields> scratch;
    std::size_t count = 0;
    bool non_ascii = false;
    const char* err = nullptr;
    const char* err_at = nullptr;
    auto at = [&](const char* p, std::string msg) {
        diagnostic d;
        auto lc = line_column(text, text_size, static_cast<std::size_t>(p - text));
        d.line = lc.first;
        d.column = lc.second;
        d.message = std::move(msg);
        sink.error(std::move(d));
    };
    std::string expected;
    for (std::size_t i = 0; i < csv_required_columns; ++i) {
        if (i) expected += ", ";
        expected += csv_column_names[i];
    }
    if (!sp.skip_blank_lines()) {
        at(text + text_size, "empty file: expected a header row with the columns " + expected);
        return false;
    }
    if (!sp.next(fields, count, non_ascii, scratch, err, err_at)) {
        at(err_at, err);
        return false;
    }
    if (count > csv_splitter::max_fields) {
        at(sp.record_start(), "too many columns: at most " + std::to_string(csv_splitter::max_fields));
        return false;
    }
    roles.assign(count, csv_col::ignored);
    std::array<const char*, csv_known_columns> seen{};
    bool ok = true;
    for (std::size_t i = 0; i < count; ++i) {
        auto name = fields[i].text;
        std::size_t k = 0;
        while (k < csv_known_columns && csv_column_names[k] != name) ++k;
        if (k == csv_known_columns) {
            diagnostic d;
            auto lc = line_column(text, text_size, static_cast<std::size_t>(fields[i].at - text));
            d.line = lc.first;
            d.column = lc.second;
            d.message = "unknown column '" + std::string(name) + "' ignored";
            sink.warning(std::move(d));
            continue;
        }
        if (seen[k]) {
            at(fields[i].at, "column '" + std::string(name) + "' appears twice in the header");
            ok = false;
            continue;
        }
        seen[k] = fields[i].at;
        roles[i] = static_cast<csv_col>(k);
    }
    for (std::size_t k = 0; k < csv_required_columns; ++k)
        if (!seen[k]) {
            at(sp.record_start(), "missing required column '" + std::string(csv_column_names[k]) +
                                      "': the header must name " + expected + " (and may add unit, modality, quote)");
            ok = false;
        }
    return ok;
}

}  // namespace crosscheck::detail

#endif
