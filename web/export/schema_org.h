// schema.org `Dataset` JSON-LD for embedding in a dataset page, following
// Google's Dataset Search guide (name, description, identifier, keywords,
// creator/publisher, temporalCoverage, spatialCoverage, variableMeasured,
// isAccessibleForFree, license/conditionsOfAccess, url, inLanguage,
// dateModified, includedInDataCatalog, distribution).
//
// Text fields are in the page's language with the other language as a
// fallback; the other language's title goes to alternateName. Published
// counts are not included (schema.org has no place for them).
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "base/json.h"
#include "web/export/export_input.h"
#include "web/export/export_vocabularies.h"

namespace hdcat::web::exporting {

Json SchemaOrgDataset(const ExportSite& site, const ExportVocabularies& vocabularies, const DatasetExport& input,
                      std::string_view language);

// The JSON text safe inside <script type="application/ld+json">: "<", ">"
// and "&" are written as \u003c, \u003e, \u0026 so no "</script>" can close
// the element early.
std::string ScriptSafeJson(const Json& value);

}  // namespace hdcat::web::exporting
