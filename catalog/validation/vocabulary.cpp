#include "catalog/validation/vocabulary.h"

#include "catalog/validation/suggest.h"

namespace hdcat::catalog::validation {

Result<Vocabulary> Vocabulary::Parse(std::string name, const Json& file) {
  const std::string where = "vocabulary '" + name + "'";
  if (!file.is_object() || !file.contains("concepts") || !file["concepts"].is_array()) {
    return InvalidInput(where + " has no \"concepts\" array");
  }
  Vocabulary vocabulary;
  vocabulary.name_ = std::move(name);
  const Json& concepts = file["concepts"];
  for (std::size_t i = 0; i < concepts.size(); ++i) {
    const Json& item = concepts[i];
    const std::string pointer = "/concepts/" + std::to_string(i);
    if (!item.is_object() || !item.contains("code") || !item["code"].is_string() ||
        item["code"].get_ref<const std::string&>().empty()) {
      return InvalidInput(where + ": concept at " + pointer + " has no \"code\" string");
    }
    const auto& code = item["code"].get_ref<const std::string&>();
    if (!vocabulary.concepts_.emplace(code, item).second) {
      return InvalidInput(where + ": code '" + code + "' appears twice");
    }
    vocabulary.codes_.push_back(code);
    vocabulary.spellings_.push_back(code);
    vocabulary.code_of_.emplace(code, code);
    if (item.contains("aliases")) {
      if (!item["aliases"].is_array()) return InvalidInput(where + ": " + pointer + "/aliases is not an array");
      for (const auto& alias : item["aliases"]) {
        if (!alias.is_string()) return InvalidInput(where + ": " + pointer + "/aliases holds a non-string");
        const auto& spelling = alias.get_ref<const std::string&>();
        if (vocabulary.code_of_.emplace(spelling, code).second) vocabulary.spellings_.push_back(spelling);
      }
    }
  }
  return vocabulary;
}

const Json* Vocabulary::FindConcept(std::string_view code) const {
  auto it = concepts_.find(code);
  return it == concepts_.end() ? nullptr : &it->second;
}

std::optional<std::string> Vocabulary::Suggest(std::string_view wrong_code) const {
  auto exact = code_of_.find(wrong_code);
  if (exact != code_of_.end()) return exact->second;  // an alias used in place of the code
  auto closest = Closest(wrong_code, spellings_);
  if (!closest) return std::nullopt;
  return code_of_.find(*closest)->second;
}

}  // namespace hdcat::catalog::validation
