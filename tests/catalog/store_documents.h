// Small valid holder and dataset descriptions for the store tests, and a
// fingerprint of every catalog table to prove that a failed write changed nothing.
#pragma once

#include <string>

#include "base/json.h"
#include "tests/support/pg_fixture.h"

namespace hdcat::testing {

inline Json HolderDocument(const std::string& identifier) {
  return {{"identifier", identifier},
          {"name", {{"ja", "保有者 " + identifier}, {"en", "Holder " + identifier}}},
          {"holder_type", "public_agency"}};
}

inline Json DatasetDocument(const std::string& holder, const std::string& identifier) {
  return {{"identifier", identifier},
          {"holder", holder},
          {"title", {{"ja", "データセット " + identifier}, {"en", "Dataset " + identifier}}},
          {"description", {{"ja", "説明"}, {"en", "A description."}}},
          {"access_rights", "RESTRICTED"},
          {"health_categories", {"EHRS"}},
          {"access", {{"routes", {{{"type", "onsite"}}}}}},
          {"has_structured_data", false}};
}

// Row count and an md5 of every row, ordered, of each catalog table: equal
// fingerprints mean equal contents.
inline std::string CatalogFingerprint(const TestDatabase& db) {
  std::string out;
  for (const char* table : {"holders", "datasets", "dataset_versions", "catalog_changes", "audit_log"}) {
    out += std::string(table) + ":" +
           db.Scalar(std::string("SELECT count(*) || '/' || coalesce(md5(string_agg(t::text, '|' ORDER BY t.id)), '-')"
                                 " FROM ") +
                     table + " t") +
           "\n";
  }
  return out;
}

}  // namespace hdcat::testing
