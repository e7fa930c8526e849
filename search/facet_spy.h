// FacetSpy: counts the values of one multi-valued facet over the documents a
// query matches. Xapian's ValueCountMatchSpy counts one value per document;
// a dataset has several data types, health categories or coding systems, so
// the indexer joins them with kFacetValueSeparator in the facet's slot and
// this spy counts each once.
//
// Thread-safety: not thread-safe; one spy per Enquire run.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include <xapian.h>

namespace hdcat::search {

class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(Xapian::valueno slot) : slot_(slot) {}

  void operator()(const Xapian::Document& document, double weight) override;
  std::string name() const override { return "hdcat.FacetSpy"; }

  const std::map<std::string, std::int64_t>& counts() const { return counts_; }

 private:
  Xapian::valueno slot_;
  std::map<std::string, std::int64_t> counts_;
};

}  // namespace hdcat::search
