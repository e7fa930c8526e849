// IndexSchema: the layout of the Xapian search index, in one place. The
// document builder writes exactly these terms and values and the searcher
// reads exactly these; change one side only through this header.
//
// Documents. One per dataset (term "Tdataset") and one per variable
// ("Tvariable"). Every document of a dataset carries "XP<public id>", so a
// dataset and its variables are replaced or deleted together. The unique-id
// term is "Q<public id>" for a dataset and "Q<public id>#<table>/<variable>"
// for a variable. A dataset's public id is the catalog's "ds-…" id
// (catalog/model.h).
//
// Free text (normalised by NormalizeText) is indexed without prefix, weighted
// by field through wdf (kFieldWeight*); Japanese text with CJK n-grams and no
// stemming, English text also with English stems ("Z" terms). Each field also
// gets position-less prefixed copies of its terms, used only to explain why a
// document matched: "S" title, "XA" alternative titles / holder names,
// "K" keywords, "XV" variable names, titles and aliases. Descriptions have no
// copy ("description" is what remains). "XB<bigram>" marks the first bigram of
// a CJK run (a cheap word-start signal: 糖尿病 starts a run in 糖尿病レジストリ
// but not in 妊娠糖尿病) and "XW<text>" a whole keyword, title or variable title;
// both only boost ranking.
//
// Codes: "C<system>:<code prefix>" for every prefix of length >= 3 of a
// normalised code (NormalizeCode), and the full code, for hierarchical
// systems; only the full code otherwise. "F<facet>:<value>" are boolean facet
// terms; facet "coding_system" lists every system used in the dataset.
//
// Values: sort keys and ranges in kSlot*; each facet's values, joined by
// kFacetValueSeparator, in its own slot so that facet counts can be read from
// the matching documents.
//
// Thread-safety: constants only.
#pragma once

#include <array>
#include <string_view>

#include <xapian.h>

namespace hdcat::search::schema {

// Document kinds.
inline constexpr std::string_view kTermDataset = "Tdataset";
inline constexpr std::string_view kTermVariable = "Tvariable";

// Identity and grouping.
inline constexpr std::string_view kPrefixId = "Q";
inline constexpr std::string_view kPrefixDataset = "XP";

// Field copies (explanations) and ranking boosts.
inline constexpr std::string_view kPrefixTitle = "S";
inline constexpr std::string_view kPrefixName = "XA";
inline constexpr std::string_view kPrefixKeyword = "K";
inline constexpr std::string_view kPrefixVariable = "XV";
inline constexpr std::string_view kPrefixRunStart = "XB";
inline constexpr std::string_view kPrefixWhole = "XW";
inline constexpr std::string_view kPrefixStem = "Z";  // Xapian's own STEM_SOME prefix

// Codes and facets.
inline constexpr std::string_view kPrefixCode = "C";
inline constexpr std::string_view kPrefixFacet = "F";

// Field weights (wdf increments): title > names > keywords > variables > descriptions.
inline constexpr Xapian::termcount kFieldWeightTitle = 6;
inline constexpr Xapian::termcount kFieldWeightName = 4;
inline constexpr Xapian::termcount kFieldWeightKeyword = 3;
inline constexpr Xapian::termcount kFieldWeightVariable = 2;
inline constexpr Xapian::termcount kFieldWeightDescription = 1;

// Shortest code prefix indexed for hierarchical systems (E11 finds E11.9).
inline constexpr std::size_t kMinCodePrefix = 3;

// Value slots.
inline constexpr Xapian::valueno kSlotLastUpdated = 0;  // "YYYY-MM-DD"
inline constexpr Xapian::valueno kSlotSize = 1;         // sortable_serialise(records)
inline constexpr Xapian::valueno kSlotTitleJa = 2;      // normalised title
inline constexpr Xapian::valueno kSlotTitleEn = 3;
inline constexpr Xapian::valueno kSlotPeriodStart = 4;  // "YYYY-MM-DD"
inline constexpr Xapian::valueno kSlotPeriodEnd = 5;    // "YYYY-MM-DD"; "9999-12-31" when ongoing
// Dataset documents: the English text fed to the spelling dictionary, kept so
// that replacing or deleting the dataset can take exactly those words back out.
inline constexpr Xapian::valueno kSlotSpellingText = 6;
inline constexpr Xapian::valueno kFirstFacetSlot = 10;

// The CKAN Action API's package_search (web/ckan/) reads these: the public id
// (CKAN's name and id), when the catalog stored the current and the first
// version (CKAN's metadata_modified / metadata_created, as naive UTC
// "YYYY-MM-DDTHH:MM:SS.ffffff", see SortableTimestamp), and the package dict's
// resource and tag counts (sortable_serialise).
inline constexpr Xapian::valueno kSlotPublicId = 40;
inline constexpr Xapian::valueno kSlotStoredAt = 41;
inline constexpr Xapian::valueno kSlotFirstStoredAt = 42;
inline constexpr Xapian::valueno kSlotResourceCount = 43;
inline constexpr Xapian::valueno kSlotTagCount = 44;
inline constexpr Xapian::valueno kFirstCkanFacetSlot = 50;

inline constexpr char kFacetValueSeparator = '\x1f';
inline constexpr std::string_view kOngoingEnd = "9999-12-31";

// Facets, in display order; a facet's slot is kFirstFacetSlot + its index.
inline constexpr std::array<std::string_view, 12> kFacets = {
    "holder",          "holder_type",      "data_type",     "health_category",
    "coding_system",   "update_frequency", "access_route",  "processing_level",
    "access_rights",   "language",         "quality_grade", "population_size",
};

// Facets only the CKAN API filters and counts (search/ckan_terms.h): the
// package dict's tag names and resource formats. Not shown on pages. A
// facet's slot is kFirstCkanFacetSlot + its index.
inline constexpr std::array<std::string_view, 2> kCkanFacets = {"tag", "res_format"};

// Population size buckets (number of unique individuals, else records).
inline constexpr std::string_view kPopulationNotReported = "not_reported";

// Index metadata keys.
inline constexpr std::string_view kMetaLastChangeId = "hdcat.last_change_id";
inline constexpr std::string_view kMetaSchemaVersion = "hdcat.schema_version";
inline constexpr std::string_view kSchemaVersion = "2";  // 2: CKAN slots and facets

// Slot of a facet (kFacets or kCkanFacets), or -1 when the name is not a facet.
inline int FacetSlot(std::string_view facet) {
  for (std::size_t i = 0; i < kFacets.size(); ++i) {
    if (kFacets[i] == facet) return static_cast<int>(kFirstFacetSlot + i);
  }
  for (std::size_t i = 0; i < kCkanFacets.size(); ++i) {
    if (kCkanFacets[i] == facet) return static_cast<int>(kFirstCkanFacetSlot + i);
  }
  return -1;
}

}  // namespace hdcat::search::schema
