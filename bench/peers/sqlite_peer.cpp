// SQLite peer for bench SPEC.md, through the C API, database ":memory:".
//
//   sqlite_peer FILE.csv [--self-join] [--explain]
//
// load:  parse the CSV (same splitter as the other C++ peers, numbers via from_chars,
//        dates as integers yyyymmdd) and insert every row with one prepared INSERT inside
//        one transaction.
// prep:  build the index the query needs.
// query: default "sweep" form: for each claim a, look up in a covering index only the
//        claims b of the same key and kind whose valid_from lies in [a.valid_from,
//        a.valid_to], ordered after a by (valid_from, claim_id).  Every overlapping pair
//        is found exactly once, from the claim that starts first, so no k^2 scan per key.
//        --self-join: the plain form straight from the SPEC (a.claim_id < b.claim_id, both
//        overlap inequalities), with an index on the key only.
// Prints one JSON line (see claims_csv.hpp).
#include "claims_csv.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <cstring>
#include <exception>
#include <stdexcept>
#include <string>

namespace {

// Dates are stored as integers yyyymmdd (converted while loading): same order as the ISO
// text, and cheaper to compare than text in the query's inner loop.
constexpr const char* schema_sql =
    "CREATE TABLE claims ("
    " claim_id INTEGER PRIMARY KEY, subject TEXT NOT NULL, predicate TEXT NOT NULL,"
    " scope TEXT NOT NULL, kind TEXT NOT NULL, value TEXT, lo REAL, hi REAL,"
    " valid_from INTEGER NOT NULL, valid_to INTEGER NOT NULL, source_id TEXT)";

constexpr const char* insert_sql = "INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?)";

// claim_id is the rowid, so every index carries it already.
constexpr const char* sweep_index_sql =
    "CREATE INDEX claims_sweep ON claims"
    " (subject, predicate, scope, kind, valid_from, valid_to, value, lo, hi)";

constexpr const char* sweep_query_sql =
    "SELECT coalesce(sum(c), 0), count(*) FROM ("
    " SELECT count(*) AS c"
    " FROM claims AS a INDEXED BY claims_sweep"
    " JOIN claims AS b INDEXED BY claims_sweep"
    "   ON b.subject = a.subject AND b.predicate = a.predicate AND b.scope = a.scope"
    "  AND b.kind = a.kind"
    "  AND b.valid_from >= a.valid_from AND b.valid_from <= a.valid_to"
    " WHERE (b.valid_from > a.valid_from OR b.claim_id > a.claim_id)"
    "   AND CASE a.kind WHEN 'cat' THEN a.value <> b.value"
    "                   ELSE (a.hi < b.lo OR b.hi < a.lo) END"
    " GROUP BY a.subject, a.predicate, a.scope)";

constexpr const char* key_index_sql = "CREATE INDEX claims_key ON claims (subject, predicate, scope, kind)";

constexpr const char* self_join_query_sql =
    "SELECT coalesce(sum(c), 0), count(*) FROM ("
    " SELECT count(*) AS c"
    " FROM claims AS a JOIN claims AS b"
    "   ON b.subject = a.subject AND b.predicate = a.predicate AND b.scope = a.scope"
    "  AND b.kind = a.kind AND b.claim_id > a.claim_id"
    " WHERE a.valid_from <= b.valid_to AND b.valid_from <= a.valid_to"
    "   AND CASE a.kind WHEN 'cat' THEN a.value <> b.value"
    "                   ELSE (a.hi < b.lo OR b.hi < a.lo) END"
    " GROUP BY a.subject, a.predicate, a.scope)";

class database {
public:
    database() {
        if (sqlite3_open(":memory:", &db_) != SQLITE_OK) throw std::runtime_error("sqlite3_open failed");
    }
    database(const database&) = delete;
    database& operator=(const database&) = delete;
    ~database() { sqlite3_close(db_); }

    void exec(const char* sql) {
        char* err = nullptr;
        if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
            std::string msg = err != nullptr ? err : "unknown error";
            sqlite3_free(err);
            throw std::runtime_error(std::string("sqlite: ") + msg + " in: " + sql);
        }
    }
    sqlite3* get() const { return db_; }
    [[noreturn]] void fail(const char* what) const {
        throw std::runtime_error(std::string("sqlite: ") + what + ": " + sqlite3_errmsg(db_));
    }

private:
    sqlite3* db_ = nullptr;
};

class statement {
public:
    statement(database& db, const char* sql) : db_(db) {
        if (sqlite3_prepare_v2(db.get(), sql, -1, &st_, nullptr) != SQLITE_OK) db.fail("prepare");
    }
    statement(const statement&) = delete;
    statement& operator=(const statement&) = delete;
    ~statement() { sqlite3_finalize(st_); }
    sqlite3_stmt* get() const { return st_; }
    database& db() const { return db_; }

private:
    database& db_;
    sqlite3_stmt* st_ = nullptr;
};

// The row's text lives in the file buffer until sqlite3_step copies it: a null destructor
// (SQLITE_STATIC, spelled without its old-style cast) is enough.
void bind_text(statement& st, int i, std::string_view s) {
    const int rc = s.empty() ? sqlite3_bind_null(st.get(), i)
                             : sqlite3_bind_text(st.get(), i, s.data(), static_cast<int>(s.size()), nullptr);
    if (rc != SQLITE_OK) st.db().fail("bind");
}

void bind_real(statement& st, int i, std::string_view s) {
    const int rc =
        s.empty() ? sqlite3_bind_null(st.get(), i) : sqlite3_bind_double(st.get(), i, bench::parse_double(s));
    if (rc != SQLITE_OK) st.db().fail("bind");
}

void print_plan(database& db, const char* sql) {
    statement st(db, (std::string("EXPLAIN QUERY PLAN ") + sql).c_str());
    while (sqlite3_step(st.get()) == SQLITE_ROW)
        std::fprintf(stderr, "plan: %s\n", reinterpret_cast<const char*>(sqlite3_column_text(st.get(), 3)));
}

int usage() {
    std::fprintf(stderr, "usage: sqlite_peer FILE.csv [--self-join] [--explain]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    const char* path = nullptr;
    bool self_join = false;
    bool explain = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--self-join") == 0) self_join = true;
        else if (std::strcmp(argv[i], "--explain") == 0) explain = true;
        else if (path == nullptr && argv[i][0] != '-') path = argv[i];
        else return usage();
    }
    if (path == nullptr) return usage();
    try {
        bench::result res;
        res.tool = self_join ? "sqlite-selfjoin" : "sqlite-sweep";
        bench::stopwatch sw;

        database db;
        db.exec("PRAGMA journal_mode = OFF");
        db.exec("PRAGMA synchronous = OFF");
        db.exec("PRAGMA cache_size = -4000000");  // KiB: never evict pages of the in-memory db
        db.exec(schema_sql);
        {
            const std::string buf = bench::read_file(path);
            statement ins(db, insert_sql);
            db.exec("BEGIN");
            bench::for_each_row(buf, [&](const bench::fields& f, std::size_t) {
                const std::string_view kind = f[bench::col_kind];
                if (kind != "cat" && kind != "num") throw std::runtime_error("bad kind '" + std::string(kind) + "'");
                if (sqlite3_bind_int64(ins.get(), 1,
                                       static_cast<sqlite3_int64>(bench::parse_u64(f[bench::col_claim_id]))) !=
                    SQLITE_OK)
                    db.fail("bind");
                bind_text(ins, 2, f[bench::col_subject]);
                bind_text(ins, 3, f[bench::col_predicate]);
                bind_text(ins, 4, f[bench::col_scope]);
                bind_text(ins, 5, kind);
                bind_text(ins, 6, f[bench::col_value]);
                bind_real(ins, 7, f[bench::col_lo]);
                bind_real(ins, 8, f[bench::col_hi]);
                if (sqlite3_bind_int(ins.get(), 9, bench::parse_date(f[bench::col_valid_from])) != SQLITE_OK ||
                    sqlite3_bind_int(ins.get(), 10, bench::parse_date(f[bench::col_valid_to])) != SQLITE_OK)
                    db.fail("bind");
                bind_text(ins, 11, f[bench::col_source_id]);
                if (sqlite3_step(ins.get()) != SQLITE_DONE) db.fail("insert");
                sqlite3_reset(ins.get());
                ++res.claims;
            });
            db.exec("COMMIT");
        }
        res.load_s = sw.lap();

        db.exec(self_join ? key_index_sql : sweep_index_sql);
        res.prep_s = sw.lap();

        const char* query = self_join ? self_join_query_sql : sweep_query_sql;
        if (explain) print_plan(db, query);
        statement q(db, query);
        if (sqlite3_step(q.get()) != SQLITE_ROW) db.fail("query");
        res.conflicting_pairs = static_cast<std::uint64_t>(sqlite3_column_int64(q.get(), 0));
        res.conflicted_keys = static_cast<std::uint64_t>(sqlite3_column_int64(q.get(), 1));
        res.query_s = sw.lap();
        bench::print_result(res);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sqlite_peer: %s\n", e.what());
        return 1;
    }
}
