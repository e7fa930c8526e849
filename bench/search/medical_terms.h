// MedicalTerms: the word lists the synthetic catalog draws from, so that the
// search benchmark indexes and queries text that looks like a real Japanese
// health-data catalog: disease names with their ICD-10 codes, laboratory
// tests with JLAC10 analyte codes, drugs with YJ code stems, procedures with
// fee-schedule sections, kinds of data, and the phrases around them.
//
// Every term has a Japanese and an English form. Codes are real codes or
// follow the code_pattern of schemas/vocabularies/coding-systems.json.
//
// Thread-safety: constant data only.
#pragma once

#include <span>
#include <string_view>

namespace hdcat::bench {

struct CodedTerm {
  std::string_view ja;
  std::string_view en;
  std::string_view code;  // ICD-10 category, JLAC10 analyte, YJ stem or fee-schedule section
  std::string_view slug;  // ASCII, for variable names
};

struct LabTerm {
  std::string_view ja;
  std::string_view en;
  std::string_view jlac10_analyte;  // five characters, e.g. 3D046
  std::string_view unit;
  std::string_view slug;
};

struct DataKind {
  std::string_view code;  // schemas/vocabularies/data-types.json
  std::string_view ja;    // the word that names such a dataset
  std::string_view en;
};

struct Phrase {
  std::string_view ja;
  std::string_view en;
};

std::span<const CodedTerm> Diseases();     // ICD-10 three-character categories
std::span<const LabTerm> LabTests();       // JLAC10 analytes
std::span<const CodedTerm> Drugs();        // YJ code stems (seven digits)
std::span<const CodedTerm> Procedures();   // fee-schedule sections (K549 ...)
std::span<const Phrase> Demographics();    // patient attributes without codes; slug in en
std::span<const DataKind> DataKinds();
std::span<const Phrase> Populations();     // who is in the data
std::span<const Phrase> Outcomes();        // what the data are used to study
std::span<const Phrase> Specialities();    // for academic society names

// JLAC10 specimen (material) codes and their names, for full 17-character codes.
struct Specimen {
  std::string_view code;  // three digits
  std::string_view ja;
  std::string_view en;
};
std::span<const Specimen> Specimens();

}  // namespace hdcat::bench
