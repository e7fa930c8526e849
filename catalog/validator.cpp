#include "catalog/validator.h"

#include <map>

#include "catalog/validation/completeness.h"
#include "catalog/validation/json_schema.h"
#include "catalog/validation/rules.h"
#include "catalog/validation/vocabulary.h"
#include "schemas/resources.h"

namespace hdcat::catalog {

using validation::Findings;
using validation::JsonSchema;
using validation::RuleContext;
using validation::Vocabulary;

struct Validator::Parts {
  JsonSchema dataset;
  JsonSchema holder;
  std::optional<JsonSchema> feed;  // absent when feed.schema.json is not embedded
  RuleContext rules;
};

namespace {

// Loads vocabularies on first use and remembers why one failed to load, so a
// broken vocabulary file is reported as such rather than as "unknown".
class VocabularyCache {
 public:
  explicit VocabularyCache(const Validator::ResourceReader& read) : read_(read) {}

  std::shared_ptr<const Vocabulary> Get(std::string_view name) {
    if (auto it = loaded_.find(name); it != loaded_.end()) return it->second;
    for (char c : name) {
      bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!allowed) return nullptr;
    }
    const std::string path = "vocabularies/" + std::string(name) + ".json";
    auto bytes = read_(path);
    if (!bytes) return nullptr;
    auto json = ParseJson(*bytes);
    if (!json.ok()) {
      failure_ = Internal(path + ": " + json.error().message);
      return nullptr;
    }
    auto vocabulary = Vocabulary::Parse(std::string(name), *json);
    if (!vocabulary.ok()) {
      failure_ = Internal(path + ": " + vocabulary.error().message);
      return nullptr;
    }
    auto shared = std::make_shared<const Vocabulary>(std::move(*vocabulary));
    loaded_.emplace(std::string(name), shared);
    return shared;
  }

  const std::optional<Error>& failure() const { return failure_; }

 private:
  const Validator::ResourceReader& read_;
  std::map<std::string, std::shared_ptr<const Vocabulary>, std::less<>> loaded_;
  std::optional<Error> failure_;
};

Result<JsonSchema> LoadSchema(const Validator::ResourceReader& read, std::string_view path, VocabularyCache& cache) {
  auto bytes = read(path);
  if (!bytes) return Internal("schema " + std::string(path) + " is not embedded in this build");
  auto json = ParseJson(*bytes);
  if (!json.ok()) return Internal(std::string(path) + ": " + json.error().message);
  auto schema = JsonSchema::Compile(path, *json, [&cache](std::string_view name) { return cache.Get(name); });
  if (!schema.ok()) {
    if (cache.failure()) return *cache.failure();
    Error error = schema.error();
    error.kind = ErrorKind::kInternal;
    return error;
  }
  return schema;
}

// Moves the findings into the report, noting when the cap cut them short.
// Checking stops once the cap is reached, so the number left out is unknown.
void MoveFindings(Findings& findings, ValidationReport& report) {
  const std::string limit = std::to_string(findings.limit());
  const bool errors_cut = findings.full() || findings.dropped_errors() > 0;
  const bool warnings_cut = findings.dropped_warnings() > 0;
  report.errors = findings.TakeErrors();
  report.warnings = findings.TakeWarnings();
  if (errors_cut) {
    report.errors.push_back({"", "only the first " + limit + " errors are reported; fix them and validate again",
                             "", ""});
  }
  if (warnings_cut) report.warnings.push_back({"", "only the first " + limit + " warnings are reported", "", ""});
}

}  // namespace

Result<std::shared_ptr<const Validator>> Validator::Load() {
  return LoadFrom([](std::string_view path) { return schemas::Resource(path); });
}

Result<std::shared_ptr<const Validator>> Validator::LoadFrom(const ResourceReader& read) {
  VocabularyCache cache(read);
  auto dataset = LoadSchema(read, "dataset.schema.json", cache);
  if (!dataset.ok()) return dataset.error();
  auto holder = LoadSchema(read, "holder.schema.json", cache);
  if (!holder.ok()) return holder.error();
  std::optional<JsonSchema> feed;
  if (read("feed.schema.json")) {
    auto compiled = LoadSchema(read, "feed.schema.json", cache);
    if (!compiled.ok()) return compiled.error();
    feed = std::move(*compiled);
  }
  auto coding_systems = cache.Get("coding-systems");
  if (cache.failure()) return *cache.failure();
  auto rules = RuleContext::Build(std::move(coding_systems));
  if (!rules.ok()) return Internal("vocabularies/coding-systems.json: " + rules.error().message);
  auto parts = std::make_shared<const Parts>(Parts{std::move(*dataset), std::move(*holder), std::move(feed), std::move(*rules)});
  return std::shared_ptr<const Validator>(new Validator(std::move(parts)));
}

ValidationReport Validator::Validate(DocumentKind kind, const Json& document) const {
  const JsonSchema& schema = kind == DocumentKind::kDataset ? parts_->dataset : parts_->holder;
  Findings findings;
  schema.Validate(document, findings);
  validation::ApplyRules(kind, document, parts_->rules, findings);
  auto completeness = validation::ScoreCompleteness(schema.weighted_fields(), document);

  ValidationReport report;
  MoveFindings(findings, report);
  report.completeness = completeness.score;
  report.grade = std::move(completeness.grade);
  report.items = std::move(completeness.items);
  return report;
}

ValidationReport Validator::ValidateFeedEnvelope(const Json& feed) const {
  Findings findings;
  if (parts_->feed) {
    parts_->feed->Validate(feed, findings);
  } else if (!feed.is_object()) {
    findings.AddError({"", "a feed page must be a JSON object", "an object", ""});
  }
  ValidationReport report;
  MoveFindings(findings, report);
  report.completeness = 100;  // an envelope has nothing to score
  report.grade = validation::GradeFor(report.completeness);
  return report;
}

}  // namespace hdcat::catalog
