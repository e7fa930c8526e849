#include "web/export/lang_text.h"

namespace hdcat::web::exporting {

std::string PickLanguage(const Json* text, std::string_view language) {
  if (!text) return "";
  if (text->is_string()) return text->get<std::string>();
  if (!text->is_object()) return "";
  for (std::string_view wanted : {language, OtherLanguage(language)}) {
    auto it = text->find(wanted);
    if (it != text->end() && it->is_string() && !it->get_ref<const std::string&>().empty()) return it->get<std::string>();
  }
  for (const auto& [key, value] : text->items()) {
    if (value.is_string() && !value.get_ref<const std::string&>().empty()) return value.get<std::string>();
  }
  return "";
}

std::string_view OtherLanguage(std::string_view language) { return language == "en" ? "ja" : "en"; }

}  // namespace hdcat::web::exporting
