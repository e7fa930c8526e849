// The synthetic harvest source on disk: one folder per source format under a
// benchmark directory, each holding its pages as the loopback server sends
// them, plus the holder descriptions and the list of sources to register.
//
//   DIR/holders/<holder>.json           holder descriptions (hdcat load)
//   DIR/<format>/page-<N>.<ext>         page N (1-based) of that format
//   DIR/<format>/urls.txt               every page URL in order (the baseline reads it)
//   DIR/csv-dictionary/<dataset>.csv    one data dictionary per dataset
//   DIR/sources.txt                     NAME HOLDER FORMAT URL [KEY=VALUE ...], one a line
//
// WriteSource streams: it builds one page, writes it and drops it, so memory
// is bounded by one page whatever the number of datasets. Every format
// publishes its own holder's N datasets, so the sources never compete for
// the same (holder, identifier). The csv-dictionary source re-publishes the
// variables of the native feed's first datasets (in another variant), so
// applying it updates datasets the feed created.
//
// Thread-safety: free functions without shared state.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "bench/harvest/synthetic_catalog.h"

namespace hdcat::bench::harvest {

struct BenchFormat {
  std::string_view format;     // a harvest source format
  std::string_view holder;     // the synthetic holder publishing in it
  std::string_view extension;  // of its page files
  int page_size;
};

// The paged formats, in the order the benchmark runs them.
const std::vector<BenchFormat>& BenchFormats();
inline constexpr std::string_view kDictionaryFormat = "csv-dictionary";

struct SourceSpec {
  std::filesystem::path dir;
  std::string base_url;  // e.g. http://127.0.0.1:8123, no trailing slash
  std::int64_t datasets = 100'000;
  std::int64_t dictionaries = 100;   // csv-dictionary sources (at most `datasets`)
  std::vector<std::string> formats;  // empty = every format
};

// Writes the holders, the pages of the selected formats and sources.txt,
// and checks the first datasets of each holder with catalog::Validator.
Status WriteSource(const SyntheticCatalog& catalog, const SourceSpec& spec);

// The file serving page `page` of `format` (the path the server reads).
std::filesystem::path PageFile(const std::filesystem::path& dir, const BenchFormat& format, std::int64_t page);
const BenchFormat* FindBenchFormat(std::string_view format);

}  // namespace hdcat::bench::harvest
