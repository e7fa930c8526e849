// /manage/login and /manage/logout: sign in with an account, sign out.
#include "catalog/accounts/account_store.h"
#include "web/pages/manage/manage_call.h"

namespace hdcat::web {
namespace {

// Only a path of the self-service pages is a place to return to after login.
std::string ReturnPath(std::string_view next) {
  bool local = next.starts_with("/manage") && next.find_first_of("\r\n\\") == std::string_view::npos &&
               !next.starts_with("/manage/login");
  return local ? std::string(next) : "/manage";
}

std::string SessionCookie(const ManageServices& services, const std::string& value, long max_age) {
  return std::string(kSessionCookie) + "=" + value + "; Path=/manage; Max-Age=" + std::to_string(max_age) +
         "; HttpOnly; SameSite=Lax" + (services.secure_cookies ? "; Secure" : "");
}

HttpResponse LoginPage(ManageCall& call, const std::string& login_name, const std::string& next,
                       const std::string& error, int status) {
  Json data = {{"title", call.Message("manage_login_title")},
               {"login_name", login_name},
               {"next", next},
               {"error", error},
               {"has_error", !error.empty()}};
  return call.Page("manage_login", std::move(data), status);
}

}  // namespace

HttpResponse ManageLoginForm(ManageCall& call) {
  return LoginPage(call, "", ReturnPath(call.request.query_param("next").value_or("")), "", 200);
}

HttpResponse ManageLogin(ManageCall& call) {
  std::string login_name = call.Field("login");
  std::string next = ReturnPath(call.Field("next"));
  catalog::AccountStore accounts(call.conn, call.services.login_policy);
  auto session = accounts.Login(login_name, call.Field("password"),
                                call.request.header("user-agent").value_or(""));
  if (!session.ok()) {
    if (session.error().kind != ErrorKind::kUnauthenticated) return call.Fail(session.error());
    return LoginPage(call, login_name, next, session.error().message, 401);
  }
  HttpResponse response = SeeOther(next);
  response.with_header("Set-Cookie", SessionCookie(call.services, session->token,
                                                   static_cast<long>(call.services.login_policy.session_lifetime.count())));
  response.with_header("Cache-Control", "no-store");
  return response;
}

HttpResponse ManageLogout(ManageCall& call) {
  catalog::AccountStore accounts(call.conn, call.services.login_policy);
  if (auto token = call.request.cookie(kSessionCookie)) {
    if (Status ended = accounts.Logout(*token); !ended.ok()) return call.Fail(ended.error());
  }
  HttpResponse response = SeeOther("/manage/login");
  response.with_header("Set-Cookie", SessionCookie(call.services, "deleted", 0));
  response.with_header("Cache-Control", "no-store");
  return response;
}

}  // namespace hdcat::web
