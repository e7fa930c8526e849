// Relevance harness: the judged queries in tests/search/relevance/queries.tsv
// run against an index built from samples/, reported as recall@10 and
// nDCG@10 per query and on average, failing below the thresholds in the
// file's "#threshold" lines (raised as the search improves).
//
// queries.tsv: one query a line, tab-separated: query, lang (ja|en),
// judgments "holder/identifier:grade ..." (grade 1-3; 3 = exactly what was
// asked). Lines starting with '#' are comments, except "#threshold recall@10
// 0.9" and "#threshold ndcg@10 0.8".
#include <cmath>
#include <filesystem>
#include <map>
#include <sstream>

#include <catch2/catch.hpp>

#include "search/catalog_sync.h"
#include "tests/search/test_corpus.h"
#include "tests/support/paths.h"

namespace hdcat::search::testing {
namespace {

struct JudgedQuery {
  std::string query;
  std::string lang;
  std::map<std::string, int> grades;  // ref -> grade
};

struct Judgments {
  std::vector<JudgedQuery> queries;
  std::map<std::string, double> thresholds;
};

Judgments ReadJudgments(const std::string& path) {
  Judgments out;
  std::istringstream lines(hdcat::testing::ReadFile(path));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    if (line.rfind("#threshold ", 0) == 0) {
      std::istringstream fields(line.substr(11));
      std::string metric;
      double value = 0;
      fields >> metric >> value;
      out.thresholds[metric] = value;
      continue;
    }
    if (line[0] == '#') continue;
    std::vector<std::string> columns;
    std::istringstream cells(line);
    std::string cell;
    while (std::getline(cells, cell, '\t')) columns.push_back(cell);
    REQUIRE(columns.size() == 3);
    JudgedQuery judged{columns[0], columns[1], {}};
    std::istringstream judgments(columns[2]);
    std::string judgment;
    while (judgments >> judgment) {
      std::size_t colon = judgment.rfind(':');
      REQUIRE(colon != std::string::npos);
      judged.grades[judgment.substr(0, colon)] = std::stoi(judgment.substr(colon + 1));
    }
    out.queries.push_back(std::move(judged));
  }
  return out;
}

double Dcg(const std::vector<int>& gains) {
  double dcg = 0;
  for (std::size_t i = 0; i < gains.size(); ++i) dcg += (std::pow(2.0, gains[i]) - 1) / std::log2(i + 2.0);
  return dcg;
}

TEST_CASE("relevance on the samples meets the thresholds", "[search][relevance]") {
  Judgments judgments = ReadJudgments(hdcat::testing::SourcePath("tests/search/relevance/queries.tsv"));
  REQUIRE(judgments.thresholds.count("recall@10") == 1);
  REQUIRE(judgments.thresholds.count("ndcg@10") == 1);
  REQUIRE(judgments.queries.size() >= 40);

  auto source = DirectorySource::Open(hdcat::testing::SourcePath("samples"));
  REQUIRE(source.ok());
  REQUIRE(source->dataset_count() > 0);
  TempDir dir;
  IndexManager manager(dir.path() + "/index");
  DocumentBuilder builder(Vocabulary()->coding_systems);
  auto rebuilt = RebuildIndex(*source, builder, manager);
  if (!rebuilt.ok()) FAIL(rebuilt.error().ToString());
  auto searcher = Searcher::Open(manager, Vocabulary());
  REQUIRE(searcher.ok());

  double recall_sum = 0;
  double ndcg_sum = 0;
  std::ostringstream report;
  for (const JudgedQuery& judged : judgments.queries) {
    SearchRequest request;
    request.query = judged.query;
    request.lang = judged.lang;
    request.limit = 10;
    auto response = (*searcher)->Search(request);
    REQUIRE(response.ok());
    std::vector<int> gains;
    int found = 0;
    for (const SearchHit& hit : response->hits) {
      auto grade = judged.grades.find(hit.ref);
      int gain = grade == judged.grades.end() ? 0 : grade->second;
      gains.push_back(gain);
      if (gain > 0) ++found;
    }
    std::vector<int> ideal;
    for (const auto& [ref, grade] : judged.grades) ideal.push_back(grade);
    std::sort(ideal.rbegin(), ideal.rend());
    if (ideal.size() > 10) ideal.resize(10);
    double relevant = static_cast<double>(std::min<std::size_t>(judged.grades.size(), 10));
    double recall = relevant == 0 ? 1 : found / relevant;
    double ndcg = Dcg(ideal) == 0 ? 1 : Dcg(gains) / Dcg(ideal);
    recall_sum += recall;
    ndcg_sum += ndcg;
    report << judged.query << "\trecall@10=" << recall << "\tndcg@10=" << ndcg << "\n";
  }
  double n = static_cast<double>(judgments.queries.size());
  double mean_recall = recall_sum / n;
  double mean_ndcg = ndcg_sum / n;
  report << "mean recall@10=" << mean_recall << " ndcg@10=" << mean_ndcg << " over " << judgments.queries.size()
         << " queries";
  WARN(report.str());
  CHECK(mean_recall >= judgments.thresholds["recall@10"]);
  CHECK(mean_ndcg >= judgments.thresholds["ndcg@10"]);
}

}  // namespace
}  // namespace hdcat::search::testing
