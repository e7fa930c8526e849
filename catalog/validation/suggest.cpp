#include "catalog/validation/suggest.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace hdcat::catalog::validation {
namespace {

// Words longer than this get no edit-distance suggestion: the quadratic cost is
// not worth it and no vocabulary code is that long.
constexpr std::size_t kMaxSuggestLength = 128;

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string AsciiLowerCopy(std::string_view word) {
  std::string out(word);
  std::transform(out.begin(), out.end(), out.begin(), AsciiLower);
  return out;
}

// Splits UTF-8 into code points; a stray byte counts as one unit, which is
// good enough for a distance.
std::vector<std::uint32_t> CodePoints(std::string_view text) {
  std::vector<std::uint32_t> out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (i + len > text.size()) len = 1;
    std::uint32_t cp = 0;
    for (std::size_t k = 0; k < len; ++k) cp = (cp << 8) | static_cast<unsigned char>(text[i + k]);
    out.push_back(cp);
    i += len;
  }
  return out;
}

}  // namespace

std::size_t EditDistance(std::string_view a, std::string_view b) {
  auto x = CodePoints(a);
  auto y = CodePoints(b);
  // Three rows of the optimal-string-alignment table: two-back, previous, current.
  std::vector<std::size_t> before(y.size() + 1), previous(y.size() + 1), current(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);  // two neighbours swapped
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[y.size()];
}

std::string NormalizeForMatch(std::string_view word) {
  std::string out;
  for (char c : word) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
      out += c;
    } else if (c >= 'A' && c <= 'Z') {
      out += AsciiLower(c);
    }
  }
  return out;
}

std::optional<std::string> Closest(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.empty() || candidates.empty()) return std::nullopt;
  const std::string lower = AsciiLowerCopy(word);
  for (const auto& candidate : candidates) {
    if (AsciiLowerCopy(candidate) == lower) return candidate;
  }
  const std::string normalized = NormalizeForMatch(word);
  if (!normalized.empty()) {
    for (const auto& candidate : candidates) {
      if (NormalizeForMatch(candidate) == normalized) return candidate;
    }
  }
  if (word.size() > kMaxSuggestLength) return std::nullopt;
  std::size_t best = std::numeric_limits<std::size_t>::max();
  const std::string* best_candidate = nullptr;
  for (const auto& candidate : candidates) {
    if (candidate.size() > kMaxSuggestLength) continue;
    std::size_t distance = EditDistance(lower, AsciiLowerCopy(candidate));
    if (distance < best) {
      best = distance;
      best_candidate = &candidate;
    }
  }
  // One edit per three characters, at least one and at most three.
  const std::size_t bound = std::clamp<std::size_t>(CodePoints(word).size() / 3, 1, 3);
  if (best_candidate == nullptr || best > bound) return std::nullopt;
  return *best_candidate;
}

}  // namespace hdcat::catalog::validation
