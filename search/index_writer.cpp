#include "search/index_writer.h"

#include <nlohmann/json.hpp>

#include "search/index_manager.h"
#include "search/index_schema.h"

namespace hdcat::search {

namespace s = schema;

Status IndexWriter::Upsert(const IndexedDataset& dataset) {
  try {
    database_.delete_document(std::string(s::kPrefixDataset) + dataset.public_id);
    database_.add_document(dataset.dataset);
    for (const Xapian::Document& variable : dataset.variables) database_.add_document(variable);
    if (!dataset.english_text.empty()) {
      Xapian::TermGenerator spelling;
      spelling.set_database(database_);
      spelling.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
      Xapian::Document scratch;
      spelling.set_document(scratch);
      spelling.index_text_without_positions(dataset.english_text);
    }
  } catch (const Xapian::Error& error) {
    return XapianError(error, "index " + dataset.public_id);
  }
  return Status::Ok();
}

Status IndexWriter::Delete(const std::string& public_id) {
  try {
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
