// The one writer of audit_log: who did what to which subject, append-only.
//
// Every part of hdcat that changes something on someone's behalf (the catalog
// store, harvest sources, accounts and sessions, the self-service pages)
// records it through WriteAudit, inside the transaction of the change when
// there is one, so a change and its audit row commit or vanish together.
// `actor` has the form of dataset_versions.source ('web:<login>', 'cli',
// 'harvest:<source>'); `details` must never hold a secret.
//
// Thread-safety: as the Connection it uses — one thread at a time.
#pragma once

#include <string_view>

#include "base/json.h"
#include "base/result.h"
#include "catalog/pg/connection.h"

namespace hdcat::catalog {

struct AuditEntry {
  std::string_view actor;
  std::string_view action;        // 'dataset.put', 'session.login', 'source.register' ...
  std::string_view subject_type;  // 'holder', 'dataset', 'account', 'harvest_source' ...
  std::string_view subject_id;
  Json details = Json::object();
};

Status WriteAudit(pg::Connection& conn, const AuditEntry& entry);

}  // namespace hdcat::catalog
