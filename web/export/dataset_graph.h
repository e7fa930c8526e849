// The HealthDCAT-AP R8 / DCAT-AP 3.0.1 description of one dataset.
//
// Contract: the graph holds exactly one dcat:Dataset (the dataset), with
// every mandatory property of R8 that the document can supply and these
// decisions made for it:
//   - dcatap:applicableLegislation always includes the EHDS regulation
//     (ns::kEhdsEli), on the Dataset and on every Distribution;
//   - dcat:theme always includes data-theme HEAL;
//   - healthdcatap:hdab is the document's `hdab`; without one, the body named
//     in access.review_body (or, failing that, the holder itself, which in
//     Japan reviews requests for its own data) reached through the holder's
//     contact; see web/export/README.md;
//   - every published count passes catalog::PublishableCount;
//   - EU-listed coding systems and standards use healthdcatap:hasCodingSystem
//     / dct:conformsTo, all others hdcat:codingSystem / hdcat:conformsTo;
//   - hdcat-specific data (access routes, fees, processing levels, quality
//     checks, statistics tables …) use the hdcat namespace.
// The document is assumed to have passed the validator; fields of the wrong
// type are skipped rather than reported.
//
// Thread-safety: pure functions.
#pragma once

#include "web/export/export_input.h"
#include "web/export/export_vocabularies.h"
#include "web/export/rdf_graph.h"

namespace hdcat::web::exporting {

// Adds the dataset's triples to `graph` (which may already hold others, as a
// catalog page does) and returns the dataset's IRI.
Term AddDataset(Graph& graph, const ExportSite& site, const ExportVocabularies& vocabularies,
                const DatasetExport& input);

// A graph holding the one dataset.
Graph DatasetGraph(const ExportSite& site, const ExportVocabularies& vocabularies, const DatasetExport& input);

}  // namespace hdcat::web::exporting
