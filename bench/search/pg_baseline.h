// PgBaseline: the search benchmark's baseline, the same catalog searched with
// PostgreSQL 15 full-text search the way a competent engineer would build it
// without a search engine:
//   - bench_datasets: one row per dataset with facet columns (text and text[])
//     and a weighted tsvector (title A, names and keywords B, variables C,
//     descriptions D) under the 'simple' configuration, Japanese pre-split
//     into character bigrams and Latin words lower-cased after the same
//     NormalizeText as hdcat, so both engines see the same tokens;
//   - bench_variables: one row per variable with its own tsvector and a
//     text[] of normalised codes (with the prefixes of hierarchical systems);
//   - GIN indexes on every tsvector, code array and array facet, B-trees on
//     scalar facets; loaded with COPY, indexed after loading.
// Words become an AND tsquery ranked by ts_rank; codes an array containment
// over variables and dataset code values; facets are GROUP BY counts, each
// facet without its own filter (as hdcat counts them).
//
// Thread-safety: not thread-safe (one libpq connection).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "base/result.h"
#include "bench/search/query_mix.h"
#include "bench/search/synthetic_catalog.h"
#include "catalog/pg/connection.h"
#include "search/coding_systems.h"

namespace hdcat::bench {

struct PgSizes {
  std::int64_t table_bytes = 0;  // heap and TOAST of both tables
  std::int64_t index_bytes = 0;
};

struct PgAnswer {
  std::int64_t total = 0;
  int hits = 0;
};

class PgBaseline {
 public:
  PgBaseline(std::unique_ptr<pg::Connection> connection, search::CodingSystemTable coding_systems)
      : connection_(std::move(connection)), coding_systems_(std::move(coding_systems)) {}

  // Drops and creates the tables, then streams every dataset in with COPY.
  Status Load(const SyntheticCatalog& catalog);
  // Creates the indexes and runs ANALYZE.
  Status BuildIndexes();
  Result<PgSizes> Sizes();
  // Runs one query: the first `limit` hits and the total, plus facet counts
  // when the query asks for them.
  Result<PgAnswer> Search(const BenchQuery& query, int limit);

 private:
  std::unique_ptr<pg::Connection> connection_;
  search::CodingSystemTable coding_systems_;
};

// Tokens of text as the baseline indexes them: NormalizeText, CJK runs as
// character bigrams (one character alone), other runs as they are.
std::vector<std::string> BaselineTokens(std::string_view text);

}  // namespace hdcat::bench
