// SyntheticCatalog: a national-scale catalog for the search benchmark,
// generated on demand and deterministically from a seed.
//
// Dataset i is a pure function of (seed, i): a valid dataset description
// (schemas/dataset.schema.json) about one main disease, with Japanese and
// English text from bench/search/medical_terms.h, a data dictionary of about
// `variables_per_dataset` variables in tables of patients, diagnoses,
// laboratory results, prescriptions and procedures, and codes that follow the
// patterns of ICD-10, JLAC10, YJ, MEDIS, HOT and the fee schedule. Datasets are
// spread over `holders` holders (a few large, many small) and over every
// value of every facet. Nothing but the sorted list of public ids is held in
// memory, so the catalog can be streamed into an index or a database.
//
// As a search::CatalogSource it lists datasets in public-id order and has an
// empty change log.
//
// Thread-safety: immutable after construction; the const generators may be
// called from any thread. The CatalogSource methods follow that interface
// (one thread per source).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/json.h"
#include "bench/search/medical_terms.h"
#include "search/catalog_source.h"

namespace hdcat::bench {

// splitmix64: small, fast and the same on every platform, so a seed always
// yields the same catalog.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next();
  // Uniform in [0, bound); bound > 0.
  std::size_t Below(std::size_t bound) { return static_cast<std::size_t>(Next() % bound); }
  double Unit() { return static_cast<double>(Next() >> 11) / 9007199254740992.0; }
  bool Chance(double probability) { return Unit() < probability; }
  template <typename T>
  const T& Pick(std::span<const T> items) {
    return items[Below(items.size())];
  }

 private:
  std::uint64_t state_;
};

// Codes as the generator writes them; the query mix draws from the same
// functions so that code queries find data.
std::string Icd10Code(Rng& rng, const CodedTerm& disease);          // E11.9
std::string Jlac10Code(Rng& rng, const LabTerm& test);              // 3D046000001927101
std::string YjCode(Rng& rng, const CodedTerm& drug);                // 3962002F1024
std::string MedisCode(Rng& rng, const CodedTerm& disease);          // 4 characters
std::string Hot9Code(Rng& rng, const CodedTerm& drug);              // 9 digits
std::string FeeScheduleCode(Rng& rng, const CodedTerm& procedure);  // K549-2

// The values the catalog uses for a facet (index_schema.h names) other than
// holder; empty for facets it does not fill.
std::vector<std::string> FacetValuesOf(std::string_view facet);

struct CatalogShape {
  std::uint64_t seed = 20240601;
  std::int64_t datasets = 100000;
  int variables_per_dataset = 50;
  int holders = 200;
};

class SyntheticCatalog : public search::CatalogSource {
 public:
  explicit SyntheticCatalog(CatalogShape shape);

  const CatalogShape& shape() const { return shape_; }
  std::string HolderId(int holder) const;
  Json Holder(int holder) const;
  Json Dataset(std::int64_t index) const;
  // The quality grade the catalog assigns to dataset `index` (A-D).
  std::string QualityGradeOf(std::int64_t index) const;
  int HolderOf(std::int64_t index) const;

  Result<std::int64_t> LatestChangeId() override { return std::int64_t{0}; }
  Result<std::vector<search::CatalogChange>> ChangesAfter(std::int64_t, int) override {
    return std::vector<search::CatalogChange>{};
  }
  Result<std::vector<search::CatalogEntry>> ListDatasets(const std::string& after_public_id, int limit) override;
  Result<std::optional<search::CatalogEntry>> GetDataset(const std::string& public_id) override;
  Result<std::optional<Json>> GetHolder(const std::string& holder_id) override;

 private:
  search::CatalogEntry Entry(std::int64_t index) const;
  std::uint64_t DatasetSeed(std::int64_t index) const;

  CatalogShape shape_;
  std::vector<std::pair<std::string, std::int64_t>> by_public_id_;  // sorted
  std::map<std::string, int> holder_index_;
};

}  // namespace hdcat::bench
