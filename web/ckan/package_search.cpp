#include "web/ckan/package_search.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <map>
#include <set>
#include <sstream>

#include "web/ckan/action_params.h"
#include "web/ckan/lucene_query.h"

namespace hdcat::web::ckan {
namespace {

// What CKAN's package_search schema accepts; the Solr tuning parameters and
// the JSONP callback are accepted and have no effect here.
constexpr std::array<std::string_view, 25> kKnownParams = {
    "q", "fq", "fq_list", "sort", "rows", "start", "facet", "facet.field", "facet.limit", "facet.mincount",
    "include_private", "include_drafts", "include_deleted", "use_default_schema", "fl",
    "qf", "wt", "bf", "boost", "tie", "defType", "mm", "q.op", "df", "callback"};

constexpr std::array<std::string_view, 8> kSortFields = {
    "score", "metadata_modified", "metadata_created", "name", "title_string", "id", "num_resources", "num_tags"};

struct SortKey {
  std::string field;
  bool descending = false;
};

Result<std::vector<SortKey>> ParseSort(const std::string& sort) {
  std::vector<SortKey> keys;
  std::stringstream clauses(sort);
  std::string clause;
  while (std::getline(clauses, clause, ',')) {
    std::stringstream words(clause);
    std::string field, direction, extra;
    words >> field >> direction >> extra;
    if (field.empty()) continue;
    if (!extra.empty() || (direction != "asc" && direction != "desc")) {
      return InvalidInput("Can't determine a Sort Order (asc or desc) in sort spec '" + TrimSpaces(clause) + "'");
    }
    if (std::find(kSortFields.begin(), kSortFields.end(), field) == kSortFields.end()) {
      return InvalidInput("sort param field can't be found: " + field);
    }
    keys.push_back(SortKey{field, direction == "desc"});
  }
  if (keys.empty()) return InvalidInput("Can't determine a Sort Order (asc or desc) in sort spec '" + sort + "'");
  return keys;
}

double NumberOf(const CkanFields& fields, const std::string& field) {
  const auto& values = fields.Values(field);
  double number = 0;
  if (!values.empty()) std::from_chars(values[0].data(), values[0].data() + values[0].size(), number);
  return number;
}

std::string FirstOf(const CkanFields& fields, const std::string& field) {
  const auto& values = fields.Values(field);
  return values.empty() ? std::string() : values[0];
}

struct Match {
  const CkanDataset* dataset;
  double score;
};

// -1, 0, 1 for a before, equal to, after b under one key (ascending).
int CompareBy(const SortKey& key, const Match& a, const Match& b) {
  if (key.field == "score") return a.score < b.score ? -1 : a.score > b.score ? 1 : 0;
  if (key.field == "num_resources" || key.field == "num_tags") {
    double x = NumberOf(a.dataset->fields, key.field), y = NumberOf(b.dataset->fields, key.field);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  int order = FirstOf(a.dataset->fields, key.field).compare(FirstOf(b.dataset->fields, key.field));
  return order < 0 ? -1 : order > 0 ? 1 : 0;
}

std::string DisplayName(const CkanSnapshot& snapshot, const std::string& field, const std::string& value) {
  if (field == "organization" || field == "owner_org") {
    if (const CkanOrganization* organization = snapshot.FindOrganization(value)) {
      return organization->dict.value("title", value);
    }
  }
  if (field == "license_id") {
    for (const CkanDataset& dataset : snapshot.datasets()) {
      if (dataset.package.value("license_id", "") == value) return dataset.package.value("license_title", value);
    }
  }
  return value;
}

void CountFacets(const CkanSnapshot& snapshot, const std::vector<Match>& matches,
                 const std::vector<std::string>& facet_fields, std::int64_t limit, std::int64_t mincount, Json* facets,
                 Json* search_facets) {
  for (const std::string& field : facet_fields) {
    std::map<std::string, std::int64_t> counts;
    for (const Match& match : matches) {
      std::set<std::string> distinct(match.dataset->fields.Values(field).begin(),
                                     match.dataset->fields.Values(field).end());
      for (const std::string& value : distinct) ++counts[value];
    }
    std::vector<std::pair<std::string, std::int64_t>> ordered(counts.begin(), counts.end());
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    Json field_counts = Json::object();
    Json items = Json::array();
    std::int64_t kept = 0;
    for (const auto& [value, count] : ordered) {
      if (count < mincount) break;
      if (limit >= 0 && kept >= limit) break;
      ++kept;
      field_counts[value] = count;
      items.push_back({{"name", value}, {"display_name", DisplayName(snapshot, field, value)}, {"count", count}});
    }
    std::stable_sort(items.begin(), items.end(), [](const Json& a, const Json& b) {
      return a["display_name"].get<std::string>() > b["display_name"].get<std::string>();
    });
    (*facets)[field] = std::move(field_counts);
    (*search_facets)[field] = {{"title", field}, {"items", std::move(items)}};
  }
}

Json Projected(const Json& package, const std::vector<std::string>& fields) {
  if (fields.size() == 1 && (fields[0] == "id" || fields[0] == "name")) return package.value(fields[0], Json());
  Json projected = Json::object();
  for (const std::string& field : fields) {
    if (package.contains(field)) projected[field] = package[field];
  }
  return projected;
}

}  // namespace

Result<Json> PackageSearch(const CkanSnapshot& snapshot, const Json& params) {
  ActionParams in(params);
  std::vector<std::string> unknown = in.Unknown(kKnownParams);
  if (!unknown.empty()) {
    std::string names;
    for (const std::string& name : unknown) names += (names.empty() ? "'" : ", '") + name + "'";
    return InvalidInput("Invalid search parameters: [" + names + "]");
  }

  std::string q = TrimSpaces(in.Text("q").value_or(""));
  if (q == "\"\"" || q == "''") q.clear();
  auto query = LuceneQuery::Parse(q);
  if (!query.ok()) return query.error();
  std::vector<LuceneQuery> filters;
  if (auto fq = in.Text("fq")) {
    auto filter = LuceneQuery::Parse(*fq);
    if (!filter.ok()) return filter.error();
    filters.push_back(std::move(*filter));
  }
  auto fq_list = in.StringList("fq_list");
  if (!fq_list.ok()) return fq_list.error();
  for (const std::string& text : *fq_list) {
    auto filter = LuceneQuery::Parse(text);
    if (!filter.ok()) return filter.error();
    filters.push_back(std::move(*filter));
  }

  auto rows = in.Natural("rows", kDefaultRows, kMaxRowsAccepted);
  if (!rows.ok()) return rows.error();
  auto start = in.Natural("start", 0, kMaxStart);
  if (!start.ok()) return start.error();
  std::string sort = TrimSpaces(in.Text("sort").value_or(""));
  if (sort.empty() || sort == "rank") sort = std::string(kDefaultSort);
  auto sort_keys = ParseSort(sort);
  if (!sort_keys.ok()) return sort_keys.error();
  auto facet = in.Boolean("facet", true);
  if (!facet.ok()) return facet.error();
  auto facet_fields = in.StringList("facet.field");
  if (!facet_fields.ok()) return facet_fields.error();
  auto facet_limit = in.Integer("facet.limit", kDefaultFacetLimit);
  if (!facet_limit.ok()) return facet_limit.error();
  auto facet_mincount = in.Integer("facet.mincount", 1);
  if (!facet_mincount.ok()) return facet_mincount.error();
  for (const char* flag : {"include_private", "include_drafts", "include_deleted", "use_default_schema"}) {
    auto value = in.Boolean(flag, false);
    if (!value.ok()) return value.error();
  }
  std::vector<std::string> fl;
  if (auto text = in.Text("fl")) {
    std::string words = *text;
    std::replace(words.begin(), words.end(), ',', ' ');
    std::stringstream stream(words);
    for (std::string word; stream >> word;) fl.push_back(word);
  }

  std::vector<Match> matches;
  for (const CkanDataset& dataset : snapshot.datasets()) {
    if (!query->Matches(dataset.fields)) continue;
    bool kept = std::all_of(filters.begin(), filters.end(),
                            [&](const LuceneQuery& filter) { return filter.Matches(dataset.fields); });
    if (kept) matches.push_back(Match{&dataset, query->Score(dataset.fields)});
  }
  std::sort(matches.begin(), matches.end(), [&](const Match& a, const Match& b) {
    for (const SortKey& key : *sort_keys) {
      int order = CompareBy(key, a, b);
      if (order != 0) return key.descending ? order > 0 : order < 0;
    }
    return a.dataset->name < b.dataset->name;
  });

  Json facets = Json::object();
  Json search_facets = Json::object();
  if (*facet) CountFacets(snapshot, matches, *facet_fields, *facet_limit, *facet_mincount, &facets, &search_facets);

  const std::int64_t page_size = std::min(*rows, kMaxRows);
  const std::int64_t total = static_cast<std::int64_t>(matches.size());
  Json results = Json::array();
  for (std::int64_t i = *start; i < total && i < *start + page_size; ++i) {
    const Json& package = matches[static_cast<std::size_t>(i)].dataset->package;
    results.push_back(fl.empty() ? package : Projected(package, fl));
  }
  return Json{{"count", total},
              {"sort", sort},
              {"facets", std::move(facets)},
              {"search_facets", std::move(search_facets)},
              {"results", std::move(results)}};
}

}  // namespace hdcat::web::ckan
