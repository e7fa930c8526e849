// The DCAT adapter: DCAT-AP 3 / HealthDCAT-AP catalogs in Turtle, RDF/XML or
// JSON-LD, one page at a time, following hydra paging (hydra:next, else the
// deprecated hydra:nextPage, on a hydra:PartialCollectionView or
// hydra:PagedCollection). Turtle and RDF/XML are parsed as the bytes arrive;
// JSON-LD is expanded against the local context cache only.
//
// Every dcat:Dataset of a page becomes one record: its identifier is the
// dataset IRI (else its dct:identifier), its raw bytes are the N-Triples of
// its description (the dataset's triples and those of the nodes it reaches,
// stopping at other datasets), and its document comes from DcatMapper.
// JSON-LD keys that expand to nothing are reported as gather warnings.
//
// Options: "default_language" (untagged literals, default "ja"),
// "accept_any_content_type" (default false: the server must label the
// document with a media type of its syntax).
//
// Thread-safety: as RecordStream.
#pragma once

#include <memory>

#include "harvesters/adapters/record_stream.h"
#include "harvesters/rdf/graph.h"

namespace hdcat::harvesters {

std::unique_ptr<RecordStream> OpenDcatStream(const SourceConfig& config, const HttpClient& client);

// The next page link of a hydra-paged graph, or "" when there is none.
std::string HydraNextPage(const rdf::Graph& graph);

}  // namespace hdcat::harvesters
