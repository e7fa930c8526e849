// CkanFields: one dataset as CKAN's Solr index would see it, flattened from
// its package dict into named, multi-valued fields, which q, fq, sort and
// facet.field refer to (../shared/reference/catalogs-and-ckan-api.md §2.3).
//
// Fields: id, name, title, title_string, notes, url, version, author,
// maintainer, license_id, license, state, capacity ("public"), type and
// dataset_type, owner_org, organization (the holder's name), groups, tags,
// res_format, res_name, res_description, res_url, res_type,
// metadata_created, metadata_modified, num_resources, num_tags, every extra
// both under its own key (as ckanext-scheming exposes them) and as
// extras_<key>, and text: the catch-all of titles and descriptions in every
// language, tags, the organization's title and the extras' values.
// Text fields also keep a normalised copy (search::NormalizeText) for matching.
//
// Thread-safety: plain value type.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"

namespace hdcat::web::ckan {

struct CkanFields {
  std::map<std::string, std::vector<std::string>, std::less<>> values;
  std::map<std::string, std::string, std::less<>> normalized_text;  // text fields only, values joined

  // The values of a field; empty when the dataset has none.
  const std::vector<std::string>& Values(std::string_view field) const;
};

// True for fields matched by words (contains) rather than by whole values.
bool IsTextField(std::string_view field);

CkanFields FieldsOfPackage(const Json& package);

}  // namespace hdcat::web::ckan
