#include "web/pages/language.h"

#include <cctype>
#include <charconv>
#include <string>

namespace hdcat::web {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// q-value of one Accept-Language entry's parameters ("q=0.8"), 1 when absent.
double QualityOf(std::string_view params) {
  std::size_t q = params.find("q=");
  if (q == std::string_view::npos) return 1.0;
  std::string_view number = Trim(params.substr(q + 2));
  double value = 0;
  // from_chars for double is available in GCC 11+.
  auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  (void)end;
  if (error != std::errc() || value < 0 || value > 1) return 0;
  return value;
}

}  // namespace

std::string_view SupportedLanguage(std::string_view tag) {
  std::string primary;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    primary += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (primary == "ja") return "ja";
  if (primary == "en") return "en";
  return "";
}

std::string_view LanguageFromAcceptLanguage(std::string_view header) {
  std::string_view best;
  double best_quality = 0;
  while (!header.empty()) {
    std::size_t comma = header.find(',');
    std::string_view entry = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    std::size_t semicolon = entry.find(';');
    std::string_view tag = Trim(entry.substr(0, semicolon));
    double quality = semicolon == std::string_view::npos ? 1.0 : QualityOf(entry.substr(semicolon + 1));
    std::string_view language = SupportedLanguage(tag);
    if (!language.empty() && quality > best_quality) {
      best = language;
      best_quality = quality;
    }
  }
  return best;
}

std::string ChooseLanguage(const HttpRequest& request) {
  if (auto param = request.query_param("lang")) {
    if (auto language = SupportedLanguage(*param); !language.empty()) return std::string(language);
  }
  if (auto cookie = request.cookie("lang")) {
    if (auto language = SupportedLanguage(*cookie); !language.empty()) return std::string(language);
  }
  if (auto header = request.header("accept-language")) {
    if (auto language = LanguageFromAcceptLanguage(*header); !language.empty()) return std::string(language);
  }
  return std::string(kDefaultLanguage);
}

}  // namespace hdcat::web
