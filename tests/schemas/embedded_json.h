// Test helpers that read the JSON files embedded from schemas/: one parsed
// document by path, and every vocabulary keyed by its file stem.
//
// Contract: a missing or unparsable file fails the calling test (Catch2 REQUIRE),
// because every later check depends on it.
//
// Thread-safety: stateless; tests run single-threaded.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "base/json.h"

namespace hdcat::testing {

// The parsed embedded file at `path` (relative to schemas/).
Json EmbeddedJson(std::string_view path);

// Every vocabulary in vocabularies/ except synonyms.json, keyed by file stem
// ("coding-systems").
std::map<std::string, Json> EmbeddedVocabularies();

// The concept with `code` in `vocabulary`, or nullptr.
const Json* FindConcept(const Json& vocabulary, std::string_view code);

}  // namespace hdcat::testing
