// PageRenderer: server-rendered HTML from the embedded mustache templates and
// message catalogues (web/templates/*.mustache, web/i18n/{ja,en}.json).
//
// Render(page, language, data) renders templates/<page>.mustache with `data`
// plus the catalogue of `language` under `t` (so a template says
// {{t.search_button}}), then places the result in templates/layout.mustache.
// Empty strings count as false in sections. Every {{value}} is HTML-escaped by mustache; only the already rendered page
// body is inserted raw ({{{content}}}) into the layout. Templates must not
// use triple mustaches for anything taken from data.
//
// Load() parses every template and catalogue once and fails if any is
// broken or if the two catalogues do not have the same keys, so a missing
// translation is caught at start-up (and by the tests), not by a user.
//
// Thread-safety: immutable after Load(); Render may be called from any thread
// (each call parses its own template objects).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "base/json.h"
#include "base/result.h"
#include "web/server/http_message.h"

namespace hdcat::web {

class PageRenderer {
 public:
  static Result<std::shared_ptr<const PageRenderer>> Load();

  // The HTML page `page` in `language` ("ja" or "en"). `request` gives the
  // current path for the language switch links.
  Result<std::string> Render(std::string_view page, std::string_view language, const Json& data,
                             const HttpRequest& request) const;

  // The message `key` in `language` (the key itself when missing).
  std::string Message(std::string_view language, std::string_view key) const;

 private:
  PageRenderer() = default;

  std::map<std::string, std::string, std::less<>> templates_;  // "home" -> source
  std::map<std::string, Json, std::less<>> catalogues_;         // "ja" -> {key: text}
};

}  // namespace hdcat::web
