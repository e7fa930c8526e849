#include "web/export/export_input.h"

#include "web/export/rdf_graph.h"

namespace hdcat::web::exporting {

std::string ExportSite::DatasetIri(std::string_view public_id) const {
  return EscapeIri(base_url + "/dataset/" + std::string(public_id));
}

std::string ExportSite::HolderIri(std::string_view holder_identifier) const {
  return EscapeIri(base_url + "/holder/" + std::string(holder_identifier));
}

}  // namespace hdcat::web::exporting
