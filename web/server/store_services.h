// StoreServices: the ServerServices `hdcat serve` runs with — the catalog read
// from PostgreSQL through CatalogStore, search from the Xapian index, kept in
// step with the catalog by the index sync, whose commits the searchers see at
// once. Tests
// start servers with the same wiring, so what they exercise is what runs.
//
// Thread-safety: the returned factories may be called from any thread.
#pragma once

#include <memory>

#include "catalog/validator.h"
#include "web/server/server.h"

namespace hdcat::web {

ServerServices StoreServices(std::shared_ptr<const catalog::Validator> validator);

}  // namespace hdcat::web
