// DocumentBuilder: turns one dataset description (schemas/MODEL.md) and its
// holder into the Xapian documents of the search index: one for the dataset
// and one per variable, laid out as search/index_schema.h says.
//
// All text passes through NormalizeText first. Japanese (and any non-English)
// text is indexed with CJK n-grams and no stemming; English text also gets
// English stems. Fields are weighted title > names > keywords > variables >
// descriptions. Codes from variables' example_codes, code_values and
// statistics.codes become exact boolean terms, with every prefix of length
// >= 3 for hierarchical systems.
//
// Thread-safety: a DocumentBuilder is immutable after construction, but
// Xapian's TermGenerator is not thread-safe, so Build() creates its own; one
// builder may be shared by threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "base/json.h"
#include "base/result.h"
#include "search/coding_systems.h"

namespace hdcat::search {

struct IndexedDataset {
  std::string public_id;  // the catalog's stable id, "ds-…" (catalog/model.h)
  std::string ref;        // "<holder>/<identifier>"
  Xapian::Document dataset;
  std::vector<Xapian::Document> variables;
  std::string english_text;  // words for the spelling dictionary ("did you mean")
};

struct BuildOptions {
  // Completeness score 0..100 from the validator, when known; the quality
  // grade facet is derived from it (A >= 85, B >= 70, C >= 50, D).
  std::optional<double> completeness;
  // Overrides the grade computed from `completeness`.
  std::optional<std::string> quality_grade;
  // When the catalog stored the current and the first version (RFC 3339
  // UTC; "" = unknown), for the CKAN API's metadata_modified / _created.
  std::string stored_at;
  std::string first_stored_at;
};

// The grade of a completeness score, with the validator's thresholds.
std::string QualityGrade(double completeness);

// The facet bucket of a population size (number of individuals or records).
std::string PopulationBucket(std::optional<double> size);

class DocumentBuilder {
 public:
  explicit DocumentBuilder(CodingSystemTable coding_systems) : coding_systems_(std::move(coding_systems)) {}

  // `holder` may be null when the holder is unknown. Fails only when the
  // dataset lacks its identifier or holder.
  Result<IndexedDataset> Build(const Json& dataset, const Json& holder, const BuildOptions& options = {}) const;

  const CodingSystemTable& coding_systems() const { return coding_systems_; }

 private:
  CodingSystemTable coding_systems_;
};

// A period bound as a sortable "YYYY-MM-DD": "2024" -> "2024-01-01" as a
// start, "2024-12-31" as an end; "2024-03" likewise; "" when unreadable.
std::string PeriodBound(const std::string& date, bool end);

// The catalog's public id of a dataset description ("ds-…", see
// catalog/model.h); fails when the identifier or holder is missing.
Result<std::string> DatasetPublicId(const Json& dataset);

}  // namespace hdcat::search
