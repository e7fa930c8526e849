#include "web/pages/bar_chart.h"

#include <algorithm>

#include "web/pages/html_text.h"

namespace hdcat::web {
namespace {

constexpr int kWidth = 640;
constexpr int kLabelWidth = 170;
constexpr int kValueWidth = 90;
constexpr int kBarHeight = 18;
constexpr int kGap = 6;
constexpr int kTop = 8;

}  // namespace

std::string BarChartSvg(const std::vector<ChartBar>& bars, std::string_view title, std::string_view id) {
  std::int64_t largest = 1;
  for (const auto& bar : bars) {
    if (bar.value) largest = std::max(largest, *bar.value);
  }
  const int plot_width = kWidth - kLabelWidth - kValueWidth;
  const int height = kTop * 2 + static_cast<int>(bars.size()) * (kBarHeight + kGap);
  std::string title_id = EscapeHtml(std::string(id) + "-title");
  std::string svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " +
                    std::to_string(kWidth) + " " + std::to_string(height) + "\" aria-labelledby=\"" + title_id +
                    "\"><title id=\"" + title_id + "\">" + EscapeHtml(title) + "</title>";
  int y = kTop;
  for (const auto& bar : bars) {
    std::string text_y = std::to_string(y + kBarHeight - 5);
    svg += "<text class=\"chart-label\" x=\"" + std::to_string(kLabelWidth - 6) + "\" y=\"" + text_y +
           "\" text-anchor=\"end\">" + EscapeHtml(bar.label) + "</text>";
    if (bar.value) {
      int length = static_cast<int>(static_cast<double>(*bar.value) / static_cast<double>(largest) * plot_width);
      svg += "<rect class=\"chart-bar\" x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(y) +
             "\" width=\"" + std::to_string(std::max(length, 1)) + "\" height=\"" + std::to_string(kBarHeight) +
             "\" fill=\"#0b5cad\"/>";
      svg += "<text class=\"chart-value\" x=\"" + std::to_string(kLabelWidth + std::max(length, 1) + 4) +
             "\" y=\"" + text_y + "\">" + EscapeHtml(bar.value_text) + "</text>";
    } else {
      svg += "<rect class=\"chart-suppressed\" x=\"" + std::to_string(kLabelWidth) + "\" y=\"" +
             std::to_string(y) + "\" width=\"12\" height=\"" + std::to_string(kBarHeight) +
             "\" fill=\"none\" stroke=\"#57606a\" stroke-dasharray=\"3 2\"/>";
      svg += "<text class=\"chart-value\" x=\"" + std::to_string(kLabelWidth + 16) + "\" y=\"" + text_y + "\">" +
             EscapeHtml(bar.value_text) + "</text>";
    }
    y += kBarHeight + kGap;
  }
  svg += "</svg>";
  return svg;
}

}  // namespace hdcat::web
