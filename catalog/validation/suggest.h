// Suggestions for misspelt names and codes: "titel" -> "title",
// "JLAC-10" -> "jlac10".
//
// Closest() tries, in order: an exact match ignoring case, a match after
// dropping everything but letters and digits ("ICD-10" = "icd10"), then the
// smallest edit distance (Levenshtein over code points, case-insensitive)
// within a bound that grows with the length of the word, so that unrelated
// words are never suggested.
//
// Thread-safety: free functions without shared state.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hdcat::catalog::validation {

// Edit distance between two UTF-8 strings in code points, counting a swap of
// two neighbouring characters as one edit ("titel" -> "title" is 1).
std::size_t EditDistance(std::string_view a, std::string_view b);

// ASCII-lower-cased copy with only letters, digits and non-ASCII bytes kept.
std::string NormalizeForMatch(std::string_view word);

// The candidate closest to `word`, or nullopt when none is close enough.
std::optional<std::string> Closest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace hdcat::catalog::validation
