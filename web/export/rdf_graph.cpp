#include "web/export/rdf_graph.h"

#include "base/utf8.h"

namespace hdcat::web::exporting {
namespace {

bool ForbiddenInIri(unsigned char c) {
  if (c <= 0x20 || c == 0x7f) return true;
  switch (c) {
    case '<': case '>': case '"': case '{': case '}': case '|': case '\\': case '^': case '`':
      return true;
    default:
      return false;
  }
}

// Replaces every ill-formed UTF-8 sequence by U+FFFD, one byte at a time.
std::string ValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    std::size_t bad = FindInvalidUtf8(text);
    if (bad == std::string_view::npos) {
      out.append(text);
      break;
    }
    out.append(text.substr(0, bad));
    out.append("\xEF\xBF\xBD");
    text.remove_prefix(bad + 1);
  }
  return out;
}

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool IsAbsoluteIri(std::string_view text) {
  if (text.empty() || !IsAlpha(text[0])) return false;
  for (std::size_t i = 1; i < text.size(); ++i) {
    char c = text[i];
    if (c == ':') return i + 1 < text.size();
    if (!IsAlpha(c) && !IsDigit(c) && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

bool IsLanguageTag(std::string_view tag) {
  std::size_t start = 0;
  bool first = true;
  while (start <= tag.size()) {
    std::size_t end = tag.find('-', start);
    if (end == std::string_view::npos) end = tag.size();
    std::size_t length = end - start;
    if (length < 1 || length > 8) return false;
    for (std::size_t i = start; i < end; ++i) {
      if (first ? !IsAlpha(tag[i]) : !(IsAlpha(tag[i]) || IsDigit(tag[i]))) return false;
    }
    first = false;
    if (end == tag.size()) return true;
    start = end + 1;
  }
  return false;
}

std::string EscapeIri(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string valid = ValidUtf8(text);
  std::string out;
  out.reserve(valid.size());
  for (unsigned char c : valid) {
    if (ForbiddenInIri(c)) {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xf]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

Term Term::Iri(std::string_view iri) {
  Term t;
  t.kind_ = Kind::kIri;
  t.value_ = EscapeIri(iri);
  return t;
}

Term Term::Blank(std::string_view label) {
  Term t;
  t.kind_ = Kind::kBlank;
  t.value_ = std::string(label);
  return t;
}

Term Term::Literal(std::string_view text, std::string_view language) {
  Term t;
  t.kind_ = Kind::kLiteral;
  t.value_ = ValidUtf8(text);
  if (IsLanguageTag(language)) t.language_ = std::string(language);
  return t;
}

Term Term::Typed(std::string_view text, std::string_view datatype_iri) {
  Term t;
  t.kind_ = Kind::kLiteral;
  t.value_ = ValidUtf8(text);
  t.datatype_ = EscapeIri(datatype_iri);
  return t;
}

Term Graph::NewBlank() { return Term::Blank("b" + std::to_string(++next_blank_)); }

void Graph::Add(const Term& subject, const Term& predicate, const Term& object) {
  if (subject.is_literal() || !predicate.is_iri()) return;
  if (!seen_.emplace(subject, predicate, object).second) return;
  triples_.push_back(Triple{subject, predicate, object});
}

}  // namespace hdcat::web::exporting
