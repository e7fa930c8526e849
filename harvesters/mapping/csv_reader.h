// CSV parsing per RFC 4180: quoted fields with "" escapes and embedded
// commas and line breaks, CRLF or LF line ends, an optional UTF-8 BOM, and a
// final line with or without a line break. Input must already be UTF-8.
// A quote that never closes, or text after a closing quote, is an error that
// names the line.
//
// Thread-safety: free functions without shared state.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace hdcat::harvesters::mapping {

using CsvRow = std::vector<std::string>;

struct CsvLimits {
  std::size_t max_rows = 200000;
  std::size_t max_fields = 1000;
};

// Rows with their 1-based starting line numbers.
struct CsvTable {
  std::vector<CsvRow> rows;
  std::vector<std::size_t> lines;
};

Result<CsvTable> ParseCsv(std::string_view text, const CsvLimits& limits = {});

}  // namespace hdcat::harvesters::mapping
