// PublishableDocument: the dataset description exactly as it may leave the
// catalog, for the exports that carry the whole document next to their
// standard properties (`hdcat:document` in DCAT, the `hdcat_document` extra in
// CKAN) so that an hdcat harvester gets back what the holder wrote.
//
// Contract: a copy of `dataset` in which every statistics count that fails
// catalog::PublishableCount is removed (statistics.number_of_records and
// number_of_unique_individuals lose the member, a table cell of age_sex,
// prefectures, codes or per_year loses the whole cell, since the model has no
// "suppressed" value). Nothing else changes. Ages are not counts.
//
// Thread-safety: pure function.
#pragma once

#include <cstdint>

#include "base/json.h"

namespace hdcat::web::exporting {

Json PublishableDocument(const Json& dataset, std::int64_t disclosure_threshold);

}  // namespace hdcat::web::exporting
