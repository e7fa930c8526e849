#include "catalog/pg/connection.h"

#include <libpq-fe.h>

#include "catalog/pg/pg_error.h"

namespace hdcat::pg {

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& conninfo) {
  PGconn* raw = PQconnectdb(conninfo.c_str());
  if (raw == nullptr) return Unavailable("database: out of memory opening a connection");
  std::unique_ptr<Connection> conn(new Connection(raw));
  if (PQstatus(raw) != CONNECTION_OK) {
    std::string why = PQerrorMessage(raw);
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    return Unavailable("cannot connect to the database: " + why);
  }
  if (PQsetClientEncoding(raw, "UTF8") != 0) return Unavailable("database: cannot use UTF-8 client encoding");
  // Notices (e.g. "relation already exists, skipping") are not errors; keep them off stderr.
  HDCAT_TRY(conn->ExecScript("SET TIME ZONE 'UTC'; SET client_min_messages = warning"));
  return conn;
}

Connection::~Connection() { PQfinish(conn_); }

Result<QueryResult> Connection::Exec(std::string_view sql, std::initializer_list<Param> params) {
  return Exec(sql, std::vector<Param>(params));
}

Result<QueryResult> Connection::Exec(std::string_view sql, const std::vector<Param>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& param : params) values.push_back(param.value() ? param.value()->c_str() : nullptr);
  std::string statement(sql);
  return Finish(PQexecParams(conn_, statement.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                             nullptr, nullptr, /*resultFormat=*/0));
}

Status Connection::ExecScript(std::string_view sql) {
  auto result = Finish(PQexec(conn_, std::string(sql).c_str()));
  if (!result.ok()) return result.error();
  return Status::Ok();
}

Result<QueryResult> Connection::Finish(pg_result* raw) {
  QueryResult result(raw);
  ExecStatusType status = raw == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(raw);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
  Error error = ErrorFromResult(conn_, raw);
  if (PQstatus(conn_) != CONNECTION_OK) error.kind = ErrorKind::kUnavailable;
  return error;
}

bool Connection::healthy() const { return PQstatus(conn_) == CONNECTION_OK; }

bool Connection::in_transaction() const { return PQtransactionStatus(conn_) != PQTRANS_IDLE; }

bool Connection::transaction_failed() const { return PQtransactionStatus(conn_) == PQTRANS_INERROR; }

}  // namespace hdcat::pg
