// The holder self-service pages under /manage/ (HTML, readable without
// JavaScript, every input labelled, errors summarised and linked to fields):
//
//   GET  /manage                                      the holders the account manages
//   GET  /manage/login, POST /manage/login, POST /manage/logout
//   GET  /manage/holders/{holder}                     datasets, harvest sources, actions
//   GET|POST /manage/holders/{holder}/edit            the holder form (validated)
//   GET  /manage/holders/{holder}/sources/new, POST /manage/holders/{holder}/sources
//   POST /manage/holders/{holder}/sources/{source}/test   fetch the first page, show what was found
//   POST /manage/holders/{holder}/sources/{source}/run    queue a job, then show it
//   GET  /manage/holders/{holder}/jobs/{job}          a job's status and report
//   GET  /manage/holders/{holder}/datasets/new, GET /manage/holders/{holder}/datasets/{dataset}/edit,
//   POST /manage/holders/{holder}/datasets            upload a description; findings beside its lines
//
// Sign-in: an account of catalog::AccountStore; the session token lives in
// the `hdcat_session` cookie (HttpOnly, SameSite=Lax, Path=/manage, Secure
// when the server speaks TLS), the session itself in PostgreSQL. A request
// without a live session is sent to the login page. Every POST carries the
// pages' CSRF double-submit token (kForbidden without it). The operations
// are web/pages/manage/self_service.h, which refuse (kForbidden, 403 page)
// anything on a holder the account may not manage.
//
// Thread-safety: the routes share immutable services; each request leases
// its own database connection.
#pragma once

#include <memory>

#include "catalog/accounts/account_store.h"
#include "catalog/pg/pool.h"
#include "catalog/validator.h"
#include "web/pages/page_support.h"
#include "web/server/router.h"

namespace hdcat::web {

inline constexpr std::string_view kSessionCookie = "hdcat_session";

struct ManageServices {
  std::shared_ptr<const PageContext> pages;
  pg::ConnectionPool* pool = nullptr;  // null: the pages answer 503
  std::shared_ptr<const catalog::Validator> validator;
  bool secure_cookies = false;  // true when served over TLS
  catalog::LoginPolicy login_policy = {};
};

void AddManageRoutes(const ManageServices& services, Router* router);

}  // namespace hdcat::web
