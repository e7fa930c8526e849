// ManageCall: what one /manage/ request handler works with — the request, its
// language, a leased database connection, the signed-in account (when the
// route needs one) and the decoded, CSRF-checked form of a POST.
//
// Thread-safety: one per request, on the request's thread.
#pragma once

#include <string>

#include "catalog/accounts/account.h"
#include "web/pages/manage/manage_routes.h"
#include "web/pages/manage/self_service.h"

namespace hdcat::web {

struct ManageCall {
  const ManageServices& services;
  const HttpRequest& request;
  pg::Connection& conn;
  std::string language;
  catalog::Account account;  // empty on the login page
  FormFields form;           // POST only

  const PageContext& pages() const { return *services.pages; }
  SelfService service() { return SelfService(conn, *services.validator, account); }
  std::string Message(std::string_view key) const { return pages().renderer->Message(language, key); }
  std::string Field(std::string_view name) const { return FormValue(form, name); }
  HttpResponse Page(std::string_view page, Json data, int status = 200) const;
  HttpResponse Fail(const Error& error) const { return HtmlError(pages(), error, request); }
};

// The handlers, one per route (manage_*_page.cpp).
HttpResponse ManageLoginForm(ManageCall& call);
HttpResponse ManageLogin(ManageCall& call);
HttpResponse ManageLogout(ManageCall& call);
HttpResponse ManageHome(ManageCall& call);
HttpResponse ManageHolder(ManageCall& call);
HttpResponse ManageHolderForm(ManageCall& call);
HttpResponse ManageHolderSave(ManageCall& call);
HttpResponse ManageSourceForm(ManageCall& call);
HttpResponse ManageSourceRegister(ManageCall& call);
HttpResponse ManageSourceTest(ManageCall& call);
HttpResponse ManageSourceRun(ManageCall& call);
HttpResponse ManageJob(ManageCall& call);
HttpResponse ManageDatasetForm(ManageCall& call);
HttpResponse ManageDatasetUpload(ManageCall& call);

// "/manage/holders/<holder>", the base of a holder's self-service pages.
inline std::string ManageHolderPath(std::string_view holder) { return "/manage/holders/" + std::string(holder); }

// Findings as template data: {pointer, message, expected, suggestion}.
Json FindingsJson(const std::vector<catalog::Finding>& findings);

}  // namespace hdcat::web
