#include "bench/search/synthetic_catalog.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "catalog/store/dataset_ref.h"

namespace hdcat::bench {
namespace {

constexpr std::string_view kHolderTypes[] = {"ministry",   "public_agency",      "certified_operator",
                                             "academic_society", "biobank",      "university",
                                             "hospital",   "research_institute", "company"};
constexpr std::string_view kHealthCategories[] = {"EHRS", "DIOH", "NRPE", "RPDG", "HRAD", "HGPD",
                                                  "HPML", "PGEH", "WELA", "IDHP", "PHDR", "MRMR",
                                                  "EHCT", "EMRD", "RMMD", "RQSH", "EINS"};
constexpr std::string_view kFrequencies[] = {"ANNUAL", "QUARTERLY", "MONTHLY", "DAILY", "WEEKLY",
                                             "IRREG",  "NOT_PLANNED", "CONT", "BIENNIAL", "UNKNOWN"};
constexpr std::string_view kRoutes[] = {"remote_analysis", "onsite", "data_delivery", "statistics_only",
                                        "open_download"};
constexpr std::string_view kProcessingLevels[] = {"anonymised", "pseudonymised", "pseudonymised_linkage",
                                                  "statistics_only", "open"};
constexpr std::string_view kLanguages[] = {"JPN", "ENG", "ZHO", "KOR"};
constexpr std::string_view kGrades[] = {"A", "B", "C", "D"};

struct Prefecture {
  std::string_view ja;
  std::string_view en;
};
constexpr Prefecture kPrefectures[] = {
    {"北海道", "Hokkaido"}, {"青森県", "Aomori"},     {"岩手県", "Iwate"},      {"宮城県", "Miyagi"},
    {"秋田県", "Akita"},    {"山形県", "Yamagata"},   {"福島県", "Fukushima"},  {"茨城県", "Ibaraki"},
    {"栃木県", "Tochigi"},  {"群馬県", "Gunma"},      {"埼玉県", "Saitama"},    {"千葉県", "Chiba"},
    {"東京都", "Tokyo"},    {"神奈川県", "Kanagawa"}, {"新潟県", "Niigata"},    {"富山県", "Toyama"},
    {"石川県", "Ishikawa"}, {"福井県", "Fukui"},      {"山梨県", "Yamanashi"},  {"長野県", "Nagano"},
    {"岐阜県", "Gifu"},     {"静岡県", "Shizuoka"},   {"愛知県", "Aichi"},      {"三重県", "Mie"},
    {"滋賀県", "Shiga"},    {"京都府", "Kyoto"},      {"大阪府", "Osaka"},      {"兵庫県", "Hyogo"},
    {"奈良県", "Nara"},     {"和歌山県", "Wakayama"}, {"鳥取県", "Tottori"},    {"島根県", "Shimane"},
    {"岡山県", "Okayama"},  {"広島県", "Hiroshima"},  {"山口県", "Yamaguchi"},  {"徳島県", "Tokushima"},
    {"香川県", "Kagawa"},   {"愛媛県", "Ehime"},      {"高知県", "Kochi"},      {"福岡県", "Fukuoka"},
    {"佐賀県", "Saga"},     {"長崎県", "Nagasaki"},   {"熊本県", "Kumamoto"},   {"大分県", "Oita"},
    {"宮崎県", "Miyazaki"}, {"鹿児島県", "Kagoshima"}, {"沖縄県", "Okinawa"},
};

constexpr char kAlnum[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

std::string Str(std::string_view text) { return std::string(text); }

Json Lang(const std::string& ja, const std::string& en) { return {{"ja", ja}, {"en", en}}; }

// A stable small number for a term and a variant, so codes derived from it
// repeat across datasets the way real master codes do.
std::uint64_t Mix(std::string_view text, std::uint64_t variant) {
  std::uint64_t hash = 1469598103934665603ULL ^ variant;
  for (char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  Rng rng(hash);
  return rng.Next();
}

std::string Digits(std::uint64_t value, int count) {
  std::string out(static_cast<std::size_t>(count), '0');
  for (int i = count - 1; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return out;
}

std::string Padded(std::int64_t value, int width) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%0*lld", width, static_cast<long long>(value));
  return buffer;
}

std::string Date(int year, int month, int day) { return Padded(year, 4) + "-" + Padded(month, 2) + "-" + Padded(day, 2); }

// Holder names follow the way Japanese bodies are named, one pattern per type.
Json HolderName(std::string_view type, int serial) {
  const Prefecture& pref = kPrefectures[static_cast<std::size_t>(serial) % std::size(kPrefectures)];
  std::string ja = Str(pref.ja), en = Str(pref.en);
  std::string suffix_ja, suffix_en;
  if (serial >= static_cast<int>(std::size(kPrefectures))) {
    suffix_ja = "第" + std::to_string(serial / std::size(kPrefectures) + 1);
    suffix_en = " No. " + std::to_string(serial / std::size(kPrefectures) + 1);
  }
  if (type == "ministry") return Lang(ja + "健康福祉部" + suffix_ja, en + " Prefectural Health and Welfare Department" + suffix_en);
  if (type == "public_agency") {
    return Lang(ja + "国民健康保険団体連合会" + suffix_ja, en + " Federation of National Health Insurance Associations" + suffix_en);
  }
  if (type == "certified_operator") return Lang(ja + "医療情報センター" + suffix_ja, en + " Medical Information Centre" + suffix_en);
  if (type == "academic_society") {
    const Phrase& field = Specialities()[static_cast<std::size_t>(serial) % Specialities().size()];
    std::string round = serial >= static_cast<int>(Specialities().size()) ? ja : "";
    return Lang(round + "日本" + Str(field.ja) + "学会" + suffix_ja,
                (round.empty() ? "" : en + " ") + "Japanese Society of " + Str(field.en) + suffix_en);
  }
  if (type == "biobank") return Lang(ja + "バイオバンク" + suffix_ja, en + " Biobank" + suffix_en);
  if (type == "university") return Lang(ja + "医科大学" + suffix_ja, en + " Medical University" + suffix_en);
  if (type == "hospital") return Lang(ja + "立中央病院" + suffix_ja, en + " Central Hospital" + suffix_en);
  if (type == "research_institute") return Lang(ja + "衛生研究所" + suffix_ja, en + " Institute of Public Health" + suffix_en);
  return Lang(ja + "メディカルデータ株式会社" + suffix_ja, en + " Medical Data Inc." + suffix_en);
}

// Which kinds of data a holder type typically publishes (indexes into DataKinds()).
std::vector<std::size_t> KindsFor(std::string_view holder_type) {
  if (holder_type == "ministry" || holder_type == "public_agency") return {0, 1, 3, 10, 9, 8};
  if (holder_type == "certified_operator") return {2, 0, 1, 3};
  if (holder_type == "academic_society") return {4, 5, 8, 1};
  if (holder_type == "biobank") return {6, 7, 5};
  if (holder_type == "university") return {5, 4, 7, 11, 2};
  if (holder_type == "hospital") return {2, 1, 11, 4};
  if (holder_type == "research_institute") return {5, 8, 9, 6};
  return {12, 0, 2, 9};
}

class DatasetWriter {
 public:
  DatasetWriter(Rng& rng, int variables_per_dataset) : rng_(rng), target_(variables_per_dataset) {}

  Json Variables(const CodedTerm& disease, const DataKind& kind, std::vector<Json>& code_values,
                 std::vector<std::string>& systems) {
    // About the requested number on average, between a quarter and 1.75 times it.
    int total = std::max(1, static_cast<int>(std::lround(target_ * (0.25 + 1.5 * rng_.Unit()))));
    Json tables = Json::array();
    struct TableKind {
      const char* name;
      const char* ja;
      const char* en;
    };
    const TableKind kinds[] = {{"patients", "患者基本情報", "Patient demographics"},
                               {"diagnoses", "傷病名", "Diagnoses"},
                               {"lab_results", "検体検査結果", "Laboratory results"},
                               {"prescriptions", "処方", "Prescriptions"},
                               {"procedures", "診療行為", "Procedures"}};
    int remaining = total;
    for (std::size_t t = 0; t < std::size(kinds) && remaining > 0; ++t) {
      int count = t + 1 == std::size(kinds) ? remaining
                                            : std::max(1, static_cast<int>(remaining * (0.15 + 0.3 * rng_.Unit())));
      count = std::min(count, remaining);
      remaining -= count;
      Json variables = Json::array();
      for (int v = 0; v < count; ++v) variables.push_back(Variable(t, v, disease, systems));
      tables.push_back({{"name", kinds[t].name},
                        {"title", Lang(kinds[t].ja, kinds[t].en)},
                        {"description", Lang(Str(kind.ja) + "の" + kinds[t].ja + "テーブル。",
                                             std::string(kinds[t].en) + " table of the " + Str(kind.en) + ".")},
                        {"variables", std::move(variables)}});
    }
    std::string main_code = Icd10Code(rng_, disease);
    code_values.push_back({{"system", "icd10"}, {"code", main_code}, {"label", Lang(Str(disease.ja), Str(disease.en))}});
    return tables;
  }

 private:
  Json Variable(std::size_t table, int index, const CodedTerm& disease, std::vector<std::string>& systems) {
    Json variable;
    std::string serial = "_" + std::to_string(index + 1);
    auto use = [&systems](const char* system) {
      if (std::find(systems.begin(), systems.end(), system) == systems.end()) systems.emplace_back(system);
    };
    switch (table) {
      case 0: {
        const Phrase& item = Demographics()[static_cast<std::size_t>(index) % Demographics().size()];
        variable = {{"name", Str(item.en) + serial},
                    {"title", Lang(Str(item.ja), Str(item.en))},
                    {"value_type", index % 3 == 0 ? "date" : "code"}};
        if (item.en == "prefecture") {
          variable["coding_system"] = "jis-x0401";
          variable["example_codes"] = Json::array({Padded(1 + static_cast<int>(rng_.Below(47)), 2)});
          use("jis-x0401");
        }
        break;
      }
      case 1: {
        const CodedTerm& dx = rng_.Chance(0.4) ? disease : rng_.Pick(Diseases());
        int flavour = static_cast<int>(rng_.Below(3));
        const char* system = flavour == 0 ? "icd10" : flavour == 1 ? "medis-disease-excode" : "receipt-disease";
        std::string code = flavour == 0 ? Icd10Code(rng_, dx) : flavour == 1 ? MedisCode(rng_, dx)
                                                                              : Digits(Mix(dx.slug, 7), 7);
        variable = {{"name", "dx_" + Str(dx.slug) + serial},
                    {"title", Lang(Str(dx.ja) + "の有無", "Presence of " + Str(dx.en))},
                    {"description", Lang("傷病名コードで判定した" + Str(dx.ja) + "の有無。",
                                         Str(dx.en) + " identified by diagnosis codes.")},
                    {"value_type", "code"},
                    {"coding_system", system},
                    {"example_codes", Json::array({code})}};
        use(system);
        break;
      }
      case 2: {
        const LabTerm& test = rng_.Pick(LabTests());
        std::string code = Jlac10Code(rng_, test);
        variable = {{"name", "lab_" + Str(test.slug) + serial},
                    {"title", Lang(Str(test.ja), Str(test.en))},
                    {"description", Lang(Str(test.ja) + "の測定値（" + Str(test.unit) + "）。",
                                         "Measured " + Str(test.en) + " (" + Str(test.unit) + ").")},
                    {"value_type", "decimal"},
                    {"unit", Str(test.unit)},
                    {"coding_system", "jlac10"},
                    {"example_codes", Json::array({code})}};
        use("jlac10");
        break;
      }
      case 3: {
        const CodedTerm& drug = rng_.Pick(Drugs());
        bool hot = rng_.Chance(0.3);
        const char* system = hot ? "hot9" : "yj";
        variable = {{"name", "rx_" + Str(drug.slug) + serial},
                    {"title", Lang(Str(drug.ja) + "の処方", Str(drug.en) + " prescription")},
                    {"description", Lang(Str(drug.ja) + "の処方の有無と処方日数。",
                                         "Whether " + Str(drug.en) + " was prescribed, and for how many days.")},
                    {"value_type", "code"},
                    {"coding_system", system},
                    {"example_codes", Json::array({hot ? Hot9Code(rng_, drug) : YjCode(rng_, drug)})}};
        use(system);
        break;
      }
      default: {
        const CodedTerm& procedure = rng_.Pick(Procedures());
        variable = {{"name", "px_" + Str(procedure.slug) + serial},
                    {"title", Lang(Str(procedure.ja) + "の実施", Str(procedure.en) + " performed")},
                    {"value_type", "boolean"},
                    {"coding_system", "fee-schedule-section"},
                    {"example_codes", Json::array({FeeScheduleCode(rng_, procedure)})}};
        use("fee-schedule-section");
        break;
      }
    }
    return variable;
  }

  Rng& rng_;
  int target_;
};

}  // namespace

std::vector<std::string> FacetValuesOf(std::string_view facet) {
  std::vector<std::string> out;
  auto add = [&out](const auto& values) {
    for (std::string_view value : values) out.emplace_back(value);
  };
  if (facet == "data_type") {
    for (const DataKind& kind : DataKinds()) out.emplace_back(kind.code);
  } else if (facet == "health_category") {
    add(kHealthCategories);
  } else if (facet == "access_rights") {
    add(std::array<std::string_view, 3>{"PUBLIC", "RESTRICTED", "NON_PUBLIC"});
  } else if (facet == "access_route") {
    add(kRoutes);
  } else if (facet == "language") {
    add(kLanguages);
  } else if (facet == "holder_type") {
    add(kHolderTypes);
  } else if (facet == "coding_system") {
    add(std::array<std::string_view, 8>{"icd10", "medis-disease-excode", "receipt-disease", "jlac10", "yj", "hot9",
                                        "fee-schedule-section", "jis-x0401"});
  }
  return out;
}

std::uint64_t Rng::Next() {
  state_ += 0x9E3779B97F4A7C15ULL;
  std::uint64_t z = state_;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::string Icd10Code(Rng& rng, const CodedTerm& disease) {
  constexpr const char* kSubcodes[] = {"0", "1", "8", "9"};
  return Str(disease.code) + "." + kSubcodes[rng.Below(std::size(kSubcodes))];
}

std::string Jlac10Code(Rng& rng, const LabTerm& test) {
  constexpr const char* kMethods[] = {"271", "062"};
  const Specimen& specimen = rng.Pick(Specimens());
  return Str(test.jlac10_analyte) + "0000" + Str(specimen.code) + kMethods[rng.Below(2)] + "01";
}

std::string YjCode(Rng& rng, const CodedTerm& drug) {
  constexpr const char* kForms[] = {"F1", "F2", "M1", "A1"};
  std::string code = Str(drug.code) + kForms[rng.Below(std::size(kForms))] + Padded(static_cast<int>(rng.Below(3)) * 10 + 2, 2);
  int check = 0;  // a check digit in the last place, as real YJ codes have
  for (char c : code) check += c;
  return code + static_cast<char>('0' + check % 10);
}

std::string MedisCode(Rng& rng, const CodedTerm& disease) {
  std::uint64_t value = Mix(disease.slug, rng.Below(3));
  std::string code;
  for (int i = 0; i < 4; ++i, value /= 36) code.push_back(kAlnum[value % 36]);
  return code;
}

std::string Hot9Code(Rng& rng, const CodedTerm& drug) { return Digits(Mix(drug.slug, 100 + rng.Below(3)), 9); }

std::string FeeScheduleCode(Rng& rng, const CodedTerm& procedure) {
  std::size_t branch = rng.Below(3);
  return branch == 0 ? Str(procedure.code) : Str(procedure.code) + "-" + std::to_string(branch);
}

SyntheticCatalog::SyntheticCatalog(CatalogShape shape) : shape_(shape) {
  for (int h = 0; h < shape_.holders; ++h) holder_index_[HolderId(h)] = h;
  by_public_id_.reserve(static_cast<std::size_t>(shape_.datasets));
  for (std::int64_t i = 0; i < shape_.datasets; ++i) {
    by_public_id_.emplace_back(catalog::DatasetPublicId(HolderId(HolderOf(i)), "d" + Padded(i, 7)), i);
  }
  std::sort(by_public_id_.begin(), by_public_id_.end());
}

std::uint64_t SyntheticCatalog::DatasetSeed(std::int64_t index) const {
  Rng rng(shape_.seed ^ (static_cast<std::uint64_t>(index) * 0xD1B54A32D192ED03ULL));
  return rng.Next();
}

int SyntheticCatalog::HolderOf(std::int64_t index) const {
  // Squaring a uniform number gives a few holders many datasets and most few,
  // as in real catalogs where national databases dominate.
  Rng rng(DatasetSeed(index) ^ 0x5bd1e995ULL);
  double u = rng.Unit();
  return std::min(shape_.holders - 1, static_cast<int>(u * u * shape_.holders));
}

std::string SyntheticCatalog::HolderId(int holder) const {
  std::string type(kHolderTypes[static_cast<std::size_t>(holder) % std::size(kHolderTypes)]);
  std::replace(type.begin(), type.end(), '_', '-');
  return "h" + Padded(holder, 3) + "-" + type;
}

Json SyntheticCatalog::Holder(int holder) const {
  std::string_view type = kHolderTypes[static_cast<std::size_t>(holder) % std::size(kHolderTypes)];
  int serial = holder / static_cast<int>(std::size(kHolderTypes));
  Json name = HolderName(type, serial);
  return {{"identifier", HolderId(holder)},
          {"name", name},
          {"holder_type", Str(type)},
          {"description", Lang(name["ja"].get<std::string>() + "が保有する保健医療データを提供する。",
                               "Provides the health data held by " + name["en"].get<std::string>() + ".")},
          {"prefecture", Padded(1 + serial % 47, 2)}};
}

std::string SyntheticCatalog::QualityGradeOf(std::int64_t index) const {
  Rng rng(DatasetSeed(index) ^ 0x9b05688cULL);
  return Str(kGrades[rng.Below(std::size(kGrades))]);
}

Json SyntheticCatalog::Dataset(std::int64_t index) const {
  Rng rng(DatasetSeed(index));
  const int holder = HolderOf(index);
  std::string_view holder_type = kHolderTypes[static_cast<std::size_t>(holder) % std::size(kHolderTypes)];
  Json holder_name = HolderName(holder_type, holder / static_cast<int>(std::size(kHolderTypes)));
  const CodedTerm& disease = rng.Pick(Diseases());
  std::vector<std::size_t> kinds = KindsFor(holder_type);
  const DataKind& kind = DataKinds()[kinds[rng.Below(kinds.size())]];
  const Prefecture& pref = kPrefectures[rng.Below(std::size(kPrefectures))];
  const Phrase& population = rng.Pick(Populations());
  const Phrase& outcome = rng.Pick(Outcomes());
  const LabTerm& lab = rng.Pick(LabTests());
  const CodedTerm& drug = rng.Pick(Drugs());
  int start_year = 2005 + static_cast<int>(rng.Below(15));
  int end_year = std::min(2025, start_year + 1 + static_cast<int>(rng.Below(10)));
  bool nationwide = rng.Chance(0.3);
  std::string area_ja = nationwide ? "全国" : Str(pref.ja);
  std::string area_en = nationwide ? "Nationwide" : Str(pref.en);

  Json dataset;
  dataset["identifier"] = "d" + Padded(index, 7);
  dataset["holder"] = HolderId(holder);
  dataset["title"] = Lang(area_ja + " " + Str(disease.ja) + Str(kind.ja) + "（" + std::to_string(start_year) + "–" +
                              std::to_string(end_year) + "年度）",
                          area_en + " " + Str(disease.en) + " " + Str(kind.en) + " (FY" +
                              std::to_string(start_year) + "–" + std::to_string(end_year) + ")");
  dataset["description"] = Lang(
      holder_name["ja"].get<std::string>() + "が" + area_ja + "の" + Str(population.ja) + "を対象に収集した" +
          Str(disease.ja) + "の" + Str(kind.ja) + "。" + Str(lab.ja) + "などの検査値、" + Str(drug.ja) +
          "などの処方、傷病名を含み、" + Str(outcome.ja) + "の分析に利用できる。",
      Str(kind.en) + " on " + Str(disease.en) + " collected by " + holder_name["en"].get<std::string>() + " from " +
          Str(population.en) + " (" + area_en + "). Includes laboratory results such as " + Str(lab.en) +
          ", prescriptions such as " + Str(drug.en) + " and diagnoses; suited to studies of " + Str(outcome.en) +
          ".");
  if (rng.Chance(0.2)) {
    dataset["alternative_titles"] = Json::array({Lang(Str(disease.ja) + "データベース", Str(disease.en) + " database")});
  }
  const CodedTerm& related = rng.Pick(Diseases());
  dataset["keywords"] = {{"ja", Json::array({Str(disease.ja), Str(kind.ja), Str(outcome.ja), Str(related.ja)})},
                         {"en", Json::array({Str(disease.en), Str(kind.en), Str(outcome.en), Str(related.en)})}};
  if (related.slug == disease.slug) {
    dataset["keywords"]["ja"].erase(3);
    dataset["keywords"]["en"].erase(3);
  }
  double access_draw = rng.Unit();
  dataset["access_rights"] = access_draw < 0.2 ? "PUBLIC" : access_draw < 0.7 ? "RESTRICTED" : "NON_PUBLIC";
  std::size_t category = rng.Below(std::size(kHealthCategories));
  Json categories = Json::array({Str(kHealthCategories[category])});
  if (rng.Chance(0.4)) categories.push_back(Str(kHealthCategories[(category + 1 + rng.Below(5)) % std::size(kHealthCategories)]));
  dataset["health_categories"] = categories;
  Json data_types = Json::array({Str(kind.code)});
  if (rng.Chance(0.25)) {
    const DataKind& second = DataKinds()[kinds[rng.Below(kinds.size())]];
    if (second.code != kind.code) data_types.push_back(Str(second.code));
  }
  dataset["data_types"] = data_types;
  dataset["has_structured_data"] = true;

  std::vector<Json> code_values;
  std::vector<std::string> systems;
  DatasetWriter writer(rng, shape_.variables_per_dataset);
  dataset["variables"] = writer.Variables(disease, kind, code_values, systems);
  if (std::find(systems.begin(), systems.end(), "icd10") == systems.end()) systems.emplace_back("icd10");
  std::sort(systems.begin(), systems.end());
  dataset["coding_systems"] = systems;
  dataset["code_values"] = code_values;

  dataset["temporal"] = {{"start", Padded(start_year, 4) + "-04"}};
  bool ongoing = end_year >= 2025 && rng.Chance(0.5);
  if (!ongoing) dataset["temporal"]["end"] = Padded(end_year + 1, 4) + "-03";
  int update_year = std::min(2025, end_year + static_cast<int>(rng.Below(2)));
  std::string updated = Date(update_year, 1 + static_cast<int>(rng.Below(12)), 1 + static_cast<int>(rng.Below(28)));
  dataset["update"] = {{"frequency", Str(kFrequencies[rng.Below(std::size(kFrequencies))])}, {"last_updated", updated}};
  dataset["issued"] = Date(start_year + 1, 4, 1);
  dataset["modified"] = updated;
  Json languages = Json::array({"JPN"});
  if (rng.Chance(0.3)) languages.push_back(Str(kLanguages[1 + rng.Below(std::size(kLanguages) - 1)]));
  dataset["languages"] = languages;
  dataset["spatial"] = Json::array({nationwide ? std::string("JPN") : "JP-" + Padded(1 + static_cast<int>(&pref - kPrefectures), 2)});
  dataset["population"] = {{"coverage", Lang(area_ja + "の" + Str(population.ja), Str(population.en) + " (" + area_en + ")")}};
  // Population sizes from a hundred to a hundred million, evenly over the decades.
  auto individuals = static_cast<std::int64_t>(std::pow(10.0, 2.0 + 6.0 * rng.Unit()));
  dataset["statistics"] = {{"as_of", updated},
                           {"number_of_unique_individuals", individuals},
                           {"number_of_records", individuals * (1 + static_cast<std::int64_t>(rng.Below(40)))}};
  Json routes = Json::array({{{"type", Str(kRoutes[rng.Below(std::size(kRoutes))])}}});
  if (rng.Chance(0.3)) {
    std::string second(kRoutes[rng.Below(std::size(kRoutes))]);
    if (second != routes[0]["type"].get<std::string>()) routes.push_back({{"type", second}});
  }
  dataset["access"] = {{"routes", routes},
                       {"processing_levels", Json::array({Str(kProcessingLevels[rng.Below(std::size(kProcessingLevels))])})}};
  return dataset;
}

search::CatalogEntry SyntheticCatalog::Entry(std::int64_t index) const {
  search::CatalogEntry entry;
  entry.dataset = Dataset(index);
  entry.quality_grade = QualityGradeOf(index);
  return entry;
}

Result<std::vector<search::CatalogEntry>> SyntheticCatalog::ListDatasets(const std::string& after_public_id,
                                                                         int limit) {
  auto it = std::upper_bound(by_public_id_.begin(), by_public_id_.end(), after_public_id,
                             [](const std::string& id, const auto& entry) { return id < entry.first; });
  std::vector<search::CatalogEntry> out;
  for (; it != by_public_id_.end() && static_cast<int>(out.size()) < limit; ++it) out.push_back(Entry(it->second));
  return out;
}

Result<std::optional<search::CatalogEntry>> SyntheticCatalog::GetDataset(const std::string& public_id) {
  auto it = std::lower_bound(by_public_id_.begin(), by_public_id_.end(), public_id,
                             [](const auto& entry, const std::string& id) { return entry.first < id; });
  if (it == by_public_id_.end() || it->first != public_id) return std::optional<search::CatalogEntry>();
  return std::optional<search::CatalogEntry>(Entry(it->second));
}

Result<std::optional<Json>> SyntheticCatalog::GetHolder(const std::string& holder_id) {
  auto found = holder_index_.find(holder_id);
  if (found == holder_index_.end()) return std::optional<Json>();
  return std::optional<Json>(Holder(found->second));
}

}  // namespace hdcat::bench
