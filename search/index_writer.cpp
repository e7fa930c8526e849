#include "search/index_writer.h"

#include <map>

#include <nlohmann/json.hpp>

#include "search/index_manager.h"
#include "search/index_schema.h"

namespace hdcat::search {

namespace s = schema;

namespace {

// The words of `text` as the spelling dictionary counts them: the unprefixed
// terms Xapian's TermGenerator makes, with their number of occurrences.
std::map<std::string, Xapian::termcount> SpellingWords(const std::string& text) {
  std::map<std::string, Xapian::termcount> words;
  if (text.empty()) return words;
  Xapian::TermGenerator generator;
  Xapian::Document scratch;
  generator.set_document(scratch);
  generator.index_text_without_positions(text);
  for (auto term = scratch.termlist_begin(); term != scratch.termlist_end(); ++term) {
    words.emplace(*term, term.get_wdf());
  }
  return words;
}

}  // namespace

// Takes the spelling words of the indexed version of a dataset back out, so
// words it no longer has (or a withdrawn dataset's) stop being suggested.
void IndexWriter::RemoveSpelling(const std::string& public_id) {
  const std::string id_term = std::string(s::kPrefixId) + public_id;
  Xapian::PostingIterator posting = database_.postlist_begin(id_term);
  if (posting == database_.postlist_end(id_term)) return;
  std::string text = database_.get_document(*posting).get_value(s::kSlotSpellingText);
  for (const auto& [word, count] : SpellingWords(text)) database_.remove_spelling(word, count);
}

Status IndexWriter::Upsert(const IndexedDataset& dataset) {
  try {
    RemoveSpelling(dataset.public_id);
    database_.delete_document(std::string(s::kPrefixDataset) + dataset.public_id);
    Xapian::Document document = dataset.dataset;
    document.add_value(s::kSlotSpellingText, dataset.english_text);
    database_.add_document(document);
    for (const Xapian::Document& variable : dataset.variables) database_.add_document(variable);
    for (const auto& [word, count] : SpellingWords(dataset.english_text)) database_.add_spelling(word, count);
  } catch (const Xapian::Error& error) {
    return XapianError(error, "index " + dataset.public_id);
  }
  return Status::Ok();
}

Status IndexWriter::Delete(const std::string& public_id) {
  try {
    RemoveSpelling(public_id);
    database_.delete_document(std::string(s::kPrefixDataset) + public_id);
  } catch (const Xapian::Error& error) {
    return XapianError(error, "delete " + public_id);
  }
  return Status::Ok();
}

Result<std::vector<std::string>> IndexWriter::DatasetsOfHolder(const std::string& holder_id) {
  std::vector<std::string> out;
  try {
    Xapian::Enquire enquire(database_);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(std::string(s::kTermDataset)),
                                    Xapian::Query(std::string(s::kPrefixFacet) + "holder:" + holder_id)));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::MSet matches = enquire.get_mset(0, database_.get_doccount());
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      Json data = Json::parse(it.get_document().get_data(), nullptr, false);
      if (data.is_object() && data.contains("public_id")) out.push_back(data["public_id"].get<std::string>());
    }
  } catch (const Xapian::Error& error) {
    return XapianError(error, "list datasets of holder " + holder_id);
  }
  return out;
}

Result<std::int64_t> IndexWriter::LastChangeId() {
  try {
    std::string value = database_.get_metadata(std::string(s::kMetaLastChangeId));
    return value.empty() ? std::int64_t{0} : static_cast<std::int64_t>(std::stoll(value));
  } catch (const Xapian::Error& error) {
    return XapianError(error, "read last change id");
  } catch (const std::exception&) {
    return Internal("the index's last change id is not a number");
  }
}

Status IndexWriter::SetLastChangeId(std::int64_t change_id) {
  try {
    database_.set_metadata(std::string(s::kMetaLastChangeId), std::to_string(change_id));
  } catch (const Xapian::Error& error) {
    return XapianError(error, "record last change id");
  }
  return Status::Ok();
}

Status IndexWriter::Commit() {
  try {
    database_.commit();
  } catch (const Xapian::Error& error) {
    return XapianError(error, "commit");
  }
  return Status::Ok();
}

}  // namespace hdcat::search
