#include "tests/search/test_corpus.h"

#include <stdlib.h>

#include <filesystem>

#include <catch2/catch.hpp>

#include "search/catalog_sync.h"

namespace hdcat::search::testing {
namespace {

Json HolderJson(const char* id, const char* ja, const char* en, const char* type) {
  return Json{{"identifier", id}, {"name", {{"ja", ja}, {"en", en}}}, {"holder_type", type}};
}

constexpr const char* kDatasets = R"json([
{"identifier": "ndb", "holder": "mhlw",
 "title": {"ja": "レセプト情報・特定健診等情報データベース",
           "en": "National Database of Health Insurance Claims and Specific Health Checkups of Japan"},
 "alternative_titles": [{"ja": "ナショナルデータベース"}],
 "description": {"ja": "全国の保険医療機関のレセプトと特定健診の結果を収録する。ＨｂＡ１ｃ（ＮＧＳＰ）の検査値を含む。"},
 "keywords": {"ja": ["レセプト", "特定健診", "糖尿病"]},
 "access_rights": "RESTRICTED", "health_categories": ["EINS", "PHDR"], "data_types": ["claims", "checkup"],
 "update": {"frequency": "ANNUAL", "last_updated": "2024-03-31"},
 "access": {"routes": [{"type": "onsite"}, {"type": "remote_analysis"}], "processing_levels": ["pseudonymised"]},
 "languages": ["JPN"], "statistics": {"number_of_unique_individuals": 120000000, "number_of_records": 2000000000},
 "temporal": {"start": "2009-04"}, "has_structured_data": true,
 "variables": [{"name": "receipt", "title": {"ja": "レセプト"}, "variables": [
   {"name": "disease_code", "title": {"ja": "傷病名コード", "en": "Disease code"}, "coding_system": "icd10",
    "example_codes": ["E11.9", "I50.0"]},
   {"name": "hba1c", "title": {"ja": "HbA1c（NGSP）"}, "coding_system": "jlac10",
    "example_codes": ["3D046000001906202"]}]}]},
{"identifier": "claims", "holder": "jmdc",
 "title": {"ja": "JMDC 保険者データベース", "en": "JMDC Claims Database"},
 "description": {"ja": "健康保険組合のﾚｾﾌﾟﾄと健診データ。2型糖尿病患者のHbA1cの経年変化を追跡できる。"},
 "keywords": {"ja": ["レセプト"], "en": ["claims"]},
 "code_values": [{"system": "icd10", "code": "E11"}],
 "access_rights": "RESTRICTED", "health_categories": ["EINS"], "data_types": ["claims"],
 "update": {"frequency": "MONTHLY", "last_updated": "2024-06-30"},
 "access": {"routes": [{"type": "data_delivery"}], "processing_levels": ["anonymised"]},
 "languages": ["JPN", "ENG"], "statistics": {"number_of_unique_individuals": 5000000, "number_of_records": 900000000},
 "temporal": {"start": "2005-01", "end": "2023-12"}, "has_structured_data": false},
{"identifier": "gdm-cohort", "holder": "univ",
 "title": {"ja": "妊娠糖尿病コホート研究", "en": "Gestational diabetes cohort"},
 "description": {"ja": "妊娠糖尿病と診断された妊婦を出産後まで追跡する。"},
 "keywords": {"ja": ["妊娠糖尿病"]},
 "access_rights": "NON_PUBLIC", "health_categories": ["RQSH"], "data_types": ["cohort"],
 "update": {"frequency": "IRREG", "last_updated": "2021-01-15"},
 "access": {"routes": [{"type": "data_delivery"}], "processing_levels": ["pseudonymised"]},
 "languages": ["JPN"], "statistics": {"number_of_unique_individuals": 800, "number_of_records": 800},
 "temporal": {"start": "2015", "end": "2020"}, "has_structured_data": false},
{"identifier": "dm-registry", "holder": "univ",
 "title": {"ja": "糖尿病レジストリ", "en": "Diabetes registry"},
 "description": {"ja": "Ⅱ型糖尿病患者の登録。コンピューターで集計したデータを提供する。"},
 "keywords": {"ja": ["糖尿病"], "en": ["diabetes"]},
 "access_rights": "RESTRICTED", "health_categories": ["RQSH"], "data_types": ["registry"],
 "update": {"frequency": "QUARTERLY", "last_updated": "2023-10-01"},
 "access": {"routes": [{"type": "remote_analysis"}], "processing_levels": ["pseudonymised"]},
 "languages": ["JPN"], "temporal": {"start": "2018-04"}, "has_structured_data": true,
 "variables": [{"name": "patients", "variables": [{"name": "type_code", "title": {"ja": "病型"}}]}]},
{"identifier": "cancer-registry", "holder": "ncc",
 "title": {"ja": "全国がん登録", "en": "National Cancer Registry"},
 "description": {"ja": "悪性新生物の罹患と生存の情報。", "en": "Incidence and survival of malignant neoplasms in Japan."},
 "coding_systems": ["icd-o-3"], "code_values": [{"system": "icd-o-3", "code": "C50.9"}],
 "access_rights": "RESTRICTED", "health_categories": ["RQSH", "PHDR"], "data_types": ["registry"],
 "update": {"frequency": "ANNUAL", "last_updated": "2024-01-20"},
 "access": {"routes": [{"type": "onsite"}], "processing_levels": ["pseudonymised"]},
 "languages": ["JPN"], "statistics": {"number_of_unique_individuals": 25000000},
 "temporal": {"start": "2016-01"}, "has_structured_data": false},
{"identifier": "checkup", "holder": "kyoto-pref",
 "title": {"ja": "京都府の特定健診データ"},
 "description": {"ja": "府内の特定健診の結果。"},
 "access_rights": "PUBLIC", "health_categories": ["PHDR"], "data_types": ["checkup"],
 "update": {"frequency": "ANNUAL", "last_updated": "2023-05-01"},
 "access": {"routes": [{"type": "statistics_only"}], "processing_levels": ["statistics_only"]},
 "languages": ["JPN"], "statistics": {"number_of_unique_individuals": 40000},
 "temporal": {"start": "2012", "end": "2022"}, "has_structured_data": false},
{"identifier": "checkup-aggregate", "holder": "tokyo-metro",
 "title": {"ja": "東京都の特定健診集計"},
 "description": {"ja": "都内の特定健診の集計表。"},
 "access_rights": "PUBLIC", "health_categories": ["PHDR"], "data_types": ["checkup", "aggregate"],
 "update": {"frequency": "ANNUAL", "last_updated": "2022-12-01"},
 "access": {"routes": [{"type": "open_download"}], "processing_levels": ["open"]},
 "languages": ["JPN"], "statistics": {"number_of_unique_individuals": 300000},
 "temporal": {"start": "2010", "end": "2020"}, "has_structured_data": false},
{"identifier": "hf-registry", "holder": "ncvc",
 "title": {"ja": "心不全再入院レジストリ", "en": "Heart failure readmission registry"},
 "description": {"ja": "心不全で入院した患者の30日以内の再入院を追跡する。",
                 "en": "Patients hospitalised for heart failure, followed for readmissions within 30 days."},
 "keywords": {"en": ["heart failure", "readmission"]},
 "access_rights": "RESTRICTED", "health_categories": ["EHRS"], "data_types": ["registry", "ehr"],
 "update": {"frequency": "MONTHLY", "last_updated": "2024-05-10"},
 "access": {"routes": [{"type": "remote_analysis"}, {"type": "onsite"}], "processing_levels": ["pseudonymised_linkage"]},
 "languages": ["JPN", "ENG"], "statistics": {"number_of_records": 12000},
 "temporal": {"start": "2019-01"}, "has_structured_data": true,
 "variables": [{"name": "outcomes", "variables": [
   {"name": "readmit_30d", "title": {"en": "Readmission within 30 days", "ja": "30日以内再入院"}}]}]},
{"identifier": "ehr", "holder": "sakura-hospital",
 "title": {"ja": "コンピュータ化された電子カルテ", "en": "Computerised EHR data"},
 "description": {"ja": "ＳＳ−ＭＩＸ２標準化ストレージの電子カルテ。ヴァイタルサインを含む。<script>は含まない。"},
 "access_rights": "NON_PUBLIC", "health_categories": ["EHRS"], "data_types": ["ehr"],
 "update": {"frequency": "DAILY", "last_updated": "2024-07-01"},
 "access": {"routes": [{"type": "onsite"}], "processing_levels": ["pseudonymised"]},
 "languages": ["JPN"], "statistics": {"number_of_records": 2000000}, "has_structured_data": false}
])json";

// Completeness per dataset (same order): grades A A C B A D C B and one ungraded.
constexpr double kCompleteness[] = {92, 88, 60, 75, 95, 45, 55, 80, -1};

}  // namespace

const Json* Corpus::Holder(const std::string& id) const {
  for (const Json& holder : holders) {
    if (holder["identifier"] == id) return &holder;
  }
  return nullptr;
}

Corpus MakeCorpus() {
  Corpus corpus;
  corpus.holders = {
      HolderJson("mhlw", "厚生労働省", "Ministry of Health, Labour and Welfare", "ministry"),
      HolderJson("jmdc", "株式会社ＪＭＤＣ", "JMDC Inc.", "company"),
      HolderJson("univ", "さくら大学", "Sakura University", "university"),
      HolderJson("ncc", "国立がん研究センター", "National Cancer Center", "public_agency"),
      HolderJson("kyoto-pref", "京都府", "Kyoto Prefecture", "public_agency"),
      HolderJson("tokyo-metro", "東京都", "Tokyo Metropolitan Government", "public_agency"),
      HolderJson("ncvc", "国立循環器病研究センター", "National Cerebral and Cardiovascular Center",
                 "research_institute"),
      HolderJson("sakura-hospital", "さくら病院", "Sakura Hospital", "hospital"),
  };
  Json datasets = Json::parse(kDatasets);
  for (std::size_t i = 0; i < datasets.size(); ++i) corpus.datasets.push_back({datasets[i], kCompleteness[i]});
  return corpus;
}

std::string RefOf(const Json& dataset) {
  return dataset["holder"].get<std::string>() + "/" + dataset["identifier"].get<std::string>();
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "hdcat-search-XXXXXX").string();
  REQUIRE(mkdtemp(pattern.data()) != nullptr);
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::shared_ptr<const SearchVocabulary> Vocabulary() {
  static const std::shared_ptr<const SearchVocabulary> kVocabulary = [] {
    auto loaded = SearchVocabulary::LoadEmbedded();
    REQUIRE(loaded.ok());
    return *loaded;
  }();
  return kVocabulary;
}

DirectorySource SourceOf(const Corpus& corpus) {
  DirectorySource source;
  for (const Json& holder : corpus.holders) REQUIRE(source.AddHolder(holder).ok());
  for (const CorpusDataset& entry : corpus.datasets) {
    std::optional<double> completeness;
    if (entry.completeness >= 0) completeness = entry.completeness;
    REQUIRE(source.AddDataset(entry.dataset, completeness).ok());
  }
  return source;
}

TestIndex::TestIndex(const Corpus& corpus) : manager_(dir_.path() + "/index") {
  DirectorySource source = SourceOf(corpus);
  DocumentBuilder builder(Vocabulary()->coding_systems);
  auto rebuilt = RebuildIndex(source, builder, manager_);
  if (!rebuilt.ok()) FAIL(rebuilt.error().ToString());
  auto searcher = Searcher::Open(manager_, Vocabulary());
  if (!searcher.ok()) FAIL(searcher.error().ToString());
  searcher_ = std::move(*searcher);
}

SearchResponse TestIndex::Search(const SearchRequest& request) {
  auto response = searcher_->Search(request);
  if (!response.ok()) FAIL(response.error().ToString());
  return std::move(*response);
}

SearchResponse TestIndex::Search(const std::string& query) {
  SearchRequest request;
  request.query = query;
  request.limit = 100;
  return Search(request);
}

std::vector<std::string> TestIndex::Refs(const std::string& query) {
  std::vector<std::string> refs;
  for (const SearchHit& hit : Search(query).hits) refs.push_back(hit.ref);
  return refs;
}

}  // namespace hdcat::search::testing
