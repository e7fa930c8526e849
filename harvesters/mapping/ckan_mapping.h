// CkanMapping: one CKAN package (package_show / package_search result
// shape) -> an hdcat dataset document.
//
// Table-driven (CkanFieldRules): a CKAN key -> JSON pointer + converter. The
// keys are looked up among the package's top-level keys (core fields, and
// ckanext-scheming / ckanext-dcat fields) and among its `extras`, which
// ckanext-dcat fills with DCAT-AP and HealthDCAT-AP values (URIs, or JSON
// lists encoded as strings). Fluent `*_translated` language maps give
// LangText. CKAN bookkeeping keys (state, owner_org, num_tags …) are listed
// as ignored in the table; every other key, and every value a converter could
// not read, is reported in `unmapped`.
//
// hdcat's own CKAN export carries the whole description as canonical JSON in
// the `hdcat_document` extra (web/export/ckan_package.h). When it is a JSON
// object it is the document (holder set to the mapper's holder) and
// `unmapped` is cleared: the other keys only repeat it. Otherwise the table's
// document is kept and the extra is reported in `unmapped`.
//
// Thread-safety: a CkanMapper is immutable after construction; share freely.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/result.h"
#include "harvesters/mapping/vocabulary_codes.h"

namespace hdcat::harvesters::mapping {

enum class CkanConverter {
  kIdentifier, kLangText, kLangMap, kTags, kOrganization, kResources, kString, kUri, kDate, kCode, kCodeList,
  kCount, kBool, kAuthor, kMaintainer, kLangTextField, kLegislation, kIgnore,
};

struct CkanFieldRule {
  std::string_view key;
  std::string_view pointer;
  CkanConverter converter;
  std::string_view vocabulary;
};

const std::vector<CkanFieldRule>& CkanFieldRules();

struct CkanMapped {
  std::string record_identifier;  // the package id (else its name)
  Json document;
  std::vector<std::string> unmapped;
};

class CkanMapper {
 public:
  CkanMapper(std::string holder, std::string default_language);
  Result<CkanMapped> MapPackage(const Json& package) const;

 private:
  std::string holder_;
  std::string default_language_;
  std::map<std::string, VocabularyCodes, std::less<>> vocabularies_;
};

}  // namespace hdcat::harvesters::mapping
