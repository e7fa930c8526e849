// SearchVocabulary: the maintained word lists the search uses, loaded once
// from the files compiled into the binary (schemas/vocabularies/): synonyms
// for query expansion and coding systems for code recognition and
// hierarchical code terms.
//
// Thread-safety: immutable; share one instance (shared_ptr<const>) freely.
#pragma once

#include <memory>

#include "base/result.h"
#include "search/coding_systems.h"
#include "search/synonyms.h"

namespace hdcat::search {

struct SearchVocabulary {
  SynonymTable synonyms;
  CodingSystemTable coding_systems;

  static Result<std::shared_ptr<const SearchVocabulary>> LoadEmbedded();
};

}  // namespace hdcat::search
