// GET /datasets/{holder}/{dataset}: everything a researcher needs to judge a
// dataset, with statistics after disclosure control and schema.org JSON-LD.
#include <algorithm>
#include <array>
#include <chrono>

#include "catalog/store/dataset_ref.h"
#include "web/export/schema_org.h"
#include "web/pages/bar_chart.h"
#include "web/pages/freshness.h"
#include "web/pages/language.h"
#include "web/pages/page_handlers.h"
#include "web/pages/view_text.h"
#include "web/server/export_routes.h"
#include "web/server/request_target.h"

namespace hdcat::web {
namespace {

constexpr std::int64_t kVersionsShown = 10;

const Json kEmptyArray = Json::array();
const Json kEmptyObject = Json::object();

const Json& ArrayAt(const Json& object, std::string_view key) {
  if (!object.is_object()) return kEmptyArray;
  auto it = object.find(std::string(key));
  return it != object.end() && it->is_array() ? *it : kEmptyArray;
}

const Json& ObjectAt(const Json& object, std::string_view key) {
  if (!object.is_object()) return kEmptyObject;
  auto it = object.find(std::string(key));
  return it != object.end() && it->is_object() ? *it : kEmptyObject;
}

std::string StringAt(const Json& object, std::string_view key) {
  if (!object.is_object()) return "";
  auto it = object.find(std::string(key));
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

// Only http(s) URLs become links; anything else (javascript:, data:) is shown as text.
bool IsWebUrl(std::string_view url) { return url.starts_with("https://") || url.starts_with("http://"); }

Json Link(std::string_view url) {
  if (url.empty()) return nullptr;
  return Json{{"url", url}, {"is_link", IsWebUrl(url)}};
}

std::string JoinLabels(const PageContext& context, const Json& codes, std::string_view vocabulary,
                       const std::string& language) {
  std::string text;
  for (const auto& code : codes) {
    if (!code.is_string()) continue;
    text += (text.empty() ? "" : language == "ja" ? "、" : ", ");
    text += VocabularyLabel(context.vocabularies, vocabulary, code.get<std::string>(), language);
  }
  return text;
}

Json LabelList(const PageContext& context, const Json& codes, std::string_view vocabulary,
               const std::string& language) {
  Json list = Json::array();
  for (const auto& code : codes) {
    if (code.is_string()) list.push_back(VocabularyLabel(context.vocabularies, vocabulary, code.get<std::string>(), language));
  }
  return list;
}

Json CodingSystemView(const PageContext& context, const std::string& code, const std::string& language) {
  exporting::SystemIri system = context.vocabularies.CodingSystem(code);
  std::string label = PickText(system.label, language);
  return Json{{"code", code}, {"label", label.empty() ? code : label}, {"uri", system.iri}};
}

Json VariablesView(const PageContext& context, const Json& dataset, const std::string& language) {
  Json tables = Json::array();
  for (const auto& table : ArrayAt(dataset, "variables")) {
    Json variables = Json::array();
    for (const auto& variable : ArrayAt(table, "variables")) {
      std::string examples;
      for (const auto& code : ArrayAt(variable, "example_codes")) {
        if (code.is_string()) examples += (examples.empty() ? "" : ", ") + code.get<std::string>();
      }
      Json row = {{"name", StringAt(variable, "name")},
                  {"title", PickText(variable.value("title", Json()), language)},
                  {"description", PickText(variable.value("description", Json()), language)},
                  {"value_type", StringAt(variable, "value_type")},
                  {"unit", StringAt(variable, "unit")},
                  {"example_codes", examples}};
      if (std::string system = StringAt(variable, "coding_system"); !system.empty()) {
        row["coding_system"] = CodingSystemView(context, system, language);
      }
      if (auto it = variable.find("completeness"); it != variable.end() && it->is_number()) {
        row["completeness"] = std::to_string(static_cast<int>(it->get<double>() * 100 + 0.5)) + "%";
      }
      variables.push_back(std::move(row));
    }
    tables.push_back({{"name", StringAt(table, "name")},
                      {"title", PickText(table.value("title", Json()), language)},
                      {"description", PickText(table.value("description", Json()), language)},
                      {"variables", std::move(variables)}});
  }
  return tables;
}

Json UpdateView(const PageContext& context, const Json& dataset, const std::string& language) {
  const Json& update = ObjectAt(dataset, "update");
  if (update.empty()) return nullptr;
  Json view = {{"last_updated", StringAt(update, "last_updated")},
               {"next_update", StringAt(update, "next_update")},
               {"typical_lag", DurationText(StringAt(update, "typical_lag"), language)}};
  if (std::string frequency = StringAt(update, "frequency"); !frequency.empty()) {
    view["frequency"] = VocabularyLabel(context.vocabularies, "frequencies", frequency, language);
  }
  auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  Freshness freshness = AssessFreshness(update, today);
  if (freshness.known) {
    view["freshness"] = {{"stale", freshness.stale},
                         {"days_since_update", std::to_string(freshness.days_since_update)},
                         {"expected_within_days", std::to_string(freshness.expected_within_days)}};
  }
  return view;
}

Json QualityView(const PageContext& context, const Json& dataset, const Json& summary, const std::string& language) {
  const Json& quality = ObjectAt(dataset, "quality");
  Json groups = Json::array();
  for (const auto& entry : ArrayAt(quality, "declared")) {
    std::string group = StringAt(entry, "group");
    auto it = std::find_if(groups.begin(), groups.end(), [&](const Json& g) { return g["code"] == group; });
    if (it == groups.end()) {
      groups.push_back({{"code", group},
                        {"label", VocabularyLabel(context.vocabularies, "quality-groups", group, language)},
                        {"items", Json::array()}});
      it = groups.end() - 1;
    }
    std::string dimension = StringAt(entry, "dimension");
    (*it)["items"].push_back(
        {{"dimension", dimension.empty() ? "" : VocabularyLabel(context.vocabularies, "quality-dimensions", dimension, language)},
         {"value", entry.value("value", Json()).is_string() ? entry["value"].get<std::string>()
                                                            : entry.value("value", Json()).dump()},
         {"note", PickText(entry.value("note", Json()), language)}});
  }
  Json checks = Json::array();
  for (const auto& check : ArrayAt(quality, "checks")) {
    auto text = [&](std::string_view key) {
      auto it = check.find(std::string(key));
      if (it == check.end() || it->is_null()) return std::string();
      return it->is_string() ? it->get<std::string>() : it->dump();
    };
    checks.push_back({{"name", text("name")},
                      {"category", VocabularyLabel(context.vocabularies, "check-categories", text("category"), language)},
                      {"value", text("value")},
                      {"threshold", text("threshold")},
                      {"passed", check.value("passed", false)},
                      {"checked_at", text("checked_at")},
                      {"note", PickText(check.value("note", Json()), language)}});
  }
  Json view = {{"groups", groups}, {"has_groups", !groups.empty()}, {"checks", checks}, {"has_checks", !checks.empty()}};
  if (summary.is_object() && summary.value("grade", "") != "") {
    view["grade"] = summary["grade"];
    if (summary.contains("completeness") && summary["completeness"].is_number()) {
      view["completeness"] = std::to_string(static_cast<int>(summary["completeness"].get<double>() + 0.5));
    }
  }
  return view;
}

// One statistics block: a chart and the same numbers as a table.
Json StatisticsBlock(std::string_view id, const std::string& title, const std::vector<ChartBar>& bars) {
  Json rows = Json::array();
  for (const auto& bar : bars) rows.push_back({{"label", bar.label}, {"value", bar.value_text}, {"suppressed", !bar.value}});
  return Json{{"id", id}, {"title", title}, {"chart_svg", BarChartSvg(bars, title, id)}, {"rows", std::move(rows)}};
}

ChartBar Bar(const PageContext& context, std::string label, const Json& entry) {
  std::int64_t count = entry.value("count", std::int64_t{-1});
  auto published = catalog::PublishableCount(count, context.disclosure_threshold);
  return ChartBar{std::move(label), published, PublishedCountText(count, context.disclosure_threshold)};
}

Json StatisticsView(const PageContext& context, const Json& dataset, const std::string& language) {
  const Json& statistics = ObjectAt(dataset, "statistics");
  if (statistics.empty()) return nullptr;
  const PageRenderer& renderer = *context.renderer;
  Json view = {{"as_of", StringAt(statistics, "as_of")}};
  for (std::string_view key : {"number_of_records", "number_of_unique_individuals"}) {
    auto it = statistics.find(std::string(key));
    if (it != statistics.end() && it->is_number_integer()) {
      view[std::string(key)] = PublishedCountText(it->get<std::int64_t>(), context.disclosure_threshold);
    }
  }
  Json blocks = Json::array();
  std::vector<ChartBar> bars;
  for (const auto& entry : ArrayAt(statistics, "age_sex")) {
    std::string sex = StringAt(entry, "sex");
    bars.push_back(Bar(context, StringAt(entry, "age_band") + " " + renderer.Message(language, "sex_" + sex), entry));
  }
  if (!bars.empty()) blocks.push_back(StatisticsBlock("chart-age-sex", renderer.Message(language, "stats_age_sex"), bars));
  bars.clear();
  for (const auto& entry : ArrayAt(statistics, "prefectures")) {
    bars.push_back(Bar(context, VocabularyLabel(context.vocabularies, "prefectures", StringAt(entry, "code"), language), entry));
  }
  if (!bars.empty()) blocks.push_back(StatisticsBlock("chart-prefectures", renderer.Message(language, "stats_prefectures"), bars));
  bars.clear();
  for (const auto& entry : ArrayAt(statistics, "per_year")) {
    Json year = entry.value("year", Json());
    bars.push_back(Bar(context, year.is_string() ? year.get<std::string>() : year.dump(), entry));
  }
  if (!bars.empty()) blocks.push_back(StatisticsBlock("chart-per-year", renderer.Message(language, "stats_per_year"), bars));
  bars.clear();
  for (const auto& entry : ArrayAt(statistics, "codes")) {
    bars.push_back(Bar(context, StringAt(entry, "system") + " " + StringAt(entry, "code"), entry));
  }
  if (!bars.empty()) blocks.push_back(StatisticsBlock("chart-codes", renderer.Message(language, "stats_codes"), bars));
  view["blocks"] = std::move(blocks);
  return view;
}

std::string FeeAmount(const Json& fee) {
  auto amount = fee.find("amount_jpy");
  if (amount == fee.end() || !amount->is_number_integer()) return "";
  std::string text = FormatJpy(amount->get<std::int64_t>());
  auto upper = fee.find("amount_jpy_max");
  if (upper != fee.end() && upper->is_number_integer()) text += " – " + FormatJpy(upper->get<std::int64_t>());
  return text;
}

Json AccessView(const PageContext& context, const Json& dataset, const std::string& language) {
  const Json& access = ObjectAt(dataset, "access");
  Json routes = Json::array();
  for (const auto& route : ArrayAt(access, "routes")) {
    routes.push_back({{"label", VocabularyLabel(context.vocabularies, "access-routes", StringAt(route, "type"), language)},
                      {"description", PickText(route.value("description", Json()), language)},
                      {"link", Link(StringAt(route, "url"))}});
  }
  Json fees = Json::array();
  for (const auto& fee : ArrayAt(access, "fees")) {
    fees.push_back({{"component", VocabularyLabel(context.vocabularies, "fee-components", StringAt(fee, "component"), language)},
                    {"amount", FeeAmount(fee)},
                    {"unit", VocabularyLabel(context.vocabularies, "fee-units", StringAt(fee, "unit"), language)},
                    {"note", PickText(fee.value("note", Json()), language)}});
  }
  Json linkable = Json::array();
  for (const auto& link : ArrayAt(access, "linkable_datasets")) {
    std::string ref = StringAt(link, "dataset");
    Json item = {{"ref", ref}, {"linkage_key", PickText(link.value("linkage_key", Json()), language)}};
    if (SplitDatasetRef(ref).ok()) item["href"] = WithLang("/datasets/" + ref, language);
    linkable.push_back(std::move(item));
  }
  Json view = {{"routes", routes},
               {"processing_levels", LabelList(context, ArrayAt(access, "processing_levels"), "processing-levels", language)},
               {"legal_basis", PickText(access.value("legal_basis", Json()), language)},
               {"review_body", PickText(access.value("review_body", Json()), language)},
               {"fees", fees},
               {"has_fees", !fees.empty()},
               {"fee_waivers", PickText(access.value("fee_waivers", Json()), language)},
               {"linkable", linkable},
               {"has_linkable", !linkable.empty()},
               {"request", Link(StringAt(access, "request_url"))}};
  if (auto days = access.find("typical_review_days"); days != access.end() && days->is_number_integer()) {
    view["typical_review_days"] = std::to_string(days->get<std::int64_t>());
  }
  return view;
}

Json DistributionsView(const Json& dataset, const std::string& language) {
  Json list = Json::array();
  for (std::string_view key : {"distributions", "analytics", "samples"}) {
    for (const auto& distribution : ArrayAt(dataset, key)) {
      std::string title = PickText(distribution.value("title", Json()), language);
      std::string url = StringAt(distribution, "access_url");
      list.push_back({{"title", title.empty() ? url : title},
                      {"link", Link(url)},
                      {"download", Link(StringAt(distribution, "download_url"))},
                      {"format", StringAt(distribution, "format")},
                      {"media_type", StringAt(distribution, "media_type")},
                      {"description", PickText(distribution.value("description", Json()), language)}});
    }
  }
  return list;
}

Json VersionsView(const PageContext& context, const std::string& holder, const std::string& identifier,
                  const std::string& language) {
  auto versions = context.api.catalog->ListVersions(holder, identifier, api::PageRequest{0, kVersionsShown});
  if (!versions.ok()) return nullptr;
  std::string base = "/datasets/" + holder + "/" + identifier + "/versions";
  Json items = Json::array();
  for (const auto& version : versions->items) {
    items.push_back({{"version", std::to_string(version.value("version", 0))},
                     {"recorded_at", version.value("recorded_at", "")},
                     {"current", version.value("current", false)}});
  }
  Json view = {{"items", items}, {"href", WithLang(base, language)}, {"total", std::to_string(versions->total)}};
  if (items.size() >= 2) {
    view["latest_diff_href"] =
        WithLang(base + "?diff=" + items[1]["version"].get<std::string>() + ".." + items[0]["version"].get<std::string>(),
                 language);
  }
  return view;
}

std::string PeriodText(const Json& temporal, const std::string& language) {
  if (!temporal.is_object()) return "";
  std::string start = StringAt(temporal, "start"), end = StringAt(temporal, "end");
  if (start.empty() && end.empty()) return "";
  return start + " – " + (end.empty() ? (language == "ja" ? "継続中" : "ongoing") : end);
}

}  // namespace

std::string_view FacetVocabulary(std::string_view facet) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kVocabularies = {{
      {"holder_type", "holder-types"},
      {"data_type", "data-types"},
      {"health_category", "health-categories"},
      {"coding_system", "coding-systems"},
      {"update_frequency", "frequencies"},
      {"access_route", "access-routes"},
      {"processing_level", "processing-levels"},
      {"access_rights", "access-rights"},
      {"language", "languages"},
  }};
  for (const auto& [name, vocabulary] : kVocabularies) {
    if (name == facet) return vocabulary;
  }
  return "";
}

std::string FacetValueLabel(const PageContext& context, std::string_view facet, const std::string& value,
                            const std::string& language) {
  if (facet == "holder" && context.api.catalog != nullptr) {
    auto holder = context.api.catalog->GetHolder(value);
    std::string name = holder.ok() ? PickText(holder->value("name", Json()), language) : "";
    return name.empty() ? value : name;
  }
  if (facet == "population_size") {
    std::string key = "population_band_" + value;
    std::string label = context.renderer->Message(language, key);
    return label == key ? value : label;
  }
  return VocabularyLabel(context.vocabularies, FacetVocabulary(facet), value, language);
}

Json DatasetFacts(const PageContext& context, const Json& dataset, const std::string& language) {
  const Json& access = ObjectAt(dataset, "access");
  Json route_codes = Json::array();
  for (const auto& route : ArrayAt(access, "routes")) route_codes.push_back(StringAt(route, "type"));
  Json systems = Json::array();
  for (const auto& code : ArrayAt(dataset, "coding_systems")) {
    if (code.is_string()) systems.push_back(CodingSystemView(context, code.get<std::string>(), language));
  }
  Json facts = {{"data_types_text", JoinLabels(context, ArrayAt(dataset, "data_types"), "data-types", language)},
                {"coding_systems_text", JoinLabels(context, ArrayAt(dataset, "coding_systems"), "coding-systems", language)},
                {"coding_systems", std::move(systems)},
                {"access_routes_text", JoinLabels(context, route_codes, "access-routes", language)},
                {"processing_levels_text",
                 JoinLabels(context, ArrayAt(access, "processing_levels"), "processing-levels", language)},
                {"period", PeriodText(dataset.value("temporal", Json()), language)}};
  std::string frequency = StringAt(ObjectAt(dataset, "update"), "frequency");
  facts["frequency"] = frequency.empty() ? "" : VocabularyLabel(context.vocabularies, "frequencies", frequency, language);
  std::string fees;
  for (const auto& fee : ArrayAt(access, "fees")) {
    std::string amount = FeeAmount(fee);
    if (amount.empty()) continue;
    fees += (fees.empty() ? "" : "; ") +
            VocabularyLabel(context.vocabularies, "fee-components", StringAt(fee, "component"), language) + " " + amount;
  }
  facts["fees_text"] = fees;
  if (auto days = access.find("typical_review_days"); days != access.end() && days->is_number_integer()) {
    facts["typical_review_days"] = std::to_string(days->get<std::int64_t>());
  }
  const Json& statistics = ObjectAt(dataset, "statistics");
  for (std::string_view key : {"number_of_unique_individuals", "number_of_records"}) {
    auto it = statistics.find(std::string(key));
    if (it != statistics.end() && it->is_number_integer()) {
      facts["population_size"] = PublishedCountText(it->get<std::int64_t>(), context.disclosure_threshold);
      facts["population_size_kind"] = context.renderer->Message(language, std::string("stats_") + std::string(key));
      break;
    }
  }
  return facts;
}

HttpResponse DatasetPage(const PageContext& context, const HttpRequest& request) {
  std::string language = ChooseLanguage(request);
  if (Status names = CheckQueryNames(request, {"lang"}); !names.ok()) return HtmlError(context, names.error(), request);
  if (context.api.catalog == nullptr) return HtmlError(context, Unavailable("the catalog is not available"), request);
  const std::string& holder = request.path_param("holder");
  const std::string& identifier = request.path_param("dataset");
  if (auto rdf = RdfRequestedByAccept(request)) {
    exporting::ExportSite site;
    site.base_url = context.base_url;
    site.disclosure_threshold = context.disclosure_threshold;
    return DatasetRdfResponse(context.api.catalog, context.vocabularies, site, holder, identifier, *rdf, request);
  }
  if (!catalog::IsIdentifier(holder) || !catalog::IsIdentifier(identifier)) {
    return HtmlError(context, NotFound("there is no dataset at " + request.path), request);
  }
  auto dataset = context.api.catalog->GetDataset(holder, identifier);
  if (!dataset.ok()) return HtmlError(context, dataset.error(), request);
  auto holder_document = context.api.catalog->GetHolder(holder);
  Json holder_json = holder_document.ok() ? *holder_document : Json();
  auto summary = context.api.catalog->GetDatasetSummary(holder, identifier);

  const Json& document = *dataset;
  std::string ref = holder + "/" + identifier;
  std::string title = PickText(document.value("title", Json()), language);
  Json alternative_titles = Json::array();
  for (const auto& alternative : ArrayAt(document, "alternative_titles")) {
    alternative_titles.push_back(PickText(alternative, language));
  }
  Json keywords = Json::array();
  const Json& keyword_words = ObjectAt(document, "keywords");
  if (auto words = keyword_words.find(language); words != keyword_words.end() && words->is_array()) keywords = *words;

  Json coding_systems = Json::array();
  for (const auto& code : ArrayAt(document, "coding_systems")) {
    if (code.is_string()) coding_systems.push_back(CodingSystemView(context, code.get<std::string>(), language));
  }
  Json code_values = Json::array();
  for (const auto& value : ArrayAt(document, "code_values")) {
    code_values.push_back({{"system", CodingSystemView(context, StringAt(value, "system"), language)["label"]},
                           {"code", StringAt(value, "code")},
                           {"label", PickText(value.value("label", Json()), language)}});
  }

  const Json& population = ObjectAt(document, "population");
  std::string public_id = catalog::DatasetPublicId(holder, identifier);
  exporting::ExportSite site;
  site.base_url = context.base_url;
  site.disclosure_threshold = context.disclosure_threshold;
  exporting::DatasetExport input{public_id, document, holder_json, "", ""};
  std::string jsonld = exporting::ScriptSafeJson(exporting::SchemaOrgDataset(site, context.vocabularies, input, language));

  Json tables = VariablesView(context, document, language);
  Json distributions = DistributionsView(document, language);
  Json data = {{"title", title.empty() ? ref : title},
               {"heading", title.empty() ? ref : title},
               {"ref", ref},
               {"public_id", public_id},
               {"export_href", "/dataset/" + ref},
               {"holder", {{"identifier", holder},
                           {"name", holder_json.is_object() ? PickText(holder_json.value("name", Json()), language) : holder},
                           {"href", WithLang("/holders/" + holder, language)}}},
               {"description", PickText(document.value("description", Json()), language)},
               {"alternative_titles", alternative_titles},
               {"has_alternative_titles", !alternative_titles.empty()},
               {"keywords", keywords},
               {"has_keywords", !keywords.empty()},
               {"access_rights", VocabularyLabel(context.vocabularies, "access-rights", StringAt(document, "access_rights"), language)},
               {"health_categories", JoinLabels(context, ArrayAt(document, "health_categories"), "health-categories", language)},
               {"facts", DatasetFacts(context, document, language)},
               {"population_coverage", PickText(population.value("coverage", Json()), language)},
               {"provenance", PickText(document.value("provenance", Json()), language)},
               {"landing_page", Link(StringAt(document, "landing_page"))},
               {"coding_systems", coding_systems},
               {"has_coding_systems", !coding_systems.empty()},
               {"code_values", code_values},
               {"has_code_values", !code_values.empty()},
               {"tables", tables},
               {"has_tables", !tables.empty()},
               {"update", UpdateView(context, document, language)},
               {"quality", QualityView(context, document, summary.ok() ? *summary : Json(), language)},
               {"statistics", StatisticsView(context, document, language)},
               {"access", AccessView(context, document, language)},
               {"distributions", distributions},
               {"has_distributions", !distributions.empty()},
               {"versions", VersionsView(context, holder, identifier, language)},
               {"jsonld", jsonld},
               {"return_to", WithLang("/datasets/" + ref, language)},
               {"compare_href", WithLang("/compare?ids=" + PercentEncode(ref), language)}};
  // The same URL also answers RDF (RdfRequestedByAccept), so caches must key on Accept.
  return HtmlPage(context, "dataset", language, std::move(data), request, /*with_forms=*/true).with_header("Vary", "Accept");
}

}  // namespace hdcat::web
