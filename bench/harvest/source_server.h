// SourceRoutes: serves a synthetic harvest source written by WriteSource
// (source_files.h) over loopback HTTP, the way holders publish:
//   /bench/feed/feed.json?page=N                         native feed pages, `next` links
//   /bench/dcat-*/catalog.{ttl,rdf,jsonld}?page=N        DCAT-AP pages with hydra paging
//   /bench/ckan/api/3/action/package_search?rows&start   CKAN Action API
//   /bench/csv-dictionary/<dataset>.csv                  data dictionaries
// Each response is a page file read from disk as it is, so serving costs the
// same for the baseline and for the harvest and no page is generated twice.
//
// Thread-safety: the routes only read files; they may run on several server
// threads at once.
#pragma once

#include <filesystem>

#include "web/server/router.h"

namespace hdcat::bench::harvest {

class SourceRoutes {
 public:
  explicit SourceRoutes(std::filesystem::path dir) : dir_(std::move(dir)) {}
  void AddTo(web::Router& router) const;

 private:
  std::filesystem::path dir_;
};

}  // namespace hdcat::bench::harvest
