#include "search/search_vocabulary.h"

namespace hdcat::search {

Result<std::shared_ptr<const SearchVocabulary>> SearchVocabulary::LoadEmbedded() {
  auto synonyms = SynonymTable::LoadEmbedded();
  if (!synonyms.ok()) return synonyms.error();
  auto coding_systems = CodingSystemTable::LoadEmbedded();
  if (!coding_systems.ok()) return coding_systems.error();
  auto vocabulary = std::make_shared<SearchVocabulary>();
  vocabulary->synonyms = std::move(*synonyms);
  vocabulary->coding_systems = std::move(*coding_systems);
  return std::shared_ptr<const SearchVocabulary>(std::move(vocabulary));
}

}  // namespace hdcat::search
