// Shared by the RDF writers: splitting an IRI into a declared prefix and a
// local part that every syntax accepts without escaping.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string_view>

#include "web/export/namespaces.h"

namespace hdcat::web::exporting::detail {

struct PrefixedName {
  std::string_view prefix;
  std::string_view local;
};

// The standard prefix whose namespace starts `iri`, when the rest is a plain
// name: letters, digits, '_' and '-', starting with a letter or '_' (a subset
// of Turtle's PN_LOCAL and of XML's NCName, so both writers may use it).
std::optional<PrefixedName> SplitIri(std::string_view iri);

}  // namespace hdcat::web::exporting::detail
