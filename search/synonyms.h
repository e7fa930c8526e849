// SynonymTable: groups of interchangeable search terms (糖尿病 / diabetes / DM,
// がん / 癌 / ガン / 悪性新生物, the several names of the NDB), read from
// schemas/vocabularies/synonyms.json.
//
// Synonyms are expanded by the query builder at query time (an OR of the
// group's terms, the user's own word weighted highest) and never written into
// documents, so editing the file needs no reindex. Every term is stored in its
// NormalizeText form, so lookups take normalised text.
//
// Accepted file shapes: {"groups": [{"terms": [...]}, ...]} or a bare array of
// groups; a group's "terms" is a list of strings, or a LangWords object
// ({"ja": [...], "en": [...]}) whose lists are merged.
//
// Thread-safety: immutable after construction; share freely.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/json.h"
#include "base/result.h"

namespace hdcat::search {

class SynonymTable {
 public:
  SynonymTable() = default;

  static Result<SynonymTable> FromJson(const Json& document);
  // The embedded vocabularies/synonyms.json, or an empty table when the file
  // is absent.
  static Result<SynonymTable> LoadEmbedded();

  // The other terms of the group holding `normalized_term` (not the term
  // itself), or an empty list.
  std::vector<std::string> Alternatives(std::string_view normalized_term) const;

  // Every term of every group, longest first (for finding terms inside a run
  // of Japanese text, where the longest match wins).
  const std::vector<std::string>& terms_longest_first() const { return terms_longest_first_; }

  bool empty() const { return groups_.empty(); }

 private:
  std::vector<std::vector<std::string>> groups_;
  std::unordered_map<std::string, std::vector<std::size_t>> groups_of_term_;
  std::vector<std::string> terms_longest_first_;
};

}  // namespace hdcat::search
