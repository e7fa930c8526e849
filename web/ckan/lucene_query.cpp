#include "web/ckan/lucene_query.h"

#include <cctype>
#include <charconv>
#include <chrono>
#include <ctime>

#include "search/text_normalizer.h"

namespace hdcat::web::ckan {
namespace {

constexpr int kMaxDepth = 32;
constexpr std::size_t kMaxQueryBytes = 4096;

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

bool IsFieldName(std::string_view name) {
  if (name.empty()) return false;
  if (name == "*") return true;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != '-') return false;
  }
  return true;
}

// "NOW", "NOW-7DAYS", "NOW+1HOUR" -> naive UTC "YYYY-MM-DDTHH:MM:SS"; other text unchanged.
Result<std::string> ResolveBound(std::string bound) {
  if (bound == "*") return std::string();
  if (!bound.empty() && bound.back() == 'Z') bound.pop_back();
  if (!bound.starts_with("NOW")) return bound;
  std::string_view rest = std::string_view(bound).substr(3);
  std::int64_t seconds = 0;
  if (!rest.empty()) {
    int sign = rest[0] == '-' ? -1 : rest[0] == '+' ? 1 : 0;
    if (sign == 0) return InvalidInput("cannot read the date '" + bound + "'");
    rest.remove_prefix(1);
    std::int64_t amount = 0;
    auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), amount);
    std::string_view unit(end, static_cast<std::size_t>(rest.data() + rest.size() - end));
    if (ec != std::errc() || amount > 100000) return InvalidInput("cannot read the date '" + bound + "'");
    std::int64_t unit_seconds = unit == "DAY" || unit == "DAYS"         ? 86400
                                : unit == "HOUR" || unit == "HOURS"     ? 3600
                                : unit == "MINUTE" || unit == "MINUTES" ? 60
                                                                        : 0;
    if (unit_seconds == 0) return InvalidInput("cannot read the date '" + bound + "': units are DAYS, HOURS, MINUTES");
    seconds = sign * amount * unit_seconds;
  }
  std::time_t when = std::time(nullptr) + seconds;
  std::tm parts{};
  gmtime_r(&when, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &parts);
  return std::string(text);
}

QueryNode NodeOf(QueryNode::Kind kind) {
  QueryNode node;
  node.kind = kind;
  return node;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Result<QueryNode> ParseAll() {
    SkipSpaces();
    if (AtEnd()) return QueryNode{};
    auto node = ParseOr("text", 0);
    if (!node.ok()) return node;
    SkipSpaces();
    if (!AtEnd()) return Fail("unexpected '" + std::string(1, text_[pos_]) + "'");
    return node;
  }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  void SkipSpaces() {
    while (!AtEnd() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  Error Fail(const std::string& what) const {
    return InvalidInput("cannot parse the query at character " + std::to_string(pos_ + 1) + ": " + what);
  }
  // True (and consumed) when a keyword such as AND stands alone at the cursor.
  bool TakeKeyword(std::string_view keyword) {
    if (text_.substr(pos_, keyword.size()) != keyword) return false;
    std::size_t after = pos_ + keyword.size();
    bool symbol = !std::isalpha(static_cast<unsigned char>(keyword[0]));
    if (!symbol && after < text_.size() && !std::isspace(static_cast<unsigned char>(text_[after])) &&
        text_[after] != '(')
      return false;
    pos_ = after;
    return true;
  }

  Result<QueryNode> ParseOr(const std::string& field, int depth) {
    if (depth > kMaxDepth) return Fail("too deeply nested");
    auto first = ParseAnd(field, depth);
    if (!first.ok()) return first;
    QueryNode node = NodeOf(QueryNode::Kind::kOr);
    node.children.push_back(std::move(*first));
    for (;;) {
      SkipSpaces();
      if (!TakeKeyword("OR") && !TakeKeyword("||")) break;
      auto next = ParseAnd(field, depth);
      if (!next.ok()) return next;
      node.children.push_back(std::move(*next));
    }
    if (node.children.size() == 1) return std::move(node.children[0]);
    return node;
  }

  Result<QueryNode> ParseAnd(const std::string& field, int depth) {
    QueryNode node = NodeOf(QueryNode::Kind::kAnd);
    for (;;) {
      SkipSpaces();
      if (AtEnd() || text_[pos_] == ')') break;
      std::size_t before = pos_;
      if (!node.children.empty() && (TakeKeyword("OR") || TakeKeyword("||"))) {
        pos_ = before;
        break;
      }
      if (!node.children.empty() && (TakeKeyword("AND") || TakeKeyword("&&"))) SkipSpaces();
      auto clause = ParseUnary(field, depth);
      if (!clause.ok()) return clause;
      node.children.push_back(std::move(*clause));
    }
    if (node.children.empty()) return Fail("expected a search term");
    if (node.children.size() == 1) return std::move(node.children[0]);
    return node;
  }

  Result<QueryNode> ParseUnary(const std::string& field, int depth) {
    SkipSpaces();
    if (AtEnd()) return Fail("expected a search term");
    bool negated = text_[pos_] == '-' || text_[pos_] == '!';
    if (negated) ++pos_;
    if (negated || TakeKeyword("NOT")) {
      if (depth > kMaxDepth) return Fail("too deeply nested");
      auto inner = ParseUnary(field, depth + 1);
      if (!inner.ok()) return inner;
      QueryNode node = NodeOf(QueryNode::Kind::kNot);
      node.children.push_back(std::move(*inner));
      return node;
    }
    if (text_[pos_] == '+') {
      ++pos_;
      return ParseUnary(field, depth + 1);
    }
    return ParsePrimary(field, depth);
  }

  Result<QueryNode> ParsePrimary(const std::string& field, int depth) {
    char c = text_[pos_];
    if (c == '(') {
      ++pos_;
      auto inner = ParseOr(field, depth + 1);
      if (!inner.ok()) return inner;
      SkipSpaces();
      if (AtEnd() || text_[pos_] != ')') return Fail("missing ')'");
      ++pos_;
      return inner;
    }
    if (c == '"') return ParsePhrase(field);
    if (c == '{' && text_.substr(pos_, 2) == "{!") return Fail("local parameters ({!...}) are not accepted");
    if (c == '[' || c == '{') return ParseRange(field);
    auto word = ReadWord();
    if (!word.ok()) return word.error();
    if (!AtEnd() && text_[pos_] == ':' && IsFieldName(*word)) {
      ++pos_;
      if (AtEnd() || std::isspace(static_cast<unsigned char>(text_[pos_]))) return Fail("expected a value after ':'");
      if (*word == "*") {
        if (text_[pos_] != '*') return Fail("'*:' must be followed by '*'");
        ++pos_;
        return QueryNode{};
      }
      return ParsePrimary(*word, depth + 1);
    }
    return TermNode(field, *word);
  }

  static QueryNode TermNode(const std::string& field, const std::string& word) {
    QueryNode node;
    node.field = field;
    if (word == "*") {
      node.kind = field == "text" ? QueryNode::Kind::kAll : QueryNode::Kind::kExists;
    } else if (word.size() > 1 && word.back() == '*') {
      node.kind = QueryNode::Kind::kPrefix;
      node.value = word.substr(0, word.size() - 1);
    } else {
      node.kind = QueryNode::Kind::kTerm;
      node.value = word;
    }
    return node;
  }

  // A bare word up to white space or syntax; backslash escapes one character.
  Result<std::string> ReadWord() {
    std::string word;
    while (!AtEnd()) {
      char c = text_[pos_];
      if (std::isspace(static_cast<unsigned char>(c)) || c == '(' || c == ')' || c == '"' || c == ':' || c == '[' ||
          c == ']' || c == '{' || c == '}')
        break;
      if (c == '\\') {
        if (pos_ + 1 >= text_.size()) return Fail("a '\\' ends the query");
        word += text_[pos_ + 1];
        pos_ += 2;
        continue;
      }
      word += c;
      ++pos_;
    }
    if (word.empty()) return Fail("expected a search term");
    return word;
  }

  Result<std::string> ReadQuoted() {
    ++pos_;  // the opening quote
    std::string value;
    while (!AtEnd() && text_[pos_] != '"') {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;
      value += text_[pos_++];
    }
    if (AtEnd()) return Fail("missing closing '\"'");
    ++pos_;
    return value;
  }

  Result<QueryNode> ParsePhrase(const std::string& field) {
    auto value = ReadQuoted();
    if (!value.ok()) return value.error();
    QueryNode node = NodeOf(QueryNode::Kind::kPhrase);
    node.field = field;
    node.value = std::move(*value);
    return node;
  }

  Result<std::string> ReadBound() {
    SkipSpaces();
    if (AtEnd()) return Fail("unfinished range");
    if (text_[pos_] == '"') return ReadQuoted();
    std::string bound;
    while (!AtEnd() && !std::isspace(static_cast<unsigned char>(text_[pos_])) && text_[pos_] != ']' &&
           text_[pos_] != '}') {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;
      bound += text_[pos_++];
    }
    if (bound.empty()) return Fail("expected a range bound");
    return bound;
  }

  Result<QueryNode> ParseRange(const std::string& field) {
    QueryNode node = NodeOf(QueryNode::Kind::kRange);
    node.field = field;
    node.include_lower = text_[pos_++] == '[';
    auto lower = ReadBound();
    if (!lower.ok()) return lower.error();
    SkipSpaces();
    if (!TakeKeyword("TO")) return Fail("expected 'TO' in the range");
    auto upper = ReadBound();
    if (!upper.ok()) return upper.error();
    SkipSpaces();
    if (AtEnd() || (text_[pos_] != ']' && text_[pos_] != '}')) return Fail("expected ']' or '}' to close the range");
    node.include_upper = text_[pos_++] == ']';
    auto resolved_lower = ResolveBound(*lower);
    if (!resolved_lower.ok()) return resolved_lower.error();
    auto resolved_upper = ResolveBound(*upper);
    if (!resolved_upper.ok()) return resolved_upper.error();
    node.lower = std::move(*resolved_lower);
    node.upper = std::move(*resolved_upper);
    return node;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

std::optional<double> AsNumber(std::string_view text) {
  double number = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return number;
}

bool LooksLikeDate(std::string_view text) {
  return text.size() >= 10 && text[4] == '-' && text[7] == '-' && std::isdigit(static_cast<unsigned char>(text[0]));
}

// "2024-05-02", "2024-05-02T10:00:00Z", "2024-05-02T10:00:00.5" -> "2024-05-02T10:00:00.500000",
// so timestamps written with and without fractions compare as the instants they name.
std::string CanonicalTimestamp(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out.back() == 'Z') out.pop_back();
  if (out.size() == 10) out += "T00:00:00";
  if (out.size() == 19) out += ".";
  std::size_t dot = out.find('.');
  if (dot != std::string::npos && out.size() - dot - 1 < 6) out.append(6 - (out.size() - dot - 1), '0');
  return out;
}

// -1, 0, 1 as `value` sorts before, with or after `bound`.
int CompareBound(std::string_view value, std::string_view bound) {
  auto a = AsNumber(value);
  auto b = AsNumber(bound);
  if (a && b) return *a < *b ? -1 : *a > *b ? 1 : 0;
  if (LooksLikeDate(value) && LooksLikeDate(bound)) {
    int order = CanonicalTimestamp(value).compare(CanonicalTimestamp(bound));
    return order < 0 ? -1 : order > 0 ? 1 : 0;
  }
  int order = value.compare(bound);
  return order < 0 ? -1 : order > 0 ? 1 : 0;
}

bool ContainsNormalized(const CkanFields& fields, std::string_view field, std::string_view needle) {
  auto text = fields.normalized_text.find(field);
  if (text == fields.normalized_text.end()) return false;
  std::string normalized = search::NormalizeText(needle);
  return !normalized.empty() && text->second.find(normalized) != std::string::npos;
}

bool AnyValue(const CkanFields& fields, std::string_view field, const std::function<bool(const std::string&)>& test) {
  for (const std::string& value : fields.Values(field)) {
    if (test(value)) return true;
  }
  return false;
}

bool Evaluate(const QueryNode& node, const CkanFields& fields) {
  switch (node.kind) {
    case QueryNode::Kind::kAll:
      return true;
    case QueryNode::Kind::kAnd:
      for (const QueryNode& child : node.children) {
        if (!Evaluate(child, fields)) return false;
      }
      return true;
    case QueryNode::Kind::kOr:
      for (const QueryNode& child : node.children) {
        if (Evaluate(child, fields)) return true;
      }
      return false;
    case QueryNode::Kind::kNot:
      return !Evaluate(node.children[0], fields);
    case QueryNode::Kind::kExists:
      return !fields.Values(node.field).empty();
    case QueryNode::Kind::kTerm:
    case QueryNode::Kind::kPhrase:
      if (IsTextField(node.field)) return ContainsNormalized(fields, node.field, node.value);
      return AnyValue(fields, node.field,
                      [&](const std::string& value) { return AsciiLower(value) == AsciiLower(node.value); });
    case QueryNode::Kind::kPrefix:
      if (IsTextField(node.field)) return ContainsNormalized(fields, node.field, node.value);
      return AnyValue(fields, node.field,
                      [&](const std::string& value) { return AsciiLower(value).starts_with(AsciiLower(node.value)); });
    case QueryNode::Kind::kRange:
      return AnyValue(fields, node.field, [&](const std::string& value) {
        if (!node.lower.empty()) {
          int order = CompareBound(value, node.lower);
          if (order < 0 || (order == 0 && !node.include_lower)) return false;
        }
        if (!node.upper.empty()) {
          int order = CompareBound(value, node.upper);
          if (order > 0 || (order == 0 && !node.include_upper)) return false;
        }
        return true;
      });
  }
  return false;
}

double ScoreNode(const QueryNode& node, const CkanFields& fields) {
  switch (node.kind) {
    case QueryNode::Kind::kAnd:
    case QueryNode::Kind::kOr: {
      double sum = 0;
      for (const QueryNode& child : node.children) sum += ScoreNode(child, fields);
      return sum;
    }
    case QueryNode::Kind::kTerm:
    case QueryNode::Kind::kPhrase:
    case QueryNode::Kind::kPrefix:
      if (node.field != "text") return Evaluate(node, fields) ? 1 : 0;
      // Weights after CKAN's qf: name^4 title^4 tags^2 text.
      return (ContainsNormalized(fields, "title", node.value) ? 4 : 0) +
             (AnyValue(fields, "name", [&](const std::string& v) { return AsciiLower(v) == AsciiLower(node.value); })
                  ? 4
                  : 0) +
             (AnyValue(fields, "tags", [&](const std::string& v) { return AsciiLower(v) == AsciiLower(node.value); })
                  ? 2
                  : 0) +
             (ContainsNormalized(fields, "text", node.value) ? 1 : 0);
    default:
      return 0;
  }
}

}  // namespace

Result<LuceneQuery> LuceneQuery::Parse(std::string_view text) {
  if (text.size() > kMaxQueryBytes) return InvalidInput("the query is longer than 4096 bytes");
  Parser parser(text);
  auto root = parser.ParseAll();
  if (!root.ok()) return root.error();
  return LuceneQuery(std::move(*root));
}

bool LuceneQuery::Matches(const CkanFields& fields) const { return Evaluate(root_, fields); }

double LuceneQuery::Score(const CkanFields& fields) const { return ScoreNode(root_, fields); }

}  // namespace hdcat::web::ckan
