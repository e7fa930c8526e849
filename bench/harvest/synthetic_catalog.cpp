#include "bench/harvest/synthetic_catalog.h"

#include <array>
#include <cstdio>
#include <set>

#include "schemas/resources.h"

namespace hdcat::bench::harvest {
namespace {

// splitmix64: a tiny, portable generator, so the same seed gives the same
// catalog with any standard library.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(Next() % n); }
  template <typename T, std::size_t N>
  const T& Pick(const std::array<T, N>& items) {
    return items[Below(N)];
  }

 private:
  std::uint64_t state_;
};

std::uint64_t Mix(std::uint64_t seed, std::string_view holder, std::int64_t index, int variant) {
  std::uint64_t h = seed ^ 0xCBF29CE484222325ull;
  for (unsigned char c : holder) h = (h ^ c) * 0x100000001B3ull;
  h ^= static_cast<std::uint64_t>(index) * 0x9E3779B97F4A7C15ull;
  h ^= static_cast<std::uint64_t>(variant) << 56;
  return Random(h).Next();
}

struct Words {
  const char* ja;
  const char* en;
};

struct Area {
  Words name;
  const char* health_category;
};
constexpr std::array<Area, 12> kAreas = {{
    {{"2型糖尿病", "type 2 diabetes"}, "EHRS"},
    {{"急性心筋梗塞", "acute myocardial infarction"}, "EHRS"},
    {{"脳卒中", "stroke"}, "MRMR"},
    {{"胃がん", "gastric cancer"}, "MRMR"},
    {{"肺がん", "lung cancer"}, "MRMR"},
    {{"慢性腎臓病", "chronic kidney disease"}, "EHRS"},
    {{"高血圧症", "hypertension"}, "HRAD"},
    {{"認知症", "dementia"}, "PHDR"},
    {{"小児喘息", "childhood asthma"}, "EHRS"},
    {{"関節リウマチ", "rheumatoid arthritis"}, "RQSH"},
    {{"妊娠・出産", "pregnancy and childbirth"}, "PHDR"},
    {{"新型コロナウイルス感染症", "COVID-19"}, "IDHP"},
}};

struct Kind {
  Words name;
  const char* data_type;
  const char* route;
  const char* processing_level;
};
constexpr std::array<Kind, 7> kKinds = {{
    {{"患者レジストリ", "patient registry"}, "registry", "remote_analysis", "pseudonymised"},
    {{"レセプトデータベース", "claims database"}, "claims", "onsite", "pseudonymised"},
    {{"DPCデータ", "DPC data"}, "dpc", "data_delivery", "anonymised"},
    {{"電子カルテ研究データベース", "EHR research database"}, "ehr", "remote_analysis", "pseudonymised"},
    {{"前向きコホート研究", "prospective cohort study"}, "cohort", "data_delivery", "pseudonymised_linkage"},
    {{"特定健診データ", "specific health check-up data"}, "checkup", "statistics_only", "statistics_only"},
    {{"バイオバンク試料情報", "biobank specimen data"}, "biobank", "onsite", "pseudonymised"},
}};

struct VariableTemplate {
  const char* name;
  Words title;
  const char* value_type;
  const char* unit;           // "" = none
  const char* coding_system;  // "" = none
};
constexpr std::array<VariableTemplate, 24> kVariables = {{
    {"patient_id", {"仮名化患者ID", "pseudonymised patient ID"}, "string", "", ""},
    {"sex", {"性別", "sex"}, "code", "", ""},
    {"birth_year", {"生年", "year of birth"}, "integer", "", ""},
    {"age", {"年齢", "age"}, "integer", "a", ""},
    {"prefecture", {"居住都道府県", "prefecture of residence"}, "code", "", "jis-x0401"},
    {"diagnosis_icd10", {"傷病名（ICD-10）", "diagnosis (ICD-10)"}, "code", "", "icd10"},
    {"diagnosis_receipt", {"傷病名（レセプト電算コード）", "diagnosis (claims code)"}, "code", "", "receipt-disease"},
    {"diagnosis_medis", {"病名交換用コード", "MEDIS disease exchange code"}, "code", "", "medis-disease-excode"},
    {"modifier", {"修飾語", "modifier"}, "code", "", "receipt-modifier"},
    {"diagnosis_date", {"診断日", "date of diagnosis"}, "date", "", ""},
    {"dpc_code", {"診断群分類", "diagnosis procedure combination"}, "code", "", "dpc"},
    {"lab_item", {"臨床検査項目", "laboratory test"}, "code", "", "jlac10"},
    {"hba1c", {"HbA1c（NGSP）", "HbA1c (NGSP)"}, "decimal", "%", ""},
    {"ldl", {"LDLコレステロール", "LDL cholesterol"}, "decimal", "mg/dL", ""},
    {"systolic_bp", {"収縮期血圧", "systolic blood pressure"}, "integer", "mm[Hg]", ""},
    {"bmi", {"BMI", "body mass index"}, "decimal", "kg/m2", ""},
    {"drug_yj", {"医薬品（YJコード）", "drug (YJ code)"}, "code", "", "yj"},
    {"drug_hot9", {"医薬品（HOT9）", "drug (HOT9)"}, "code", "", "hot9"},
    {"drug_atc", {"薬効分類（ATC）", "therapeutic class (ATC)"}, "code", "", "atc"},
    {"daily_dose", {"1日投与量", "daily dose"}, "decimal", "mg", ""},
    {"days_supplied", {"投与日数", "days supplied"}, "integer", "d", ""},
    {"procedure", {"診療行為", "medical procedure"}, "code", "", "receipt-procedure"},
    {"tumor_site", {"腫瘍の部位（ICD-O-3）", "tumour site (ICD-O-3)"}, "code", "", "icd-o-3"},
    {"observation_loinc", {"観察項目（LOINC）", "observation (LOINC)"}, "code", "", "loinc"},
}};

constexpr std::array<Words, 4> kTables = {{
    {"患者基本情報", "patients"},
    {"傷病名", "diagnoses"},
    {"検査結果", "laboratory results"},
    {"処方・診療行為", "prescriptions and procedures"},
}};
constexpr std::array<const char*, 4> kTableNames = {"patient", "diagnosis", "laboratory", "treatment"};

Json Lang(std::string ja, std::string en) { return {{"ja", std::move(ja)}, {"en", std::move(en)}}; }

Result<Json> Vocabulary(std::string_view name) {
  auto bytes = schemas::Resource("vocabularies/" + std::string(name) + ".json");
  if (!bytes) return NotFound("vocabulary " + std::string(name) + " is not embedded");
  return ParseJson(*bytes);
}

}  // namespace

Result<SyntheticCatalog> SyntheticCatalog::Load(std::uint64_t seed) {
  SyntheticCatalog out;
  out.seed_ = seed;
  auto systems = Vocabulary("coding-systems");
  if (!systems.ok()) return systems.error();
  for (const auto& concept_entry : (*systems)["concepts"]) {
    CodingSystem system{concept_entry.value("code", std::string()), {}};
    for (const auto& example : concept_entry.value("examples", Json::array())) {
      if (example.contains("code")) system.examples.push_back(example["code"].get<std::string>());
    }
    if (!system.examples.empty()) out.coding_systems_.push_back(std::move(system));
  }
  auto prefectures = Vocabulary("prefectures");
  if (!prefectures.ok()) return prefectures.error();
  for (const auto& concept_entry : (*prefectures)["concepts"]) {
    out.prefectures_.push_back({concept_entry.value("code", std::string()), concept_entry["label"].value("ja", ""),
                                concept_entry["label"].value("en", "")});
  }
  if (out.prefectures_.empty()) return Internal("the prefectures vocabulary is empty");
  return out;
}

std::string SyntheticCatalog::DatasetIdentifier(std::int64_t index) {
  char text[32];
  std::snprintf(text, sizeof text, "bench-%07lld", static_cast<long long>(index));
  return text;
}

Json SyntheticCatalog::Holder(std::string_view identifier) const {
  std::string id(identifier);
  return {{"identifier", id},
          {"name", Lang("ベンチマーク保有機関 " + id, "Benchmark holder " + id)},
          {"holder_type", "public_agency"},
          {"publisher_type", "public-health-registry"},
          {"description", Lang("収集性能を測るための合成データ保有機関。", "A synthetic data holder for harvest benchmarks.")},
          {"homepage", "https://bench.hdcat.example/" + id},
          {"prefecture", "13"},
          {"trusted_data_holder", false}};
}

Json SyntheticCatalog::Dataset(std::string_view holder, std::int64_t index, int variant) const {
  Random random(Mix(seed_, holder, index, 0));
  const Area& area = random.Pick(kAreas);
  const Kind& kind = random.Pick(kKinds);
  const Prefecture& prefecture = prefectures_[random.Below(prefectures_.size())];
  const int start_year = 2005 + static_cast<int>(random.Below(15));
  const std::string year = std::to_string(start_year);

  Json document = {
      {"identifier", DatasetIdentifier(index)},
      {"holder", std::string(holder)},
      {"title", Lang(prefecture.ja + " " + area.name.ja + kind.name.ja + "（" + year + "年度～）",
                     std::string(area.name.en) + " " + kind.name.en + ", " + prefecture.en + " (FY" + year + "-)")},
      {"description",
       Lang(prefecture.ja + "の医療機関から収集した" + area.name.ja + "の" + kind.name.ja + "。" + year +
                "年度以降の受診、検査結果、処方を仮名化して収録し、審査を経て研究者に提供する。データセット番号 " +
                std::to_string(index) + "。",
            std::string(kind.name.en) + " on " + area.name.en + " collected from medical institutions in " +
                prefecture.en + ". Pseudonymised visits, laboratory results and prescriptions since FY" + year +
                ", provided to researchers after review. Dataset number " + std::to_string(index) + ".")},
      {"keywords", {{"ja", {area.name.ja, kind.name.ja, prefecture.ja}}, {"en", {area.name.en, kind.name.en, prefecture.en}}}},
      {"access_rights", "RESTRICTED"},
      {"health_categories", {area.health_category}},
      {"data_types", {kind.data_type}},
      {"has_structured_data", true},
      {"temporal", {{"start", year}}},
      {"access",
       {{"routes", {{{"type", kind.route},
                     {"description", Lang("利用申請と審査の後に提供する。", "Provided after an application and review.")}}}},
        {"processing_levels", {kind.processing_level}}}},
  };

  std::set<std::string> systems;
  Json tables = Json::array();
  const int per_table = kVariablesPerDataset / static_cast<int>(kTables.size());
  for (std::size_t t = 0; t < kTables.size(); ++t) {
    Json variables = Json::array();
    std::set<std::string> names;
    for (int v = 0; v < per_table; ++v) {
      const VariableTemplate& pattern = random.Pick(kVariables);
      std::string name = pattern.name;
      for (int n = 2; !names.insert(name).second; ++n) name = std::string(pattern.name) + "_" + std::to_string(n);
      std::string revision = variant == 0 ? "" : "（第" + std::to_string(variant + 1) + "版の定義）";
      Json variable = {{"name", name},
                       {"title", Lang(pattern.title.ja, pattern.title.en)},
                       {"description", Lang(std::string(kTables[t].ja) + "の" + pattern.title.ja + "。" + revision,
                                            std::string(pattern.title.en) + " in " + kTables[t].en +
                                                (variant == 0 ? "." : ", revision " + std::to_string(variant + 1) + "."))},
                       {"value_type", pattern.value_type}};
      if (*pattern.unit != '\0') variable["unit"] = pattern.unit;
      if (*pattern.coding_system != '\0') {
        variable["coding_system"] = pattern.coding_system;
        systems.insert(pattern.coding_system);
        for (const auto& system : coding_systems_) {
          if (system.code != pattern.coding_system) continue;
          Json codes = Json::array();
          const std::size_t first = random.Below(system.examples.size());
          for (std::size_t k = 0; k < std::min<std::size_t>(2, system.examples.size()); ++k) {
            codes.push_back(system.examples[(first + k) % system.examples.size()]);
          }
          variable["example_codes"] = std::move(codes);
        }
      }
      variable["completeness"] = static_cast<double>(80 + random.Below(21)) / 100.0;
      variables.push_back(std::move(variable));
    }
    tables.push_back({{"name", kTableNames[t]}, {"title", Lang(kTables[t].ja, kTables[t].en)}, {"variables", variables}});
  }
  document["coding_systems"] = Json(std::vector<std::string>(systems.begin(), systems.end()));
  document["variables"] = std::move(tables);
  return document;
}

}  // namespace hdcat::bench::harvest
