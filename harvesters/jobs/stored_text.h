// StoredText: untrusted text made safe to keep in a PostgreSQL text column.
//
// Harvested bytes may be anything (a source serving invalid UTF-8 is one of
// the faults hdcat must survive), and PostgreSQL refuses text that is not
// UTF-8. StoredText replaces every ill-formed byte with U+FFFD, drops NUL
// bytes, and cuts the result at `max_bytes` on a character boundary, so the
// raw record and error messages can always be stored, boundedly.
//
// Thread-safety: free function without shared state.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hdcat::harvesters {

std::string StoredText(std::string_view text, std::size_t max_bytes);

}  // namespace hdcat::harvesters
