// CsvDictionary: a data dictionary as CSV (one row per variable) -> the
// `variables` tables of a dataset (schemas/MODEL.md Table / Variable).
//
// The header row names the columns. Accepted names (case, spaces and
// hyphens ignored) are in CsvDictionaryColumns(): table, name, title_ja,
// title_en, title, description_ja, description_en, description,
// value_type, unit, coding_system, example_codes, completeness, aliases_ja,
// aliases_en, with common aliases including Japanese headers (変数名,
// 項目名, 説明, 型, 単位, コード体系 …). A header without a column is an error;
// unknown header columns are reported in `unmapped` and their values kept
// nowhere else than the raw file. Rows without a variable name, unknown
// value types or coding systems, and bad completeness values are reported
// as "row N/column (...)" and the rest of the row is still used.
//
// Thread-safety: free functions without shared state (vocabularies are
// loaded per call).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/result.h"

namespace hdcat::harvesters::mapping {

struct CsvDictionaryOptions {
  std::string default_language = "ja";  // for "title" / "description" columns
  std::string default_table = "variables";
};

struct CsvDictionary {
  Json tables;  // array of {name, title?, variables: [...]}
  std::vector<std::string> unmapped;
};

struct CsvDictionaryColumn {
  std::string_view canonical;
  std::vector<std::string_view> aliases;
};
const std::vector<CsvDictionaryColumn>& CsvDictionaryColumns();

// `text` must be UTF-8 (see text_encoding.h).
Result<CsvDictionary> MapCsvDictionary(std::string_view text, const CsvDictionaryOptions& options = {});

// The inverse: the dictionary of `dataset`'s variables as CSV (header row
// table,name,title_ja,title_en,description_ja,description_en,value_type,unit,
// coding_system,example_codes,completeness; codes joined with ';'; CRLF rows),
// as a holder publishing a data dictionary would write it.
std::string WriteCsvDictionary(const Json& dataset);

}  // namespace hdcat::harvesters::mapping
