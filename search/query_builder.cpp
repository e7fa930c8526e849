#include "search/query_builder.h"

#include <algorithm>
#include <set>

#include "search/index_schema.h"
#include "search/text_normalizer.h"
#include "search/text_runs.h"

namespace hdcat::search {
namespace {

namespace s = schema;

constexpr std::size_t kMaxSynonymSpan = 4;        // words joined to look up "heart failure"
constexpr std::size_t kMaxAlternatives = 12;      // synonym variants per unit
constexpr std::size_t kMinCodeLength = 3;

// One piece of a unit as the indexer's TermGenerator tokenises it.
struct Part {
  bool cjk = false;
  std::string word;                  // Latin word (cjk == false)
  std::vector<std::string> chars;    // CJK characters (cjk == true)
  std::vector<std::string> ngrams;   // terms that must all match (cjk == true)
};

bool IsSingleCjkChar(const std::string& term) {
  Xapian::Utf8Iterator it(term);
  if (it == Xapian::Utf8Iterator()) return false;
  unsigned ch = *it;
  return ++it == Xapian::Utf8Iterator() && IsCjkCodepoint(ch);
}

// Runs the indexer's own tokeniser over `text` and reads the terms back in
// position order, so the query uses exactly the terms documents contain.
std::vector<Part> Analyze(std::string_view text) {
  Xapian::Document scratch;
  Xapian::TermGenerator generator;
  generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  generator.set_document(scratch);
  generator.index_text(std::string(text));
  std::set<std::string> all_terms;
  std::vector<std::pair<Xapian::termpos, std::string>> positioned;
  for (auto term = scratch.termlist_begin(); term != scratch.termlist_end(); ++term) {
    all_terms.insert(*term);
    for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) {
      positioned.emplace_back(*pos, *term);
    }
  }
  std::sort(positioned.begin(), positioned.end());
  std::vector<Part> parts;
  Xapian::termpos previous_position = 0;
  for (const auto& [position, term] : positioned) {
    if (IsSingleCjkChar(term)) {
      if (!parts.empty() && parts.back().cjk && previous_position + 1 == position &&
          all_terms.count(parts.back().chars.back() + term) > 0) {
        parts.back().ngrams.push_back(parts.back().chars.back() + term);
        parts.back().chars.push_back(term);
      } else {
        Part part;
        part.cjk = true;
        part.chars.push_back(term);
        parts.push_back(std::move(part));
      }
    } else {
      Part part;
      part.word = term;
      parts.push_back(std::move(part));
    }
    previous_position = position;
  }
  for (Part& part : parts) {
    if (part.cjk && part.ngrams.empty()) part.ngrams.push_back(part.chars.front());
  }
  return parts;
}

bool ContainsCjk(std::string_view text) {
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
    if (IsCjkCodepoint(*it)) return true;
  }
  return false;
}

bool LooksLikeCode(std::string_view unit) {
  bool has_digit = false;
  for (char c : unit) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    if (c >= '0' && c <= '9') has_digit = true;
  }
  return has_digit;
}

class Assembler {
 public:
  Assembler(const SearchVocabulary& vocabulary, const std::vector<std::string>& systems, BuiltQuery& out)
      : vocabulary_(vocabulary), systems_(systems), out_(out), stemmer_("english") {}

  // The query for the terms of `text`, recording each term's origin.
  Xapian::Query TextQuery(std::string_view text, const TermOrigin& origin, bool record_latin) {
    std::vector<Xapian::Query> required;
    for (const Part& part : Analyze(text)) {
      if (part.cjk) {
        std::vector<Xapian::Query> ngrams;
        for (const std::string& ngram : part.ngrams) {
          Remember(ngram, origin);
          ngrams.emplace_back(ngram);
        }
        // A synonym is a fixed expression: its characters must be adjacent, or
        // a long one (インスリン非依存性糖尿病) matches bigrams scattered over a
        // whole description. The user's own words keep the looser AND.
        if (!origin.synonym.empty() && part.chars.size() >= 3) {
          std::vector<Xapian::Query> unigrams(part.chars.begin(), part.chars.end());
          required.emplace_back(Xapian::Query::OP_PHRASE, unigrams.begin(), unigrams.end());
          for (const std::string& ch : part.chars) Remember(ch, origin);
        } else {
          required.emplace_back(Xapian::Query::OP_AND, ngrams.begin(), ngrams.end());
        }
        if (part.chars.size() >= 2) boosts_.emplace_back(std::string(s::kPrefixRunStart) + part.ngrams.front());
        if (part.chars.size() == 1) out_.has_single_cjk_run = true;
        // Japanese synonyms are not marked: their lone characters would light
        // up unrelated text (化 of 標準化).
        if (origin.synonym.empty()) {
          out_.highlight_terms.insert(out_.highlight_terms.end(), part.chars.begin(), part.chars.end());
        }
      } else {
        std::string stem = std::string(s::kPrefixStem) + stemmer_(part.word);
        Remember(part.word, origin);
        Remember(stem, origin);
        required.emplace_back(Xapian::Query::OP_OR, Xapian::Query(part.word), Xapian::Query(stem));
        out_.highlight_terms.push_back(part.word);
        out_.highlight_terms.push_back(stem);
        if (record_latin) out_.latin_words.push_back(part.word);
      }
    }
    if (required.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
  }

  Xapian::Query CodeQuery(std::string_view unit) {
    std::string code = NormalizeCode(unit);
    bool matches_pattern = !vocabulary_.coding_systems.SystemsMatching(unit).empty();
    if (code.size() < kMinCodeLength || !(LooksLikeCode(unit) || matches_pattern)) return Xapian::Query();
    std::string shown(unit);
    for (char& c : shown) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    std::vector<Xapian::Query> alternatives;
    for (const std::string& system : systems_) {
      std::string term = std::string(s::kPrefixCode) + system + ":" + code;
      out_.code_terms[term] = CodeTerm{system, shown};
      alternatives.emplace_back(term);
    }
    if (alternatives.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  }

  // Variants of a unit through synonyms: the unit itself when it is a
  // synonym term, else a synonym term found inside a Japanese unit.
  std::vector<std::pair<std::string, std::string>> SynonymVariants(const std::string& unit) const {
    std::vector<std::pair<std::string, std::string>> variants;  // {variant text, synonym}
    const SynonymTable& synonyms = vocabulary_.synonyms;
    for (const std::string& alternative : synonyms.Alternatives(unit)) variants.emplace_back(alternative, alternative);
    if (!variants.empty() || !ContainsCjk(unit)) return variants;
    for (const std::string& term : synonyms.terms_longest_first()) {
      if (term.size() >= unit.size() || !ContainsCjk(term)) continue;
      std::size_t at = unit.find(term);
      if (at == std::string::npos) continue;
      for (const std::string& alternative : synonyms.Alternatives(term)) {
        std::string variant = unit.substr(0, at) + alternative + unit.substr(at + term.size());
        // An English replacement inside Japanese text needs a space to stay a word.
        if (!ContainsCjk(alternative)) variant = unit.substr(0, at) + " " + alternative + " " + unit.substr(at + term.size());
        variants.emplace_back(variant, alternative);
      }
      break;
    }
    return variants;
  }

  Xapian::Query UnitQuery(const std::string& unit) {
    TermOrigin own{unit, ""};
    std::vector<Xapian::Query> alternatives;
    Xapian::Query text = TextQuery(unit, own, true);
    if (!text.empty()) {
      alternatives.push_back(text);
      out_.synonym_queries.emplace(std::make_pair(unit, std::string()), text);
    }
    std::vector<std::pair<std::string, std::string>> variants = SynonymVariants(unit);
    if (variants.size() > kMaxAlternatives) variants.resize(kMaxAlternatives);
    for (const auto& [variant, synonym] : variants) {
      Xapian::Query query = TextQuery(variant, TermOrigin{unit, synonym}, false);
      if (query.empty()) continue;
      alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, query, kSynonymWeight);
      out_.synonym_queries.emplace(std::make_pair(unit, synonym), query);
    }
    Xapian::Query code = CodeQuery(unit);
    if (!code.empty()) alternatives.push_back(code);
    if (unit.size() + s::kPrefixWhole.size() <= 240) boosts_.emplace_back(std::string(s::kPrefixWhole) + unit);
    if (alternatives.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  }

  Xapian::Query Boost() const { return Xapian::Query(Xapian::Query::OP_OR, boosts_.begin(), boosts_.end()); }

 private:
  void Remember(const std::string& term, const TermOrigin& origin) { out_.text_terms.emplace(term, origin); }

  const SearchVocabulary& vocabulary_;
  const std::vector<std::string>& systems_;
  BuiltQuery& out_;
  Xapian::Stem stemmer_;
  std::vector<Xapian::Query> boosts_;
};

std::vector<std::string> SplitWhitespace(const std::string& text) {
  std::vector<std::string> words;
  std::string current;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!current.empty()) words.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

// Joins consecutive words that together are a synonym term into one unit.
std::vector<std::string> GroupUnits(const std::vector<std::string>& words, const SynonymTable& synonyms) {
  std::vector<std::string> units;
  std::size_t i = 0;
  while (i < words.size()) {
    std::size_t taken = 1;
    for (std::size_t span = std::min(kMaxSynonymSpan, words.size() - i); span >= 2; --span) {
      std::string joined = words[i];
      for (std::size_t k = 1; k < span; ++k) joined += " " + words[i + k];
      if (!synonyms.Alternatives(joined).empty()) {
        taken = span;
        break;
      }
    }
    std::string unit = words[i];
    for (std::size_t k = 1; k < taken; ++k) unit += " " + words[i + k];
    units.push_back(std::move(unit));
    i += taken;
  }
  return units;
}

}  // namespace

BuiltQuery QueryBuilder::Build(std::string_view text, const std::vector<std::string>& index_systems) const {
  BuiltQuery out;
  std::vector<std::string> systems = index_systems;
  for (const CodingSystemInfo& info : vocabulary_->coding_systems.systems()) systems.push_back(info.code);
  for (std::string& system : systems) {
    for (char& c : system) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
  }
  std::sort(systems.begin(), systems.end());
  systems.erase(std::unique(systems.begin(), systems.end()), systems.end());

  Assembler assembler(*vocabulary_, systems, out);
  std::vector<Xapian::Query> units;
  for (const std::string& unit : GroupUnits(SplitWhitespace(NormalizeText(text)), vocabulary_->synonyms)) {
    Xapian::Query query = assembler.UnitQuery(unit);
    if (query.empty()) continue;
    units.push_back(query);
    out.units.push_back(unit);
  }
  out.unit_count = units.size();
  if (!units.empty()) {
    out.strict = Xapian::Query(Xapian::Query::OP_AND, units.begin(), units.end());
    out.relaxed = Xapian::Query(Xapian::Query::OP_OR, units.begin(), units.end());
  }
  out.boost = assembler.Boost();
  return out;
}

}  // namespace hdcat::search
