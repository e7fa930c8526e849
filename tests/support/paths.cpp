#include "tests/support/paths.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace hdcat::testing {

std::string SourcePath(std::string_view relative) { return std::string(HDCAT_SOURCE_DIR) + "/" + std::string(relative); }

std::string BinaryPath(std::string_view relative) { return std::string(HDCAT_BINARY_DIR) + "/" + std::string(relative); }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace hdcat::testing
