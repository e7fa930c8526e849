#include "web/pages/view_text.h"

#include "catalog/disclosure.h"

namespace hdcat::web {

std::string PickText(const Json& text, std::string_view language) {
  if (text.is_string()) return text.get<std::string>();
  if (!text.is_object()) return "";
  auto it = text.find(std::string(language));
  if (it != text.end() && it->is_string()) return it->get<std::string>();
  for (const auto& [key, value] : text.items()) {
    if (value.is_string()) return value.get<std::string>();
  }
  return "";
}

std::string FormatNumber(std::int64_t value) {
  bool negative = value < 0;
  std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  std::string digits = std::to_string(magnitude);
  std::string out;
  int seen = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (seen > 0 && seen % 3 == 0) out.insert(out.begin(), ',');
    out.insert(out.begin(), *it);
    ++seen;
  }
  return negative ? "-" + out : out;
}

std::string FormatJpy(std::int64_t amount) { return "¥" + FormatNumber(amount); }

std::string PublishedCountText(std::int64_t count, std::int64_t threshold) {
  auto published = catalog::PublishableCount(count, threshold);
  if (published) return FormatNumber(*published);
  return "<" + FormatNumber(threshold < 1 ? 1 : threshold);
}

std::string DurationText(std::string_view duration, std::string_view language) {
  struct Unit {
    char designator;
    const char* ja;
    const char* en;
  };
  static constexpr Unit kUnits[] = {{'Y', "年", " years"}, {'M', "か月", " months"}, {'W', "週間", " weeks"}, {'D', "日", " days"}};
  if (duration.size() < 3 || duration[0] != 'P' || duration.find('T') != std::string_view::npos) return std::string(duration);
  std::string text, number;
  for (char c : duration.substr(1)) {
    if (c >= '0' && c <= '9') {
      number += c;
      continue;
    }
    const Unit* unit = nullptr;
    for (const auto& candidate : kUnits) {
      if (candidate.designator == c) unit = &candidate;
    }
    if (unit == nullptr || number.empty()) return std::string(duration);
    if (!text.empty()) text += language == "ja" ? "" : " ";
    text += number + (language == "ja" ? unit->ja : unit->en);
    number.clear();
  }
  return number.empty() ? text : std::string(duration);
}

std::string VocabularyLabel(const exporting::ExportVocabularies& vocabularies, std::string_view vocabulary,
                            std::string_view code, std::string_view language) {
  if (vocabulary.empty()) return std::string(code);
  std::string label = PickText(vocabularies.Label(vocabulary, code), language);
  return label.empty() ? std::string(code) : label;
}

}  // namespace hdcat::web
