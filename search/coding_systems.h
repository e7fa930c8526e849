// CodingSystemTable: what the search needs to know about each coding system in
// schemas/vocabularies/coding-systems.json: its code, labels, the pattern its
// codes follow (`code_pattern`) and whether its codes are hierarchical, so
// that a code prefix (E11, 3D046) finds the longer codes below it.
//
// A system without a `hierarchical` field is treated as hierarchical: the
// common Japanese systems (ICD-10, JLAC10, YJ, DPC, K-codes) all put the
// coarse class first, and an extra prefix term costs little.
//
// Accepted file shapes: an array of system objects, an object with one array
// of them (any key), or an object keyed by system code. A system's code is its
// "code", "id" or "identifier" field (or the key).
//
// Thread-safety: immutable after construction; share freely.
#pragma once

#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/result.h"

namespace hdcat::search {

struct CodingSystemInfo {
  std::string code;      // "icd10"
  std::string label_ja;
  std::string label_en;
  std::string pattern_source;
  std::regex pattern;    // valid only when !pattern_source.empty()
  bool hierarchical = true;
};

class CodingSystemTable {
 public:
  CodingSystemTable() = default;

  static Result<CodingSystemTable> FromJson(const Json& document);
  // The embedded vocabularies/coding-systems.json, or an empty table.
  static Result<CodingSystemTable> LoadEmbedded();

  const CodingSystemInfo* Find(std::string_view system) const;
  bool IsHierarchical(std::string_view system) const;

  // Systems whose code_pattern matches `code` as written by a user (case and
  // full-width forms folded; tried with and without dots and hyphens).
  std::vector<const CodingSystemInfo*> SystemsMatching(std::string_view code) const;

  const std::vector<CodingSystemInfo>& systems() const { return systems_; }

 private:
  std::vector<CodingSystemInfo> systems_;
};

}  // namespace hdcat::search
