#include "harvesters/mapping/vocabulary_codes.h"

#include <algorithm>

#include "schemas/resources.h"

namespace hdcat::harvesters::mapping {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

VocabularyCodes VocabularyCodes::Load(std::string_view name) {
  auto bytes = schemas::Resource("vocabularies/" + std::string(name) + ".json");
  if (!bytes) return {};
  Json file = Json::parse(*bytes, nullptr, false);
  if (file.is_discarded()) return {};
  return FromJson(file);
}

VocabularyCodes VocabularyCodes::FromJson(const Json& file) {
  VocabularyCodes v;
  auto concepts = file.find("concepts");
  if (concepts == file.end() || !concepts->is_array()) return v;
  for (const auto& entry : *concepts) {
    if (!entry.is_object() || !entry.contains("code") || !entry["code"].is_string()) continue;
    std::string code = entry["code"].get<std::string>();
    v.codes_[code] = entry;
    v.by_spelling_.emplace(Lower(code), code);
    for (const char* key : {"uri", "eu_uri"}) {
      if (auto it = entry.find(key); it != entry.end() && it->is_string()) v.by_iri_.emplace(it->get<std::string>(), code);
    }
    if (auto it = entry.find("alt_uris"); it != entry.end() && it->is_array()) {
      for (const auto& uri : *it)
        if (uri.is_string()) v.by_iri_.emplace(uri.get<std::string>(), code);
    }
    if (auto it = entry.find("notation"); it != entry.end() && it->is_string()) {
      v.by_spelling_.emplace(Lower(it->get<std::string>()), code);
    }
    if (auto it = entry.find("aliases"); it != entry.end() && it->is_array()) {
      for (const auto& alias : *it)
        if (alias.is_string()) v.by_spelling_.emplace(Lower(alias.get<std::string>()), code);
    }
  }
  return v;
}

std::optional<std::string> VocabularyCodes::CodeForIri(std::string_view iri) const {
  auto it = by_iri_.find(iri);
  if (it != by_iri_.end()) return it->second;
  // Tolerate a trailing slash and http/https differences.
  std::string alt(iri);
  if (!alt.empty() && alt.back() == '/') alt.pop_back();
  if (alt.rfind("https://", 0) == 0) alt.replace(0, 8, "http://");
  else if (alt.rfind("http://", 0) == 0) alt.replace(0, 7, "https://");
  it = by_iri_.find(alt);
  if (it != by_iri_.end()) return it->second;
  return std::nullopt;
}

std::optional<std::string> VocabularyCodes::CodeForLiteral(std::string_view text) const {
  auto it = by_spelling_.find(Lower(text));
  if (it == by_spelling_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> VocabularyCodes::CodeForField(std::string_view field, std::string_view value) const {
  for (const auto& [code, entry] : codes_) {
    auto it = entry.find(std::string(field));
    if (it != entry.end() && it->is_string() && it->get<std::string>() == value) return code;
  }
  return std::nullopt;
}

std::optional<std::string> VocabularyCodes::CodeForIriOrTail(std::string_view iri) const {
  if (auto code = CodeForIri(iri)) return code;
  std::string tail = IriTail(iri);
  if (tail.empty()) return std::nullopt;
  return CodeForLiteral(tail);
}

std::string IriTail(std::string_view iri) {
  while (!iri.empty() && (iri.back() == '/' || iri.back() == '#')) iri.remove_suffix(1);
  auto cut = iri.find_last_of("/#");
  return std::string(cut == std::string_view::npos ? iri : iri.substr(cut + 1));
}

}  // namespace hdcat::harvesters::mapping
