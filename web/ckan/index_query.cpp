#include "web/ckan/index_query.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include "search/ckan_terms.h"
#include "search/index_schema.h"
#include "web/export/ckan_package.h"

namespace hdcat::web::ckan {
namespace {

namespace schema = search::schema;

constexpr std::array<std::string_view, 18> kSearchableFields = {
    "text",          "name",          "id",       "organization", "owner_org",        "tags",
    "res_format",    "license_id",    "access_rights", "metadata_modified", "metadata_created", "num_resources",
    "num_tags",      "state",         "type",     "dataset_type", "capacity",         "groups"};

// Fields every public dataset has with one fixed value.
struct ConstantField {
  std::string_view field;
  std::string_view value;
};
constexpr std::array<ConstantField, 4> kConstantFields = {
    {{"state", "active"}, {"type", "dataset"}, {"dataset_type", "dataset"}, {"capacity", "public"}}};

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

Xapian::Query All() { return Xapian::Query::MatchAll; }
Xapian::Query Nothing() { return Xapian::Query::MatchNothing; }

Xapian::Query FacetTerm(std::string_view facet, std::string_view value) {
  return Xapian::Query(std::string(schema::kPrefixFacet) + std::string(facet) + ":" + std::string(value));
}

// Every term starting with `prefix` (Xapian expands it at match time, unlimited).
Xapian::Query Wildcard(const std::string& prefix) {
  return Xapian::Query(Xapian::Query::OP_WILDCARD, prefix, 0, Xapian::Query::WILDCARD_LIMIT_ERROR);
}

Error Unsupported(const std::string& field) {
  std::string names;
  for (std::string_view name : kSearchableFields) names += (names.empty() ? "" : ", ") + std::string(name);
  return InvalidInput("the field '" + field + "' cannot be searched here; searchable fields: " + names);
}

bool LooksLikeDate(std::string_view text) {
  return text.size() >= 10 && text[4] == '-' && text[7] == '-' && std::isdigit(static_cast<unsigned char>(text[0]));
}

// A bound as the slot stores it ("" = open end).
Result<std::string> TimestampBound(const std::string& bound) {
  if (bound.empty()) return std::string();
  if (!LooksLikeDate(bound)) return InvalidInput("cannot read the date '" + bound + "'");
  return search::CkanTimestamp(bound);
}

Result<std::string> NumberBound(const std::string& bound) {
  if (bound.empty()) return std::string();
  double number = 0;
  auto [end, ec] = std::from_chars(bound.data(), bound.data() + bound.size(), number);
  if (ec != std::errc() || end != bound.data() + bound.size()) return InvalidInput("'" + bound + "' is not a number");
  return Xapian::sortable_serialise(number);
}

// Values of `slot` within [lower, upper] ("" = open); exclusive ends drop the bound itself.
Xapian::Query SlotRange(Xapian::valueno slot, const std::string& lower, bool include_lower, const std::string& upper,
                        bool include_upper) {
  // Every document that has a value sorts at or above "" (an absent value is "").
  Xapian::Query range = lower.empty() ? Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, std::string(1, '\0'))
                                      : Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, lower);
  if (!upper.empty()) range = Xapian::Query(Xapian::Query::OP_AND, range, Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, upper));
  if (!lower.empty() && !include_lower) {
    range = Xapian::Query(Xapian::Query::OP_AND_NOT, range, Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lower, lower));
  }
  if (!upper.empty() && !include_upper) {
    range = Xapian::Query(Xapian::Query::OP_AND_NOT, range, Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, upper, upper));
  }
  return range;
}

// metadata_* and num_*: a slot read as timestamps or numbers.
Result<Xapian::Query> SlotQuery(const QueryNode& node, Xapian::valueno slot, bool numeric) {
  auto bound = [numeric](const std::string& text) { return numeric ? NumberBound(text) : TimestampBound(text); };
  switch (node.kind) {
    case QueryNode::Kind::kExists:
      return SlotRange(slot, "", true, "", true);
    case QueryNode::Kind::kTerm:
    case QueryNode::Kind::kPhrase: {
      auto value = bound(node.value);
      if (!value.ok()) return value.error();
      return SlotRange(slot, *value, true, *value, true);
    }
    case QueryNode::Kind::kRange: {
      auto lower = bound(node.lower);
      if (!lower.ok()) return lower.error();
      auto upper = bound(node.upper);
      if (!upper.ok()) return upper.error();
      return SlotRange(slot, *lower, node.include_lower, *upper, node.include_upper);
    }
    default:
      return InvalidInput("'" + node.field + "' takes a value or a range [a TO b]");
  }
}

// Fields stored as whole-value terms: `prefix` + value.
Result<Xapian::Query> TermQuery(const QueryNode& node, const std::string& prefix, bool lower_case) {
  std::string value = lower_case ? AsciiLower(node.value) : node.value;
  switch (node.kind) {
    case QueryNode::Kind::kExists:
      return Wildcard(prefix);
    case QueryNode::Kind::kTerm:
    case QueryNode::Kind::kPhrase:
      return Xapian::Query(prefix + value);
    case QueryNode::Kind::kPrefix:
      return Wildcard(prefix + value);
    default:
      return InvalidInput("'" + node.field + "' takes a value, a \"phrase\" or a prefix*, not a range");
  }
}

Result<Xapian::Query> LicenseQuery(const QueryNode& node) {
  Xapian::Query open = FacetTerm("access_rights", exporting::kCkanOpenAccessRights);
  Xapian::Query closed(Xapian::Query::OP_AND_NOT, All(), open);
  auto matches = [&](std::string_view license) {
    std::string wanted = AsciiLower(node.value);
    return node.kind == QueryNode::Kind::kPrefix ? license.starts_with(wanted) : license == wanted;
  };
  switch (node.kind) {
    case QueryNode::Kind::kExists:
      return All();
    case QueryNode::Kind::kTerm:
    case QueryNode::Kind::kPhrase:
    case QueryNode::Kind::kPrefix: {
      std::vector<Xapian::Query> parts;
      if (matches(exporting::kCkanOpenLicense)) parts.push_back(open);
      if (matches(exporting::kCkanClosedLicense)) parts.push_back(closed);
      return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
    }
    default:
      return InvalidInput("'license_id' takes a value, not a range");
  }
}

Result<Xapian::Query> FieldQuery(const QueryNode& node, const TextQueryFunction& text_query) {
  const std::string& field = node.field;
  if (field == "text") {
    if (node.kind == QueryNode::Kind::kRange) return InvalidInput("free text takes no range");
    auto text = text_query(node.value);
    if (!text.ok()) return text.error();
    return text->empty() ? Nothing() : *text;
  }
  if (field == "name" || field == "id") {
    if (node.kind == QueryNode::Kind::kExists) return All();
    return TermQuery(node, std::string(schema::kPrefixId), true);
  }
  auto facet_prefix = [](std::string_view facet) {
    return std::string(schema::kPrefixFacet) + std::string(facet) + ":";
  };
  if (field == "organization" || field == "owner_org") return TermQuery(node, facet_prefix("holder"), true);
  if (field == "tags") return TermQuery(node, facet_prefix("tag"), false);
  if (field == "res_format") return TermQuery(node, facet_prefix("res_format"), false);
  if (field == "access_rights") return TermQuery(node, facet_prefix("access_rights"), false);
  if (field == "license_id") return LicenseQuery(node);
  if (field == "metadata_modified") return SlotQuery(node, schema::kSlotStoredAt, false);
  if (field == "metadata_created") return SlotQuery(node, schema::kSlotFirstStoredAt, false);
  if (field == "num_resources") return SlotQuery(node, schema::kSlotResourceCount, true);
  if (field == "num_tags") return SlotQuery(node, schema::kSlotTagCount, true);
  if (field == "groups") return Nothing();
  for (const ConstantField& constant : kConstantFields) {
    if (field != constant.field) continue;
    switch (node.kind) {
      case QueryNode::Kind::kExists: return All();
      case QueryNode::Kind::kTerm:
      case QueryNode::Kind::kPhrase: return AsciiLower(node.value) == constant.value ? All() : Nothing();
      case QueryNode::Kind::kPrefix: return constant.value.starts_with(AsciiLower(node.value)) ? All() : Nothing();
      default: return InvalidInput("'" + field + "' takes a value, not a range");
    }
  }
  return Unsupported(field);
}

}  // namespace

Result<Xapian::Query> IndexQueryOf(const QueryNode& node, const TextQueryFunction& text_query) {
  switch (node.kind) {
    case QueryNode::Kind::kAll:
      return All();
    case QueryNode::Kind::kAnd:
    case QueryNode::Kind::kOr: {
      std::vector<Xapian::Query> parts;
      for (const QueryNode& child : node.children) {
        auto part = IndexQueryOf(child, text_query);
        if (!part.ok()) return part.error();
        parts.push_back(std::move(*part));
      }
      auto op = node.kind == QueryNode::Kind::kAnd ? Xapian::Query::OP_AND : Xapian::Query::OP_OR;
      return Xapian::Query(op, parts.begin(), parts.end());
    }
    case QueryNode::Kind::kNot: {
      auto inner = IndexQueryOf(node.children[0], text_query);
      if (!inner.ok()) return inner.error();
      return Xapian::Query(Xapian::Query::OP_AND_NOT, All(), *inner);
    }
    default:
      return FieldQuery(node, text_query);
  }
}

}  // namespace hdcat::web::ckan
