// The CSV data-dictionary adapter: one CSV file (one row per variable) that
// describes the variables of one existing dataset, named by the source
// option "dataset". The gather yields a single kVariables record whose
// document is {"identifier", "holder", "variables"}; the job runner merges
// it into that dataset. A file that is not UTF-8 is converted from
// Shift_JIS (CP932) when it is valid CP932 (noted in `notes`; option
// "allow_shift_jis", default true), else the gather fails with an error that
// suggests saving as UTF-8. Conditional requests use the previous validators.
//
// Thread-safety: as RecordStream.
#pragma once

#include <memory>

#include "harvesters/adapters/record_stream.h"

namespace hdcat::harvesters {

std::unique_ptr<RecordStream> OpenCsvDictionaryStream(const SourceConfig& config, const HttpClient& client);

}  // namespace hdcat::harvesters
