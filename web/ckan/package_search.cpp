#include "web/ckan/package_search.h"

#include <algorithm>
#include <array>
#include <sstream>

#include "search/index_schema.h"
#include "web/ckan/action_params.h"
#include "web/ckan/index_query.h"
#include "web/ckan/lucene_query.h"
#include "web/export/ckan_package.h"
#include "web/export/lang_text.h"

namespace hdcat::web::ckan {
namespace {

// What CKAN's package_search schema accepts; the Solr tuning parameters and
// the JSONP callback are accepted and have no effect here.
constexpr std::array<std::string_view, 25> kKnownParams = {
    "q", "fq", "fq_list", "sort", "rows", "start", "facet", "facet.field", "facet.limit", "facet.mincount",
    "include_private", "include_drafts", "include_deleted", "use_default_schema", "fl",
    "qf", "wt", "bf", "boost", "tie", "defType", "mm", "q.op", "df", "callback"};

// CKAN sort fields and the index slots they sort on ("score" is relevance).
struct SortField {
  std::string_view name;
  Xapian::valueno slot;
};
constexpr std::array<SortField, 7> kSortFields = {{
    {"metadata_modified", search::schema::kSlotStoredAt},
    {"metadata_created", search::schema::kSlotFirstStoredAt},
    {"name", search::schema::kSlotPublicId},
    {"id", search::schema::kSlotPublicId},
    {"title_string", search::schema::kSlotTitleJa},
    {"num_resources", search::schema::kSlotResourceCount},
    {"num_tags", search::schema::kSlotTagCount},
}};

// CKAN facet fields and the index facets counting them ("" = always empty).
struct FacetField {
  std::string_view name;
  std::string_view facet;
};
constexpr std::array<FacetField, 6> kFacetFields = {{
    {"organization", "holder"},
    {"owner_org", "holder"},
    {"tags", "tag"},
    {"res_format", "res_format"},
    {"license_id", "access_rights"},
    {"groups", ""},
}};

// The sort spec as index sort keys; "score desc" may only come first.
Result<search::MatchRequest> ParseSort(const std::string& sort, const std::string& language) {
  search::MatchRequest request;
  request.relevance_first = false;
  std::stringstream clauses(sort);
  std::string clause;
  bool any = false;
  while (std::getline(clauses, clause, ',')) {
    std::stringstream words(clause);
    std::string field, direction, extra;
    words >> field >> direction >> extra;
    if (field.empty()) continue;
    if (!extra.empty() || (direction != "asc" && direction != "desc")) {
      return InvalidInput("Can't determine a Sort Order (asc or desc) in sort spec '" + TrimSpaces(clause) + "'");
    }
    const bool descending = direction == "desc";
    if (field == "score") {
      if (any || !descending) return InvalidInput("sort by score is possible only as the first key, descending");
      request.relevance_first = true;
      any = true;
      continue;
    }
    auto known = std::find_if(kSortFields.begin(), kSortFields.end(),
                              [&](const SortField& candidate) { return candidate.name == field; });
    if (known == kSortFields.end()) return InvalidInput("sort param field can't be found: " + field);
    Xapian::valueno slot = known->slot;
    if (slot == search::schema::kSlotTitleJa && language.starts_with("en")) slot = search::schema::kSlotTitleEn;
    request.sort_keys.emplace_back(slot, descending);
    any = true;
  }
  if (!any) return InvalidInput("Can't determine a Sort Order (asc or desc) in sort spec '" + sort + "'");
  return request;
}

Result<const FacetField*> FindFacetField(const std::string& name) {
  for (const FacetField& field : kFacetFields) {
    if (field.name == name) return &field;
  }
  std::string names;
  for (const FacetField& field : kFacetFields) names += (names.empty() ? "" : ", ") + std::string(field.name);
  return InvalidInput("cannot count facet.field '" + name + "'; countable fields: " + names);
}

std::string DisplayName(const CkanCatalog& catalog, std::string_view field, const std::string& value) {
  if (field == "organization" || field == "owner_org") {
    auto holder = catalog.Holder(value);
    if (holder.ok() && holder->is_object()) {
      std::string title = exporting::PickLanguage(&(*holder)["name"], catalog.site().default_language);
      if (!title.empty()) return title;
    }
  }
  if (field == "license_id") {
    return std::string(value == exporting::kCkanOpenLicense ? exporting::kCkanOpenLicenseTitle
                                                            : exporting::kCkanClosedLicenseTitle);
  }
  return value;
}

// One facet field's counts as CKAN's facet form: value -> count.
std::vector<std::pair<std::string, std::int64_t>> CkanCounts(const FacetField& field,
                                                             const search::SearchResponse& response) {
  std::vector<std::pair<std::string, std::int64_t>> counts;
  for (const search::FacetCounts& facet : response.facets) {
    if (facet.facet != field.facet) continue;
    if (field.name == "license_id") {
      std::int64_t open = 0;
      for (const auto& value : facet.values) {
        if (value.value == exporting::kCkanOpenAccessRights) open = value.count;
      }
      counts.emplace_back(std::string(exporting::kCkanOpenLicense), open);
      counts.emplace_back(std::string(exporting::kCkanClosedLicense), response.total - open);
      std::stable_sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    } else {
      for (const auto& value : facet.values) counts.emplace_back(value.value, value.count);
    }
  }
  return counts;
}

void AddFacets(const CkanCatalog& catalog, const std::vector<std::string>& facet_fields,
               const search::SearchResponse& response, std::int64_t limit, std::int64_t mincount, Json* facets,
               Json* search_facets) {
  for (const std::string& name : facet_fields) {
    const FacetField& field = **FindFacetField(name);
    Json field_counts = Json::object();
    Json items = Json::array();
    std::int64_t kept = 0;
    for (const auto& [value, count] : CkanCounts(field, response)) {
      if (count < mincount || count == 0) break;
      if (limit >= 0 && kept >= limit) break;
      ++kept;
      field_counts[value] = count;
      items.push_back({{"name", value}, {"display_name", DisplayName(catalog, field.name, value)}, {"count", count}});
    }
    std::stable_sort(items.begin(), items.end(), [](const Json& a, const Json& b) {
      return a["display_name"].get<std::string>() > b["display_name"].get<std::string>();
    });
    (*facets)[name] = std::move(field_counts);
    (*search_facets)[name] = {{"title", name}, {"items", std::move(items)}};
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

Result<Json> PackageSearch(const CkanCatalog& catalog, const Json& params) {
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
  auto request = ParseSort(sort, catalog.site().default_language);
  if (!request.ok()) return request.error();
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

  request->offset = static_cast<int>(*start);
  request->limit = static_cast<int>(std::min(*rows, kMaxRows));
  if (*facet) {
    for (const std::string& name : *facet_fields) {
      auto field = FindFacetField(name);
      if (!field.ok()) return field.error();
      if (!(*field)->facet.empty()) request->facets.emplace_back((*field)->facet);
    }
  }
  if (catalog.search() == nullptr) return Unavailable("the search index is not configured");

  auto response = catalog.search()->WithSearcher([&](search::Searcher& searcher) -> Result<search::SearchResponse> {
    TextQueryFunction text = [&searcher](std::string_view words) { return searcher.TextQuery(words); };
    std::vector<Xapian::Query> parts;
    auto main = IndexQueryOf(query->root(), text);
    if (!main.ok()) return main.error();
    parts.push_back(std::move(*main));
    for (const LuceneQuery& filter : filters) {
      auto part = IndexQueryOf(filter.root(), text);
      if (!part.ok()) return part.error();
      // Filters narrow the matches without changing their relevance.
      parts[0] = Xapian::Query(Xapian::Query::OP_FILTER, parts[0], *part);
    }
    request->query = parts[0];
    return searcher.Match(*request);
  });
  if (!response.ok()) return response.error();
  const std::int64_t total = response->total;

  Json facets = Json::object();
  Json search_facets = Json::object();
  if (*facet) AddFacets(catalog, *facet_fields, *response, *facet_limit, *facet_mincount, &facets, &search_facets);

  Json results = Json::array();
  for (const search::SearchHit& hit : response->hits) {
    auto package = catalog.Package(hit.public_id);
    if (!package.ok()) {
      if (package.error().kind == ErrorKind::kNotFound) continue;  // withdrawn since the index was updated
      return package.error();
    }
    results.push_back(fl.empty() ? std::move(*package) : Projected(*package, fl));
  }
  return Json{{"count", total},
              {"sort", sort},
              {"facets", std::move(facets)},
              {"search_facets", std::move(search_facets)},
              {"results", std::move(results)}};
}

}  // namespace hdcat::web::ckan
