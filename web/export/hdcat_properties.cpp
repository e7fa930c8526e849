// What HealthDCAT-AP has no property for, in the hdcat namespace: access
// conditions (processing levels, review, fees, linkable datasets), declared
// quality and quality checks, statistics tables (each count under disclosure
// control), the free `extensions` object and the whole publishable document
// (`hdcat:document`, canonical JSON).
#include "web/export/dataset_builder.h"
#include "web/export/publishable_document.h"

namespace hdcat::web::exporting::detail {
namespace {

const Json* Get(const Json& object, std::string_view key) { return DatasetBuilder::Member(object, key); }

template <typename F>
void ForEach(const Json& object, std::string_view key, F each) {
  const Json* list = Get(object, key);
  if (!list || !list->is_array()) return;
  for (const Json& item : *list) {
    if (item.is_object() || item.is_string()) each(item);
  }
}

Term H(std::string_view local) { return Name(ns::kHdcat, local); }

void AddAccess(DatasetBuilder& b) {
  const Json* access = Get(b.doc, "access");
  if (!access) return;
  ForEach(*access, "processing_levels", [&](const Json& level) { b.AddPlain(b.dataset, H("processingLevel"), &level); });
  b.AddLangText(b.dataset, H("legalBasis"), Get(*access, "legal_basis"));
  b.AddLangText(b.dataset, H("reviewBody"), Get(*access, "review_body"));
  b.AddNonNegative(b.dataset, H("typicalReviewDays"), Get(*access, "typical_review_days"));
  b.AddUrl(b.dataset, H("requestURL"), Get(*access, "request_url"));
  b.AddLangText(b.dataset, H("feeWaivers"), Get(*access, "fee_waivers"));
  int n = 0;
  ForEach(*access, "fees", [&](const Json& fee) {
    Term node = b.Part("fee-" + std::to_string(++n));
    b.Add(b.dataset, H("fee"), node);
    b.Type(node, ns::kHdcat, "Fee");
    b.AddPlain(node, H("feeComponent"), Get(fee, "component"));
    if (const Json* amount = Get(fee, "amount_jpy"); amount && amount->is_number()) {
      b.AddTyped(node, H("amountJPY"), amount, amount->is_number_integer() ? "integer" : "decimal");
    }
    b.AddPlain(node, H("feeUnit"), Get(fee, "unit"));
    b.AddLangText(node, Name(ns::kRdfs, "comment"), Get(fee, "note"));
  });
  ForEach(*access, "linkable_datasets", [&](const Json& link) {
    const Json* target = Get(link, "dataset");
    if (!target || !target->is_string()) return;
    auto iri = b.DatasetReference(target->get<std::string>());
    if (!iri) return;
    Term node = b.graph.NewBlank();
    b.Add(b.dataset, H("linkableDataset"), node);
    b.Type(node, ns::kHdcat, "Linkage");
    b.Add(node, H("dataset"), *iri);
    b.AddLangText(node, H("linkageKey"), Get(link, "linkage_key"));
  });
}

void AddQuality(DatasetBuilder& b) {
  const Json* quality = Get(b.doc, "quality");
  if (!quality) return;
  int n = 0;
  ForEach(*quality, "declared", [&](const Json& declared) {
    Term node = b.Part("quality-" + std::to_string(++n));
    b.Add(b.dataset, H("declaredQuality"), node);
    b.Type(node, ns::kHdcat, "DeclaredQuality");
    b.AddPlain(node, H("qualityGroup"), Get(declared, "group"));
    b.AddPlain(node, H("qualityDimension"), Get(declared, "dimension"));
    b.AddPlain(node, H("value"), Get(declared, "value"));
    b.AddLangText(node, Name(ns::kRdfs, "comment"), Get(declared, "note"));
  });
  n = 0;
  ForEach(*quality, "checks", [&](const Json& check) {
    Term node = b.Part("check-" + std::to_string(++n));
    b.Add(b.dataset, H("qualityCheck"), node);
    b.Type(node, ns::kHdcat, "QualityCheck");
    b.AddPlain(node, Name(ns::kRdfs, "label"), Get(check, "name"));
    b.AddPlain(node, H("checkCategory"), Get(check, "category"));
    b.AddPlain(node, H("value"), Get(check, "value"));
    b.AddPlain(node, H("threshold"), Get(check, "threshold"));
    if (const Json* passed = Get(check, "passed"); passed && passed->is_boolean()) {
      b.AddTyped(node, H("passed"), passed, "boolean");
    }
    b.AddDate(node, H("checkedAt"), Get(check, "checked_at"));
    if (!b.AddLangText(node, Name(ns::kRdfs, "comment"), Get(check, "note"))) {
      b.AddPlain(node, Name(ns::kRdfs, "comment"), Get(check, "note"));
    }
  });
}

// One statistics table: a node per cell with its keys and a controlled count.
void AddCells(DatasetBuilder& b, const Term& statistics, const Json& stats, std::string_view key,
              std::string_view fragment, std::initializer_list<std::pair<const char*, const char*>> keys) {
  int n = 0;
  ForEach(stats, key, [&](const Json& cell) {
    Term node = b.Part(std::string(fragment) + "-" + std::to_string(++n));
    b.Add(statistics, H("cell"), node);
    b.Type(node, ns::kHdcat, "StatisticsCell");
    b.Add(node, H("table"), Term::Literal(key));
    for (const auto& [field, local] : keys) b.AddPlain(node, H(local), Get(cell, field));
    b.AddCount(node, H("count"), Get(cell, "count"));
  });
}

void AddStatistics(DatasetBuilder& b) {
  const Json* stats = Get(b.doc, "statistics");
  if (!stats || !stats->is_object()) return;
  Term statistics = b.Part("statistics");
  b.Add(b.dataset, H("statistics"), statistics);
  b.Type(statistics, ns::kHdcat, "Statistics");
  b.AddDate(statistics, H("asOf"), Get(*stats, "as_of"));
  AddCells(b, statistics, *stats, "age_sex", "age-sex", {{"age_band", "ageBand"}, {"sex", "sex"}});
  AddCells(b, statistics, *stats, "prefectures", "prefecture", {{"code", "prefecture"}});
  AddCells(b, statistics, *stats, "codes", "code", {{"system", "codingSystemCode"}, {"code", "code"}});
  AddCells(b, statistics, *stats, "per_year", "year", {{"year", "year"}});
}

}  // namespace

void AddHdcatProperties(DatasetBuilder& b) {
  AddAccess(b);
  AddQuality(b);
  AddStatistics(b);
  if (const Json* extensions = Get(b.doc, "extensions"); extensions && extensions->is_object() && !extensions->empty()) {
    b.Add(b.dataset, H("extensions"), Term::Literal(CanonicalJson(*extensions)));
  }
  // The whole description, so that an hdcat harvester gets back what the
  // holder wrote, including what no standard property carries exactly.
  b.Add(b.dataset, H("document"),
        Term::Literal(CanonicalJson(PublishableDocument(b.doc, b.site.disclosure_threshold))));
}

}  // namespace hdcat::web::exporting::detail
