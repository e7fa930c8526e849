// Command-line arguments of one `hdcat` subcommand.
//
// Grammar: positional words, `--name value`, `--name=value` and bare
// `--flag`s. A subcommand declares which options take a value; anything else
// starting with `--` is a flag. Options may repeat (`--facet a --facet b`).
//
// Thread-safety: plain value type.
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace hdcat::cli {

class Args {
 public:
  // Parses argv[first..argc) with `valued` naming the options that take a value.
  static Result<Args> Parse(int argc, char** argv, int first, std::initializer_list<std::string_view> valued);

  const std::vector<std::string>& positional() const { return positional_; }
  bool flag(std::string_view name) const;
  std::optional<std::string> option(std::string_view name) const;
  std::vector<std::string> options(std::string_view name) const;
  std::string option_or(std::string_view name, std::string fallback) const;
  bool help() const { return flag("help") || flag("h"); }

 private:
  std::vector<std::string> positional_;
  std::multimap<std::string, std::string, std::less<>> options_;
};

}  // namespace hdcat::cli
