// JSON diff: exact operations for typical description edits, and the
// property that the diff, applied as an RFC 6902 patch, turns `from` into `to`.
#include <catch2/catch.hpp>

#include "catalog/store/json_diff.h"

namespace hdcat::catalog {
namespace {

struct Case {
  const char* name;
  const char* from;
  const char* to;
  const char* expected;  // [[op, path, old, new], ...]
};

const Case kCases[] = {
    {"equal documents", R"({"a":1,"b":[1,2]})", R"({"b":[1,2],"a":1})", "[]"},
    {"changed scalar", R"({"title":{"ja":"旧","en":"old"}})", R"({"title":{"ja":"旧","en":"new"}})",
     R"([["replace","/title/en","old","new"]])"},
    {"added and removed keys", R"({"a":1,"b":2})", R"({"b":2,"c":3})",
     R"([["remove","/a",1,null],["add","/c",null,3]])"},
    {"array grows", R"({"k":["x"]})", R"({"k":["x","y","z"]})",
     R"([["add","/k/1",null,"y"],["add","/k/2",null,"z"]])"},
    {"array shrinks, highest index first", R"({"k":["x","y","z"]})", R"({"k":["x"]})",
     R"([["remove","/k/2","z",null],["remove","/k/1","y",null]])"},
    {"element changed inside an array of objects", R"({"v":[{"name":"age","unit":"a"}]})",
     R"({"v":[{"name":"age","unit":"year"}]})", R"([["replace","/v/0/unit","a","year"]])"},
    {"type change is one replace", R"({"x":{"a":1}})", R"({"x":[1]})", R"([["replace","/x",{"a":1},[1]]])"},
    {"keys needing escapes", R"({"a/b":1,"m~n":1})", R"({"a/b":2,"m~n":1})", R"([["replace","/a~1b",1,2]])"},
    {"whole documents of different types", R"([1])", R"({"a":1})", R"([["replace","",[1],{"a":1}]])"},
    {"nested removal of an object", R"({"a":{"b":{"c":1}},"z":0})", R"({"a":{},"z":0})",
     R"([["remove","/a/b",{"c":1},null]])"},
};

Json AsTable(const std::vector<JsonChange>& changes) {
  Json out = Json::array();
  for (const auto& change : changes) {
    out.push_back({JsonChangeOpName(change.op), change.path, change.old_value, change.new_value});
  }
  return out;
}

TEST_CASE("diff lists the expected changes", "[json_diff]") {
  for (const auto& c : kCases) {
    INFO(c.name);
    auto changes = DiffJson(Json::parse(c.from), Json::parse(c.to));
    CHECK(AsTable(changes) == Json::parse(c.expected));
  }
}

TEST_CASE("diff applied as a JSON patch reproduces the target", "[json_diff]") {
  for (const auto& c : kCases) {
    INFO(c.name);
    Json from = Json::parse(c.from);
    Json to = Json::parse(c.to);
    CHECK(from.patch(ToJsonPatch(DiffJson(from, to))) == to);
    CHECK(to.patch(ToJsonPatch(DiffJson(to, from))) == from);
  }
}

}  // namespace
}  // namespace hdcat::catalog
