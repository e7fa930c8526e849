#include "harvesters/mapping/csv_dictionary.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "harvesters/jobs/job_report.h"
#include "harvesters/mapping/csv_reader.h"
#include "harvesters/mapping/vocabulary_codes.h"

namespace hdcat::harvesters::mapping {
namespace {

const std::vector<CsvDictionaryColumn> kColumns = {
    {"table", {"table", "table_name", "tablename", "テーブル", "テーブル名", "表", "表名", "シート", "シート名"}},
    {"name", {"name", "variable", "variable_name", "varname", "column", "column_name", "field", "field_name",
              "変数名", "項目名", "列名", "カラム名", "フィールド名", "変数"}},
    {"title_ja", {"title_ja", "label_ja", "name_ja", "日本語名", "表示名", "項目名称", "名称", "ラベル", "日本語ラベル"}},
    {"title_en", {"title_en", "label_en", "name_en", "english_name", "英語名", "英語ラベル"}},
    {"title", {"title", "label"}},
    {"description_ja", {"description_ja", "説明", "定義", "内容", "説明_ja", "項目説明"}},
    {"description_en", {"description_en", "英語説明", "説明_en"}},
    {"description", {"description", "definition"}},
    {"value_type", {"value_type", "type", "datatype", "data_type", "型", "データ型", "値の型", "種別"}},
    {"unit", {"unit", "units", "単位"}},
    {"coding_system", {"coding_system", "code_system", "codesystem", "vocabulary", "terminology", "コード体系",
                       "コード表", "コード", "分類"}},
    {"example_codes", {"example_codes", "examples", "example", "example_values", "例", "コード例", "値の例", "記載例"}},
    {"completeness", {"completeness", "充足率", "入力率", "記入率"}},
    {"aliases_ja", {"aliases_ja", "別名", "同義語"}},
    {"aliases_en", {"aliases_en", "synonyms", "aliases"}},
};

// Japanese and common spellings of value types beyond the vocabulary's codes.
const std::map<std::string, std::string, std::less<>> kValueTypeAliases = {
    {"文字列", "string"}, {"文字", "string"},   {"str", "string"},      {"varchar", "string"}, {"char", "string"},
    {"整数", "integer"},  {"int", "integer"},   {"数値", "decimal"},    {"小数", "decimal"},   {"実数", "decimal"},
    {"number", "decimal"}, {"float", "decimal"}, {"double", "decimal"}, {"numeric", "decimal"},
    {"真偽値", "boolean"}, {"論理値", "boolean"}, {"bool", "boolean"},   {"フラグ", "boolean"},
    {"日付", "date"},     {"日時", "datetime"}, {"timestamp", "datetime"}, {"コード", "code"},
    {"テキスト", "text"}, {"自由記述", "text"}, {"バイナリ", "binary"},
};

std::string Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return std::string(text);
}

std::string NormaliseHeader(std::string_view header) {
  std::string out;
  for (unsigned char c : Trim(header)) {
    if (c == ' ' || c == '\t' || c == '-') c = '_';
    if (c == '_' && !out.empty() && out.back() == '_') continue;
    out += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
  }
  // Full-width space (U+3000) is common in Japanese headers.
  for (auto pos = out.find("\xE3\x80\x80"); pos != std::string::npos; pos = out.find("\xE3\x80\x80")) out.erase(pos, 3);
  return out;
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::string item;
  auto flush = [&]() {
    std::string t = Trim(item);
    if (!t.empty()) out.push_back(t);
    item.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ';' || text[i] == '|' || text[i] == ',') {
      flush();
    } else if (text.compare(i, 3, "\xE3\x80\x81") == 0) {  // 、
      flush();
      i += 2;
    } else {
      item += text[i];
    }
  }
  flush();
  return out;
}

}  // namespace

const std::vector<CsvDictionaryColumn>& CsvDictionaryColumns() { return kColumns; }

Result<CsvDictionary> MapCsvDictionary(std::string_view text, const CsvDictionaryOptions& options) {
  auto parsed = ParseCsv(text);
  if (!parsed.ok()) return parsed.error();
  const CsvTable& csv = *parsed;
  if (csv.rows.empty()) return InvalidInput("the data dictionary CSV is empty (no header row)");

  CsvDictionary out;
  std::map<std::string, std::size_t> column_of;  // canonical -> index
  const CsvRow& header = csv.rows[0];
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::string normalised = NormaliseHeader(header[i]);
    bool matched = false;
    for (const auto& column : kColumns) {
      if (std::find(column.aliases.begin(), column.aliases.end(), normalised) != column.aliases.end()) {
        if (!column_of.count(std::string(column.canonical))) column_of[std::string(column.canonical)] = i;
        else out.unmapped.push_back("column " + header[i] + " (a second " + std::string(column.canonical) + " column)");
        matched = true;
        break;
      }
    }
    if (!matched && !normalised.empty()) out.unmapped.push_back("column " + header[i]);
  }
  if (!column_of.count("name")) {
    Error error = InvalidInput("the data dictionary has no variable-name column");
    error.expected = "a header such as name, variable, 変数名 or 項目名";
    return error;
  }

  VocabularyCodes value_types = VocabularyCodes::Load("value-types");
  VocabularyCodes coding_systems = VocabularyCodes::Load("coding-systems");
  std::vector<std::string> table_order;
  std::map<std::string, Json> tables;

  for (std::size_t r = 1; r < csv.rows.size(); ++r) {
    const CsvRow& row = csv.rows[r];
    std::string where = "row " + std::to_string(csv.lines[r]);
    auto cell = [&](const char* canonical) -> std::string {
      auto it = column_of.find(canonical);
      if (it == column_of.end() || it->second >= row.size()) return {};
      return Trim(row[it->second]);
    };
    if (row.size() > header.size()) out.unmapped.push_back(where + " (more fields than the header)");
    Json variable = Json::object();
    std::string name = cell("name");
    if (name.empty()) {
      out.unmapped.push_back(where + " (no variable name; row skipped)");
      continue;
    }
    variable["name"] = name;
    auto set_text = [&](const char* column, const char* field, const std::string& language) {
      std::string value = cell(column);
      if (!value.empty() && !variable[field].contains(language)) variable[field][language] = value;
    };
    set_text("title_ja", "title", "ja");
    set_text("title_en", "title", "en");
    set_text("title", "title", options.default_language);
    set_text("description_ja", "description", "ja");
    set_text("description_en", "description", "en");
    set_text("description", "description", options.default_language);
    if (variable.contains("title") && variable["title"].is_null()) variable.erase("title");
    if (variable.contains("description") && variable["description"].is_null()) variable.erase("description");

    if (std::string type = cell("value_type"); !type.empty()) {
      std::optional<std::string> code = value_types.CodeForLiteral(type);
      if (!code) code = value_types.CodeForField("csvw_datatype", type);
      if (!code) {
        std::string lower = NormaliseHeader(type);
        if (auto it = kValueTypeAliases.find(lower); it != kValueTypeAliases.end()) code = it->second;
      }
      if (code) variable["value_type"] = *code;
      else out.unmapped.push_back(where + "/value_type (unknown value type: " + type + ")");
    }
    if (std::string unit = cell("unit"); !unit.empty()) variable["unit"] = unit;
    if (std::string system = cell("coding_system"); !system.empty()) {
      auto code = system.find("://") != std::string::npos ? coding_systems.CodeForIriOrTail(system)
                                                         : coding_systems.CodeForLiteral(system);
      if (code) variable["coding_system"] = *code;
      else out.unmapped.push_back(where + "/coding_system (not in the coding-system vocabulary: " + system + ")");
    }
    if (std::string examples = cell("example_codes"); !examples.empty()) {
      for (const auto& e : SplitList(examples)) variable["example_codes"].push_back(e);
    }
    if (std::string completeness = cell("completeness"); !completeness.empty()) {
      bool percent = completeness.back() == '%';
      if (percent) completeness.pop_back();
      double value = -1;
      auto [end, ec] = std::from_chars(completeness.data(), completeness.data() + completeness.size(), value);
      if (ec == std::errc() && end == completeness.data() + completeness.size()) {
        if (percent || value > 1) value /= 100.0;
      } else {
        value = -1;
      }
      if (value >= 0 && value <= 1) variable["completeness"] = value;
      else out.unmapped.push_back(where + "/completeness (not a fraction 0..1 or a percentage: " + cell("completeness") + ")");
    }
    for (const auto& [column, language] : {std::pair{"aliases_ja", "ja"}, std::pair{"aliases_en", "en"}}) {
      if (std::string aliases = cell(column); !aliases.empty()) {
        for (const auto& a : SplitList(aliases)) variable["aliases"][language].push_back(a);
      }
    }
    std::string table = cell("table");
    if (table.empty()) table = options.default_table;
    if (!tables.count(table)) {
      table_order.push_back(table);
      tables[table] = Json{{"name", table}, {"variables", Json::array()}};
    }
    tables[table]["variables"].push_back(std::move(variable));
  }
  out.tables = Json::array();
  for (const auto& name : table_order) out.tables.push_back(std::move(tables[name]));
  return out;
}

std::string WriteCsvDictionary(const Json& dataset) {
  auto text = [](const Json& object, const char* field, const char* language) -> std::string {
    auto it = object.find(field);
    if (it == object.end() || !it->is_object()) return "";
    return it->value(language, std::string());
  };
  auto joined = [](const Json& list) {
    std::string out;
    if (!list.is_array()) return out;
    for (const auto& item : list) {
      if (item.is_string()) out += (out.empty() ? "" : ";") + item.get<std::string>();
    }
    return out;
  };
  std::string csv =
      "table,name,title_ja,title_en,description_ja,description_en,value_type,unit,coding_system,example_codes,"
      "completeness\r\n";
  for (const auto& table : dataset.value("variables", Json::array())) {
    for (const auto& variable : table.value("variables", Json::array())) {
      std::string completeness;
      if (auto c = variable.find("completeness"); c != variable.end() && c->is_number()) completeness = c->dump();
      std::vector<std::string> cells = {table.value("name", std::string()),
                                        variable.value("name", std::string()),
                                        text(variable, "title", "ja"),
                                        text(variable, "title", "en"),
                                        text(variable, "description", "ja"),
                                        text(variable, "description", "en"),
                                        variable.value("value_type", std::string()),
                                        variable.value("unit", std::string()),
                                        variable.value("coding_system", std::string()),
                                        joined(variable.value("example_codes", Json::array())),
                                        completeness};
      std::string line;
      for (const auto& cell : cells) line += (line.empty() ? "" : ",") + CsvField(cell);
      csv += line + "\r\n";
    }
  }
  return csv;
}

}  // namespace hdcat::harvesters::mapping
