#include "search/synonyms.h"

#include <algorithm>

#include "schemas/resources.h"
#include "search/text_normalizer.h"

namespace hdcat::search {
namespace {

void CollectTerms(const Json& terms, std::vector<std::string>& out) {
  if (terms.is_string()) {
    out.push_back(terms.get<std::string>());
  } else if (terms.is_array()) {
    for (const Json& item : terms) CollectTerms(item, out);
  } else if (terms.is_object()) {
    for (const auto& [lang, words] : terms.items()) CollectTerms(words, out);
  }
}

}  // namespace

Result<SynonymTable> SynonymTable::FromJson(const Json& document) {
  const Json* groups = nullptr;
  if (document.is_array()) {
    groups = &document;
  } else if (document.is_object() && document.contains("groups") && document["groups"].is_array()) {
    groups = &document["groups"];
  } else {
    return InvalidInput("synonyms: expected {\"groups\": [...]} or an array of groups");
  }
  SynonymTable table;
  for (std::size_t i = 0; i < groups->size(); ++i) {
    const Json& group = (*groups)[i];
    const Json* terms = &group;
    if (group.is_object()) {
      if (!group.contains("terms")) {
        return InvalidInput("synonyms: a group has no \"terms\"").at("/groups/" + std::to_string(i));
      }
      terms = &group["terms"];
    }
    std::vector<std::string> raw;
    CollectTerms(*terms, raw);
    std::vector<std::string> normalized;
    for (const std::string& term : raw) {
      std::string n = NormalizeText(term);
      if (!n.empty() && std::find(normalized.begin(), normalized.end(), n) == normalized.end()) {
        normalized.push_back(std::move(n));
      }
    }
    if (normalized.size() < 2) continue;
    std::size_t index = table.groups_.size();
    for (const std::string& term : normalized) table.groups_of_term_[term].push_back(index);
    table.groups_.push_back(std::move(normalized));
  }
  for (const auto& [term, unused] : table.groups_of_term_) table.terms_longest_first_.push_back(term);
  std::sort(table.terms_longest_first_.begin(), table.terms_longest_first_.end(),
            [](const std::string& a, const std::string& b) {
              return a.size() != b.size() ? a.size() > b.size() : a < b;
            });
  return table;
}

Result<SynonymTable> SynonymTable::LoadEmbedded() {
  auto bytes = schemas::Resource("vocabularies/synonyms.json");
  if (!bytes) return SynonymTable();
  auto document = ParseJson(*bytes);
  if (!document.ok()) return document.error();
  return FromJson(*document);
}

std::vector<std::string> SynonymTable::Alternatives(std::string_view normalized_term) const {
  std::vector<std::string> out;
  auto found = groups_of_term_.find(std::string(normalized_term));
  if (found == groups_of_term_.end()) return out;
  for (std::size_t group : found->second) {
    for (const std::string& term : groups_[group]) {
      if (term != normalized_term && std::find(out.begin(), out.end(), term) == out.end()) out.push_back(term);
    }
  }
  return out;
}

}  // namespace hdcat::search
