#include "catalog/store/json_diff.h"

#include <algorithm>

namespace hdcat::catalog {
namespace {

void Diff(const Json& from, const Json& to, const std::string& path, std::vector<JsonChange>* out) {
  if (from == to) return;
  if (from.is_object() && to.is_object()) {
    // Both key sets are sorted (nlohmann::json keeps objects in a std::map): merge them.
    auto a = from.begin();
    auto b = to.begin();
    while (a != from.end() || b != to.end()) {
      if (b == to.end() || (a != from.end() && a.key() < b.key())) {
        out->push_back({JsonChange::Op::kRemove, path + "/" + JsonPointerToken(a.key()), *a, nullptr});
        ++a;
      } else if (a == from.end() || b.key() < a.key()) {
        out->push_back({JsonChange::Op::kAdd, path + "/" + JsonPointerToken(b.key()), nullptr, *b});
        ++b;
      } else {
        Diff(*a, *b, path + "/" + JsonPointerToken(a.key()), out);
        ++a;
        ++b;
      }
    }
    return;
  }
  if (from.is_array() && to.is_array()) {
    std::size_t common = std::min(from.size(), to.size());
    for (std::size_t i = 0; i < common; ++i) Diff(from[i], to[i], path + "/" + std::to_string(i), out);
    for (std::size_t i = from.size(); i > common; --i) {
      out->push_back({JsonChange::Op::kRemove, path + "/" + std::to_string(i - 1), from[i - 1], nullptr});
    }
    for (std::size_t i = common; i < to.size(); ++i) {
      out->push_back({JsonChange::Op::kAdd, path + "/" + std::to_string(i), nullptr, to[i]});
    }
    return;
  }
  out->push_back({JsonChange::Op::kReplace, path, from, to});
}

}  // namespace

std::string_view JsonChangeOpName(JsonChange::Op op) {
  switch (op) {
    case JsonChange::Op::kAdd: return "add";
    case JsonChange::Op::kRemove: return "remove";
    case JsonChange::Op::kReplace: return "replace";
  }
  return "replace";
}

std::vector<JsonChange> DiffJson(const Json& from, const Json& to) {
  std::vector<JsonChange> out;
  Diff(from, to, "", &out);
  return out;
}

Json ToJsonPatch(const std::vector<JsonChange>& changes) {
  Json patch = Json::array();
  for (const auto& change : changes) {
    Json op = {{"op", JsonChangeOpName(change.op)}, {"path", change.path}};
    if (change.op != JsonChange::Op::kRemove) op["value"] = change.new_value;
    patch.push_back(std::move(op));
  }
  return patch;
}

}  // namespace hdcat::catalog
