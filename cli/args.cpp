#include "cli/args.h"

#include <algorithm>

namespace hdcat::cli {

Result<Args> Args::Parse(int argc, char** argv, int first, std::initializer_list<std::string_view> valued) {
  Args args;
  bool options_done = false;
  for (int i = first; i < argc; ++i) {
    std::string_view word = argv[i];
    if (options_done || !word.starts_with("-") || word == "-") {
      args.positional_.emplace_back(word);
      continue;
    }
    if (word == "--") {
      options_done = true;
      continue;
    }
    std::string_view body = word.substr(word.starts_with("--") ? 2 : 1);
    std::string name(body.substr(0, body.find('=')));
    bool takes_value = std::find(valued.begin(), valued.end(), name) != valued.end();
    if (body.find('=') != std::string_view::npos) {
      if (!takes_value) return InvalidInput("option --" + name + " takes no value");
      args.options_.emplace(name, std::string(body.substr(body.find('=') + 1)));
    } else if (takes_value) {
      if (i + 1 >= argc) return InvalidInput("option --" + name + " needs a value");
      args.options_.emplace(name, argv[++i]);
    } else {
      args.options_.emplace(name, "");
    }
  }
  return args;
}

bool Args::flag(std::string_view name) const { return options_.find(name) != options_.end(); }

std::optional<std::string> Args::option(std::string_view name) const {
  auto range = options_.equal_range(name);
  if (range.first == range.second) return std::nullopt;
  return std::prev(range.second)->second;  // the last one wins
}

std::vector<std::string> Args::options(std::string_view name) const {
  std::vector<std::string> out;
  auto range = options_.equal_range(name);
  for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
  return out;
}

std::string Args::option_or(std::string_view name, std::string fallback) const {
  auto value = option(name);
  return value ? *value : std::move(fallback);
}

}  // namespace hdcat::cli
