// The data dictionary: healthdcatap:hasVariables as csvw:TableGroup ->
// csvw:Table -> csvw:Column, with R8's cardinalities (a Column has exactly one
// csvw:name and one csvw:datatype, at least one csvw:title and
// dct:description).
#include "web/export/dataset_builder.h"

namespace hdcat::web::exporting::detail {
namespace {

const Json* Get(const Json& object, std::string_view key) { return DatasetBuilder::Member(object, key); }

// CSVW built-in datatype names for the model's value types.
std::string_view CsvwDatatype(std::string_view value_type) {
  if (value_type == "integer") return "integer";
  if (value_type == "decimal") return "decimal";
  if (value_type == "boolean") return "boolean";
  if (value_type == "date") return "date";
  if (value_type == "datetime") return "dateTime";
  if (value_type == "binary") return "binary";
  return "string";  // string, code, text and anything unknown
}

// LangText that says "<prefix> <title>" in each language the title has.
Json Prefixed(const Json* title, std::string_view ja_suffix, std::string_view en_prefix) {
  Json text = Json::object();
  if (!title || !title->is_object()) return text;
  for (const auto& [language, value] : title->items()) {
    if (!value.is_string()) continue;
    text[language] = language == "ja" ? value.get<std::string>() + std::string(ja_suffix)
                                      : std::string(en_prefix) + value.get<std::string>();
  }
  return text;
}

void AddColumn(DatasetBuilder& b, const Term& table, const Term& column, const Json& variable) {
  const Json* name = Get(variable, "name");
  if (!name || !name->is_string()) return;
  b.Add(table, Name(ns::kCsvw, "column"), column);
  b.Type(column, ns::kCsvw, "Column");
  b.Add(column, Name(ns::kCsvw, "name"), Term::Literal(name->get<std::string>()));
  if (!b.AddLangText(column, Name(ns::kCsvw, "title"), Get(variable, "title"))) {
    b.Add(column, Name(ns::kCsvw, "title"), Term::Literal(name->get<std::string>()));
  }
  // R8 wants a description on every column; the title is the best available.
  if (!b.AddLangText(column, Name(ns::kDct, "description"), Get(variable, "description")) &&
      !b.AddLangText(column, Name(ns::kDct, "description"), Get(variable, "title"))) {
    b.Add(column, Name(ns::kDct, "description"), Term::Literal(name->get<std::string>()));
  }
  const Json* type = Get(variable, "value_type");
  b.Add(column, Name(ns::kCsvw, "datatype"),
        Term::Literal(CsvwDatatype(type && type->is_string() ? type->get_ref<const std::string&>() : "")));
  b.AddPlain(column, Name(ns::kHdcat, "valueType"), type);
  b.AddPlain(column, Name(ns::kHdcat, "unit"), Get(variable, "unit"));
  if (const Json* system = Get(variable, "coding_system"); system && system->is_string()) {
    b.Add(column, Name(ns::kHdcat, "codingSystem"), Term::Iri(b.vocabularies.CodingSystem(system->get<std::string>()).iri));
  }
  if (const Json* examples = Get(variable, "example_codes"); examples && examples->is_array()) {
    for (const Json& code : *examples) b.AddPlain(column, Name(ns::kHdcat, "exampleCode"), &code);
  }
  if (const Json* completeness = Get(variable, "completeness"); completeness && completeness->is_number()) {
    b.AddTyped(column, Name(ns::kHdcat, "completeness"), completeness, "decimal");
  }
  if (const Json* aliases = Get(variable, "aliases"); aliases && aliases->is_object()) {
    for (const auto& [language, words] : aliases->items()) {
      if (!words.is_array()) continue;
      for (const Json& word : words) {
        if (word.is_string()) b.Add(column, Name(ns::kHdcat, "alias"), Term::Literal(word.get<std::string>(), language));
      }
    }
  }
}

}  // namespace

void AddVariables(DatasetBuilder& b) {
  const Json* structured = Get(b.doc, "has_structured_data");
  bool has_structured = structured && structured->is_boolean() && structured->get<bool>();
  b.Add(b.dataset, Name(ns::kHealthDcatAp, "hasStructuredData"),
        Term::Typed(has_structured ? "true" : "false", std::string(ns::kXsd) + "boolean"));
  const Json* tables = Get(b.doc, "variables");
  if (!tables || !tables->is_array() || tables->empty()) return;

  Term group = b.Part("variables");
  b.Add(b.dataset, Name(ns::kHealthDcatAp, "hasVariables"), group);
  b.Type(group, ns::kCsvw, "TableGroup");
  Json group_title = Prefixed(Get(b.doc, "title"), "の変数", "Variables of ");
  if (!b.AddLangText(group, Name(ns::kDct, "title"), &group_title)) {
    b.Add(group, Name(ns::kDct, "title"), Term::Literal("Variables"));
  }
  int table_no = 0;
  for (const Json& table_doc : *tables) {
    if (!table_doc.is_object()) continue;
    std::string table_fragment = "table-" + std::to_string(++table_no);
    Term table = b.Part(table_fragment);
    b.Add(group, Name(ns::kCsvw, "table"), table);
    b.Type(table, ns::kCsvw, "Table");
    const Json* name = Get(table_doc, "name");
    if (!b.AddLangText(table, Name(ns::kDct, "title"), Get(table_doc, "title"))) {
      b.Add(table, Name(ns::kDct, "title"),
            Term::Literal(name && name->is_string() ? name->get<std::string>() : table_fragment));
    }
    b.AddLangText(table, Name(ns::kDct, "description"), Get(table_doc, "description"));
    b.AddPlain(table, Name(ns::kHdcat, "tableName"), name);
    const Json* variables = Get(table_doc, "variables");
    if (!variables || !variables->is_array()) continue;
    int column_no = 0;
    for (const Json& variable : *variables) {
      AddColumn(b, table, b.Part(table_fragment + "-column-" + std::to_string(++column_no)), variable);
    }
  }
}

}  // namespace hdcat::web::exporting::detail
