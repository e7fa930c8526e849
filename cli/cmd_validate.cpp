#include <cstdio>

#include "cli/commands.h"

namespace hdcat::cli {

int RunValidate(int, char**) {
  std::fprintf(stderr, "hdcat validate: not built yet\n");
  return 2;
}

}  // namespace hdcat::cli
