#include "search/coding_systems.h"

#include "schemas/resources.h"
#include "search/text_normalizer.h"

namespace hdcat::search {
namespace {

std::string StringField(const Json& object, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    auto found = object.find(name);
    if (found != object.end() && found->is_string()) return found->get<std::string>();
  }
  return "";
}

std::string LabelIn(const Json& system, const char* lang) {
  for (const char* field : {"label", "labels", "name", "title"}) {
    auto found = system.find(field);
    if (found != system.end() && found->is_object()) {
      auto text = found->find(lang);
      if (text != found->end() && text->is_string()) return text->get<std::string>();
    }
  }
  return "";
}

Result<CodingSystemInfo> ParseSystem(const Json& object, std::string fallback_code) {
  CodingSystemInfo info;
  info.code = StringField(object, {"code", "id", "identifier"});
  if (info.code.empty()) info.code = std::move(fallback_code);
  if (info.code.empty()) return InvalidInput("coding systems: an entry has no code");
  info.label_ja = LabelIn(object, "ja");
  info.label_en = LabelIn(object, "en");
  info.pattern_source = StringField(object, {"code_pattern", "pattern"});
  if (!info.pattern_source.empty()) {
    try {
      info.pattern = std::regex(info.pattern_source, std::regex::ECMAScript | std::regex::icase);
    } catch (const std::regex_error& error) {
      return InvalidInput("coding system " + info.code + ": code_pattern does not compile: " + error.what());
    }
  }
  auto hierarchical = object.find("hierarchical");
  if (hierarchical != object.end() && hierarchical->is_boolean()) info.hierarchical = hierarchical->get<bool>();
  return info;
}

}  // namespace

Result<CodingSystemTable> CodingSystemTable::FromJson(const Json& document) {
  CodingSystemTable table;
  auto add_array = [&table](const Json& array) -> Status {
    for (const Json& item : array) {
      if (!item.is_object()) continue;
      auto info = ParseSystem(item, "");
      if (!info.ok()) return info.error();
      table.systems_.push_back(std::move(*info));
    }
    return Status::Ok();
  };
  if (document.is_array()) {
    HDCAT_TRY(add_array(document));
  } else if (document.is_object()) {
    bool found_array = false;
    for (const auto& [key, value] : document.items()) {
      if (value.is_array() && !value.empty() && value.front().is_object()) {
        HDCAT_TRY(add_array(value));
        found_array = true;
      }
    }
    if (!found_array) {
      for (const auto& [key, value] : document.items()) {
        if (!value.is_object()) continue;
        auto info = ParseSystem(value, key);
        if (!info.ok()) return info.error();
        table.systems_.push_back(std::move(*info));
      }
    }
  } else {
    return InvalidInput("coding systems: expected an array or an object");
  }
  return table;
}

Result<CodingSystemTable> CodingSystemTable::LoadEmbedded() {
  auto bytes = schemas::Resource("vocabularies/coding-systems.json");
  if (!bytes) return CodingSystemTable();
  auto document = ParseJson(*bytes);
  if (!document.ok()) return document.error();
  return FromJson(*document);
}

const CodingSystemInfo* CodingSystemTable::Find(std::string_view system) const {
  for (const CodingSystemInfo& info : systems_) {
    if (info.code == system) return &info;
  }
  return nullptr;
}

bool CodingSystemTable::IsHierarchical(std::string_view system) const {
  const CodingSystemInfo* info = Find(system);
  return info == nullptr || info->hierarchical;
}

std::vector<const CodingSystemInfo*> CodingSystemTable::SystemsMatching(std::string_view code) const {
  std::string folded = NormalizeText(code);
  for (char& c : folded) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  std::string compact = NormalizeCode(code);
  std::vector<const CodingSystemInfo*> out;
  for (const CodingSystemInfo& info : systems_) {
    if (info.pattern_source.empty()) continue;
    if (std::regex_match(folded, info.pattern) || std::regex_match(compact, info.pattern)) out.push_back(&info);
  }
  return out;
}

}  // namespace hdcat::search
