// HTML text helpers for the pages that build markup outside the templates
// (SVG charts) and for the one piece of markup the search layer hands over
// (snippets with <mark>).
//
// EscapeHtml escapes the five characters that matter in text and attribute
// values. SafeSnippetHtml accepts a snippet from the search layer and returns
// markup in which the only elements are balanced <mark>…</mark> pairs: every
// other '<', '>' or '"', and every '&' that does not start a character
// reference, is escaped. The search layer escapes its text already (Xapian's
// snippet does), so for its output this changes nothing; it guards the page
// against a future change below.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace hdcat::web {

std::string EscapeHtml(std::string_view text);

std::string SafeSnippetHtml(std::string_view snippet);

}  // namespace hdcat::web
