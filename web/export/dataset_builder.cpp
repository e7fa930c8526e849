#include "web/export/dataset_builder.h"

#include <algorithm>

#include "catalog/disclosure.h"
#include "catalog/store/dataset_ref.h"

namespace hdcat::web::exporting::detail {
namespace {

bool Digits(std::string_view text, std::size_t from, std::size_t count) {
  if (text.size() < from + count) return false;
  for (std::size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

const Json& NullJson() {
  static const Json kNull;
  return kNull;
}

}  // namespace

std::optional<std::string_view> DateDatatype(std::string_view t) {
  if (!Digits(t, 0, 4)) return std::nullopt;
  if (t.size() == 4) return "gYear";
  if (t[4] != '-' || !Digits(t, 5, 2)) return std::nullopt;
  if (t.size() == 7) return "gYearMonth";
  if (t[7] != '-' || !Digits(t, 8, 2)) return std::nullopt;
  if (t.size() == 10) return "date";
  // 2024-03-31T12:00:00 then fraction and a zone ("Z" or ±hh:mm).
  if (t[10] != 'T' || !Digits(t, 11, 2) || t[13] != ':' || !Digits(t, 14, 2) || t.size() < 19 || t[16] != ':' ||
      !Digits(t, 17, 2)) {
    return std::nullopt;
  }
  std::size_t i = 19;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
  }
  std::string_view zone = t.substr(i);
  if (zone.empty() || zone == "Z") return "dateTime";
  if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && Digits(zone, 1, 2) && zone[3] == ':' &&
      Digits(zone, 4, 2)) {
    return "dateTime";
  }
  return std::nullopt;
}

DatasetBuilder::DatasetBuilder(Graph& g, const ExportSite& s, const ExportVocabularies& v, const DatasetExport& input)
    : graph(g),
      site(s),
      vocabularies(v),
      doc(input.dataset),
      holder(input.holder.is_object() ? input.holder : NullJson()),
      dataset(Term::Iri(s.DatasetIri(input.public_id))),
      dataset_iri(dataset.value()) {}

const Json* DatasetBuilder::Member(const Json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

bool DatasetBuilder::AddLangText(const Term& s, const Term& p, const Json* text) {
  if (!text) return false;
  if (text->is_string()) {
    if (text->get_ref<const std::string&>().empty()) return false;
    Add(s, p, Term::Literal(text->get<std::string>()));
    return true;
  }
  if (!text->is_object()) return false;
  bool added = false;
  for (const auto& [language, value] : text->items()) {
    if (!value.is_string() || value.get_ref<const std::string&>().empty()) continue;
    Add(s, p, Term::Literal(value.get<std::string>(), language));
    added = true;
  }
  return added;
}

bool DatasetBuilder::AddPlain(const Term& s, const Term& p, const Json* value) {
  if (!value) return false;
  if (value->is_string()) {
    Add(s, p, Term::Literal(value->get<std::string>()));
  } else if (value->is_number() || value->is_boolean()) {
    Add(s, p, Term::Literal(value->dump()));
  } else {
    return false;
  }
  return true;
}

bool DatasetBuilder::AddUrl(const Term& s, const Term& p, const Json* value) {
  if (!value || !value->is_string() || !IsAbsoluteIri(value->get_ref<const std::string&>())) return false;
  Add(s, p, Term::Iri(value->get<std::string>()));
  return true;
}

bool DatasetBuilder::AddDate(const Term& s, const Term& p, const Json* value) {
  if (!value || !value->is_string()) return false;
  auto datatype = DateDatatype(value->get_ref<const std::string&>());
  if (!datatype) return false;
  Add(s, p, Term::Typed(value->get<std::string>(), std::string(ns::kXsd) + std::string(*datatype)));
  return true;
}

bool DatasetBuilder::AddTyped(const Term& s, const Term& p, const Json* value, std::string_view xsd_local) {
  if (!value) return false;
  std::string lexical;
  if (value->is_string()) {
    lexical = value->get<std::string>();
  } else if (value->is_number() || value->is_boolean()) {
    lexical = value->dump();
  } else {
    return false;
  }
  Add(s, p, Term::Typed(lexical, std::string(ns::kXsd) + std::string(xsd_local)));
  return true;
}

bool DatasetBuilder::AddNonNegative(const Term& s, const Term& p, const Json* value) {
  if (!value || !value->is_number_integer() || value->get<std::int64_t>() < 0) return false;
  return AddTyped(s, p, value, "nonNegativeInteger");
}

void DatasetBuilder::AddCount(const Term& s, const Term& p, const Json* value) {
  if (!value || !value->is_number_integer()) return;
  auto published = catalog::PublishableCount(value->get<std::int64_t>(), site.disclosure_threshold);
  if (published) {
    Add(s, p, Term::Typed(std::to_string(*published), std::string(ns::kXsd) + "nonNegativeInteger"));
    return;
  }
  // Suppressed: say which property is withheld and below what, never the value.
  Term note = graph.NewBlank();
  Add(s, Name(ns::kHdcat, "suppressedCount"), note);
  Type(note, ns::kHdcat, "SuppressedCount");
  Add(note, Name(ns::kHdcat, "property"), p);
  Add(note, Name(ns::kHdcat, "below"),
      Term::Typed(std::to_string(std::max<std::int64_t>(site.disclosure_threshold, 1)),
                  std::string(ns::kXsd) + "nonNegativeInteger"));
}

bool DatasetBuilder::AddPeriod(const Term& s, const Term& p, const Json* period) {
  if (!period || !period->is_object()) return false;
  auto is_date = [&](const char* key) {
    const Json* value = Member(*period, key);
    return value && value->is_string() && DateDatatype(value->get_ref<const std::string&>());
  };
  if (!is_date("start") && !is_date("end")) return false;
  Term node = graph.NewBlank();
  Add(s, p, node);
  Type(node, ns::kDct, "PeriodOfTime");
  AddDate(node, Name(ns::kDcat, "startDate"), Member(*period, "start"));
  AddDate(node, Name(ns::kDcat, "endDate"), Member(*period, "end"));
  return true;
}

std::optional<Term> DatasetBuilder::DatasetReference(std::string_view reference) const {
  if (IsAbsoluteIri(reference)) return Term::Iri(reference);
  std::size_t slash = reference.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view holder_id = reference.substr(0, slash);
  std::string_view identifier = reference.substr(slash + 1);
  if (!catalog::IsIdentifier(holder_id) || !catalog::IsIdentifier(identifier)) return std::nullopt;
  return Term::Iri(site.DatasetIri(catalog::DatasetPublicId(holder_id, identifier)));
}

}  // namespace hdcat::web::exporting::detail
