#include "catalog/disclosure.h"

#include <algorithm>

namespace hdcat::catalog {

std::optional<std::int64_t> PublishableCount(std::int64_t count, std::int64_t threshold) {
  if (count < std::max<std::int64_t>(threshold, 1)) return std::nullopt;
  return count;
}

}  // namespace hdcat::catalog
