#include "web/export/rdf_names.h"

namespace hdcat::web::exporting::detail {
namespace {

bool IsNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9') || c == '-'; }

}  // namespace

std::optional<PrefixedName> SplitIri(std::string_view iri) {
  std::optional<PrefixedName> best;
  for (const ns::Prefix& p : ns::StandardPrefixes()) {
    if (!iri.starts_with(p.iri)) continue;
    std::string_view local = iri.substr(p.iri.size());
    if (local.empty() || !IsNameStart(local[0])) continue;
    bool plain = true;
    for (char c : local) plain = plain && IsNameChar(c);
    // The longest namespace wins (dpvpd over dpv).
    if (plain && (!best || local.size() < best->local.size())) best = PrefixedName{p.prefix, local};
  }
  return best;
}

}  // namespace hdcat::web::exporting::detail
