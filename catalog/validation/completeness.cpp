#include "catalog/validation/completeness.h"

#include <algorithm>

namespace hdcat::catalog::validation {
namespace {

// Follows an RFC 6901 pointer through objects only; nullptr when absent.
const Json* Find(const Json& document, const std::string& pointer) {
  const Json* current = &document;
  std::size_t pos = 1;
  while (pos <= pointer.size() && !pointer.empty()) {
    std::size_t end = pointer.find('/', pos);
    if (end == std::string::npos) end = pointer.size();
    std::string token;
    for (std::size_t i = pos; i < end; ++i) {
      if (pointer[i] == '~' && i + 1 < end) {
        token += pointer[i + 1] == '1' ? '/' : '~';
        ++i;
      } else {
        token += pointer[i];
      }
    }
    if (!current->is_object()) return nullptr;
    auto it = current->find(token);
    if (it == current->end()) return nullptr;
    current = &*it;
    pos = end + 1;
  }
  return current;
}

}  // namespace

bool IsPresent(const Json& value) {
  if (value.is_null()) return false;
  if (value.is_string()) return !value.get_ref<const std::string&>().empty();
  if (value.is_array()) return std::any_of(value.begin(), value.end(), [](const Json& item) { return IsPresent(item); });
  if (value.is_object()) return std::any_of(value.begin(), value.end(), [](const Json& item) { return IsPresent(item); });
  return true;
}

std::string GradeFor(double score) {
  if (score >= 85) return "A";
  if (score >= 70) return "B";
  if (score >= 50) return "C";
  return "D";
}

CompletenessResult ScoreCompleteness(const std::vector<WeightedField>& fields, const Json& document) {
  CompletenessResult result;
  double total = 0;
  double present = 0;
  for (const auto& field : fields) {
    const Json* value = Find(document, field.pointer);
    bool is_present = value != nullptr && IsPresent(*value);
    result.items.push_back({field.pointer, field.weight, is_present});
    total += field.weight;
    if (is_present) present += field.weight;
  }
  result.score = total > 0 ? 100.0 * present / total : 100.0;
  result.grade = GradeFor(result.score);
  return result;
}

}  // namespace hdcat::catalog::validation
