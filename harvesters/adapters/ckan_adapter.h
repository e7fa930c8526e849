// The CKAN adapter: package_search of the Action API, paged with rows/start
// over the stable sort `id asc` (edits during the gather do not move
// packages between pages), incremental with
// fq=metadata_modified:[X TO *]. The response envelope is checked
// (`success`, `result.count`, `result.results`); a count that changes between
// pages means the source changed under the gather, which then ends
// incomplete so that no deletion is inferred from it.
//
// `endpoint` is the site root (…/api/3/action/package_search is appended) or
// the package_search URL itself. Options: "page_size" (default 100, at most
// 1000), "default_language" (default "ja"), "fq" (an extra filter).
//
// Thread-safety: as RecordStream.
#pragma once

#include <memory>

#include "harvesters/adapters/record_stream.h"

namespace hdcat::harvesters {

std::unique_ptr<RecordStream> OpenCkanStream(const SourceConfig& config, const HttpClient& client);

// The package_search URL for one page.
std::string CkanSearchUrl(const SourceConfig& config, long start, long rows);

}  // namespace hdcat::harvesters
