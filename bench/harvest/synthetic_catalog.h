// SyntheticCatalog: deterministic holder and dataset descriptions for the
// harvest benchmark.
//
// Dataset `index` of a holder is a pure function of (seed, holder, index,
// variant): the same arguments always give the same document, so a source
// can be written one page at a time and never held whole in memory, and a
// second run of the benchmark sees exactly the same bytes. Each dataset has
// Japanese and English titles, descriptions and keywords composed from
// realistic parts (disease areas, data kinds, prefectures, fiscal years) and
// 40 variables in 4 tables; coded variables name a coding system of
// schemas/vocabularies/coding-systems.json and carry that system's own
// example codes. Every document is valid against schemas/*.schema.json
// (the generator checks a sample of them with catalog::Validator).
// `variant` changes the variables' descriptions only, so a data dictionary
// of another variant updates a dataset without changing its identity.
//
// Thread-safety: immutable after Load(); may be shared.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/result.h"

namespace hdcat::bench::harvest {

inline constexpr int kVariablesPerDataset = 40;

class SyntheticCatalog {
 public:
  // Reads the coding systems and prefectures from the embedded vocabularies.
  static Result<SyntheticCatalog> Load(std::uint64_t seed);

  Json Holder(std::string_view identifier) const;
  Json Dataset(std::string_view holder, std::int64_t index, int variant = 0) const;
  static std::string DatasetIdentifier(std::int64_t index);

 private:
  struct CodingSystem {
    std::string code;
    std::vector<std::string> examples;
  };
  struct Prefecture {
    std::string code, ja, en;
  };

  std::uint64_t seed_ = 0;
  std::vector<CodingSystem> coding_systems_;  // only systems that list example codes
  std::vector<Prefecture> prefectures_;
};

}  // namespace hdcat::bench::harvest
