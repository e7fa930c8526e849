#include "web/pages/page_support.h"

#include <algorithm>

#include "catalog/store/dataset_ref.h"
#include "web/pages/language.h"
#include "web/pages/pages.h"
#include "web/server/problem.h"
#include "web/server/request_target.h"

namespace hdcat::web {

HttpResponse HtmlPage(const PageContext& context, std::string_view page, const std::string& language, Json data,
                      const HttpRequest& request, bool with_forms) {
  std::string csrf = request.cookie(kCsrfCookie).value_or("");
  bool issue_csrf = with_forms && !context.keys.ValidCsrfToken(csrf);
  if (issue_csrf) csrf = context.keys.NewCsrfToken();
  if (!data.is_object()) data = Json::object();
  if (with_forms) data["csrf"] = csrf;
  data["basket_count"] = std::to_string(BasketOf(context, request).size());
  auto html = context.renderer->Render(page, language, data, request);
  if (!html.ok()) return ProblemResponse(html.error(), request.path);
  HttpResponse response;
  response.content_type = "text/html; charset=utf-8";
  response.body = std::move(*html);
  response.with_header("Content-Language", language);
  response.with_header("Cache-Control", "no-store");
  if (auto chosen = request.query_param("lang"); chosen && SupportedLanguage(*chosen) == language) {
    response.with_header("Set-Cookie", "lang=" + language + "; Path=/; Max-Age=31536000; SameSite=Lax");
  }
  if (issue_csrf) {
    response.with_header("Set-Cookie", std::string(kCsrfCookie) + "=" + csrf + "; Path=/; HttpOnly; SameSite=Strict");
  }
  return response;
}

HttpResponse HtmlError(const PageContext& context, const Error& error, const HttpRequest& request) {
  return HtmlErrorResponse(*context.renderer, error, request);
}

HttpResponse SeeOther(std::string_view location) {
  bool local = location.starts_with("/") && !location.starts_with("//") &&
               location.find_first_of("\r\n\\") == std::string_view::npos;
  HttpResponse response;
  response.status = 303;
  response.with_header("Location", local ? std::string(location) : "/");
  return response;
}

Result<std::vector<std::pair<std::string, std::string>>> ParseForm(std::string_view body) {
  std::vector<std::pair<std::string, std::string>> fields;
  while (!body.empty()) {
    std::size_t amp = body.find('&');
    std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (pair.empty()) continue;
    std::size_t eq = pair.find('=');
    auto name = DecodeQueryValue(pair.substr(0, eq));
    if (!name.ok()) return name.error();
    auto value = DecodeQueryValue(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
    if (!value.ok()) return value.error();
    fields.emplace_back(std::move(*name), std::move(*value));
  }
  return fields;
}

std::string FormValue(const std::vector<std::pair<std::string, std::string>>& form, std::string_view name) {
  for (const auto& [key, value] : form) {
    if (key == name) return value;
  }
  return "";
}

Status CheckCsrf(const PageContext& context, const HttpRequest& request,
                 const std::vector<std::pair<std::string, std::string>>& form) {
  std::string cookie = request.cookie(kCsrfCookie).value_or("");
  std::string field = FormValue(form, kCsrfField);
  if (cookie.empty() || field != cookie || !context.keys.ValidCsrfToken(cookie)) {
    return Error(ErrorKind::kForbidden,
                 "this form has expired or did not come from this site; reload the page and try again");
  }
  return Status::Ok();
}

std::vector<std::string> BasketOf(const PageContext& context, const HttpRequest& request) {
  auto cookie = request.cookie(kBasketCookie);
  if (!cookie) return {};
  return context.keys.DecodeBasket(*cookie);
}

Status CheckQueryNames(const HttpRequest& request, const std::vector<std::string_view>& allowed) {
  for (const auto& [name, value] : request.query) {
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      Error error = InvalidInput("unknown parameter '" + name + "'");
      error.pointer = "/" + name;
      return error;
    }
  }
  return Status::Ok();
}

Result<std::pair<std::string, std::string>> SplitDatasetRef(std::string_view ref) {
  std::size_t slash = ref.find('/');
  if (slash != std::string_view::npos && catalog::IsIdentifier(ref.substr(0, slash)) &&
      catalog::IsIdentifier(ref.substr(slash + 1))) {
    return std::pair<std::string, std::string>(ref.substr(0, slash), ref.substr(slash + 1));
  }
  return InvalidInput("'" + std::string(ref.substr(0, 300)) + "' is not a dataset reference (holder/identifier)");
}

std::string WithLang(std::string link, std::string_view language) {
  link += link.find('?') == std::string::npos ? "?lang=" : "&lang=";
  link += language;
  return link;
}

}  // namespace hdcat::web
