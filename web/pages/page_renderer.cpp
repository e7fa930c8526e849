#include "web/pages/page_renderer.h"

#include <kainjow/mustache.hpp>

#include "web/server/request_target.h"
#include "web/server/web_resources.h"

namespace hdcat::web {
namespace {

namespace mustache = kainjow::mustache;

constexpr std::string_view kTemplatePrefix = "templates/";
constexpr std::string_view kTemplateSuffix = ".mustache";
constexpr std::string_view kLayout = "layout";

mustache::data ToMustache(const Json& value) {
  switch (value.type()) {
    case Json::value_t::object: {
      mustache::data object{mustache::data::type::object};
      for (const auto& [key, item] : value.items()) object.set(key, ToMustache(item));
      return object;
    }
    case Json::value_t::array: {
      mustache::data list{mustache::data::type::list};
      for (const auto& item : value) list.push_back(ToMustache(item));
      return list;
    }
    // An empty string is false, so {{#text}}…{{/text}} leaves out what is not there.
    case Json::value_t::string: {
      const auto& text = value.get_ref<const std::string&>();
      return text.empty() ? mustache::data(false) : mustache::data(text);
    }
    case Json::value_t::boolean: return mustache::data(value.get<bool>());
    case Json::value_t::null:
    case Json::value_t::discarded: return mustache::data(false);
    default: return mustache::data(value.dump());
  }
}

Result<std::string> RenderTemplate(const std::string& source, std::string_view name, const mustache::data& data) {
  mustache::mustache tmpl(source);
  if (!tmpl.is_valid()) return Internal("template " + std::string(name) + " is invalid: " + tmpl.error_message());
  std::string out = tmpl.render(data);
  if (!tmpl.is_valid()) return Internal("template " + std::string(name) + " failed: " + tmpl.error_message());
  return out;
}

// The request's query with `lang` replaced, for the language switch links.
std::string SwitchLink(const HttpRequest& request, std::string_view language) {
  std::string link = request.path.empty() ? "/" : request.path;
  std::string query;
  for (const auto& [key, value] : request.query) {
    if (key == "lang") continue;
    query += query.empty() ? "?" : "&";
    query += PercentEncode(key) + "=" + PercentEncode(value);
  }
  query += query.empty() ? "?" : "&";
  query += "lang=" + std::string(language);
  return link + query;
}

}  // namespace

Result<std::shared_ptr<const PageRenderer>> PageRenderer::Load() {
  std::shared_ptr<PageRenderer> renderer(new PageRenderer());
  for (const auto& file : WebResources(kTemplatePrefix)) {
    if (!file.path.ends_with(kTemplateSuffix)) continue;
    std::string name(file.path.substr(kTemplatePrefix.size(),
                                      file.path.size() - kTemplatePrefix.size() - kTemplateSuffix.size()));
    mustache::mustache check{std::string(file.bytes)};
    if (!check.is_valid()) return Internal("template " + name + " is invalid: " + check.error_message());
    renderer->templates_[name] = std::string(file.bytes);
  }
  if (!renderer->templates_.count(kLayout)) return Internal("templates/layout.mustache is missing");
  for (std::string_view language : {"ja", "en"}) {
    auto bytes = WebResource("i18n/" + std::string(language) + ".json");
    if (!bytes) return Internal("message catalogue i18n/" + std::string(language) + ".json is missing");
    auto catalogue = ParseJson(*bytes);
    if (!catalogue.ok()) return catalogue.error();
    if (!catalogue->is_object()) return Internal("message catalogue " + std::string(language) + " is not an object");
    renderer->catalogues_[std::string(language)] = std::move(*catalogue);
  }
  const Json& ja = renderer->catalogues_["ja"];
  const Json& en = renderer->catalogues_["en"];
  for (const auto& [key, text] : ja.items()) {
    if (!en.contains(key)) return Internal("message '" + key + "' has no English text");
  }
  for (const auto& [key, text] : en.items()) {
    if (!ja.contains(key)) return Internal("message '" + key + "' has no Japanese text");
  }
  return std::shared_ptr<const PageRenderer>(std::move(renderer));
}

std::string PageRenderer::Message(std::string_view language, std::string_view key) const {
  auto catalogue = catalogues_.find(language);
  if (catalogue == catalogues_.end()) return std::string(key);
  auto it = catalogue->second.find(std::string(key));
  if (it == catalogue->second.end() || !it->is_string()) return std::string(key);
  return it->get<std::string>();
}

Result<std::string> PageRenderer::Render(std::string_view page, std::string_view language, const Json& data,
                                         const HttpRequest& request) const {
  auto page_template = templates_.find(page);
  if (page_template == templates_.end()) return Internal("no template for page " + std::string(page));
  auto catalogue = catalogues_.find(language);
  if (catalogue == catalogues_.end()) return Internal("no message catalogue for " + std::string(language));

  Json context = data.is_object() ? data : Json::object();
  context["t"] = catalogue->second;
  context["lang"] = language;
  context["is_ja"] = language == "ja";
  context["is_en"] = language == "en";
  context["link_ja"] = SwitchLink(request, "ja");
  context["link_en"] = SwitchLink(request, "en");
  context["request_id"] = request.request_id;
  mustache::data values = ToMustache(context);

  auto body = RenderTemplate(page_template->second, page, values);
  if (!body.ok()) return body.error();
  values.set("content", *body);
  return RenderTemplate(templates_.find(kLayout)->second, kLayout, values);
}

}  // namespace hdcat::web
