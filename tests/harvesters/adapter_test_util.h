// Helpers for adapter tests: drain a RecordStream into a vector.
#pragma once

#include <vector>

#include <catch2/catch.hpp>

#include "harvesters/adapters/record_stream.h"

namespace hdcat::testing {

struct Drained {
  std::vector<harvesters::SourceRecord> records;
  harvesters::GatherStatus status;
};

inline harvesters::HttpLimits TestLimits() {
  harvesters::HttpLimits limits;
  limits.connect_timeout = std::chrono::milliseconds(2000);
  limits.total_timeout = std::chrono::milliseconds(3000);
  limits.low_speed_window = std::chrono::seconds(0);
  limits.max_body_bytes = 1 << 20;
  return limits;
}

inline Drained Drain(const harvesters::SourceConfig& config, const harvesters::HttpLimits& limits = TestLimits()) {
  harvesters::HttpClient client(limits);
  auto stream = harvesters::OpenRecordStream(config, client);
  if (!stream.ok()) FAIL(stream.error().ToString());
  Drained out;
  harvesters::SourceRecord record;
  while ((*stream)->Next(&record)) out.records.push_back(std::move(record));
  out.status = (*stream)->status();
  CHECK(out.status.finished);
  return out;
}

}  // namespace hdcat::testing
