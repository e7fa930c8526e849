#include "catalog/validation/rules.h"

#include <set>

#include "catalog/validation/formats.h"

namespace hdcat::catalog::validation {
namespace {

constexpr std::size_t kMaxCodeLength = 256;
constexpr int kMaxStatisticsDepth = 8;

const Json* Member(const Json& value, std::string_view key) {
  if (!value.is_object()) return nullptr;
  auto it = value.find(key);
  return it == value.end() ? nullptr : &*it;
}

const Json* Member(const Json* value, std::string_view key) { return value ? Member(*value, key) : nullptr; }

const std::string* StringMember(const Json* value, std::string_view key) {
  const Json* member = Member(value, key);
  return member && member->is_string() ? &member->get_ref<const std::string&>() : nullptr;
}

// Calls visit(item, index) for each item when `array` is an array.
template <typename Visit>
void ForEachItem(const Json* array, Visit visit) {
  if (array == nullptr || !array->is_array()) return;
  for (std::size_t i = 0; i < array->size(); ++i) visit((*array)[i], i);
}

std::string Index(std::size_t i) { return std::to_string(i); }

std::string ShowNumber(const Json& number) { return number.dump(); }

void ErrorOnce(Findings& findings, Finding finding) {
  if (!findings.HasErrorAt(finding.pointer)) findings.AddError(std::move(finding));
}

// The first and last day a date of any precision may stand for, as YYYY-MM-DD
// strings that compare correctly as text.
std::optional<std::string> Earliest(const Json* date) {
  if (date == nullptr || !date->is_string()) return std::nullopt;
  std::string text = date->get<std::string>();
  if (IsValidDateTime(text)) text = text.substr(0, 10);
  if (!IsValidDate(text)) return std::nullopt;
  if (text.size() == 4) return text + "-01-01";
  if (text.size() == 7) return text + "-01";
  return text;
}

std::optional<std::string> Latest(const Json* date) {
  if (date == nullptr || !date->is_string()) return std::nullopt;
  std::string text = date->get<std::string>();
  if (IsValidDateTime(text)) text = text.substr(0, 10);
  if (!IsValidDate(text)) return std::nullopt;
  if (text.size() == 4) return text + "-12-31";
  if (text.size() == 7) return text + "-31";
  return text;
}

// A use of a coding system somewhere in a dataset description.
struct CodeUse {
  std::string system;
  std::string system_pointer;
  std::vector<std::pair<std::string, std::string>> codes;  // (code, pointer)
};

std::vector<CodeUse> CollectCodeUses(const Json& document) {
  std::vector<CodeUse> uses;
  ForEachItem(Member(document, "variables"), [&](const Json& table, std::size_t t) {
    ForEachItem(Member(table, "variables"), [&](const Json& variable, std::size_t v) {
      const std::string* system = StringMember(&variable, "coding_system");
      if (system == nullptr) return;
      std::string base = "/variables/" + Index(t) + "/variables/" + Index(v);
      CodeUse use{*system, base + "/coding_system", {}};
      ForEachItem(Member(variable, "example_codes"), [&](const Json& code, std::size_t k) {
        if (code.is_string()) use.codes.emplace_back(code.get<std::string>(), base + "/example_codes/" + Index(k));
      });
      uses.push_back(std::move(use));
    });
  });
  auto system_code_list = [&](const Json* list, const std::string& base) {
    ForEachItem(list, [&](const Json& entry, std::size_t k) {
      const std::string* system = StringMember(&entry, "system");
      if (system == nullptr) return;
      std::string pointer = base + "/" + Index(k);
      CodeUse use{*system, pointer + "/system", {}};
      if (const std::string* code = StringMember(&entry, "code")) use.codes.emplace_back(*code, pointer + "/code");
      uses.push_back(std::move(use));
    });
  };
  system_code_list(Member(document, "code_values"), "/code_values");
  system_code_list(Member(Member(document, "statistics"), "codes"), "/statistics/codes");
  return uses;
}

// --- the rules --------------------------------------------------------------

void StructuredDataHasVariables(const Json& document, const RuleContext&, Findings& findings) {
  const Json* structured = Member(document, "has_structured_data");
  if (structured == nullptr || *structured != true) return;
  const Json* variables = Member(document, "variables");
  if (variables != nullptr && variables->is_array() && !variables->empty()) return;
  ErrorOnce(findings, {"/variables", "has_structured_data is true, so variables must describe at least one table",
                       "a non-empty list of tables with their variables", ""});
}

void PeriodsInOrder(const Json& document, const RuleContext&, Findings& findings) {
  for (std::string_view field : {"temporal", "retention_period"}) {
    const Json* period = Member(document, field);
    auto start = Earliest(Member(period, "start"));
    auto end = Latest(Member(period, "end"));
    if (!start || !end || *start <= *end) continue;
    const std::string start_text = Member(period, "start")->get<std::string>();
    ErrorOnce(findings, {"/" + std::string(field) + "/end",
                         std::string(field) + " ends (" + Member(period, "end")->get<std::string>() +
                             ") before it starts (" + start_text + ")",
                         "an end on or after " + start_text, ""});
  }
}

void AgeRangeInOrder(const Json& document, const RuleContext&, Findings& findings) {
  const Json* population = Member(document, "population");
  const Json* min_age = Member(population, "min_typical_age");
  const Json* max_age = Member(population, "max_typical_age");
  if (min_age == nullptr || max_age == nullptr || !min_age->is_number() || !max_age->is_number()) return;
  if (min_age->get<double>() <= max_age->get<double>()) return;
  ErrorOnce(findings, {"/population/max_typical_age",
                       "max_typical_age " + ShowNumber(*max_age) + " is below min_typical_age " + ShowNumber(*min_age),
                       "an age of at least " + ShowNumber(*min_age), ""});
}

void CodingSystemsDeclared(const Json& document, const RuleContext& context, Findings& findings) {
  std::set<std::string> declared;
  ForEachItem(Member(document, "coding_systems"), [&](const Json& code, std::size_t) {
    if (code.is_string()) declared.insert(code.get<std::string>());
  });
  std::set<std::string> warned;
  for (const auto& use : CollectCodeUses(document)) {
    if (declared.count(use.system) != 0 || !context.IsKnownSystem(use.system)) continue;
    if (!warned.insert(use.system).second) continue;
    findings.AddWarning({use.system_pointer,
                         "coding system '" + use.system + "' is used here but not listed in /coding_systems",
                         "every coding system used in the dataset listed in /coding_systems",
                         "add \"" + use.system + "\" to /coding_systems"});
  }
}

void CodesMatchSystemPattern(const Json& document, const RuleContext& context, Findings& findings) {
  for (const auto& use : CollectCodeUses(document)) {
    const CodingSystemRule* system = context.system(use.system);
    if (system == nullptr) continue;
    for (const auto& [code, pointer] : use.codes) {
      if (code.size() <= kMaxCodeLength && std::regex_match(code, system->pattern.regex)) continue;
      ErrorOnce(findings, {pointer, "'" + code.substr(0, kMaxCodeLength) + "' is not a valid " + system->label + " code",
                           system->expected, ""});
    }
  }
}

void NegativeCounts(const Json& value, const std::string& pointer, int depth, Findings& findings) {
  if (depth > kMaxStatisticsDepth || findings.full()) return;
  if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) NegativeCounts(value[i], pointer + "/" + Index(i), depth + 1, findings);
    return;
  }
  if (!value.is_object()) return;
  for (const auto& [key, member] : value.items()) {
    std::string child = pointer + "/" + JsonPointerToken(key);
    if ((key == "count" || key.starts_with("number_of_")) && member.is_number() && member.get<double>() < 0) {
      ErrorOnce(findings, {child, "a count cannot be negative (" + ShowNumber(member) + ")", "0 or more", ""});
    }
    NegativeCounts(member, child, depth + 1, findings);
  }
}

void StatisticsNonNegative(const Json& document, const RuleContext&, Findings& findings) {
  if (const Json* statistics = Member(document, "statistics")) NegativeCounts(*statistics, "/statistics", 0, findings);
}

void FeesNonNegative(const Json& document, const RuleContext&, Findings& findings) {
  ForEachItem(Member(Member(document, "access"), "fees"), [&](const Json& fee, std::size_t i) {
    const Json* amount = Member(fee, "amount_jpy");
    if (amount == nullptr || !amount->is_number() || amount->get<double>() >= 0) return;
    ErrorOnce(findings, {"/access/fees/" + Index(i) + "/amount_jpy",
                         "a fee cannot be negative (" + ShowNumber(*amount) + " JPY)", "0 or more (JPY)", ""});
  });
}

void QualityChecksConsistent(const Json& document, const RuleContext&, Findings& findings) {
  ForEachItem(Member(Member(document, "quality"), "checks"), [&](const Json& check, std::size_t i) {
    const Json* value = Member(check, "value");
    const Json* threshold = Member(check, "threshold");
    const Json* passed = Member(check, "passed");
    if (!value || !threshold || !passed || !value->is_number() || !threshold->is_number() || !passed->is_boolean()) {
      return;
    }
    const bool meets = value->get<double>() >= threshold->get<double>();
    if (meets == passed->get<bool>()) return;
    const std::string* name = StringMember(&check, "name");
    std::string what = name ? "check '" + *name + "'" : "this check";
    std::string message = meets ? what + " is marked as failed but its value " + ShowNumber(*value) +
                                      " meets the threshold " + ShowNumber(*threshold)
                                : what + " is marked as passed but its value " + ShowNumber(*value) +
                                      " is below the threshold " + ShowNumber(*threshold);
    findings.AddWarning({"/quality/checks/" + Index(i) + "/passed", message,
                         meets ? "passed: true" : "passed: false", meets ? "true" : "false"});
  });
}

struct Rule {
  std::string_view name;
  DocumentKind kind;
  void (*check)(const Json& document, const RuleContext& context, Findings& findings);
};

constexpr Rule kRules[] = {
    {"structured-data-has-variables", DocumentKind::kDataset, StructuredDataHasVariables},
    {"periods-in-order", DocumentKind::kDataset, PeriodsInOrder},
    {"age-range-in-order", DocumentKind::kDataset, AgeRangeInOrder},
    {"coding-systems-declared", DocumentKind::kDataset, CodingSystemsDeclared},
    {"codes-match-system-pattern", DocumentKind::kDataset, CodesMatchSystemPattern},
    {"statistics-non-negative", DocumentKind::kDataset, StatisticsNonNegative},
    {"fees-non-negative", DocumentKind::kDataset, FeesNonNegative},
    {"quality-checks-consistent", DocumentKind::kDataset, QualityChecksConsistent},
};

// "ICD-10 (icd10)" from the concept's English (else Japanese) label.
std::string SystemLabel(const std::string& code, const Json& entry) {
  if (const std::string* notation = StringMember(&entry, "notation")) return *notation + " (" + code + ")";
  for (std::string_view field : {"label", "labels", "pref_label", "prefLabel", "name", "title"}) {
    const Json* label = Member(entry, field);
    if (label == nullptr) continue;
    if (label->is_string()) return label->get<std::string>() + " (" + code + ")";
    for (std::string_view language : {"en", "ja"}) {
      if (const std::string* text = StringMember(label, language)) return *text + " (" + code + ")";
    }
  }
  return code;
}

std::string SystemExpectation(const Json& entry, const std::string& pattern) {
  std::string expected = "a code matching " + pattern;
  for (std::string_view field : {"code_example", "code_examples", "example", "examples"}) {
    const Json* example = Member(entry, field);
    if (example == nullptr) continue;
    if (example->is_array() && !example->empty()) {
      const Json& first = (*example)[0];
      if (first.is_string()) return expected + ", e.g. " + first.get<std::string>();
      if (const std::string* code = StringMember(&first, "code")) return expected + ", e.g. " + *code;
    }
    if (example->is_string()) return expected + ", e.g. " + example->get<std::string>();
  }
  return expected;
}

}  // namespace

Result<RuleContext> RuleContext::Build(std::shared_ptr<const Vocabulary> coding_systems) {
  RuleContext context;
  context.coding_systems_ = std::move(coding_systems);
  if (!context.coding_systems_) return context;
  for (const auto& code : context.coding_systems_->codes()) {
    const Json& entry = *context.coding_systems_->FindConcept(code);
    const std::string* pattern = StringMember(&entry, "code_pattern");
    if (pattern == nullptr || pattern->empty()) continue;
    CodingSystemRule rule;
    rule.label = SystemLabel(code, entry);
    rule.expected = SystemExpectation(entry, *pattern);
    rule.pattern.source = *pattern;
    try {
      rule.pattern.regex = std::regex(*pattern, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      return InvalidInput("coding system '" + code + "': code_pattern '" + *pattern +
                          "' is not a valid regular expression: " + e.what());
    }
    context.systems_.emplace(code, std::move(rule));
  }
  return context;
}

const CodingSystemRule* RuleContext::system(std::string_view code) const {
  auto it = systems_.find(code);
  return it == systems_.end() ? nullptr : &it->second;
}

bool RuleContext::IsKnownSystem(std::string_view code) const {
  return !coding_systems_ || coding_systems_->Contains(code);
}

std::vector<RuleInfo> ListRules() {
  std::vector<RuleInfo> out;
  for (const auto& rule : kRules) out.push_back({rule.name, rule.kind});
  return out;
}

void ApplyRules(DocumentKind kind, const Json& document, const RuleContext& context, Findings& findings) {
  if (!document.is_object()) return;
  for (const auto& rule : kRules) {
    if (rule.kind == kind && !findings.full()) rule.check(document, context, findings);
  }
}

}  // namespace hdcat::catalog::validation
