#include "search/facet_spy.h"

#include "search/index_schema.h"

namespace hdcat::search {

void FacetSpy::operator()(const Xapian::Document& document, double) {
  const std::string joined = document.get_value(slot_);
  std::size_t start = 0;
  while (start < joined.size()) {
    std::size_t end = joined.find(schema::kFacetValueSeparator, start);
    if (end == std::string::npos) end = joined.size();
    if (end > start) ++counts_[joined.substr(start, end - start)];
    start = end + 1;
  }
}

}  // namespace hdcat::search
