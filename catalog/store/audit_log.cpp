#include "catalog/store/audit_log.h"

namespace hdcat::catalog {

Status WriteAudit(pg::Connection& conn, const AuditEntry& entry) {
  auto inserted = conn.Exec(
      "INSERT INTO audit_log (actor, action, subject_type, subject_id, details) VALUES ($1, $2, $3, $4, $5::jsonb)",
      {entry.actor, entry.action, entry.subject_type, entry.subject_id, CanonicalJson(entry.details.is_null() ? Json::object() : entry.details)});
  if (!inserted.ok()) return inserted.error();
  return Status::Ok();
}

}  // namespace hdcat::catalog
