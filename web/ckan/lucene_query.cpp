#include "web/ckan/lucene_query.h"

#include <cctype>
#include <charconv>
#include <chrono>
#include <ctime>


namespace hdcat::web::ckan {
namespace {

constexpr int kMaxDepth = 32;
constexpr std::size_t kMaxQueryBytes = 4096;

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

}  // namespace

Result<LuceneQuery> LuceneQuery::Parse(std::string_view text) {
  if (text.size() > kMaxQueryBytes) return InvalidInput("the query is longer than 4096 bytes");
  Parser parser(text);
  auto root = parser.ParseAll();
  if (!root.ok()) return root.error();
  return LuceneQuery(std::move(*root));
}

}  // namespace hdcat::web::ckan
