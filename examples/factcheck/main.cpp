// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
//
// The crosscheck program: fact-check one or more corpora of sourced claims from the command line.
//
//   crosscheck check corpus.json                       # report for people, exit 1 on errors
//   crosscheck check --format json a.json b.csv        # the §6 report for tools
//   crosscheck check --fail-on warning --only conflict corpus.json
//
// Exit codes: 0 clean, 1 findings at or above --fail-on, 2 bad input or bad usage.

#include "partition.hpp"
#include "resolve_command.hpp"
#include "terminal.hpp"

#include <crosscheck/check/check.hpp>
#include <crosscheck/corpus/corpus.hpp>
#include <crosscheck/io/json.hpp>
#include <crosscheck/io/load.hpp>
#include <crosscheck/report/report.hpp>
#include <crosscheck/report/text.hpp>
#include <crosscheck/version.hpp>

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace factcheck {

namespace exit_code {
inline constexpr int clean = 0;
inline constexpr int findings = 1;
inline constexpr int bad_input = 2;  // also bad usage
}  // namespace exit_code

/// Inputs at least this large get a progress line (when stderr is a terminal).
inline constexpr std::uintmax_t progress_threshold_bytes = 4u << 20;

enum class output_format { text, json, markdown };
enum class fail_level { error, warning, never };

struct check_settings {
    std::vector<std::string> files;
    std::string input_format;  // empty: by extension
    std::string format_name = "text";
    std::string fail_on_name = "error";
    std::vector<std::string> only;  // finding kinds, each checked by kind_validator()
    std::optional<double> about_tolerance;
    unsigned threads = 0;
    bool skip_invalid = false;
    std::size_t max_errors = 100;
    bool list_pairs = false;
    std::string color_name = "auto";
    bool quotes = true;

    output_format format() const {
        return format_name == "json"       ? output_format::json
               : format_name == "markdown" ? output_format::markdown
                                           : output_format::text;
    }
    fail_level fail_on() const {
        return fail_on_name == "warning" ? fail_level::warning
               : fail_on_name == "never" ? fail_level::never
                                         : fail_level::error;
    }
    color_mode color() const {
        return color_name == "always"  ? color_mode::always
               : color_name == "never" ? color_mode::never
                                       : color_mode::automatic;
    }
};

inline std::uintmax_t total_size(const std::vector<std::string>& files) {
    std::uintmax_t n = 0;
    for (const auto& f : files) {
        std::error_code ec;
        auto s = std::filesystem::file_size(f, ec);
        if (!ec) n += s;
    }
    return n;
}

inline bool fails(std::optional<crosscheck::severity> worst, fail_level level) {
    if (!worst) return false;
    switch (level) {
        case fail_level::error: return *worst >= crosscheck::severity::error;
        case fail_level::warning: return *worst >= crosscheck::severity::warning;
        case fail_level::never: return false;
    }
    return false;
}

/// Loads every file into one corpus. On invalid input prints every diagnostic and returns false
/// (nothing is checked), unless skipping was asked for: then the problems of each skipped claim
/// are listed and the valid claims are checked.
inline bool load_all(const check_settings& s, crosscheck::corpus& c, progress& bar) {
    crosscheck::load_options lo;
    lo.skip_invalid = s.skip_invalid;
    lo.max_errors = s.max_errors == 0 ? static_cast<std::size_t>(-1) : s.max_errors;
    lo.threads = s.threads;
    crosscheck::input_format format = crosscheck::input_format::by_extension;
    if (s.input_format == "json") format = crosscheck::input_format::json;
    else if (s.input_format == "csv") format = crosscheck::input_format::csv;

    // One call for all files: a claim in one file may use a source declared in another.
    bar.phase(s.files.size() == 1 ? fmt::format("Loading {}", s.files.front())
                                  : fmt::format("Loading {} files", s.files.size()));
    const crosscheck::load_result all = crosscheck::load_files(s.files, c, lo, format);
    bar.done();
    // Warnings first (under --skip-invalid they say why each claim was left out), then errors.
    for (const auto& d : all.warnings) fmt::print(stderr, "{}\n", crosscheck::to_string(d));
    for (const auto& d : all.errors) fmt::print(stderr, "{}\n", crosscheck::to_string(d));
    if (!all.skipped.empty()) {
        fmt::print(stderr, "crosscheck: skipped {} invalid claim{}:", all.skipped.size(),
                   all.skipped.size() == 1 ? "" : "s");
        // The warnings above say why, claim by claim; this line only sums up (cut at 50 ids).
        constexpr std::size_t shown = 50;
        for (std::size_t k = 0; k < all.skipped.size() && k < shown; ++k) fmt::print(stderr, " {}", all.skipped[k]);
        if (all.skipped.size() > shown) fmt::print(stderr, " \xe2\x80\xa6 and {} more", all.skipped.size() - shown);
        fmt::print(stderr, "\n");
    }
    if (!all.ok()) {
        fmt::print(stderr, "crosscheck: {} error{} in the input; nothing was checked\n", all.errors.size(),
                   all.errors.size() == 1 ? "" : "s");
        return false;
    }
    return true;
}

/// Writes `r` to stdout in the chosen format; the exit code by --fail-on.
inline int write_report(const crosscheck::report& r, const check_settings& s, const std::vector<std::string>& files) {
    switch (s.format()) {
        case output_format::json: {
            crosscheck::write_json(std::cout, r);  // streamed: no in-memory copy of a large report
            break;
        }
        case output_format::markdown: {
            crosscheck::markdown_options mo;
            mo.quotes = s.quotes;
            std::string names;
            for (const auto& f : files)
                names += (names.empty() ? "" : ", ") + std::filesystem::path(f).filename().string();
            mo.title = "crosscheck report: " + names;
            crosscheck::write_markdown(std::cout, r, mo);
            break;
        }
        case output_format::text: {
            crosscheck::text_options to;
            to.color = use_color(s.color());
            to.quotes = s.quotes;
            crosscheck::write_text(std::cout, r, to);
            break;
        }
    }
    std::cout.flush();
    return fails(r.worst(), s.fail_on()) ? exit_code::findings : exit_code::clean;
}

inline int run_check(const check_settings& s) {
    progress bar(is_terminal(stderr) && total_size(s.files) >= progress_threshold_bytes);
    crosscheck::corpus c;
    if (!load_all(s, c, bar)) return exit_code::bad_input;

    crosscheck::check_options co;
    if (s.about_tolerance) co.compare.about_width = *s.about_tolerance;
    if (!s.only.empty()) {
        co.only.emplace();
        for (const auto& k : s.only) co.only->insert(*crosscheck::try_parse_finding_kind(k));
    }
    co.list_pairs = s.list_pairs;
    co.threads = s.threads;
    bar.phase(fmt::format("Checking {} claims", c.size()));
    if (s.format() == output_format::json) {
        // Streamed: each finding is written as soon as it is final and then dropped, so a
        // large corpus's report never sits in memory.
        std::optional<crosscheck::severity> worst;
        crosscheck::json_report_writer out(std::cout);
        const crosscheck::report rest = crosscheck::check(c, co, [&](crosscheck::finding&& f) {
            if (!worst || f.severity > *worst) worst = f.severity;
            out.add(f);
        });
        bar.done();
        out.finish(rest);
        std::cout.flush();
        return fails(worst, s.fail_on()) ? exit_code::findings : exit_code::clean;
    }
    crosscheck::report r = crosscheck::check(c, co);
    bar.done();

    return write_report(r, s, s.files);
}

/// `crosscheck resolve FILE...`: the most likely value of each disputed key.
struct resolve_settings {
    check_settings io;  // files, input format, errors, output format, colour
    std::string method = "accu";
    std::vector<std::string> time_varying;
    bool all = false;
};

inline int run_resolve(const resolve_settings& rs) {
    const check_settings& s = rs.io;
    progress bar(is_terminal(stderr) && total_size(s.files) >= progress_threshold_bytes);
    crosscheck::corpus c;
    if (!load_all(s, c, bar)) return exit_code::bad_input;
    const auto methods = crosscheck::standard_methods();
    auto m = std::find_if(methods.begin(), methods.end(), [&](const auto& x) { return x.name == rs.method; });
    crosscheck::corpus_evidence_options eo;
    if (s.about_tolerance) eo.compare.about_width = *s.about_tolerance;
    eo.time_varying_predicates = rs.time_varying;
    bar.phase(fmt::format("Resolving {} claims", c.size()));
    const resolve_outcome out = resolve_corpus(c, *m, eo, rs.all);
    bar.done();
    switch (s.format()) {
        case output_format::json: std::cout << resolution_json(out).dump(2) << '\n'; break;
        case output_format::markdown: {
            std::string names;
            for (const auto& f : s.files)
                names += (names.empty() ? "" : ", ") + std::filesystem::path(f).filename().string();
            write_resolution_markdown(std::cout, out, "crosscheck resolution: " + names);
            break;
        }
        case output_format::text: write_resolution_text(std::cout, out); break;
    }
    std::cout.flush();
    return exit_code::clean;
}

/// `crosscheck partition --parts N IN... OUTDIR`: the corpus cut into N JSON corpora by
/// (entity, predicate) group, each with every declaration, written as OUTDIR/part-K.json.
struct partition_settings {
    std::size_t parts = 2;
    std::vector<std::string> args;  // the inputs, then the output directory
    std::string input_format;
    std::size_t max_errors = 100;
};

inline int run_partition(const partition_settings& p) {
    if (p.args.size() < 2) {
        fmt::print(stderr, "crosscheck partition: give at least one input file and the output directory\n");
        return exit_code::bad_input;
    }
    check_settings s;
    s.files.assign(p.args.begin(), p.args.end() - 1);
    s.input_format = p.input_format;
    s.max_errors = p.max_errors;
    const std::filesystem::path dir = p.args.back();
    progress bar(is_terminal(stderr) && total_size(s.files) >= progress_threshold_bytes);
    crosscheck::corpus c;
    if (!load_all(s, c, bar)) return exit_code::bad_input;
    bar.phase(fmt::format("Partitioning {} claims", c.size()));
    auto parts = partition_corpus(c, p.parts);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        bar.done();
        fmt::print(stderr, "crosscheck partition: cannot create {}: {}\n", dir.string(), ec.message());
        return exit_code::bad_input;
    }
    for (std::size_t k = 0; k < parts.size(); ++k) {
        const auto path = dir / fmt::format("part-{}.json", k + 1);
        std::ofstream out(path);
        out << parts[k].dump(1) << '\n';
        if (!out) {
            bar.done();
            fmt::print(stderr, "crosscheck partition: cannot write {}\n", path.string());
            return exit_code::bad_input;
        }
    }
    bar.done();
    for (std::size_t k = 0; k < parts.size(); ++k)
        fmt::print("{}: {} claim{}\n", (dir / fmt::format("part-{}.json", k + 1)).string(), parts[k]["claims"].size(),
                   parts[k]["claims"].size() == 1 ? "" : "s");
    return exit_code::clean;
}

/// `crosscheck merge REPORT.json...`: the JSON reports of the parts combined into one report,
/// written and judged (--fail-on) as `check` would.
inline int run_merge(const check_settings& s) {
    std::vector<crosscheck::report> reports;
    bool ok = true;
    for (const auto& file : s.files) {
        std::ifstream in(file);
        if (!in) {
            fmt::print(stderr, "{}: error: cannot read file\n", file);
            ok = false;
            continue;
        }
        try {
            const auto j = nlohmann::json::parse(in);
            if (!j.is_object() || !j.contains("findings") || !j.contains("stats"))
                throw std::runtime_error("expected an object with \"findings\" and \"stats\" (check --format json)");
            reports.push_back(j.get<crosscheck::report>());
        } catch (const std::exception& e) {
            fmt::print(stderr, "{}: error: not a crosscheck JSON report: {}\n", file, e.what());
            ok = false;
        }
    }
    if (!ok) return exit_code::bad_input;
    return write_report(merge_reports(reports), s, s.files);
}

/// The options that choose how a report is written and judged (check and merge).
inline void add_output_options(CLI::App* cmd, check_settings& s) {
    cmd->add_option("-f,--format", s.format_name, "Report format (default: text)")
        ->check(CLI::IsMember({"text", "json", "markdown"}));
    cmd->add_option("--fail-on", s.fail_on_name, "Exit 1 when a finding is at least this severe (default: error)")
        ->check(CLI::IsMember({"error", "warning", "never"}));
    cmd->add_option("--color", s.color_name,
                    "Colour the text report; auto: when stdout is a terminal and NO_COLOR is not set (default: auto)")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    cmd->add_flag(
        "--no-quotes", [&s](std::int64_t) { s.quotes = false; }, "Leave the sources' words out of the report");
}

/// Accepts the name of a built-in finding kind; anything else is a usage error that lists them.
inline CLI::Validator kind_validator() {
    std::string names;
    for (auto k : crosscheck::builtin_finding_kinds)
        names += (names.empty() ? "" : ", ") + std::string(crosscheck::to_string(k));
    return CLI::Validator(
        [names](std::string& kind) {
            return crosscheck::try_parse_finding_kind(kind)
                       ? std::string()
                       : "unknown finding kind '" + kind + "' (the kinds are " + names + ")";
        },
        "KIND: " + names);
}

inline void add_check_command(CLI::App& app, check_settings& s) {
    auto* cmd = app.add_subcommand("check", "Find contradictions in one or more corpora (JSON or CSV)");
    cmd->add_option("files", s.files, "Corpus files; several are checked as one corpus")->required();
    cmd->add_option("--input-format", s.input_format, "json or csv (default: by file extension)")
        ->check(CLI::IsMember({"json", "csv"}));
    add_output_options(cmd, s);
    cmd->add_option("--only", s.only, "Report only findings of these kinds (repeatable, or comma-separated)")
        ->check(kind_validator())
        ->allow_extra_args(false)  // `--only conflict corpus.json`: the file is not a kind
        ->delimiter(',');
    cmd->add_option("--about-tolerance", s.about_tolerance,
                    "Relative width of \"about\" figures: about A is [A(1-X), A(1+X)] (default: 0.1)")
        ->check(CLI::Range(0.0, 1.0));
    cmd->add_option("--threads", s.threads, "Worker threads for the check (default: 0, all cores)")
        ->check(CLI::Range(0u, 1024u));
    cmd->add_flag("--skip-invalid", s.skip_invalid,
                  "Check the valid claims and list each invalid one on stderr, instead of stopping");
    cmd->add_option("--max-errors", s.max_errors, "Stop reading after this many input errors (0: no limit)")
        ->capture_default_str();
    cmd->add_flag("--list-pairs", s.list_pairs, "Include the conflicting pairs of claims in the report");
}

inline void add_resolve_command(CLI::App& app, resolve_settings& rs) {
    auto* cmd = app.add_subcommand("resolve", "Rank the values of each disputed key by how likely they are true");
    check_settings& s = rs.io;
    cmd->add_option("files", s.files, "Corpus files; several are read as one corpus")->required();
    cmd->add_option("--input-format", s.input_format, "json or csv (default: by file extension)")
        ->check(CLI::IsMember({"json", "csv"}));
    cmd->add_option("-m,--method", rs.method,
                    "majority, weighted, truthfinder, accu, accu_copy, simple_lca, guess_lca or sums (default: accu)")
        ->check(CLI::IsMember(
            {"majority", "weighted", "truthfinder", "accu", "accu_copy", "simple_lca", "guess_lca", "sums"}));
    cmd->add_option("-f,--format", s.format_name, "Output format (default: text)")
        ->check(CLI::IsMember({"text", "json", "markdown"}));
    cmd->add_option("--time-varying", rs.time_varying,
                    "A predicate whose value changes over time: the latest claims weigh most (repeatable)")
        ->allow_extra_args(false)
        ->delimiter(',');
    cmd->add_option("--about-tolerance", s.about_tolerance, "Relative width of \"about\" figures (default: 0.1)")
        ->check(CLI::Range(0.0, 1.0));
    cmd->add_flag("--all", rs.all, "Show every key, not only those with more than one value");
    cmd->add_flag("--skip-invalid", s.skip_invalid, "Leave out invalid claims (listed on stderr) instead of stopping");
    cmd->add_option("--max-errors", s.max_errors, "Stop reading after this many input errors (0: no limit)")
        ->capture_default_str();
}

inline void add_partition_command(CLI::App& app, partition_settings& p) {
    auto* cmd = app.add_subcommand("partition",
                                   "Cut a corpus into parts that can be checked apart (by subject and predicate); "
                                   "combine their JSON reports with `merge`");
    cmd->add_option("--parts", p.parts, "Number of parts")
        ->required()
        ->check(CLI::Range(std::size_t{1}, std::size_t{100000}));
    cmd->add_option("args", p.args, "Corpus files (JSON or CSV), then the directory for part-1.json ...")
        ->required()
        ->expected(2, -1);
    cmd->add_option("--input-format", p.input_format, "json or csv (default: by file extension)")
        ->check(CLI::IsMember({"json", "csv"}));
    cmd->add_option("--max-errors", p.max_errors, "Stop reading after this many input errors (0: no limit)")
        ->capture_default_str();
}

inline void add_merge_command(CLI::App& app, check_settings& s) {
    auto* cmd = app.add_subcommand("merge", "Combine the JSON reports (check --format json) of a partitioned corpus");
    cmd->add_option("reports", s.files, "JSON reports of the parts")->required();
    add_output_options(cmd, s);
}

}  // namespace factcheck

int main(int argc, char** argv) {
    CLI::App app{"crosscheck: find the contradictions between sourced claims", "crosscheck"};
    app.set_version_flag("--version", std::string("crosscheck ") + crosscheck::version_string);
    app.require_subcommand(1);
    app.footer(
        "Exit codes: 0 success (check, merge: no finding at or above --fail-on), 1 findings at or above "
        "--fail-on, 2 bad input or usage.");

    factcheck::check_settings check;
    factcheck::add_check_command(app, check);
    factcheck::resolve_settings resolve;
    factcheck::add_resolve_command(app, resolve);
    factcheck::partition_settings partition;
    factcheck::add_partition_command(app, partition);
    factcheck::check_settings merge;
    factcheck::add_merge_command(app, merge);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return factcheck::exit_code::bad_input;
    }

    try {
        if (app.got_subcommand("check")) return factcheck::run_check(check);
        if (app.got_subcommand("resolve")) return factcheck::run_resolve(resolve);
        if (app.got_subcommand("partition")) return factcheck::run_partition(partition);
        if (app.got_subcommand("merge")) return factcheck::run_merge(merge);
    } catch (const crosscheck::error& e) {
        fmt::print(stderr, "crosscheck: {}\n", e.what());
        return factcheck::exit_code::bad_input;
    } catch (const std::exception& e) {
        fmt::print(stderr, "crosscheck: internal error: {}\n", e.what());
        return 3;
    }
    return factcheck::exit_code::bad_input;
}
