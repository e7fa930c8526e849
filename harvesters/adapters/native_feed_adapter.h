// The native feed adapter: pages of schemas/feed.schema.json, followed by
// `next` (relative links resolve against the page URL), with
// ?modified_since=ISO on the first request of an incremental gather (a first
// page that does not echo modified_since makes the gather a full one). The
// page's `deleted` list and `generated_at` go to the GatherStatus; the
// page's `holder` goes with the first record of that page.
//
// Thread-safety: as RecordStream.
#pragma once

#include <memory>

#include "harvesters/adapters/record_stream.h"

namespace hdcat::harvesters {

std::unique_ptr<RecordStream> OpenNativeFeed(const SourceConfig& config, const HttpClient& client);

}  // namespace hdcat::harvesters
