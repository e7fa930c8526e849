#include "web/pages/manage/manage_routes.h"

#include "catalog/accounts/account_store.h"
#include "web/pages/language.h"
#include "web/pages/manage/manage_call.h"
#include "web/server/request_target.h"

namespace hdcat::web {
namespace {

using Handler = HttpResponse (*)(ManageCall&);

enum class Access { kPublic, kSignedIn };

// The login page, asked to come back to `path` afterwards.
HttpResponse ToLogin(const HttpRequest& request) {
  std::string back = request.method == "GET" ? request.path : "/manage";
  HttpResponse response = SeeOther("/manage/login?next=" + PercentEncode(back));
  response.with_header("Cache-Control", "no-store");
  return response;
}

HttpResponse Dispatch(const ManageServices& services, const HttpRequest& request, Access access, Handler handler) {
  const PageContext& pages = *services.pages;
  if (services.pool == nullptr) {
    return HtmlError(pages, Unavailable("the self-service pages need the catalog database"), request);
  }
  auto lease = services.pool->Acquire();
  if (!lease.ok()) return HtmlError(pages, lease.error(), request);
  ManageCall call{services, request, **lease, ChooseLanguage(request), {}, {}};
  if (request.method == "POST") {
    auto form = ParseForm(request.body);
    if (!form.ok()) return call.Fail(form.error());
    if (Status csrf = CheckCsrf(pages, request, *form); !csrf.ok()) return call.Fail(csrf.error());
    call.form = std::move(*form);
  }
  if (access == Access::kSignedIn) {
    catalog::AccountStore accounts(call.conn, services.login_policy);
    auto account = accounts.SessionAccount(request.cookie(kSessionCookie).value_or(""));
    if (!account.ok()) {
      if (account.error().kind == ErrorKind::kUnauthenticated) return ToLogin(request);
      return call.Fail(account.error());
    }
    call.account = std::move(*account);
  }
  return handler(call);
}

}  // namespace

HttpResponse ManageCall::Page(std::string_view page, Json data, int status) const {
  if (!account.login_name.empty()) {
    data["signed_in"] = true;
    data["account_name"] = account.display_name;
  }
  HttpResponse response = HtmlPage(pages(), page, language, std::move(data), request, /*with_forms=*/true);
  if (response.status == 200) response.status = status;
  return response;
}

Json FindingsJson(const std::vector<catalog::Finding>& findings) {
  Json out = Json::array();
  for (const auto& finding : findings) {
    out.push_back({{"pointer", finding.pointer.empty() ? "/" : finding.pointer},
                   {"message", finding.message},
                   {"expected", finding.expected},
                   {"suggestion", finding.suggestion}});
  }
  return out;
}

void AddManageRoutes(const ManageServices& services, Router* router) {
  auto shared = std::make_shared<const ManageServices>(services);
  auto add = [&](std::string method, std::string pattern, Access access, Handler handler,
                 std::size_t max_body_bytes = 0) {
    router->Add(Route{std::move(method), std::move(pattern),
                      [shared, access, handler](const HttpRequest& request) {
                        return Dispatch(*shared, request, access, handler);
                      },
                      max_body_bytes});
  };
  constexpr std::size_t kUploadBytes = 9 * 1024 * 1024;  // a JSON description of up to 8 MiB, form-encoded
  add("GET", "/manage/login", Access::kPublic, ManageLoginForm);
  add("POST", "/manage/login", Access::kPublic, ManageLogin);
  add("POST", "/manage/logout", Access::kPublic, ManageLogout);
  add("GET", "/manage", Access::kSignedIn, ManageHome);
  add("GET", "/manage/holders/{holder}", Access::kSignedIn, ManageHolder);
  add("GET", "/manage/holders/{holder}/edit", Access::kSignedIn, ManageHolderForm);
  add("POST", "/manage/holders/{holder}/edit", Access::kSignedIn, ManageHolderSave);
  add("GET", "/manage/holders/{holder}/sources/new", Access::kSignedIn, ManageSourceForm);
  add("POST", "/manage/holders/{holder}/sources", Access::kSignedIn, ManageSourceRegister);
  add("POST", "/manage/holders/{holder}/sources/{source}/test", Access::kSignedIn, ManageSourceTest);
  add("POST", "/manage/holders/{holder}/sources/{source}/run", Access::kSignedIn, ManageSourceRun);
  add("GET", "/manage/holders/{holder}/jobs/{job}", Access::kSignedIn, ManageJob);
  add("GET", "/manage/holders/{holder}/datasets/new", Access::kSignedIn, ManageDatasetForm);
  add("GET", "/manage/holders/{holder}/datasets/{dataset}/edit", Access::kSignedIn, ManageDatasetForm);
  add("POST", "/manage/holders/{holder}/datasets", Access::kSignedIn, ManageDatasetUpload, kUploadBytes);
}

}  // namespace hdcat::web
