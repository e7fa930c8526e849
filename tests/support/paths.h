// Paths the tests use: the source tree (samples/, schemas/, ../shared) and the
// build tree (the hdcat binary).
#pragma once

#include <string>
#include <string_view>

namespace hdcat::testing {

// Absolute path of `relative` inside the source checkout.
std::string SourcePath(std::string_view relative);
// Absolute path of `relative` inside the build tree.
std::string BinaryPath(std::string_view relative);
// Whole contents of a file; fails the test if it cannot be read.
std::string ReadFile(const std::string& path);

}  // namespace hdcat::testing
