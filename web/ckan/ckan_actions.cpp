#include "web/ckan/ckan_actions.h"

#include <algorithm>
#include <sstream>

#include "search/text_normalizer.h"
#include "web/ckan/action_params.h"
#include "web/ckan/package_search.h"

namespace hdcat::web::ckan {
namespace {

constexpr std::int64_t kMaxListLimit = 1000000;
constexpr std::int64_t kOrganizationNamesMax = 1000;  // ckan.group_and_organization_list_max
constexpr std::int64_t kOrganizationDictsMax = 25;    // ckan.group_and_organization_list_all_fields_max

Json SortedByName(std::vector<Json> packages) {
  std::sort(packages.begin(), packages.end(),
            [](const Json& a, const Json& b) { return a.value("name", "") < b.value("name", ""); });
  return Json(std::move(packages));
}

}  // namespace

const std::vector<Action>& Actions() {
  static const std::vector<Action> kActions = {
      {"package_search",
       "Searches datasets: q, fq, fq_list, sort, rows, start, facet.field, facet.limit, facet.mincount, fl.",
       PackageSearch},
      {"package_show", "Returns one dataset by id or name.", PackageShow},
      {"package_list", "Returns the names of all public datasets; limit, offset.", PackageList},
      {"organization_list", "Returns organizations (data holders); all_fields, sort, limit, offset, q.",
       OrganizationList},
      {"organization_show", "Returns one organization; include_datasets.", OrganizationShow},
      {"status_show", "Returns the site's name, language and CKAN API version.", StatusShow},
      {"help_show", "Returns the description of an action; name.", HelpShow},
  };
  return kActions;
}

const Action* FindAction(std::string_view name) {
  for (const Action& action : Actions()) {
    if (action.name == name) return &action;
  }
  return nullptr;
}

CkanError CkanErrorFor(const Error& error) {
  switch (error.kind) {
    case ErrorKind::kInvalidInput:
      if (!error.pointer.empty()) {
        std::string field = error.pointer.substr(1);
        return CkanError{409, Json{{"__type", "Validation Error"}, {field, Json::array({error.message})}}};
      }
      return CkanError{
          400, Json{{"__type", "Search Query Error"}, {"message", "Search Query is invalid: " + error.message}}};
    case ErrorKind::kNotFound:
      return CkanError{404, Json{{"__type", "Not Found Error"}, {"message", "Not found: " + error.message}}};
    case ErrorKind::kForbidden:
    case ErrorKind::kUnauthenticated:
      return CkanError{403, Json{{"__type", "Authorization Error"}, {"message", "Access denied: " + error.message}}};
    default:
      return CkanError{
          500, Json{{"__type", "Internal Server Error"}, {"message", "Internal Server Error: " + error.message}}};
  }
}

Result<Json> PackageShow(const CkanCatalog& catalog, const Json& params) {
  ActionParams in(params);
  auto id = in.RequiredText("id");
  if (!id.ok()) return id.error();
  auto package = catalog.Package(*id);
  if (!package.ok() && package.error().kind == ErrorKind::kNotFound) return NotFound("Dataset not found");
  return package;
}

Result<Json> PackageList(const CkanCatalog& catalog, const Json& params) {
  ActionParams in(params);
  auto limit = in.Natural("limit", kMaxListLimit, kMaxListLimit);
  if (!limit.ok()) return limit.error();
  auto offset = in.Natural("offset", 0, kMaxListLimit);
  if (!offset.ok()) return offset.error();
  auto snapshot = catalog.Current();
  if (!snapshot.ok()) return snapshot.error();
  const auto& datasets = (*snapshot)->datasets();
  Json names = Json::array();
  for (std::size_t i = static_cast<std::size_t>(*offset);
       i < datasets.size() && static_cast<std::int64_t>(names.size()) < *limit; ++i) {
    names.push_back(datasets[i].name);
  }
  return names;
}

Result<Json> OrganizationList(const CkanCatalog& catalog, const Json& params) {
  ActionParams in(params);
  auto all_fields = in.Boolean("all_fields", false);
  if (!all_fields.ok()) return all_fields.error();
  const std::int64_t max_limit = *all_fields ? kOrganizationDictsMax : kOrganizationNamesMax;
  auto limit = in.Natural("limit", max_limit, kMaxListLimit);
  if (!limit.ok()) return limit.error();
  auto offset = in.Natural("offset", 0, kMaxListLimit);
  if (!offset.ok()) return offset.error();

  // CKAN's default_group_sort is "title"; package_count defaults to most first.
  std::string sort = in.Text("sort").value_or("");
  if (sort.empty()) sort = "title asc";
  std::stringstream words(sort);
  std::string field, direction, extra;
  words >> field >> direction >> extra;
  if (direction.empty()) direction = field == "package_count" ? "desc" : "asc";
  if ((field != "name" && field != "title" && field != "package_count") ||
      (direction != "asc" && direction != "desc") || !extra.empty()) {
    return FieldError("sort", "Cannot sort by field `" + sort + "`");
  }
  std::string needle = search::NormalizeText(in.Text("q").value_or(""));

  auto snapshot = catalog.Current();
  if (!snapshot.ok()) return snapshot.error();
  std::vector<const CkanOrganization*> organizations;
  for (const CkanOrganization& organization : (*snapshot)->organizations()) {
    std::string haystack = search::NormalizeText(organization.name + "\n" + organization.dict.value("title", "") +
                                                 "\n" + organization.dict.value("title_translated", Json()).dump());
    if (needle.empty() || haystack.find(needle) != std::string::npos) organizations.push_back(&organization);
  }
  auto key = [&](const CkanOrganization* organization) -> Json {
    if (field == "name") return organization->name;
    return organization->dict.value(field, Json());
  };
  std::stable_sort(organizations.begin(), organizations.end(), [&](const auto* a, const auto* b) {
    Json x = key(a), y = key(b);
    if (x == y) return a->name < b->name;
    return direction == "desc" ? y < x : x < y;
  });

  Json result = Json::array();
  const std::int64_t page_size = std::min(*limit, max_limit);
  for (std::size_t i = static_cast<std::size_t>(*offset);
       i < organizations.size() && static_cast<std::int64_t>(result.size()) < page_size; ++i) {
    result.push_back(*all_fields ? organizations[i]->dict : Json(organizations[i]->name));
  }
  return result;
}

Result<Json> OrganizationShow(const CkanCatalog& catalog, const Json& params) {
  ActionParams in(params);
  auto id = in.RequiredText("id");
  if (!id.ok()) return id.error();
  auto include_datasets = in.Boolean("include_datasets", false);
  if (!include_datasets.ok()) return include_datasets.error();
  auto snapshot = catalog.Current();
  if (!snapshot.ok()) return snapshot.error();
  const CkanOrganization* organization = (*snapshot)->FindOrganization(*id);
  if (organization == nullptr) return NotFound("Organization not found");
  Json dict = organization->dict;
  if (*include_datasets) {
    std::vector<Json> packages;
    for (const CkanDataset& dataset : (*snapshot)->datasets()) {
      if (dataset.holder == organization->name && static_cast<std::int64_t>(packages.size()) < kMaxRows) {
        packages.push_back(dataset.package);
      }
    }
    dict["packages"] = SortedByName(std::move(packages));
  }
  dict["users"] = Json::array();
  dict["groups"] = Json::array();
  dict["tags"] = Json::array();
  return dict;
}

Result<Json> StatusShow(const CkanCatalog& catalog, const Json&) {
  const exporting::ExportSite& site = catalog.site();
  const std::string& language = site.default_language;
  return Json{{"site_title", site.title.value(language, "")},
              {"site_description", site.description.value(language, "")},
              {"site_url", site.base_url},
              {"error_emails_to", nullptr},
              {"locale_default", language},
              {"extensions", Json::array({"hdcat"})},
              {"ckan_version", kCkanVersion}};
}

Result<Json> HelpShow(const CkanCatalog&, const Json& params) {
  ActionParams in(params);
  auto name = in.RequiredText("name");
  if (!name.ok()) return name.error();
  const Action* action = FindAction(*name);
  if (action == nullptr) return NotFound("Action function not found");
  return Json(std::string(action->help));
}

}  // namespace hdcat::web::ckan
