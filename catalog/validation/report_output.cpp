#include "catalog/validation/report_output.h"

#include <cmath>

namespace hdcat::catalog::validation {
namespace {

std::string FindingLine(const std::string& file, std::string_view severity, const Finding& finding) {
  std::string line = file + ": " + std::string(severity);
  line += finding.pointer.empty() ? ": " : " at " + finding.pointer + ": ";
  line += finding.message;
  std::string details;
  // "expected a boolean but found a string" needs no "(expected a boolean)".
  if (!finding.expected.empty() && finding.message.find("expected " + finding.expected) == std::string::npos) {
    details = "expected " + finding.expected;
  }
  // The message already ends in "did you mean …?" when the suggestion is a
  // correction of the value itself; repeat it only when it is not there.
  if (!finding.suggestion.empty() && finding.message.find("did you mean") == std::string::npos) {
    if (!details.empty()) details += "; ";
    details += finding.suggestion.starts_with("add ") ? finding.suggestion
                                                       : "did you mean '" + finding.suggestion + "'?";
  }
  if (!details.empty()) line += " (" + details + ")";
  return line + "\n";
}

std::string WeightText(double weight) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", weight);
  return buffer;
}

}  // namespace

std::string RenderText(const FileReport& report) {
  std::string out;
  if (report.failure) {
    out += report.file + ": error: " + report.failure->message;
    if (!report.failure->expected.empty()) out += " (expected " + report.failure->expected + ")";
    return out + "\n";
  }
  if (report.documents.empty()) return report.file + ": no documents\n";
  for (const auto& document : report.documents) {
    for (const auto& error : document.report.errors) out += FindingLine(report.file, "error", error);
    for (const auto& warning : document.report.warnings) out += FindingLine(report.file, "warning", warning);
  }
  for (const auto& document : report.documents) {
    if (document.feed_envelope) continue;
    out += report.file + ": ";
    if (!document.pointer.empty()) out += document.pointer + ": ";
    out += "completeness " + std::to_string(static_cast<int>(std::lround(document.report.completeness))) +
           "/100 (grade " + document.report.grade + ")";
    std::string missing;
    for (const auto& item : document.report.items) {
      if (item.present) continue;
      missing += missing.empty() ? "" : ", ";
      missing += item.field + " (weight " + WeightText(item.weight) + ")";
    }
    if (!missing.empty()) out += "; missing: " + missing;
    out += "\n";
  }
  return out;
}

Json FindingToJson(const Finding& finding) {
  Json out = {{"pointer", finding.pointer}, {"message", finding.message}};
  if (!finding.expected.empty()) out["expected"] = finding.expected;
  if (!finding.suggestion.empty()) out["suggestion"] = finding.suggestion;
  return out;
}

Json ReportToJson(const ValidationReport& report) {
  Json out = Json::object();
  out["ok"] = report.ok();
  out["errors"] = Json::array();
  for (const auto& error : report.errors) out["errors"].push_back(FindingToJson(error));
  out["warnings"] = Json::array();
  for (const auto& warning : report.warnings) out["warnings"].push_back(FindingToJson(warning));
  out["completeness"] = std::round(report.completeness * 10) / 10;
  out["grade"] = report.grade;
  out["items"] = Json::array();
  for (const auto& item : report.items) {
    out["items"].push_back({{"field", item.field}, {"weight", item.weight}, {"present", item.present}});
  }
  return out;
}

Json RenderJson(const std::vector<FileReport>& reports) {
  Json files = Json::array();
  bool all_ok = true;
  for (const auto& report : reports) {
    Json file = {{"file", report.file}, {"ok", report.ok()}};
    all_ok &= report.ok();
    if (report.failure) {
      file["error"] = {{"kind", std::string(ErrorKindName(report.failure->kind))},
                       {"message", report.failure->message}};
      if (!report.failure->expected.empty()) file["error"]["expected"] = report.failure->expected;
    }
    file["documents"] = Json::array();
    for (const auto& document : report.documents) {
      Json entry = ReportToJson(document.report);
      entry["pointer"] = document.pointer;
      entry["kind"] = document.feed_envelope ? "feed" : std::string(KindName(document.kind));
      file["documents"].push_back(std::move(entry));
    }
    files.push_back(std::move(file));
  }
  return {{"ok", all_ok}, {"files", std::move(files)}};
}

}  // namespace hdcat::catalog::validation
