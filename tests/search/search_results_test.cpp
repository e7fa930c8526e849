// Result handling: relaxation, sorting, paging, period filter, snippets and
// "did you mean". Expected orders are computed from the corpus itself.
#include <algorithm>
#include <set>

#include <catch2/catch.hpp>

#include "base/utf8.h"
#include "search/text_normalizer.h"
#include "tests/search/test_corpus.h"

namespace hdcat::search::testing {
namespace {

// "2024" / "2024-03" / "2024-03-31" as the first or last day it covers.
std::string Bound(std::string date, bool end) {
  if (date.size() == 4) return date + (end ? "-12-31" : "-01-01");
  if (date.size() == 7) return date + (end ? "-31" : "-01");
  return date;
}

std::vector<std::string> AllRefs(SearchRequest request, TestIndex& index) {
  request.limit = 100;
  std::vector<std::string> refs;
  for (const SearchHit& hit : index.Search(request).hits) refs.push_back(hit.ref);
  return refs;
}

TEST_CASE("AND finds nothing, so OR is tried and flagged", "[search][relax]") {
  static TestIndex index(MakeCorpus());
  SearchResponse strict = index.Search("糖尿病 レジストリ");
  CHECK_FALSE(strict.relaxed);
  CHECK(strict.total == 1);
  SearchResponse relaxed = index.Search("糖尿病 zzqxv");
  CHECK(relaxed.relaxed);
  CHECK(relaxed.total == index.Search("糖尿病").total);
  SearchResponse nothing = index.Search("zzqxv");
  CHECK_FALSE(nothing.relaxed);
  CHECK(nothing.total == 0);
  CHECK(nothing.hits.empty());
}

TEST_CASE("sorting by update, size and title follows the documents", "[search][sort]") {
  static TestIndex index(MakeCorpus());
  Corpus corpus = MakeCorpus();
  struct Keyed {
    std::string ref;
    std::string key;
    double number;
  };
  std::vector<Keyed> updated, sized, titled;
  for (const CorpusDataset& entry : corpus.datasets) {
    const Json& d = entry.dataset;
    updated.push_back({RefOf(d), d["update"]["last_updated"].get<std::string>(), 0});
    const Json& stats = d.value("statistics", Json::object());
    double size = stats.contains("number_of_records") ? stats["number_of_records"].get<double>()
                  : stats.contains("number_of_unique_individuals")
                      ? stats["number_of_unique_individuals"].get<double>()
                      : -1;
    sized.push_back({RefOf(d), "", size});
    titled.push_back({RefOf(d), NormalizeText(d["title"]["ja"].get<std::string>()), 0});
  }
  std::stable_sort(updated.begin(), updated.end(), [](const Keyed& a, const Keyed& b) { return a.key > b.key; });
  std::stable_sort(sized.begin(), sized.end(), [](const Keyed& a, const Keyed& b) { return a.number > b.number; });
  std::stable_sort(titled.begin(), titled.end(), [](const Keyed& a, const Keyed& b) { return a.key < b.key; });
  auto refs_of = [](const std::vector<Keyed>& keyed) {
    std::vector<std::string> refs;
    for (const Keyed& k : keyed) refs.push_back(k.ref);
    return refs;
  };
  SearchRequest request;
  request.sort = SortOrder::kUpdated;
  CHECK(AllRefs(request, index) == refs_of(updated));
  request.sort = SortOrder::kSize;
  CHECK(AllRefs(request, index) == refs_of(sized));
  request.sort = SortOrder::kTitle;
  CHECK(AllRefs(request, index) == refs_of(titled));
  // Sorting applies within a query's matches too.
  request.query = "特定健診";
  request.sort = SortOrder::kUpdated;
  std::vector<std::string> checkups = AllRefs(request, index);
  REQUIRE(checkups.size() >= 2);
  std::vector<std::string> expected;
  for (const std::string& ref : refs_of(updated)) {
    if (std::find(checkups.begin(), checkups.end(), ref) != checkups.end()) expected.push_back(ref);
  }
  CHECK(checkups == expected);
}

TEST_CASE("paging returns each result once with an exact total", "[search][paging]") {
  static TestIndex index(MakeCorpus());
  const std::size_t corpus_size = MakeCorpus().datasets.size();
  for (SortOrder order : {SortOrder::kRelevance, SortOrder::kTitle}) {
    std::vector<std::string> seen;
    SearchRequest request;
    request.sort = order;
    request.limit = 4;
    for (request.offset = 0; request.offset < 12; request.offset += 4) {
      SearchResponse page = index.Search(request);
      CHECK(page.total == static_cast<std::int64_t>(corpus_size));
      CHECK(page.total_exact);
      for (const SearchHit& hit : page.hits) seen.push_back(hit.ref);
    }
    CHECK(seen.size() == corpus_size);
    CHECK(std::set<std::string>(seen.begin(), seen.end()).size() == corpus_size);
  }
}

TEST_CASE("the period filter keeps datasets whose coverage overlaps", "[search][period]") {
  static TestIndex index(MakeCorpus());
  Corpus corpus = MakeCorpus();
  const std::pair<const char*, const char*> ranges[] = {
      {"2021", "2022"}, {"2000", "2008"}, {"2016-06", "2016-07"}, {"2023-01-01", "2030"}};
  for (const auto& [start, end] : ranges) {
    INFO(start << ".." << end);
    std::set<std::string> expected;
    std::string from = Bound(start, false), to = Bound(end, true);
    for (const CorpusDataset& entry : corpus.datasets) {
      const Json& temporal = entry.dataset.value("temporal", Json::object());
      if (!temporal.contains("start")) continue;
      std::string s = Bound(temporal["start"].get<std::string>(), false);
      std::string e = temporal.contains("end") ? Bound(temporal["end"].get<std::string>(), true) : "9999";
      if (s <= to && e >= from) expected.insert(RefOf(entry.dataset));
    }
    SearchRequest request;
    request.period_start = start;
    request.period_end = end;
    std::vector<std::string> refs = AllRefs(request, index);
    CHECK(std::set<std::string>(refs.begin(), refs.end()) == expected);
  }
}

TEST_CASE("snippets mark matches and stay valid UTF-8", "[search][snippet]") {
  static TestIndex index(MakeCorpus());
  for (const char* query : {"糖尿病", "HbA1c", "特定健診", "レセプト", "heart failure", "悪性新生物", "バイタル", "E11"}) {
    INFO(query);
    SearchResponse response = index.Search(query);
    REQUIRE_FALSE(response.hits.empty());
    bool any_mark = false;
    for (const SearchHit& hit : response.hits) {
      CHECK(IsValidUtf8(hit.snippet));
      CHECK(hit.snippet.find("<script>") == std::string::npos);
      if (hit.snippet.find("<mark>") != std::string::npos) any_mark = true;
    }
    if (std::string(query) != "E11") CHECK(any_mark);
  }
  SearchResponse japanese = index.Search("特定健診");
  bool marked_japanese = false;
  for (const SearchHit& hit : japanese.hits) {
    if (hit.snippet.find("<mark>特") != std::string::npos || hit.snippet.find("特</mark>") != std::string::npos ||
        hit.snippet.find("<mark>特定") != std::string::npos) {
      marked_japanese = true;
    }
  }
  CHECK(marked_japanese);
  // Markup in a description is escaped, not passed through.
  SearchResponse ehr = index.Search("電子カルテ");
  REQUIRE_FALSE(ehr.hits.empty());
  CHECK(ehr.hits.front().snippet.find("&lt;script&gt;") != std::string::npos);
}

TEST_CASE("did you mean corrects Latin-script typos", "[search][spelling]") {
  static TestIndex index(MakeCorpus());
  CHECK(index.Search("diabetis").did_you_mean == "diabetes");
  CHECK(index.Search("readmision").did_you_mean == "readmission");
  CHECK(index.Search("diabetes").did_you_mean.empty());
  CHECK(index.Search("糖尿病").did_you_mean.empty());
}

TEST_CASE("matched_because names the fields", "[search][explain]") {
  static TestIndex index(MakeCorpus());
  SearchResponse response = index.Search("糖尿病");
  bool title_reason = false;
  for (const SearchHit& hit : response.hits) {
    CHECK_FALSE(hit.matched_because.empty());
    if (hit.ref == "univ/dm-registry") {
      for (const std::string& reason : hit.matched_because) {
        if (reason.rfind("title", 0) == 0) title_reason = true;
      }
    }
  }
  CHECK(title_reason);
  response = index.Search("readmission");
  REQUIRE_FALSE(response.hits.empty());
  bool variable_reason = false;
  for (const std::string& reason : response.hits.front().matched_because) {
    if (reason.find("variable readmit_30d") != std::string::npos) variable_reason = true;
  }
  CHECK(variable_reason);
}

TEST_CASE("bad requests are refused with a reason", "[search][errors]") {
  static TestIndex index(MakeCorpus());
  auto vocabulary = Vocabulary();
  auto searcher = Searcher::Open(index.manager(), vocabulary);
  REQUIRE(searcher.ok());
  SearchRequest request;
  request.filters["colour"] = {"blue"};
  auto response = (*searcher)->Search(request);
  REQUIRE_FALSE(response.ok());
  CHECK(response.error().kind == ErrorKind::kInvalidInput);
  request = SearchRequest();
  request.limit = -1;
  CHECK_FALSE((*searcher)->Search(request).ok());
  CHECK_FALSE(ParseSortOrder("random").ok());
}

}  // namespace
}  // namespace hdcat::search::testing
