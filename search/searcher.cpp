#include "search/searcher.h"

#include <algorithm>
#include <set>

#include "base/utf8.h"
#include "search/document_builder.h"
#include "search/facet_spy.h"
#include "search/index_schema.h"
#include "search/text_runs.h"

namespace hdcat::search {
namespace {

namespace s = schema;

constexpr std::size_t kSnippetLength = 240;
constexpr int kMaxLimit = 1000;

std::string FacetTerm(std::string_view facet, const std::string& value) {
  return std::string(s::kPrefixFacet) + std::string(facet) + ":" + value;
}

// Looked up in the term's posting list rather than the document's term list:
// a dataset document holds the terms of all its variables, and reading (and
// decompressing) that list for every check made explanations the slowest
// part of a search.
bool HasTerm(const Xapian::Database& database, Xapian::docid document, const std::string& term) {
  Xapian::PostingIterator it = database.postlist_begin(term);
  if (it == database.postlist_end(term)) return false;
  it.skip_to(document);
  return it != database.postlist_end(term) && *it == document;
}

// The text and code terms of `query` that index `document`, in query order
// (what Enquire::get_matching_terms gives, without reading the document's
// whole term list).
std::vector<std::string> MatchingTerms(const Xapian::Database& database, Xapian::docid document,
                                       const Xapian::Query& query, const BuiltQuery& built) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (auto term = query.get_terms_begin(); term != query.get_terms_end(); ++term) {
    const std::string& name = *term;
    if (built.code_terms.count(name) == 0 && built.text_terms.count(name) == 0) continue;
    if (seen.insert(name).second && HasTerm(database, document, name)) out.push_back(name);
  }
  return out;
}

std::string TextIn(const Json& lang_text, const std::string& lang) {
  if (!lang_text.is_object()) return "";
  if (auto found = lang_text.find(lang); found != lang_text.end() && found->is_string()) return found->get<std::string>();
  for (const auto& [key, value] : lang_text.items()) {
    if (value.is_string() && !value.get<std::string>().empty()) return value.get<std::string>();
  }
  return "";
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// The filters of a request as Xapian queries, so each facet's count can leave
// its own filter out.
class Filters {
 public:
  static Result<Filters> From(const SearchRequest& request) {
    Filters filters;
    filters.scope_ = Xapian::Query(std::string(request.target == SearchTarget::kVariables ? s::kTermVariable
                                                                                           : s::kTermDataset));
    for (const auto& [facet, values] : request.filters) {
      if (s::FacetSlot(facet) < 0) {
        Error error = InvalidInput("unknown facet '" + facet + "'");
        std::string known;
        for (std::string_view name : s::kFacets) known += (known.empty() ? "" : ", ") + std::string(name);
        error.expected = known;
        return error;
      }
      if (values.empty()) continue;
      std::vector<Xapian::Query> alternatives;
      for (const std::string& value : values) alternatives.emplace_back(FacetTerm(facet, value));
      filters.by_facet_.emplace_back(facet, Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()));
    }
    if (request.period_start || request.period_end) {
      std::string start = request.period_start ? PeriodBound(*request.period_start, false) : "0000-01-01";
      std::string end = request.period_end ? PeriodBound(*request.period_end, true) : std::string(s::kOngoingEnd);
      if (start.empty() || end.empty()) return InvalidInput("period bounds must be YYYY, YYYY-MM or YYYY-MM-DD");
      filters.period_ = Xapian::Query(Xapian::Query::OP_AND,
                                      Xapian::Query(Xapian::Query::OP_VALUE_LE, s::kSlotPeriodStart, end),
                                      Xapian::Query(Xapian::Query::OP_VALUE_GE, s::kSlotPeriodEnd, start));
    }
    return filters;
  }

  bool Filtered(std::string_view facet) const {
    return std::any_of(by_facet_.begin(), by_facet_.end(), [&](const auto& entry) { return entry.first == facet; });
  }

  // `text` restricted by every filter except the one on `skip_facet`.
  Xapian::Query Apply(const Xapian::Query& text, std::string_view skip_facet) const {
    std::vector<Xapian::Query> parts = {scope_};
    for (const auto& [facet, query] : by_facet_) {
      if (facet != skip_facet) parts.push_back(query);
    }
    if (!period_.empty()) parts.push_back(period_);
    Xapian::Query filter(Xapian::Query::OP_AND, parts.begin(), parts.end());
    if (text.empty()) return filter;
    return Xapian::Query(Xapian::Query::OP_FILTER, text, filter);
  }

 private:
  Xapian::Query scope_;
  std::vector<std::pair<std::string, Xapian::Query>> by_facet_;
  Xapian::Query period_;
};

FacetCounts SortedCounts(std::string_view facet, const std::map<std::string, std::int64_t>& counts) {
  FacetCounts out;
  out.facet = std::string(facet);
  for (const auto& [value, count] : counts) out.values.push_back({value, count});
  std::sort(out.values.begin(), out.values.end(), [](const FacetValueCount& a, const FacetValueCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  return out;
}

// First variable document of a dataset matching `query`, as "name (title)".
std::string MatchingVariable(const Xapian::Database& database, const std::string& public_id,
                             const Xapian::Query& query, const std::string& lang) {
  Xapian::Enquire enquire(database);
  enquire.set_query(Xapian::Query(
      Xapian::Query::OP_FILTER, query,
      Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(std::string(s::kTermVariable)),
                    Xapian::Query(std::string(s::kPrefixDataset) + public_id))));
  Xapian::MSet best = enquire.get_mset(0, 1);
  if (best.empty()) return "";
  Json data = Json::parse(best.begin().get_document().get_data(), nullptr, false);
  if (!data.is_object()) return "";
  std::string name = data.value("name", "");
  std::string title = TextIn(data.value("title", Json::object()), lang);
  return title.empty() || title == name ? name : name + " (" + title + ")";
}

// `query` (a unit's text query) over one field's position-less copies
// (index_schema.h): each word must be in that field itself. Stems have no
// copies and match nothing; a phrase becomes the AND of its words.
Xapian::Query InField(const Xapian::Query& query, std::string_view prefix) {
  if (query.get_type() == Xapian::Query::LEAF_TERM) {
    std::string term = *query.get_terms_begin();
    if (term.rfind(s::kPrefixStem, 0) == 0) return Xapian::Query::MatchNothing;
    return Xapian::Query(std::string(prefix) + term);
  }
  std::vector<Xapian::Query> parts;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) parts.push_back(InField(query.get_subquery(i), prefix));
  Xapian::Query::op op = query.get_type() == Xapian::Query::OP_OR ? Xapian::Query::OP_OR : Xapian::Query::OP_AND;
  return Xapian::Query(op, parts.begin(), parts.end());
}

// An MSet over the page's documents whose query is the highlight terms:
// MSet::snippet marks the terms of its own query, and in Xapian 1.4.22 it
// marks CJK text by unigrams, which the main query (bigrams) does not hold.
Xapian::MSet HighlightMatches(const Xapian::Database& database, const Xapian::MSet& page, const BuiltQuery& built) {
  if (page.empty() || built.highlight_terms.empty()) return page;
  std::vector<Xapian::Query> documents;
  for (Xapian::MSetIterator it = page.begin(); it != page.end(); ++it) {
    Json data = Json::parse(it.get_document().get_data(), nullptr, false);
    if (!data.is_object()) continue;
    std::string id = data.value("kind", "") == "variable"
                         ? data.value("dataset", "") + "#" + data.value("table", "") + "/" + data.value("name", "")
                         : data.value("public_id", "");
    documents.emplace_back(std::string(s::kPrefixId) + id);
  }
  Xapian::Query query(Xapian::Query::OP_AND_MAYBE,
                      Xapian::Query(Xapian::Query::OP_OR, documents.begin(), documents.end()),
                      Xapian::Query(Xapian::Query::OP_OR, built.highlight_terms.begin(), built.highlight_terms.end()));
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  return enquire.get_mset(0, page.size());
}

// Joins adjacent marks (糖|尿|病 -> 糖尿病) and, unless a one-character
// Japanese word was asked for, unmarks lone CJK characters, which are
// n-gram noise (病 of 病院 when searching 糖尿病).
std::string TidyMarks(std::string snippet, bool keep_single_cjk) {
  const std::string open = "<mark>", close = "</mark>";
  for (std::size_t at; (at = snippet.find(close + open)) != std::string::npos;) {
    snippet.erase(at, close.size() + open.size());
  }
  if (keep_single_cjk) return snippet;
  std::string out;
  std::size_t pos = 0;
  while (true) {
    std::size_t start = snippet.find(open, pos);
    if (start == std::string::npos) break;
    std::size_t end = snippet.find(close, start);
    if (end == std::string::npos) break;
    std::string inner = snippet.substr(start + open.size(), end - start - open.size());
    Xapian::Utf8Iterator it(inner);
    bool lone_cjk = it != Xapian::Utf8Iterator() && IsCjkCodepoint(*it) && ++it == Xapian::Utf8Iterator();
    out.append(snippet, pos, start - pos);
    out += lone_cjk ? inner : open + inner + close;
    pos = end + close.size();
  }
  out.append(snippet, pos, std::string::npos);
  return out;
}

}  // namespace

Result<std::unique_ptr<Searcher>> Searcher::Open(const IndexManager& index,
                                                 std::shared_ptr<const SearchVocabulary> vocabulary,
                                                 RefreshPolicy refresh) {
  auto database = index.OpenForReading();
  if (!database.ok()) return database.error();
  auto searcher = std::make_unique<Searcher>(std::move(*database), std::move(vocabulary));
  searcher->index_ = index;
  searcher->refresh_ = std::move(refresh);
  searcher->last_refresh_ = std::chrono::steady_clock::now();
  if (searcher->refresh_.signal) searcher->seen_generation_ = searcher->refresh_.signal->generation();
  auto path = index.CurrentPath();
  if (path.ok()) searcher->opened_path_ = *path;
  return searcher;
}

Searcher::Searcher(Xapian::Database database, std::shared_ptr<const SearchVocabulary> vocabulary)
    : database_(std::move(database)), vocabulary_(vocabulary), builder_(vocabulary) {
  LoadIndexSystems();
}

void Searcher::LoadIndexSystems() {
  index_systems_.clear();
  std::string prefix = FacetTerm("coding_system", "");
  for (auto term = database_.allterms_begin(prefix); term != database_.allterms_end(prefix); ++term) {
    index_systems_.push_back((*term).substr(prefix.size()));
  }
}

bool Searcher::RefreshDue() {
  auto now = std::chrono::steady_clock::now();
  std::uint64_t generation = refresh_.signal ? refresh_.signal->generation() : 0;
  if (generation == seen_generation_ && now - last_refresh_ < refresh_.recheck) return false;
  seen_generation_ = generation;
  last_refresh_ = now;
  return true;
}

Status Searcher::Refresh() {
  if (!index_) {
    if (database_.reopen()) LoadIndexSystems();
    return Status::Ok();
  }
  if (!RefreshDue()) return Status::Ok();
  auto path = index_->CurrentPath();
  if (!path.ok()) return path.error();
  if (*path != opened_path_) {
    database_ = Xapian::Database(*path);
    opened_path_ = *path;
    LoadIndexSystems();
  } else if (database_.reopen()) {
    LoadIndexSystems();
  }
  return Status::Ok();
}

Result<SearchResponse> Searcher::Search(const SearchRequest& request) {
  for (int attempt = 0;; ++attempt) {
    try {
      HDCAT_TRY(Refresh());
      return SearchOnce(request);
    } catch (const Xapian::DatabaseModifiedError& error) {
      if (attempt >= 2) return XapianError(error, "search");
      last_refresh_ = {};  // the revision read is gone: look again before retrying
    } catch (const Xapian::Error& error) {
      return XapianError(error, "search");
    }
  }
}

Result<SearchResponse> Searcher::SearchOnce(const SearchRequest& request) {
  if (request.offset < 0 || request.limit < 0 || request.limit > kMaxLimit) {
    return InvalidInput("offset must be >= 0 and limit between 0 and " + std::to_string(kMaxLimit));
  }
  for (const std::string& facet : request.facets) {
    if (s::FacetSlot(facet) < 0) return InvalidInput("unknown facet '" + facet + "'");
  }
  auto filters = Filters::From(request);
  if (!filters.ok()) return filters.error();
  BuiltQuery built = builder_.Build(request.query, index_systems_);
  const Xapian::doccount everything = std::max<Xapian::doccount>(database_.get_doccount(), 1);

  SearchResponse response;
  Xapian::Enquire enquire(database_);
  switch (request.sort) {
    case SortOrder::kRelevance: break;
    case SortOrder::kUpdated: enquire.set_sort_by_value_then_relevance(s::kSlotLastUpdated, true); break;
    case SortOrder::kSize: enquire.set_sort_by_value_then_relevance(s::kSlotSize, true); break;
    case SortOrder::kTitle:
      enquire.set_sort_by_value_then_relevance(request.lang.rfind("en", 0) == 0 ? s::kSlotTitleEn : s::kSlotTitleJa,
                                               false);
      break;
  }

  // The main pass also counts every facet that has no filter of its own.
  std::vector<std::pair<std::string, std::unique_ptr<FacetSpy>>> spies;
  auto run_main = [&](const Xapian::Query& text) {
    Xapian::Query query = filters->Apply(text, "");
    if (!text.empty() && !built.boost.empty()) query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, built.boost);
    enquire.set_query(query);
    enquire.clear_matchspies();
    spies.clear();
    for (const std::string& facet : request.facets) {
      if (filters->Filtered(facet)) continue;
      spies.emplace_back(facet, std::make_unique<FacetSpy>(static_cast<Xapian::valueno>(s::FacetSlot(facet))));
      enquire.add_matchspy(spies.back().second.get());
    }
    return enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                            static_cast<Xapian::doccount>(request.limit), everything);
  };
  Xapian::Query text = built.strict;
  Xapian::MSet matches = run_main(text);
  if (matches.get_matches_upper_bound() == 0 && built.unit_count > 1) {
    text = built.relaxed;
    matches = run_main(text);
    response.relaxed = matches.get_matches_upper_bound() > 0;
  }
  response.total = matches.get_matches_estimated();
  response.total_exact = matches.get_matches_lower_bound() == matches.get_matches_upper_bound();

  // Facet counts, each without its own filter.
  for (const std::string& facet : request.facets) {
    Xapian::valueno slot = static_cast<Xapian::valueno>(s::FacetSlot(facet));
    if (!filters->Filtered(facet)) {
      for (const auto& [name, spy] : spies) {
        if (name == facet) response.facets.push_back(SortedCounts(facet, spy->counts()));
      }
      continue;
    }
    Xapian::Enquire counting(database_);
    counting.set_weighting_scheme(Xapian::BoolWeight());
    counting.set_query(filters->Apply(text, facet));
    FacetSpy spy(slot);
    counting.add_matchspy(&spy);
    counting.get_mset(0, 0, everything);
    response.facets.push_back(SortedCounts(facet, spy.counts()));
  }

  // Hits.
  const std::string lang = request.lang.empty() ? "ja" : request.lang;
  Xapian::MSet highlighter = HighlightMatches(database_, matches, built);
  for (Xapian::MSetIterator it = matches.begin(); it != matches.end(); ++it) {
    Xapian::Document document = it.get_document();
    Json data = Json::parse(document.get_data(), nullptr, false);
    if (!data.is_object()) continue;
    SearchHit hit;
    hit.score = it.get_weight();
    bool is_variable = data.value("kind", "") == "variable";
    hit.public_id = is_variable ? data.value("dataset", "") : data.value("public_id", "");
    hit.ref = data.value("ref", "");
    hit.holder = data.value("holder", "");
    hit.title = data.value("title", Json::object());
    hit.holder_name = data.value("holder_name", Json::object());
    if (is_variable) {
      hit.table = data.value("table", "");
      hit.variable = data.value("name", "");
      hit.dataset_title = data.value("dataset_title", Json::object());
    }

    // Snippet: the requested language if it shows a match, else any that does.
    Json sources = data.value("snippet_source", Json::object());
    std::vector<std::string> langs = {lang};
    for (const auto& [key, value] : sources.items()) {
      if (key != lang) langs.push_back(key);
    }
    for (const std::string& candidate : langs) {
      auto found = sources.find(candidate);
      if (found == sources.end() || !found->is_string() || found->get<std::string>().empty()) continue;
      const std::string source = found->get<std::string>();
      Xapian::Stem stemmer = candidate.rfind("en", 0) == 0 ? Xapian::Stem("english") : Xapian::Stem();
      std::string snippet = TidyMarks(
          highlighter.snippet(source, kSnippetLength, stemmer,
                              Xapian::MSet::SNIPPET_CJK_NGRAM | Xapian::MSet::SNIPPET_EXHAUSTIVE |
                                  Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH,
                              "<mark>", "</mark>", "…"),
          built.has_single_cjk_run);
      if (!snippet.empty() && IsValidUtf8(snippet)) {
        hit.snippet = std::move(snippet);
        break;
      }
    }
    if (hit.snippet.empty()) {
      std::string fallback = TextIn(sources, lang);
      hit.snippet = EscapeHtml(TruncateUtf8(fallback, kSnippetLength));
    }

    // Why it matched.
    std::vector<std::string> reasons;
    auto add_reason = [&reasons](std::string reason) {
      if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end()) reasons.push_back(std::move(reason));
    };
    std::map<std::pair<std::string, std::string>, std::set<std::string>> fields;  // (unit, synonym) -> fields
    for (const std::string& name : MatchingTerms(database_, *it, enquire.get_query(), built)) {
      if (auto code = built.code_terms.find(name); code != built.code_terms.end()) {
        std::string variable = is_variable ? hit.variable
                                           : MatchingVariable(database_, hit.public_id, Xapian::Query(name), lang);
        add_reason("code " + code->second.code + (variable.empty() ? "" : " in variable " + variable) + " (" +
                   code->second.system + ")");
        continue;
      }
      auto origin = built.text_terms.find(name);
      if (origin == built.text_terms.end()) continue;
      auto key = std::make_pair(origin->second.unit, origin->second.synonym);
      if (name.rfind(s::kPrefixStem, 0) == 0) {
        fields[key];  // a stem says "text" only when nothing more precise does
        continue;
      }
      bool in_field = false;
      for (const auto& [prefix, field] : {std::pair{s::kPrefixTitle, "title"}, std::pair{s::kPrefixName, "name"},
                                          std::pair{s::kPrefixKeyword, "keyword"},
                                          std::pair{s::kPrefixVariable, "variable"}}) {
        if (!HasTerm(database_, *it, std::string(prefix) + name)) continue;
        fields[key].insert(field);
        in_field = true;
      }
      if (!in_field) fields[key].insert("description");
    }
    // The user's own words explain a hit; a synonym only when they do not,
    // and then only the first synonym that matched.
    const std::string id_term = std::string(s::kPrefixId) +
                                (is_variable ? hit.public_id + "#" + hit.table + "/" + hit.variable : hit.public_id);
    auto matches_hit = [&](const Xapian::Query& query) {
      Xapian::Enquire check(database_);
      check.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(id_term)));
      return !check.get_mset(0, 1).empty();
    };
    auto whole_match = [&](const std::pair<std::string, std::string>& key) {
      auto query = built.synonym_queries.find(key);
      return query != built.synonym_queries.end() && matches_hit(query->second);
    };
    std::set<std::pair<std::string, std::string>> verified;
    std::set<std::string> explained_units;
    for (const auto& [key, found_in] : fields) {
      if (key.second.empty() && whole_match(key)) {
        verified.insert(key);
        explained_units.insert(key.first);
      }
    }
    for (const auto& [key, found_in] : fields) {
      if (!key.second.empty() && explained_units.count(key.first) == 0 && whole_match(key)) {
        verified.insert(key);
        explained_units.insert(key.first);  // the first synonym that matched is enough
      }
    }
    for (const auto& [key, found_in] : fields) {
      if (verified.count(key) == 0) continue;  // stray n-grams, not the words themselves
      std::string words = key.first + (key.second.empty() ? "" : " (synonym: " + key.second + ")");
      bool credited = false;
      for (const char* field : {"title", "name", "keyword", "variable", "description"}) {
        if (found_in.count(field) == 0) continue;
        std::string reason = std::string(field) + ": " + words;
        if (std::string_view(field) == "variable") {
          // A variable is credited only when the whole unit (or synonym) is in
          // its own name, title or aliases: not one of its n-grams, not its
          // description, not another variable's words.
          const Xapian::Query& unit = built.synonym_queries.at(key);
          Xapian::Query in_variables = InField(unit, s::kPrefixVariable);
          if (is_variable) {
            if (!matches_hit(in_variables)) continue;
          } else {
            std::string variable = MatchingVariable(
                database_, hit.public_id, Xapian::Query(Xapian::Query::OP_AND, unit, in_variables), lang);
            if (!variable.empty()) {
              reason = "variable " + variable + ": " + words;
            } else if (!matches_hit(in_variables)) {
              continue;
            }
          }
        }
        add_reason(std::move(reason));
        credited = true;
      }
      if (!credited) add_reason("text: " + words);
    }
    hit.matched_because = std::move(reasons);
    response.hits.push_back(std::move(hit));
  }

  // Did you mean: Latin words the index does not know, by the spelling dictionary.
  if (!built.empty()) {
    Xapian::Stem stemmer("english");
    std::vector<std::string> units = built.units;
    bool changed = false;
    for (const std::string& word : built.latin_words) {
      if (word.size() < 3 || std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
      if (database_.get_termfreq(word) > 0 || database_.get_termfreq(std::string(s::kPrefixStem) + stemmer(word)) > 0) {
        continue;
      }
      std::string suggestion = database_.get_spelling_suggestion(word, 2);
      if (suggestion.empty() || suggestion == word) continue;
      for (std::string& unit : units) {
        std::size_t at = unit.find(word);
        if (at != std::string::npos) {
          unit.replace(at, word.size(), suggestion);
          changed = true;
          break;
        }
      }
    }
    if (changed) {
      for (const std::string& unit : units) {
        response.did_you_mean += (response.did_you_mean.empty() ? "" : " ") + unit;
      }
    }
  }
  return response;
}

Result<Xapian::Query> Searcher::TextQuery(std::string_view text) {
  try {
    HDCAT_TRY(Refresh());
    return builder_.Build(text, index_systems_).strict;
  } catch (const Xapian::Error& error) {
    return XapianError(error, "search");
  }
}

Result<SearchResponse> Searcher::Match(const MatchRequest& request) {
  if (request.offset < 0 || request.limit < 0 || request.limit > kMaxLimit) {
    return InvalidInput("offset must be >= 0 and limit between 0 and " + std::to_string(kMaxLimit));
  }
  for (const std::string& facet : request.facets) {
    if (s::FacetSlot(facet) < 0) return InvalidInput("unknown facet '" + facet + "'");
  }
  for (int attempt = 0;; ++attempt) {
    try {
      HDCAT_TRY(Refresh());
      if (database_.get_metadata(std::string(s::kMetaSchemaVersion)) < "2") {
        return Unavailable("the search index was built by an older hdcat; run `hdcat reindex`");
      }
      Xapian::Query datasets{std::string(s::kTermDataset)};
      Xapian::Enquire enquire(database_);
      enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, request.query, datasets));
      Xapian::MultiValueKeyMaker keys;
      for (const auto& [slot, descending] : request.sort_keys) keys.add_value(slot, descending);
      keys.add_value(s::kSlotPublicId, false);
      if (request.relevance_first) {
        enquire.set_sort_by_relevance_then_key(&keys, false);
      } else {
        enquire.set_sort_by_key_then_relevance(&keys, false);
      }
      std::vector<std::unique_ptr<FacetSpy>> spies;
      for (const std::string& facet : request.facets) {
        spies.push_back(std::make_unique<FacetSpy>(static_cast<Xapian::valueno>(s::FacetSlot(facet))));
        enquire.add_matchspy(spies.back().get());
      }
      const Xapian::doccount everything = std::max<Xapian::doccount>(database_.get_doccount(), 1);
      Xapian::MSet matches = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                              static_cast<Xapian::doccount>(request.limit), everything);
      SearchResponse response;
      response.total = matches.get_matches_estimated();
      response.total_exact = matches.get_matches_lower_bound() == matches.get_matches_upper_bound();
      for (std::size_t i = 0; i < request.facets.size(); ++i) {
        response.facets.push_back(SortedCounts(request.facets[i], spies[i]->counts()));
      }
      for (Xapian::MSetIterator it = matches.begin(); it != matches.end(); ++it) {
        SearchHit hit;
        hit.public_id = it.get_document().get_value(s::kSlotPublicId);
        hit.score = it.get_weight();
        response.hits.push_back(std::move(hit));
      }
      return response;
    } catch (const Xapian::DatabaseModifiedError& error) {
      if (attempt >= 2) return XapianError(error, "search");
    } catch (const Xapian::Error& error) {
      return XapianError(error, "search");
    }
  }
}

}  // namespace hdcat::search
