// How the pages turn model values into display text: multilingual text in
// the page's language, vocabulary codes as labels, numbers with separators,
// yen amounts, and published counts after disclosure control.
//
// Thread-safety: pure functions; ViewVocabulary is immutable after Load().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/json.h"
#include "web/export/export_vocabularies.h"

namespace hdcat::web {

// The text of a LangText in `language`, else in another language, else "".
// A plain string is returned as is.
std::string PickText(const Json& text, std::string_view language);

// 1234567 -> "1,234,567".
std::string FormatNumber(std::int64_t value);

// Yen: "¥1,200,000" in both languages (the sign is the same in Japanese use).
std::string FormatJpy(std::int64_t amount);

// A count as it may be shown: the number when catalog::PublishableCount
// allows it, else "<10" (the threshold). Never the exact small number.
std::string PublishedCountText(std::int64_t count, std::int64_t threshold);

// An ISO 8601 duration for reading: "P6M" -> "6か月" / "6 months"; unreadable text as is.
std::string DurationText(std::string_view duration, std::string_view language);

// The vocabulary label of `code` in `language` ("" vocabulary or unknown code: the code).
std::string VocabularyLabel(const exporting::ExportVocabularies& vocabularies, std::string_view vocabulary,
                            std::string_view code, std::string_view language);

}  // namespace hdcat::web
