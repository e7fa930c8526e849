// The language a page is rendered in: Japanese or English.
//
// ChooseLanguage decides, in this order: the `lang` query parameter (an
// explicit switch), then the `lang` cookie (the remembered switch), then the
// best Accept-Language entry by q-value, then Japanese. Only "ja" and "en"
// are ever returned; regional tags ("en-GB") count as their language.
//
// Thread-safety: free functions without shared state.
#pragma once

#include <string>
#include <string_view>

#include "web/server/http_message.h"

namespace hdcat::web {

inline constexpr std::string_view kDefaultLanguage = "ja";

// "ja" or "en" for a tag like "en-US", or "" when the tag is neither.
std::string_view SupportedLanguage(std::string_view tag);

// The best supported language in an Accept-Language value, or "" when none.
std::string_view LanguageFromAcceptLanguage(std::string_view header);

std::string ChooseLanguage(const HttpRequest& request);

}  // namespace hdcat::web
