// Disjunctive facet counts checked against a brute-force count over the same
// in-memory documents: for every facet, the datasets that match the text and
// every filter except that facet's own, counted per value. The expected side
// reads the raw JSON with its own small rules, not the indexer's code.
#include <map>
#include <set>

#include <catch2/catch.hpp>

#include "search/index_schema.h"
#include "search/text_normalizer.h"
#include "search/text_runs.h"
#include "tests/search/test_corpus.h"

namespace hdcat::search::testing {
namespace {

using Filters = std::map<std::string, std::vector<std::string>>;

void Insert(std::set<std::string>& out, const Json& value) {
  if (value.is_string()) out.insert(value.get<std::string>());
  if (value.is_array()) {
    for (const Json& item : value) Insert(out, item);
  }
}

std::set<std::string> ExpectedValues(const CorpusDataset& entry, const Corpus& corpus, const std::string& facet) {
  const Json& d = entry.dataset;
  std::set<std::string> out;
  if (facet == "holder") out.insert(d["holder"].get<std::string>());
  if (facet == "holder_type") Insert(out, (*corpus.Holder(d["holder"]))["holder_type"]);
  if (facet == "data_type") Insert(out, d.value("data_types", Json()));
  if (facet == "health_category") Insert(out, d.value("health_categories", Json()));
  if (facet == "update_frequency") Insert(out, d["update"].value("frequency", Json()));
  if (facet == "access_route") {
    for (const Json& route : d["access"]["routes"]) Insert(out, route["type"]);
  }
  if (facet == "processing_level") Insert(out, d["access"].value("processing_levels", Json()));
  if (facet == "access_rights") Insert(out, d["access_rights"]);
  if (facet == "language") Insert(out, d.value("languages", Json()));
  if (facet == "coding_system") {
    Insert(out, d.value("coding_systems", Json()));
    for (const Json& code : d.value("code_values", Json::array())) Insert(out, code["system"]);
    for (const Json& table : d.value("variables", Json::array())) {
      for (const Json& variable : table["variables"]) Insert(out, variable.value("coding_system", Json()));
    }
  }
  if (facet == "quality_grade" && entry.completeness >= 0) {
    double c = entry.completeness;
    out.insert(c >= 85 ? "A" : c >= 70 ? "B" : c >= 50 ? "C" : "D");
  }
  if (facet == "population_size") {
    const Json& stats = d.value("statistics", Json::object());
    double n = stats.contains("number_of_unique_individuals") ? stats["number_of_unique_individuals"].get<double>()
               : stats.contains("number_of_records")          ? stats["number_of_records"].get<double>()
                                                               : -1;
    const char* bucket = n < 0 ? "not_reported" : n < 1000 ? "lt_1k" : n < 10000 ? "1k_10k" : n < 100000 ? "10k_100k"
                         : n < 1000000 ? "100k_1m" : n < 10000000 ? "1m_10m" : "10m_plus";
    out.insert(bucket);
  }
  return out;
}

// All text of a dataset, normalised, for the brute-force text predicate.
std::string AllText(const CorpusDataset& entry, const Corpus& corpus) {
  std::string text;
  auto add = [&text](const Json& value, auto&& self) -> void {
    if (value.is_string()) text += " " + NormalizeText(value.get<std::string>()) + " ";
    if (value.is_array() || value.is_object()) {
      for (const Json& item : value) self(item, self);
    }
  };
  const Json& d = entry.dataset;
  for (const char* field : {"title", "alternative_titles", "keywords", "description"}) add(d.value(field, Json()), add);
  for (const Json& table : d.value("variables", Json::array())) {
    add(table.value("title", Json()), add);
    for (const Json& variable : table["variables"]) {
      add(variable["name"], add);
      add(variable.value("title", Json()), add);
    }
  }
  add((*corpus.Holder(d["holder"]))["name"], add);
  return text;
}

bool HasWord(const std::string& text, const std::string& word) {
  for (const TextRun& run : SplitRuns(text)) {
    if (!run.cjk && run.text == word) return true;
  }
  return false;
}

struct TextPredicate {
  std::string query;
  std::vector<std::string> substrings;  // any of these (Japanese)
  std::vector<std::string> words;       // or any of these whole words (Latin)
  bool Matches(const std::string& text) const {
    if (query.empty()) return true;
    for (const std::string& s : substrings) {
      if (text.find(s) != std::string::npos) return true;
    }
    for (const std::string& w : words) {
      if (HasWord(text, w)) return true;
    }
    return false;
  }
};

TEST_CASE("facet counts are disjunctive and exact", "[search][facets]") {
  static TestIndex index(MakeCorpus());
  Corpus corpus = MakeCorpus();
  const TextPredicate texts[] = {
      {"", {}, {}},
      {"糖尿病", {"糖尿病"}, {"diabetes", "dm"}},
      {"レセプト", {"レセプト", "診療報酬明細書", "保険請求"}, {"claims"}},
  };
  const Filters filter_sets[] = {
      {},
      {{"data_type", {"claims"}}},
      {{"data_type", {"claims", "registry"}}},
      {{"data_type", {"registry"}}, {"access_rights", {"RESTRICTED"}}},
      {{"holder_type", {"university"}}, {"quality_grade", {"C"}}},
      {{"population_size", {"not_reported", "10m_plus"}}},
      {{"coding_system", {"icd10"}}},
      {{"language", {"ENG"}}, {"access_route", {"onsite", "remote_analysis"}}},
      {{"health_category", {"PHDR"}}, {"processing_level", {"pseudonymised"}}, {"update_frequency", {"ANNUAL"}}},
      {{"holder", {"univ", "mhlw"}}, {"data_type", {"cohort"}}},
  };
  std::vector<std::string> facets(schema::kFacets.begin(), schema::kFacets.end());
  for (const TextPredicate& text : texts) {
    for (const Filters& filters : filter_sets) {
      SearchRequest request;
      request.query = text.query;
      request.filters = filters;
      request.facets = facets;
      request.limit = 100;
      SearchResponse response = index.Search(request);

      // Brute force.
      auto passes = [&](const CorpusDataset& entry, const std::string& skip) {
        if (!text.Matches(AllText(entry, corpus))) return false;
        for (const auto& [facet, values] : filters) {
          if (facet == skip) continue;
          std::set<std::string> have = ExpectedValues(entry, corpus, facet);
          bool any = false;
          for (const std::string& value : values) any = any || have.count(value) > 0;
          if (!any) return false;
        }
        return true;
      };
      std::int64_t expected_total = 0;
      for (const CorpusDataset& entry : corpus.datasets) expected_total += passes(entry, "") ? 1 : 0;
      INFO("query '" << text.query << "', " << filters.size() << " filters");
      for (const auto& [facet, values] : filters) {
        INFO("filter " << facet << " (" << values.size() << " values)");
      }
      CHECK(response.total == expected_total);
      CHECK(static_cast<std::int64_t>(response.hits.size()) == expected_total);
      REQUIRE(response.facets.size() == facets.size());
      for (const FacetCounts& counts : response.facets) {
        std::map<std::string, std::int64_t> expected;
        for (const CorpusDataset& entry : corpus.datasets) {
          if (!passes(entry, counts.facet)) continue;
          for (const std::string& value : ExpectedValues(entry, corpus, counts.facet)) ++expected[value];
        }
        std::map<std::string, std::int64_t> actual;
        for (const FacetValueCount& value : counts.values) actual[value.value] = value.count;
        INFO("facet " << counts.facet);
        CHECK(actual == expected);
      }
    }
  }
}

TEST_CASE("facet values are listed by count, then value", "[search][facets]") {
  static TestIndex index(MakeCorpus());
  SearchRequest request;
  request.facets = {"data_type", "holder"};
  SearchResponse response = index.Search(request);
  for (const FacetCounts& counts : response.facets) {
    for (std::size_t i = 1; i < counts.values.size(); ++i) {
      const auto& a = counts.values[i - 1];
      const auto& b = counts.values[i];
      CHECK((a.count > b.count || (a.count == b.count && a.value < b.value)));
    }
  }
}

}  // namespace
}  // namespace hdcat::search::testing
