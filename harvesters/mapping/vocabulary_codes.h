// VocabularyCodes: turns the IRIs and spellings sources use for a controlled
// value into hdcat's short code, using schemas/vocabularies/<name>.json.
//
// An IRI matches a concept's `uri`, `eu_uri` or any of its `alt_uris`; a
// literal matches its `code`, `notation` or an alias, case-insensitively. A
// vocabulary file that is missing loads empty and matches nothing.
//
// Thread-safety: immutable after Load(); share freely.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "base/json.h"

namespace hdcat::harvesters::mapping {

class VocabularyCodes {
 public:
  static VocabularyCodes Load(std::string_view name);
  static VocabularyCodes FromJson(const Json& file);

  std::optional<std::string> CodeForIri(std::string_view iri) const;
  std::optional<std::string> CodeForLiteral(std::string_view text) const;
  // The code whose concept has `field` == value (e.g. "csvw_datatype" = "dateTime").
  std::optional<std::string> CodeForField(std::string_view field, std::string_view value) const;
  // IRI first, then the IRI's last path segment or fragment as a literal.
  std::optional<std::string> CodeForIriOrTail(std::string_view iri) const;
  bool empty() const { return codes_.empty(); }

 private:
  std::map<std::string, std::string, std::less<>> by_iri_;
  std::map<std::string, std::string, std::less<>> by_spelling_;  // lower case
  std::map<std::string, Json, std::less<>> codes_;
};

// The last segment of an IRI: after the last '#', or else the last '/'.
std::string IriTail(std::string_view iri);

}  // namespace hdcat::harvesters::mapping
