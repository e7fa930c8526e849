#include "search/document_builder.h"

#include <algorithm>
#include <set>

#include "catalog/store/dataset_ref.h"
#include "search/ckan_terms.h"
#include "search/index_schema.h"
#include "search/text_normalizer.h"
#include "search/text_runs.h"

namespace hdcat::search {
namespace {

namespace s = schema;

constexpr std::size_t kMaxTermBytes = 240;        // Xapian refuses terms over 245 bytes
constexpr std::size_t kMaxWholeTermBytes = 160;   // longer "whole" strings are sentences, not names
constexpr std::size_t kSnippetSourceBytes = 2000;

bool IsEnglish(std::string_view lang) { return lang.substr(0, 2) == "en"; }

std::string Lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

const Json& Field(const Json& object, const char* name) {
  static const Json kNull;
  if (!object.is_object()) return kNull;
  auto found = object.find(name);
  return found == object.end() ? kNull : *found;
}

std::string StringOf(const Json& value) { return value.is_string() ? value.get<std::string>() : ""; }

std::optional<double> NumberOf(const Json& value) {
  if (value.is_number()) return value.get<double>();
  return std::nullopt;
}

// Indexes the text fields of one document, keeping one position counter
// across the Japanese and English generators so fields never run together.
class FieldIndexer {
 public:
  explicit FieldIndexer(Xapian::Document& document) : document_(document) {
    ja_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    ja_.set_document(document);
    en_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    en_.set_stemmer(Xapian::Stem("english"));
    en_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    en_.set_document(document);
    copy_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    copy_.set_document(document);
  }

  // One text in one language. `copy_prefix` names the explanation field (""
  // for descriptions); `whole` also indexes the entire string as one term.
  void Add(std::string_view lang, std::string_view raw, Xapian::termcount weight, std::string_view copy_prefix,
           bool whole, std::string* english_text) {
    std::string text = NormalizeText(raw);
    if (text.empty()) return;
    Xapian::TermGenerator& generator = IsEnglish(lang) ? en_ : ja_;
    generator.set_termpos(position_);
    generator.index_text(text, weight);
    position_ = generator.get_termpos() + 100;
    if (!copy_prefix.empty()) copy_.index_text_without_positions(text, 1, std::string(copy_prefix));
    for (const TextRun& run : SplitRuns(text)) {
      if (!run.cjk) continue;
      std::vector<std::string> chars = CjkCharacters(run.text);
      if (chars.size() < 2) continue;
      document_.add_term(std::string(s::kPrefixRunStart) + chars[0] + chars[1], weight);
    }
    if (whole && text.size() <= kMaxWholeTermBytes) document_.add_term(std::string(s::kPrefixWhole) + text, weight);
    if (english_text != nullptr && IsEnglish(lang)) {
      english_text->append(text);
      english_text->push_back('\n');
    }
  }

  // Every language of a LangText object.
  void AddLangText(const Json& lang_text, Xapian::termcount weight, std::string_view copy_prefix, bool whole,
                   std::string* english_text) {
    if (lang_text.is_string()) {
      Add("ja", lang_text.get<std::string>(), weight, copy_prefix, whole, english_text);
      return;
    }
    if (!lang_text.is_object()) return;
    for (const auto& [lang, text] : lang_text.items()) {
      if (text.is_string()) Add(lang, text.get<std::string>(), weight, copy_prefix, whole, english_text);
    }
  }

  // Every word of a LangWords object ({"ja": [...], "en": [...]}).
  void AddLangWords(const Json& lang_words, Xapian::termcount weight, std::string_view copy_prefix,
                    std::string* english_text) {
    if (!lang_words.is_object()) return;
    for (const auto& [lang, words] : lang_words.items()) {
      if (!words.is_array()) continue;
      for (const Json& word : words) {
        if (word.is_string()) Add(lang, word.get<std::string>(), weight, copy_prefix, true, english_text);
      }
    }
  }

 private:
  Xapian::Document& document_;
  Xapian::TermGenerator ja_;
  Xapian::TermGenerator en_;
  Xapian::TermGenerator copy_;
  Xapian::termpos position_ = 0;
};

void AddBooleanTerm(Xapian::Document& document, const std::string& term) {
  if (!term.empty() && term.size() <= kMaxTermBytes) document.add_boolean_term(term);
}

// Code terms carry wdf, so a dataset that lists a code in several places
// (a variable's examples, code_values, statistics) ranks above one that
// mentions it once.
void AddCodeTerm(Xapian::Document& document, const std::string& term) {
  if (!term.empty() && term.size() <= kMaxTermBytes) document.add_term(term, 1);
}

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

void AddCodeTerms(Xapian::Document& document, std::string_view system, std::string_view code, bool hierarchical) {
  std::string normalized = NormalizeCode(code);
  if (normalized.empty() || system.empty()) return;
  std::string prefix = std::string(s::kPrefixCode) + Lower(std::string(system)) + ":";
  AddCodeTerm(document, prefix + normalized);
  if (!hierarchical || !IsAscii(normalized)) return;
  for (std::size_t length = s::kMinCodePrefix; length < normalized.size(); ++length) {
    AddCodeTerm(document, prefix + normalized.substr(0, length));
  }
}

std::string JoinFacetValues(const std::set<std::string>& values) {
  std::string joined;
  for (const std::string& value : values) {
    if (!joined.empty()) joined.push_back(s::kFacetValueSeparator);
    joined += value;
  }
  return joined;
}

void AddFacet(Xapian::Document& document, std::string_view facet, const std::set<std::string>& values) {
  for (const std::string& value : values) {
    AddBooleanTerm(document, std::string(s::kPrefixFacet) + std::string(facet) + ":" + value);
  }
  int slot = s::FacetSlot(facet);
  if (slot >= 0 && !values.empty()) document.add_value(static_cast<Xapian::valueno>(slot), JoinFacetValues(values));
}

std::set<std::string> StringSet(const Json& value) {
  std::set<std::string> out;
  if (value.is_string() && !value.get<std::string>().empty()) out.insert(value.get<std::string>());
  if (value.is_array()) {
    for (const Json& item : value) {
      if (item.is_string() && !item.get<std::string>().empty()) out.insert(item.get<std::string>());
    }
  }
  return out;
}


std::string PreferredText(const Json& lang_text, std::string_view lang) {
  if (lang_text.is_string()) return lang_text.get<std::string>();
  std::string wanted = StringOf(Field(lang_text, std::string(lang).c_str()));
  if (!wanted.empty()) return wanted;
  if (lang_text.is_object()) {
    for (const auto& [key, text] : lang_text.items()) {
      if (text.is_string() && !text.get<std::string>().empty()) return text.get<std::string>();
    }
  }
  return "";
}

// Snippet sources: NFKC text per language, cut on a character boundary.
Json SnippetSource(const Json& description) {
  Json out = Json::object();
  if (!description.is_object()) return out;
  for (const auto& [lang, text] : description.items()) {
    if (text.is_string()) out[lang] = TruncateUtf8(NormalizeForDisplay(text.get<std::string>()), kSnippetSourceBytes);
  }
  return out;
}

struct CodeRef {
  std::string system;
  std::string code;
};

}  // namespace

std::string PeriodBound(const std::string& date, bool end) {
  if (date.size() >= 10) return date.substr(0, 10);
  if (date.size() == 7) return date + (end ? "-31" : "-01");
  if (date.size() == 4) return date + (end ? "-12-31" : "-01-01");
  return "";
}

std::string QualityGrade(double completeness) {
  if (completeness >= 85) return "A";
  if (completeness >= 70) return "B";
  if (completeness >= 50) return "C";
  return "D";
}

std::string PopulationBucket(std::optional<double> size) {
  if (!size || *size < 0) return std::string(s::kPopulationNotReported);
  if (*size < 1e3) return "lt_1k";
  if (*size < 1e4) return "1k_10k";
  if (*size < 1e5) return "10k_100k";
  if (*size < 1e6) return "100k_1m";
  if (*size < 1e7) return "1m_10m";
  return "10m_plus";
}

Result<std::string> DatasetPublicId(const Json& dataset) {
  std::string identifier = StringOf(Field(dataset, "identifier"));
  std::string holder = StringOf(Field(dataset, "holder"));
  if (identifier.empty()) return InvalidInput("dataset has no identifier").at("/identifier");
  if (holder.empty()) return InvalidInput("dataset has no holder").at("/holder");
  return catalog::DatasetPublicId(holder, identifier);
}

Result<IndexedDataset> DocumentBuilder::Build(const Json& dataset, const Json& holder,
                                              const BuildOptions& options) const {
  auto public_id = DatasetPublicId(dataset);
  if (!public_id.ok()) return public_id.error();
  IndexedDataset out;
  out.public_id = *public_id;
  const std::string holder_id = StringOf(Field(dataset, "holder"));
  out.ref = holder_id + "/" + StringOf(Field(dataset, "identifier"));
  Xapian::Document& doc = out.dataset;

  // Facets shared by the dataset and its variables.
  std::vector<std::pair<std::string_view, std::set<std::string>>> facets;
  facets.emplace_back("holder", std::set<std::string>{holder_id});
  facets.emplace_back("holder_type", StringSet(Field(holder, "holder_type")));
  facets.emplace_back("data_type", StringSet(Field(dataset, "data_types")));
  facets.emplace_back("health_category", StringSet(Field(dataset, "health_categories")));
  facets.emplace_back("update_frequency", StringSet(Field(Field(dataset, "update"), "frequency")));
  std::set<std::string> routes;
  for (const Json& route : Field(Field(dataset, "access"), "routes")) {
    std::string type = StringOf(Field(route, "type"));
    if (!type.empty()) routes.insert(type);
  }
  facets.emplace_back("access_route", routes);
  facets.emplace_back("processing_level", StringSet(Field(Field(dataset, "access"), "processing_levels")));
  facets.emplace_back("access_rights", StringSet(Field(dataset, "access_rights")));
  facets.emplace_back("language", StringSet(Field(dataset, "languages")));
  std::string grade;
  if (options.quality_grade) {
    grade = *options.quality_grade;
  } else if (options.completeness) {
    grade = QualityGrade(*options.completeness);
  }
  facets.emplace_back("quality_grade", grade.empty() ? std::set<std::string>{} : std::set<std::string>{grade});
  const Json& statistics = Field(dataset, "statistics");
  std::optional<double> individuals = NumberOf(Field(statistics, "number_of_unique_individuals"));
  std::optional<double> records = NumberOf(Field(statistics, "number_of_records"));
  facets.emplace_back("population_size", std::set<std::string>{PopulationBucket(individuals ? individuals : records)});

  // Codes: from variables, code_values and statistics.codes.
  std::set<std::string> systems = StringSet(Field(dataset, "coding_systems"));
  std::vector<CodeRef> codes;
  for (const Json& item : Field(dataset, "code_values")) {
    codes.push_back({StringOf(Field(item, "system")), StringOf(Field(item, "code"))});
  }
  for (const Json& item : Field(statistics, "codes")) {
    codes.push_back({StringOf(Field(item, "system")), StringOf(Field(item, "code"))});
  }
  const Json& tables = Field(dataset, "variables");
  for (const Json& table : tables) {
    for (const Json& variable : Field(table, "variables")) {
      std::string system = StringOf(Field(variable, "coding_system"));
      if (system.empty()) continue;
      for (const Json& code : Field(variable, "example_codes")) {
        codes.push_back({system, StringOf(code)});
      }
    }
  }
  for (const CodeRef& code : codes) {
    if (!code.system.empty()) systems.insert(code.system);
  }
  for (const auto& table : tables) {
    for (const Json& variable : Field(table, "variables")) {
      std::string system = StringOf(Field(variable, "coding_system"));
      if (!system.empty()) systems.insert(system);
    }
  }

  // The dataset document.
  doc.add_boolean_term(std::string(s::kTermDataset));
  AddBooleanTerm(doc, std::string(s::kPrefixId) + out.public_id);
  AddBooleanTerm(doc, std::string(s::kPrefixDataset) + out.public_id);
  for (const auto& [facet, values] : facets) AddFacet(doc, facet, values);
  AddFacet(doc, "coding_system", systems);
  for (const CodeRef& code : codes) AddCodeTerms(doc, code.system, code.code, coding_systems_.IsHierarchical(code.system));

  {
    FieldIndexer indexer(doc);
    indexer.AddLangText(Field(dataset, "title"), s::kFieldWeightTitle, s::kPrefixTitle, true, &out.english_text);
    for (const Json& alternative : Field(dataset, "alternative_titles")) {
      indexer.AddLangText(alternative, s::kFieldWeightName, s::kPrefixName, true, &out.english_text);
    }
    indexer.AddLangText(Field(holder, "name"), s::kFieldWeightName, s::kPrefixName, true, nullptr);
    indexer.AddLangText(Field(holder, "short_name"), s::kFieldWeightName, s::kPrefixName, true, nullptr);
    indexer.AddLangWords(Field(dataset, "keywords"), s::kFieldWeightKeyword, s::kPrefixKeyword, &out.english_text);
    for (const Json& table : tables) {
      indexer.AddLangText(Field(table, "title"), s::kFieldWeightVariable, s::kPrefixVariable, true, nullptr);
      for (const Json& variable : Field(table, "variables")) {
        indexer.Add("en", StringOf(Field(variable, "name")), s::kFieldWeightVariable, s::kPrefixVariable, true,
                    nullptr);
        indexer.AddLangText(Field(variable, "title"), s::kFieldWeightVariable, s::kPrefixVariable, true,
                            &out.english_text);
        indexer.AddLangWords(Field(variable, "aliases"), s::kFieldWeightVariable, s::kPrefixVariable, nullptr);
      }
    }
    for (const Json& code : Field(dataset, "code_values")) {
      indexer.AddLangText(Field(code, "label"), s::kFieldWeightVariable, s::kPrefixVariable, true, nullptr);
    }
    indexer.AddLangText(Field(dataset, "description"), s::kFieldWeightDescription, "", false, &out.english_text);
    indexer.AddLangText(Field(dataset, "provenance"), s::kFieldWeightDescription, "", false, nullptr);
    indexer.AddLangText(Field(Field(dataset, "population"), "coverage"), s::kFieldWeightDescription, "", false,
                        nullptr);
  }

  // What the CKAN API filters, counts and sorts on (search/ckan_terms.h).
  std::vector<std::string> tags = CkanTags(dataset);
  AddFacet(doc, "tag", std::set<std::string>(tags.begin(), tags.end()));
  AddFacet(doc, "res_format", CkanResourceFormats(dataset));
  doc.add_value(s::kSlotPublicId, out.public_id);
  doc.add_value(s::kSlotResourceCount,
                Xapian::sortable_serialise(static_cast<double>(CkanResourceCount(dataset))));
  doc.add_value(s::kSlotTagCount, Xapian::sortable_serialise(static_cast<double>(tags.size())));
  if (!options.stored_at.empty()) doc.add_value(s::kSlotStoredAt, CkanTimestamp(options.stored_at));
  const std::string& first_stored = options.first_stored_at.empty() ? options.stored_at : options.first_stored_at;
  if (!first_stored.empty()) doc.add_value(s::kSlotFirstStoredAt, CkanTimestamp(first_stored));

  // Sort keys and ranges.
  const Json& update = Field(dataset, "update");
  std::string last_updated = StringOf(Field(update, "last_updated"));
  if (last_updated.empty()) last_updated = StringOf(Field(dataset, "modified"));
  if (last_updated.empty()) last_updated = StringOf(Field(dataset, "issued"));
  if (!last_updated.empty()) doc.add_value(s::kSlotLastUpdated, PeriodBound(last_updated, false));
  if (auto size = records ? records : individuals) doc.add_value(s::kSlotSize, Xapian::sortable_serialise(*size));
  const Json& title = Field(dataset, "title");
  doc.add_value(s::kSlotTitleJa, NormalizeText(PreferredText(title, "ja")));
  doc.add_value(s::kSlotTitleEn, NormalizeText(PreferredText(title, "en")));
  const Json& temporal = Field(dataset, "temporal");
  std::string period_start = PeriodBound(StringOf(Field(temporal, "start")), false);
  if (!period_start.empty()) {
    std::string period_end = PeriodBound(StringOf(Field(temporal, "end")), true);
    doc.add_value(s::kSlotPeriodStart, period_start);
    doc.add_value(s::kSlotPeriodEnd, period_end.empty() ? std::string(s::kOngoingEnd) : period_end);
  }

  Json data = {
      {"kind", "dataset"},
      {"public_id", out.public_id},
      {"ref", out.ref},
      {"holder", holder_id},
      {"holder_name", Field(holder, "name").is_object() ? Field(holder, "name") : Json::object()},
      {"title", title.is_object() ? title : Json::object()},
      {"snippet_source", SnippetSource(Field(dataset, "description"))},
  };
  doc.set_data(data.dump());

  // One document per variable.
  for (const Json& table : tables) {
    std::string table_name = StringOf(Field(table, "name"));
    for (const Json& variable : Field(table, "variables")) {
      std::string name = StringOf(Field(variable, "name"));
      if (name.empty()) continue;
      Xapian::Document vdoc;
      vdoc.add_boolean_term(std::string(s::kTermVariable));
      AddBooleanTerm(vdoc, std::string(s::kPrefixId) + out.public_id + "#" + table_name + "/" + name);
      AddBooleanTerm(vdoc, std::string(s::kPrefixDataset) + out.public_id);
      for (const auto& [facet, values] : facets) AddFacet(vdoc, facet, values);
      std::string system = StringOf(Field(variable, "coding_system"));
      AddFacet(vdoc, "coding_system", system.empty() ? std::set<std::string>{} : std::set<std::string>{system});
      bool hierarchical = coding_systems_.IsHierarchical(system);
      for (const Json& code : Field(variable, "example_codes")) {
        AddCodeTerms(vdoc, system, StringOf(code), hierarchical);
      }
      {
        FieldIndexer indexer(vdoc);
        indexer.Add("en", name, s::kFieldWeightTitle, s::kPrefixVariable, true, nullptr);
        indexer.AddLangText(Field(variable, "title"), s::kFieldWeightTitle, s::kPrefixVariable, true, nullptr);
        indexer.AddLangWords(Field(variable, "aliases"), s::kFieldWeightName, s::kPrefixVariable, nullptr);
        indexer.AddLangText(Field(variable, "description"), s::kFieldWeightDescription, "", false, nullptr);
        indexer.AddLangText(Field(table, "title"), s::kFieldWeightDescription, "", false, nullptr);
      }
      const Json& vtitle = Field(variable, "title");
      vdoc.add_value(s::kSlotTitleJa, NormalizeText(PreferredText(vtitle, "ja")));
      vdoc.add_value(s::kSlotTitleEn, NormalizeText(PreferredText(vtitle, "en")));
      Json vdata = {
          {"kind", "variable"},
          {"dataset", out.public_id},
          {"ref", out.ref},
          {"holder", holder_id},
          {"holder_name", data["holder_name"]},
          {"dataset_title", title.is_object() ? title : Json::object()},
          {"table", table_name},
          {"name", name},
          {"title", vtitle.is_object() ? vtitle : Json::object()},
          {"coding_system", system},
          {"snippet_source", SnippetSource(Field(variable, "description"))},
      };
      vdoc.set_data(vdata.dump());
      out.variables.push_back(std::move(vdoc));
    }
  }
  return out;
}

}  // namespace hdcat::search
