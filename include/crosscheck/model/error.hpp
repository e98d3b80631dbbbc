// crosscheck — verify claims against their sources.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CROSSCHECK_MODEL_ERROR_HPP
#define CROSSCHECK_MODEL_ERROR_HPP

#include <stdexcept>
#include <string>

namespace crosscheck {

/// Root of everything crosscheck throws. Each message starts with a stable id such as
/// `[crosscheck.parse_error.1]`, so tools can match on it while the rest stays readable.
class error : public std::runtime_error {
public:
    error(int id, const std::string& category, const std::string& what)
        : std::runtime_error("[crosscheck." + category + "." + std::to_string(id) + "] " + what), id_(id) {}
    /// The numeric part of the stable id.
    int id() const noexcept { return id_; }

private:
    int id_;
};

/// Text that does not follow the corpus format: a bad date, number, token or file.
class parse_error : public error {
public:
    parse_error(int id, const std::string& what) : error(id, "parse_error", what) {}
};

/// Well-formed input that breaks a rule of the model: a unit cycle, an unknown source id.
class model_error : public error {
public:
    model_error(int id, const std::string& what) : error(id, "model_error", what) {}
};

}  // namespace crosscheck

#endif
