// Helpers for comparing RDF in tests: N-Triples lines with blank node labels
// replaced by "_:B" (so graphs from different parsers compare), as a sorted multiset.
#pragma once

#include <algorithm>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace hdcat::testing {

inline std::vector<std::string> NormalisedNTriples(const std::string& ntriples) {
  static const std::regex blank("_:[A-Za-z0-9_-]+");
  std::vector<std::string> lines;
  std::istringstream in(ntriples);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    lines.push_back(std::regex_replace(line, blank, "_:B"));
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

}  // namespace hdcat::testing
