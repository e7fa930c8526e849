#include <algorithm>
#include <memory>
#include <optional>
#include <set>

#include "harvesters/rdf/jsonld.h"
#include "schemas/resources.h"

namespace hdcat::harvesters::rdf {
namespace {

bool IsKeyword(std::string_view s) {
  static const std::set<std::string_view> kKeywords = {
      "@base", "@container", "@context", "@direction", "@graph", "@id", "@import", "@included",
      "@index", "@json", "@language", "@list", "@nest", "@none", "@prefix", "@propagate",
      "@protected", "@reverse", "@set", "@type", "@value", "@version", "@vocab"};
  return kKeywords.count(s) > 0;
}

bool LooksLikeKeyword(std::string_view s) {
  if (s.size() < 2 || s[0] != '@') return false;
  return std::all_of(s.begin() + 1, s.end(), [](unsigned char c) { return std::isalpha(c); });
}

bool IsAbsoluteIri(std::string_view s) {
  auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.begin() + colon, [](unsigned char c) {
    return std::isalnum(c) || c == '+' || c == '-' || c == '.';
  });
}

struct TermDefinition {
  std::optional<std::string> iri;  // nullopt = explicitly mapped to null
  bool reverse = false;
  std::string type_mapping;        // "", "@id", "@vocab", "@none", or a datatype IRI
  bool has_language = false;
  std::optional<std::string> language;  // with has_language: nullopt = no language
  std::set<std::string> containers;
  std::optional<Json> scoped_context;
  bool prefix = false;
};

struct ActiveContext {
  std::map<std::string, TermDefinition, std::less<>> terms;
  std::string vocab;
  bool has_vocab = false;
  std::string base;
  std::optional<std::string> default_language;
  // The context to return to when leaving a node that applied a
  // non-propagating (type-scoped) context.
  std::shared_ptr<const ActiveContext> previous;
};

using ContextPtr = std::shared_ptr<const ActiveContext>;

class Expander {
 public:
  Expander(const ContextCache& contexts, const ExpandOptions& options) : contexts_(contexts), options_(options) {}

  Result<Expansion> Run(const Json& document) {
    auto initial = std::make_shared<ActiveContext>();
    initial->base = options_.base_iri;
    auto expanded = Expand(initial, std::nullopt, document, "");
    if (!expanded.ok()) return expanded.error();
    Json out = std::move(expanded.value());
    if (out.is_object() && out.size() == 1 && out.contains("@graph")) out = out["@graph"];
    if (out.is_null()) out = Json::array();
    if (!out.is_array()) out = Json::array({out});
    return Expansion{std::move(out), std::move(dropped_)};
  }

 private:
  // --- context processing -------------------------------------------------
  Result<ContextPtr> Process(const ContextPtr& active, const Json& local, bool propagate, int depth) {
    if (depth > options_.max_context_depth) {
      return InvalidInput("JSON-LD contexts nest deeper than " + std::to_string(options_.max_context_depth) +
                          " levels (a context that includes itself?)");
    }
    auto result = std::make_shared<ActiveContext>(*active);
    if (!propagate && !result->previous) result->previous = active;
    std::vector<const Json*> items;
    if (local.is_array()) {
      for (const auto& item : local) items.push_back(&item);
    } else {
      items.push_back(&local);
    }
    for (const Json* item : items) {
      if (item->is_null()) {
        auto fresh = std::make_shared<ActiveContext>();
        fresh->base = options_.base_iri;
        result = fresh;
        continue;
      }
      if (item->is_string()) {
        std::string url = ResolveIri(result->base.empty() ? options_.base_iri : result->base, item->get<std::string>());
        auto doc = contexts_.Find(url);
        if (!doc.ok()) return doc.error();
        const Json& remote = *doc.value();
        if (!remote.is_object() || !remote.contains("@context")) {
          return InvalidInput("the cached JSON-LD context " + url + " has no @context");
        }
        auto nested = Process(result, remote["@context"], true, depth + 1);
        if (!nested.ok()) return nested.error();
        auto copy = std::make_shared<ActiveContext>(*nested.value());
        copy->previous = result->previous;
        result = copy;
        continue;
      }
      if (!item->is_object()) return InvalidInput("a JSON-LD @context must be an object, a string or an array");
      HDCAT_TRY(ProcessObject(*result, *item));
    }
    return ContextPtr(result);
  }

  Status ProcessObject(ActiveContext& result, const Json& local) {
    if (local.contains("@import")) return InvalidInput("JSON-LD @import in a context is not supported");
    if (auto it = local.find("@base"); it != local.end()) {
      if (it->is_null()) result.base.clear();
      else if (it->is_string()) result.base = ResolveIri(result.base, it->get<std::string>());
    }
    if (auto it = local.find("@vocab"); it != local.end()) {
      if (it->is_null()) {
        result.has_vocab = false;
        result.vocab.clear();
      } else if (it->is_string()) {
        auto iri = ExpandIri(result, it->get<std::string>(), true, true, nullptr, nullptr);
        result.vocab = iri.value_or("");
        result.has_vocab = true;
      }
    }
    if (auto it = local.find("@language"); it != local.end()) {
      if (it->is_null()) result.default_language.reset();
      else if (it->is_string()) result.default_language = Lower(it->get<std::string>());
    }
    std::map<std::string, bool> defined;
    for (const auto& [term, value] : local.items()) {
      if (term == "@base" || term == "@vocab" || term == "@language" || term == "@version" ||
          term == "@protected" || term == "@propagate" || term == "@direction") {
        continue;
      }
      HDCAT_TRY(Define(result, local, term, defined));
      if (pending_error_) return *pending_error_;
    }
    return Status::Ok();
  }

  Status Define(ActiveContext& active, const Json& local, const std::string& term, std::map<std::string, bool>& defined) {
    if (auto it = defined.find(term); it != defined.end()) {
      if (it->second) return Status::Ok();
      return InvalidInput("cyclic IRI mapping for JSON-LD term \"" + term + "\"");
    }
    defined[term] = false;
    if (IsKeyword(term)) return InvalidInput("a JSON-LD context may not redefine the keyword " + term);
    const Json& value = local.at(term);
    TermDefinition def;
    if (value.is_null()) {
      def.iri.reset();
      active.terms[term] = def;
      defined[term] = true;
      return Status::Ok();
    }
    Json object = value.is_string() ? Json{{"@id", value}} : value;
    if (!object.is_object()) return InvalidInput("invalid JSON-LD term definition for \"" + term + "\"");
    if (object.contains("@nest")) return InvalidInput("JSON-LD @nest is not supported (term \"" + term + "\")");
    if (auto it = object.find("@reverse"); it != object.end() && it->is_string()) {
      def.reverse = true;
      def.iri = ExpandIri(active, it->get<std::string>(), false, true, &local, &defined);
    } else if (auto id = object.find("@id"); id != object.end()) {
      if (id->is_null()) {
        def.iri.reset();
      } else if (id->is_string()) {
        std::string raw = id->get<std::string>();
        if (LooksLikeKeyword(raw) && !IsKeyword(raw)) {
          def.iri.reset();
        } else {
          def.iri = ExpandIri(active, raw, false, true, &local, &defined);
        }
        // A term that is itself a compact or absolute IRI must map to what it
        // expands to (JSON-LD 1.1, Create Term Definition 14.2.4), or "Xsd:string"
        // could silently mean xsd:string.
        const auto colon = term.find(':');
        if (def.iri && ((colon != std::string::npos && colon != 0 && colon + 1 != term.size()) ||
                        term.find('/') != std::string::npos)) {
          defined[term] = true;
          auto as_iri = ExpandIri(active, term, false, true, &local, &defined);
          if (as_iri != def.iri) {
            Error error = InvalidInput("invalid IRI mapping: JSON-LD term \"" + term + "\" has the form of an IRI"
                                       " that expands to " + as_iri.value_or("nothing") + ", but maps to " + *def.iri);
            error.expected = "a term in the form of an IRI maps to that IRI (or leave the term out)";
            return error;
          }
        }
        // Terms ending in a gen-delim (or any simple term mapping) may serve as prefixes.
        if (def.iri && !def.iri->empty() && term.find(':') == std::string::npos) {
          char last = def.iri->back();
          def.prefix = last == '/' || last == '#' || last == ':' || last == '?' || last == '[' || last == ']' ||
                       last == '@';
        }
      } else {
        return InvalidInput("the @id of JSON-LD term \"" + term + "\" must be a string");
      }
    } else if (auto colon = term.find(':'); colon != std::string::npos) {
      def.iri = ExpandIri(active, term, false, true, &local, &defined);
    } else if (active.has_vocab) {
      def.iri = active.vocab + term;
    } else {
      def.iri.reset();
    }
    if (auto it = object.find("@type"); it != object.end() && it->is_string()) {
      std::string type = it->get<std::string>();
      if (type == "@json") return InvalidInput("JSON-LD @json literals are not supported (term \"" + term + "\")");
      if (type == "@id" || type == "@vocab" || type == "@none") {
        def.type_mapping = type;
      } else {
        def.type_mapping = ExpandIri(active, type, false, true, &local, &defined).value_or("");
      }
    }
    if (auto it = object.find("@container"); it != object.end()) {
      if (it->is_string()) def.containers.insert(it->get<std::string>());
      else if (it->is_array())
        for (const auto& c : *it)
          if (c.is_string()) def.containers.insert(c.get<std::string>());
      for (const auto& c : def.containers) {
        if (c == "@id" || c == "@type" || c == "@graph") {
          return InvalidInput("JSON-LD " + c + " containers are not supported (term \"" + term + "\")");
        }
      }
    }
    if (auto it = object.find("@language"); it != object.end()) {
      def.has_language = true;
      if (it->is_string()) def.language = Lower(it->get<std::string>());
    }
    if (auto it = object.find("@context"); it != object.end()) def.scoped_context = *it;
    if (auto it = object.find("@prefix"); it != object.end() && it->is_boolean()) def.prefix = it->get<bool>();
    active.terms[term] = std::move(def);
    defined[term] = true;
    return Status::Ok();
  }

  static std::string Lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
  }

  // nullopt = the value maps to nothing (dropped).
  std::optional<std::string> ExpandIri(ActiveContext& active, const std::string& value, bool document_relative,
                                       bool vocab, const Json* local, std::map<std::string, bool>* defined) {
    if (IsKeyword(value)) return value;
    if (LooksLikeKeyword(value)) return std::nullopt;
    if (local && defined && local->contains(value) && !defined->count(value)) {
      if (!Define(active, *local, value, *defined).ok()) return std::nullopt;
    }
    if (vocab) {
      if (auto it = active.terms.find(value); it != active.terms.end()) return it->second.iri;
    }
    if (auto colon = value.find(':'); colon != std::string::npos && colon > 0) {
      std::string prefix = value.substr(0, colon);
      std::string suffix = value.substr(colon + 1);
      if (prefix == "_" || suffix.rfind("//", 0) == 0) return value;
      if (local && defined && local->contains(prefix)) {
        auto state = defined->find(prefix);
        if (state == defined->end()) {
          if (!Define(active, *local, prefix, *defined).ok()) return std::nullopt;
        } else if (!state->second) {
          if (!pending_error_) pending_error_ = InvalidInput("cyclic IRI mapping for JSON-LD term \"" + prefix + "\"");
          return std::nullopt;
        }
      }
      if (auto it = active.terms.find(prefix); it != active.terms.end() && it->second.iri && it->second.prefix) {
        return *it->second.iri + suffix;
      }
      if (IsAbsoluteIri(value)) return value;
    }
    if (vocab && active.has_vocab) return active.vocab + value;
    if (document_relative) return ResolveIri(active.base, value);
    return value;
  }

  std::optional<std::string> ExpandIri(const ContextPtr& active, const std::string& value, bool document_relative,
                                       bool vocab) {
    auto copy = const_cast<ActiveContext*>(active.get());  // no definitions are created without `local`
    return ExpandIri(*copy, value, document_relative, vocab, nullptr, nullptr);
  }

  // --- expansion ---------------------------------------------------------
  const TermDefinition* Term(const ContextPtr& active, const std::optional<std::string>& property) {
    if (!property) return nullptr;
    auto it = active->terms.find(*property);
    return it == active->terms.end() ? nullptr : &it->second;
  }

  Json ExpandValue(const ContextPtr& active, const std::optional<std::string>& property, const Json& value) {
    const TermDefinition* def = Term(active, property);
    if (def && value.is_string() && (def->type_mapping == "@id" || def->type_mapping == "@vocab")) {
      auto iri = ExpandIri(active, value.get<std::string>(), true, def->type_mapping == "@vocab");
      return iri ? Json{{"@id", *iri}} : Json();
    }
    Json result{{"@value", value}};
    if (def && !def->type_mapping.empty() && def->type_mapping[0] != '@') {
      result["@type"] = def->type_mapping;
    } else if (value.is_string()) {
      std::optional<std::string> language = active->default_language;
      if (def && def->has_language) language = def->language;
      if (language) result["@language"] = *language;
    }
    return result;
  }

  Result<Json> Expand(ContextPtr active, const std::optional<std::string>& property, const Json& element,
                      const std::string& path) {
    if (element.is_null()) return Json();
    if (!element.is_array() && !element.is_object()) {
      if (!property || *property == "@graph") return Json();
      return ExpandValue(active, property, element);
    }
    if (element.is_array()) {
      Json out = Json::array();
      for (const auto& item : element) {
        auto expanded = Expand(active, property, item, path);
        if (!expanded.ok()) return expanded.error();
        if (expanded->is_array()) {
          for (auto& x : *expanded) out.push_back(std::move(x));
        } else if (!expanded->is_null()) {
          out.push_back(std::move(*expanded));
        }
      }
      return out;
    }
    return ExpandObject(std::move(active), property, element, path);
  }

  Result<Json> ExpandObject(ContextPtr active, const std::optional<std::string>& property, const Json& element,
                            const std::string& path) {
    // Leave a type-scoped context when entering a nested node object.
    bool value_like = false;
    for (const auto& [key, unused] : element.items()) {
      (void)unused;
      if (ExpandIri(active, key, false, true) == std::optional<std::string>("@value")) value_like = true;
    }
    if (active->previous && !value_like && !(element.size() == 1 && element.contains("@id"))) {
      active = active->previous;
    }
    if (const TermDefinition* def = Term(active, property); def && def->scoped_context) {
      auto scoped = Process(active, *def->scoped_context, true, 0);
      if (!scoped.ok()) return scoped.error();
      active = scoped.value();
    }
    if (auto it = element.find("@context"); it != element.end()) {
      auto local = Process(active, *it, true, 0);
      if (!local.ok()) return local.error();
      active = local.value();
    }
    ContextPtr type_scoped = active;
    // Apply the scoped contexts of the node's types, in lexical order.
    std::vector<std::string> keys;
    for (const auto& [key, unused] : element.items()) {
      (void)unused;
      keys.push_back(key);
    }
    std::sort(keys.begin(), keys.end());
    for (const auto& key : keys) {
      if (ExpandIri(active, key, false, true) != std::optional<std::string>("@type")) continue;
      std::vector<std::string> types;
      const Json& v = element[key];
      if (v.is_string()) types.push_back(v.get<std::string>());
      if (v.is_array())
        for (const auto& t : v)
          if (t.is_string()) types.push_back(t.get<std::string>());
      std::sort(types.begin(), types.end());
      for (const auto& type : types) {
        auto it = type_scoped->terms.find(type);
        if (it != type_scoped->terms.end() && it->second.scoped_context) {
          auto scoped = Process(active, *it->second.scoped_context, false, 0);
          if (!scoped.ok()) return scoped.error();
          active = scoped.value();
        }
      }
    }

    Json result = Json::object();
    for (const auto& key : keys) {
      if (key == "@context") continue;
      const Json& value = element[key];
      std::string key_path = path + "/" + key;
      auto expanded_property = ExpandIri(active, key, false, true);
      if (!expanded_property || (expanded_property->find(':') == std::string::npos && !IsKeyword(*expanded_property))) {
        dropped_.push_back(key_path);
        continue;
      }
      const std::string& iri = *expanded_property;
      if (IsKeyword(iri)) {
        HDCAT_TRY(ExpandKeyword(active, type_scoped, property, iri, value, key_path, result));
        continue;
      }
      const TermDefinition* def = Term(active, key);
      Json expanded_value;
      if (def && def->containers.count("@language") && value.is_object()) {
        expanded_value = Json::array();
        for (const auto& [language, items] : value.items()) {
          Json list = items.is_array() ? items : Json::array({items});
          for (const auto& item : list) {
            if (item.is_null()) continue;
            if (!item.is_string()) return InvalidInput("a JSON-LD language map holds a non-string at " + key_path);
            Json v{{"@value", item}};
            if (language != "@none") v["@language"] = Lower(language);
            expanded_value.push_back(std::move(v));
          }
        }
      } else if (def && def->containers.count("@index") && value.is_object()) {
        expanded_value = Json::array();
        for (const auto& [index, items] : value.items()) {
          (void)index;
          auto x = Expand(active, key, items, key_path);
          if (!x.ok()) return x.error();
          if (x->is_array())
            for (auto& e : *x) expanded_value.push_back(std::move(e));
          else if (!x->is_null())
            expanded_value.push_back(std::move(*x));
        }
      } else {
        auto x = Expand(active, key, value, key_path);
        if (!x.ok()) return x.error();
        expanded_value = std::move(*x);
      }
      if (expanded_value.is_null()) continue;
      if (def && def->containers.count("@list") && !(expanded_value.is_object() && expanded_value.contains("@list"))) {
        expanded_value = Json{{"@list", expanded_value.is_array() ? expanded_value : Json::array({expanded_value})}};
      }
      Json& target = def && def->reverse ? result["@reverse"][iri] : result[iri];
      if (target.is_null()) target = Json::array();
      if (expanded_value.is_array()) {
        for (auto& x : expanded_value) target.push_back(std::move(x));
      } else {
        target.push_back(std::move(expanded_value));
      }
    }

    if (result.contains("@value")) {
      if (result["@value"].is_null()) return Json();
      if (auto it = result.find("@type"); it != result.end() && it->is_array()) {
        if (it->size() != 1) return InvalidInput("a JSON-LD value has more than one @type at " + path);
        Json type = (*it)[0];
        *it = type;
      }
      if (result.contains("@language") && !result["@value"].is_string()) {
        return InvalidInput("a JSON-LD value with @language must be a string at " + path);
      }
    } else if (result.contains("@type") && !result["@type"].is_array()) {
      result["@type"] = Json::array({result["@type"]});
    } else if (result.contains("@set")) {
      return result["@set"];
    }
    if (result.size() == 1 && result.contains("@language")) return Json();
    if (!property || *property == "@graph") {
      if (result.empty() || result.contains("@value") || result.contains("@list")) return Json();
      if (result.size() == 1 && result.contains("@id")) return Json();
    }
    return result;
  }

  Status ExpandKeyword(const ContextPtr& active, const ContextPtr& type_scoped, const std::optional<std::string>& property,
                       const std::string& keyword, const Json& value, const std::string& path, Json& result) {
    if (keyword == "@id") {
      if (!value.is_string()) return InvalidInput("JSON-LD @id must be a string at " + path);
      auto iri = ExpandIri(active, value.get<std::string>(), true, false);
      if (iri) result["@id"] = *iri;
    } else if (keyword == "@type") {
      Json types = Json::array();
      for (const auto& t : value.is_array() ? value : Json::array({value})) {
        if (!t.is_string()) return InvalidInput("JSON-LD @type values must be strings at " + path);
        auto iri = ExpandIri(type_scoped, t.get<std::string>(), true, true);
        if (iri) types.push_back(*iri);
      }
      result["@type"] = types;
    } else if (keyword == "@value") {
      if (value.is_object() || value.is_array()) return InvalidInput("JSON-LD @value must be a scalar at " + path);
      result["@value"] = value;
    } else if (keyword == "@language") {
      if (!value.is_string()) return InvalidInput("JSON-LD @language must be a string at " + path);
      result["@language"] = Lower(value.get<std::string>());
    } else if (keyword == "@graph" || keyword == "@included") {
      auto x = Expand(active, keyword, value, path);
      if (!x.ok()) return x.error();
      result[keyword] = x->is_array() ? *x : Json::array({*x});
    } else if (keyword == "@list" || keyword == "@set") {
      if (!property || *property == "@graph") return Status::Ok();
      auto x = Expand(active, property, value, path);
      if (!x.ok()) return x.error();
      result[keyword] = x->is_array() ? *x : (x->is_null() ? Json::array() : Json::array({*x}));
    } else if (keyword == "@reverse") {
      if (!value.is_object()) return InvalidInput("JSON-LD @reverse must be an object at " + path);
      auto x = Expand(active, "@reverse", value, path);
      if (!x.ok()) return x.error();
      for (auto& [iri, items] : x->items()) {
        if (IsKeyword(iri)) continue;
        for (auto& item : items.is_array() ? items : Json::array({items})) result["@reverse"][iri].push_back(item);
      }
    } else if (keyword == "@index" || keyword == "@direction") {
      result[keyword] = value;
    } else if (keyword == "@nest") {
      return InvalidInput("JSON-LD @nest is not supported at " + path);
    }
    return Status::Ok();
  }

  const ContextCache& contexts_;
  const ExpandOptions& options_;
  std::vector<std::string> dropped_;
  std::optional<Error> pending_error_;  // found inside ExpandIri, which cannot return one
};

}  // namespace

ContextCache ContextCache::Builtin() {
  ContextCache cache;
  struct Entry {
    std::string_view path;
    std::vector<std::string_view> urls;
  };
  const Entry entries[] = {
      {"contexts/dcat-ap-3.0.1.context.json",
       {kDcatApContextUrl, "https://raw.githubusercontent.com/SEMICeu/DCAT-AP/master/releases/3.0.1/context/dcat-ap.jsonld",
        "https://semiceu.github.io/DCAT-AP/releases/3.0.0/context/dcat-ap.jsonld"}},
      {"contexts/healthdcat-ap.context.json", {kHealthDcatApContextUrl}},
  };
  for (const auto& entry : entries) {
    auto bytes = schemas::Resource(entry.path);
    if (!bytes) continue;
    Json doc = Json::parse(*bytes, nullptr, false);
    if (doc.is_discarded()) continue;
    for (auto url : entry.urls) cache.Add(std::string(url), doc);
  }
  return cache;
}

void ContextCache::Add(std::string url, Json document) { documents_[std::move(url)] = std::move(document); }

std::vector<std::string> ContextCache::Urls() const {
  std::vector<std::string> urls;
  for (const auto& entry : documents_) urls.push_back(entry.first);
  return urls;
}

Result<const Json*> ContextCache::Find(std::string_view url) const {
  auto it = documents_.find(url);
  if (it != documents_.end()) return &it->second;
  Error error = InvalidInput("JSON-LD context " + std::string(url) +
                             " is not in the local context cache; hdcat never fetches contexts over the network");
  std::string known;
  for (const auto& [name, doc] : documents_) {
    (void)doc;
    known += (known.empty() ? "" : ", ") + name;
  }
  error.expected = "one of the cached contexts: " + known;
  return error;
}

Result<Expansion> ExpandJsonLd(const Json& document, const ContextCache& contexts, const ExpandOptions& options) {
  try {
    Expander expander(contexts, options);
    return expander.Run(document);
  } catch (const std::exception& e) {
    return InvalidInput(std::string("JSON-LD expansion failed: ") + e.what());
  }
}

std::string ResolveIri(std::string_view base, std::string_view reference) {
  if (reference.empty()) return std::string(base.substr(0, base.find('#')));
  if (IsAbsoluteIri(reference) || base.empty()) return std::string(reference);
  auto scheme_end = base.find("://");
  if (scheme_end == std::string_view::npos) return std::string(reference);
  auto path_start = base.find('/', scheme_end + 3);
  std::string_view origin = base.substr(0, path_start);
  std::string_view base_no_fragment = base.substr(0, base.find('#'));
  if (reference.rfind("//", 0) == 0) return std::string(base.substr(0, scheme_end + 1)) + std::string(reference);
  if (reference[0] == '#') return std::string(base_no_fragment) + std::string(reference);
  if (reference[0] == '?') return std::string(base_no_fragment.substr(0, base_no_fragment.find('?'))) + std::string(reference);
  std::string path;
  if (reference[0] == '/') {
    path = std::string(reference);
  } else {
    std::string_view base_path = path_start == std::string_view::npos ? std::string_view("/") : base.substr(path_start);
    base_path = base_path.substr(0, base_path.find_first_of("?#"));
    path = std::string(base_path.substr(0, base_path.rfind('/') + 1)) + std::string(reference);
  }
  // Remove dot segments.
  std::string query;
  if (auto q = path.find_first_of("?#"); q != std::string::npos) {
    query = path.substr(q);
    path.resize(q);
  }
  std::vector<std::string> segments;
  size_t pos = 1;
  while (pos <= path.size()) {
    size_t next = path.find('/', pos);
    std::string segment = path.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
    bool last = next == std::string::npos;
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
      if (last) segments.emplace_back();
    } else if (segment == ".") {
      if (last) segments.emplace_back();
    } else {
      segments.push_back(segment);
    }
    if (last) break;
    pos = next + 1;
  }
  std::string out(origin);
  for (const auto& s : segments) out += "/" + s;
  return out + query;
}

}  // namespace hdcat::harvesters::rdf
