// What every page handler shares: the services and keys (PageContext), the
// HTML response with the language and CSRF cookies, form decoding and the
// CSRF check for POSTs.
//
// HtmlPage adds `basket_count` to the template data and, for pages with POST
// forms (`with_forms`), `csrf`: the token the forms must carry, issued in a
// cookie when the request has no valid one (pages without forms set no
// cookie but the language choice). CheckCsrf accepts a POST only when its `csrf` form field
// equals the `hdcat_csrf` cookie and that token's signature verifies.
//
// Thread-safety: PageContext is immutable once built; functions are safe
// from any thread.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/result.h"
#include "catalog/disclosure.h"
#include "web/api/api_routes.h"
#include "web/export/export_input.h"
#include "web/export/export_vocabularies.h"
#include "web/pages/harvest_health.h"
#include "web/pages/page_keys.h"
#include "web/pages/page_renderer.h"
#include "web/server/http_message.h"

namespace hdcat::web {

struct PageContext {
  const PageRenderer* renderer = nullptr;
  api::ApiServices api;
  std::shared_ptr<const HarvestHealthReader> harvests;  // may be null
  PageKeys keys;
  exporting::ExportVocabularies vocabularies;
  std::int64_t disclosure_threshold = catalog::kDefaultDisclosureThreshold;
  std::string base_url = std::string(exporting::kDefaultBaseUrl);  // PageServices::base_url
};

HttpResponse HtmlPage(const PageContext& context, std::string_view page, const std::string& language, Json data,
                      const HttpRequest& request, bool with_forms = false);

HttpResponse HtmlError(const PageContext& context, const Error& error, const HttpRequest& request);

// A 303 redirect to a local path (anything else becomes "/").
HttpResponse SeeOther(std::string_view location);

// application/x-www-form-urlencoded fields; fails on malformed escapes or UTF-8.
Result<std::vector<std::pair<std::string, std::string>>> ParseForm(std::string_view body);
std::string FormValue(const std::vector<std::pair<std::string, std::string>>& form, std::string_view name);

// kForbidden unless the form's csrf field matches a valid csrf cookie.
Status CheckCsrf(const PageContext& context, const HttpRequest& request,
                 const std::vector<std::pair<std::string, std::string>>& form);

// The basket of this request (verified cookie; empty when absent or tampered with).
std::vector<std::string> BasketOf(const PageContext& context, const HttpRequest& request);

// Fails with kInvalidInput naming the first query parameter not in `allowed`.
Status CheckQueryNames(const HttpRequest& request, const std::vector<std::string_view>& allowed);

// "holder/identifier" split into its two identifiers, or kInvalidInput.
Result<std::pair<std::string, std::string>> SplitDatasetRef(std::string_view ref);

// A link with ?lang= kept: "/datasets/a/b" -> "/datasets/a/b?lang=en".
std::string WithLang(std::string link, std::string_view language);

}  // namespace hdcat::web
