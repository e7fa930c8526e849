// Reading the model's multilingual text (LangText {"ja": …, "en": …}) for
// outputs that take one string: the requested language, else the other, else
// any language present.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "base/json.h"

namespace hdcat::web::exporting {

// The text of `text` in `language` or the best substitute; "" when none.
// A plain string is returned as it is.
std::string PickLanguage(const Json* text, std::string_view language);

// The other of "ja" / "en" (any other language gives "en").
std::string_view OtherLanguage(std::string_view language);

}  // namespace hdcat::web::exporting
