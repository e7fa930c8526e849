#include "bench/search/query_mix.h"

namespace hdcat::bench {
namespace {

std::string Str(std::string_view text) { return std::string(text); }

// The short word researchers type for a kind of data ("レジストリ", "DPC").
constexpr std::string_view kKindWordsJa[] = {"レジストリ", "コホート", "レセプト", "健診", "電子カルテ", "DPC"};
constexpr std::string_view kKindWordsEn[] = {"registry", "cohort", "claims", "checkup", "EHR", "survey"};

// A term in one language: `en` picks the English form, otherwise the Japanese.
template <typename Term>
std::string In(const Term& term, bool en) {
  return Str(en ? term.en : term.ja);
}

std::string Words(Rng& rng, bool en) {
  double draw = rng.Unit();
  if (draw < 0.5) return In(rng.Pick(Diseases()), en);
  if (draw < 0.7) {
    std::string disease = In(rng.Pick(Diseases()), en);
    std::string_view kind = en ? kKindWordsEn[rng.Below(std::size(kKindWordsEn))]
                               : kKindWordsJa[rng.Below(std::size(kKindWordsJa))];
    return disease + " " + Str(kind);
  }
  if (draw < 0.85) return In(rng.Pick(LabTests()), en);
  return In(rng.Pick(Drugs()), en);
}

std::string Mixed(Rng& rng) {
  double draw = rng.Unit();
  if (draw < 0.4) return "DPC " + Str(rng.Pick(Diseases()).ja);
  if (draw < 0.7) return Str(rng.Pick(Diseases()).ja) + " " + Str(rng.Pick(LabTests()).slug);
  return Str(rng.Pick(Diseases()).en) + " " + Str(rng.Pick(LabTests()).ja);
}

std::string CodeExact(Rng& rng) {
  switch (rng.Below(5)) {
    case 0: return Icd10Code(rng, rng.Pick(Diseases()));
    case 1: return Jlac10Code(rng, rng.Pick(LabTests()));
    case 2: return YjCode(rng, rng.Pick(Drugs()));
    case 3: return MedisCode(rng, rng.Pick(Diseases()));
    default: return FeeScheduleCode(rng, rng.Pick(Procedures()));
  }
}

std::string CodePrefix(Rng& rng) {
  switch (rng.Below(3)) {
    case 0: return Str(rng.Pick(Diseases()).code);
    case 1: return Str(rng.Pick(LabTests()).jlac10_analyte);
    default: return Str(rng.Pick(Drugs()).code);
  }
}

BenchQuery Drilldown(const SyntheticCatalog& catalog, Rng& rng) {
  BenchQuery query;
  query.query_class = QueryClass::kFacets;
  if (rng.Chance(0.5)) query.text = rng.Chance(0.5) ? Str(rng.Pick(Diseases()).ja) : Str(rng.Pick(Diseases()).en);
  constexpr std::string_view kFilterable[] = {"holder", "data_type", "health_category", "access_rights",
                                              "access_route", "coding_system", "language"};
  std::size_t filters = 1 + rng.Below(3);
  while (query.filters.size() < filters) {
    std::string facet(kFilterable[rng.Below(std::size(kFilterable))]);
    if (query.filters.count(facet) > 0) continue;
    if (facet == "holder") {
      // Users drill into the holders the counts show first: the large ones.
      double u = rng.Unit();
      query.filters[facet] = {catalog.HolderId(static_cast<int>(u * u * catalog.shape().holders))};
    } else {
      std::vector<std::string> values = FacetValuesOf(facet);
      query.filters[facet] = {values[rng.Below(values.size())]};
    }
  }
  return query;
}

}  // namespace

std::string_view ClassName(QueryClass query_class) {
  switch (query_class) {
    case QueryClass::kWordsJa: return "words ja";
    case QueryClass::kWordsEn: return "words en";
    case QueryClass::kMixed: return "mixed ja/en";
    case QueryClass::kCodeExact: return "code exact";
    case QueryClass::kCodePrefix: return "code prefix";
    case QueryClass::kFacets: return "facet drill-down";
  }
  return "?";
}

std::vector<BenchQuery> MakeQueryMix(const SyntheticCatalog& catalog, int per_class, std::uint64_t seed) {
  Rng rng(seed ^ 0x51ed270b27d4a3c1ULL);
  std::vector<BenchQuery> out;
  for (QueryClass query_class : kQueryClasses) {
    for (int i = 0; i < per_class; ++i) {
      BenchQuery query;
      query.query_class = query_class;
      switch (query_class) {
        case QueryClass::kWordsJa: query.text = Words(rng, false); break;
        case QueryClass::kWordsEn: query.text = Words(rng, true); break;
        case QueryClass::kMixed: query.text = Mixed(rng); break;
        case QueryClass::kCodeExact: query.text = CodeExact(rng); break;
        case QueryClass::kCodePrefix: query.text = CodePrefix(rng); break;
        case QueryClass::kFacets: query = Drilldown(catalog, rng); break;
      }
      out.push_back(std::move(query));
    }
  }
  return out;
}

}  // namespace hdcat::bench
