// BarChartSvg: a horizontal bar chart as inline SVG, drawn on the server so
// that statistics need no script.
//
// Bars carry already disclosure-controlled values: a bar whose `value` is
// nullopt is suppressed and drawn as an empty outline labelled with
// `value_text` (e.g. "<10"), never with a length that would reveal the count.
// Every label is HTML-escaped here. The SVG has role="img" and an
// aria-labelledby title; the numbers are also given as a table by the page,
// so the chart is decoration for sighted readers.
//
// Thread-safety: pure function.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hdcat::web {

struct ChartBar {
  std::string label;
  std::optional<std::int64_t> value;  // nullopt = suppressed
  std::string value_text;             // what is written beside the bar
};

// `id` must be unique in the page (used for the title element's id).
std::string BarChartSvg(const std::vector<ChartBar>& bars, std::string_view title, std::string_view id);

}  // namespace hdcat::web
