// What an export is made from: the catalog site it is published by, and one
// dataset description with its holder (documents of schemas/MODEL.md).
//
// IRIs: the catalog is <base_url>/catalog, a dataset <base_url>/dataset/<public
// id> (the store's "ds-…" id, catalog/store/dataset_ref.h), a holder
// <base_url>/holder/<identifier>; parts of a dataset are fragments of the
// dataset IRI (#distribution-1, #variables, #table-1-column-2 …), so every
// export of the same version yields the same IRIs.
//
// Thread-safety: plain value types; the referenced documents must outlive the
// DatasetExport.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/json.h"
#include "catalog/disclosure.h"

namespace hdcat::web::exporting {

// The catalog's public address unless `hdcat serve --base-url` says otherwise.
inline constexpr std::string_view kDefaultBaseUrl = "https://hdcat.jp";

struct ExportSite {
  std::string base_url = std::string(kDefaultBaseUrl);  // no trailing slash
  Json title = {{"ja", "hdcat 保健医療データカタログ"}, {"en", "hdcat health data catalog"}};
  Json description = {{"ja", "日本の保健医療データの所在と利用方法を記述するメタデータカタログ"},
                      {"en", "A metadata catalog of Japanese health data: what exists, who holds it and how to access it"}};
  // The body that runs this catalog: the catalog's dct:publisher.
  Json publisher_name = {{"ja", "hdcat 運営事務局"}, {"en", "hdcat secretariat"}};
  std::string publisher_type = "national-authority";  // publisher-type NAL code
  std::string publisher_email;
  std::string publisher_url;  // defaults to base_url
  std::int64_t disclosure_threshold = catalog::kDefaultDisclosureThreshold;
  std::string default_language = "ja";  // for CKAN's single-language fields

  std::string CatalogIri() const { return base_url + "/catalog"; }
  std::string DatasetIri(std::string_view public_id) const;
  std::string HolderIri(std::string_view holder_identifier) const;
};

struct DatasetExport {
  std::string public_id;  // "ds-…"
  const Json& dataset;    // the current description
  const Json& holder;     // the holder document named by dataset["holder"] (may be null)
  std::string metadata_created;   // RFC 3339 UTC, when the catalog first stored it ("" = unknown)
  std::string metadata_modified;  // RFC 3339 UTC, when the current version was stored
};

}  // namespace hdcat::web::exporting
