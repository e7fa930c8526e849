// Vocabulary: one controlled list of codes from schemas/vocabularies/<name>.json.
//
// The file is {"concepts": [{"code": "...", "aliases": ["..."], ...}, ...]};
// other members of a concept (labels, URIs, "code_pattern" …) are kept
// verbatim and can be read with FindConcept(). Suggest() maps a wrong code to the
// closest known one: case-insensitive match, then an alias, then letters and
// digits only ("JLAC-10" -> "jlac10"), then edit distance.
//
// Thread-safety: immutable after Parse(); share freely.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/result.h"

namespace hdcat::catalog::validation {

class Vocabulary {
 public:
  static Result<Vocabulary> Parse(std::string name, const Json& file);

  const std::string& name() const { return name_; }
  bool Contains(std::string_view code) const { return concepts_.find(code) != concepts_.end(); }
  // The whole concept object of `code`, or nullptr when unknown.
  const Json* FindConcept(std::string_view code) const;
  std::optional<std::string> Suggest(std::string_view wrong_code) const;
  const std::vector<std::string>& codes() const { return codes_; }

 private:
  std::string name_;
  std::vector<std::string> codes_;  // in file order
  std::map<std::string, Json, std::less<>> concepts_;
  std::vector<std::string> spellings_;                     // codes and aliases
  std::map<std::string, std::string, std::less<>> code_of_;  // spelling -> code
};

}  // namespace hdcat::catalog::validation
