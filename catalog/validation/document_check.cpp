#include "catalog/validation/document_check.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <filesystem>
#include <system_error>

namespace hdcat::catalog::validation {
namespace {

void Prefix(const std::string& prefix, ValidationReport& report) {
  if (prefix.empty()) return;
  for (auto* list : {&report.errors, &report.warnings}) {
    for (auto& finding : *list) finding.pointer = prefix + finding.pointer;
  }
  for (auto& item : report.items) item.field = prefix + item.field;
}

DocumentReport Check(const Validator& validator, const Json& document, DocumentKind kind, std::string pointer) {
  DocumentReport out{std::move(pointer), kind, false, validator.Validate(kind, document)};
  Prefix(out.pointer, out.report);
  return out;
}

DocumentKind Resolve(KindChoice choice, const Json& document) {
  if (choice == KindChoice::kDataset) return DocumentKind::kDataset;
  if (choice == KindChoice::kHolder) return DocumentKind::kHolder;
  return DetectKind(document);
}

bool IsFeed(const Json& document) {
  return document.is_object() && document.contains("datasets") && document["datasets"].is_array() &&
         !document.contains("identifier");
}

}  // namespace

std::optional<KindChoice> ParseKindChoice(std::string_view text) {
  if (text == "auto") return KindChoice::kAuto;
  if (text == "dataset") return KindChoice::kDataset;
  if (text == "holder") return KindChoice::kHolder;
  return std::nullopt;
}

std::string_view KindName(DocumentKind kind) { return kind == DocumentKind::kHolder ? "holder" : "dataset"; }

bool FileReport::ok() const {
  if (failure) return false;
  for (const auto& document : documents) {
    if (!document.report.ok()) return false;
  }
  return true;
}

DocumentKind DetectKind(const Json& document) {
  if (document.is_object() && document.contains("holder_type") && !document.contains("holder")) {
    return DocumentKind::kHolder;
  }
  return DocumentKind::kDataset;
}

std::vector<DocumentReport> ValidateDocument(const Validator& validator, const Json& document, KindChoice kind) {
  std::vector<DocumentReport> out;
  if (kind != KindChoice::kHolder && IsFeed(document)) {
    // Items are checked in full below, so the envelope's own (shallower)
    // findings about them would only repeat those.
    DocumentReport envelope{"", DocumentKind::kDataset, true, validator.ValidateFeedEnvelope(document)};
    std::erase_if(envelope.report.errors, [](const Finding& finding) {
      return finding.pointer.starts_with("/datasets/") || finding.pointer.starts_with("/holder/");
    });
    envelope.report.items.clear();
    out.push_back(std::move(envelope));
    if (document.contains("holder") && document["holder"].is_object()) {
      out.push_back(Check(validator, document["holder"], DocumentKind::kHolder, "/holder"));
    }
    const Json& datasets = document["datasets"];
    for (std::size_t i = 0; i < datasets.size(); ++i) {
      out.push_back(Check(validator, datasets[i], DocumentKind::kDataset, "/datasets/" + std::to_string(i)));
    }
    return out;
  }
  if (document.is_array()) {
    for (std::size_t i = 0; i < document.size(); ++i) {
      out.push_back(Check(validator, document[i], Resolve(kind, document[i]), "/" + std::to_string(i)));
    }
    return out;
  }
  out.push_back(Check(validator, document, Resolve(kind, document), ""));
  return out;
}

FileReport ValidateBytes(const Validator& validator, std::string file, std::string_view bytes, KindChoice kind) {
  FileReport report;
  report.file = std::move(file);
  JsonLimits limits;
  limits.max_bytes = kMaxFileBytes;
  auto document = ParseJson(bytes, limits);
  if (!document.ok()) {
    report.failure = document.error();
    return report;
  }
  report.documents = ValidateDocument(validator, *document, kind);
  return report;
}

FileReport ValidateFile(const Validator& validator, const std::string& path, KindChoice kind) {
  FileReport report;
  report.file = path;
  std::error_code code;
  const auto status = std::filesystem::status(path, code);
  if (code || !std::filesystem::exists(status)) {
    report.failure = NotFound("cannot open file: " + (code ? code.message() : std::string("no such file")));
    return report;
  }
  if (!std::filesystem::is_regular_file(status)) {
    report.failure = InvalidInput("not a regular file");
    return report;
  }
  const auto size = std::filesystem::file_size(path, code);
  if (!code && size > kMaxFileBytes) {
    report.failure = TooLarge("file is " + std::to_string(size) + " bytes; the limit is " +
                              std::to_string(kMaxFileBytes) + " bytes (8 MiB)");
    report.failure->expected = "a file of at most 8 MiB";
    return report;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    report.failure = NotFound(std::string("cannot open file: ") + std::strerror(errno));
    return report;
  }
  // Read at most one byte past the limit: the file may have grown since stat.
  const std::size_t want = (code || size > kMaxFileBytes ? kMaxFileBytes : static_cast<std::size_t>(size)) + 1;
  std::string bytes(want, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    report.failure = Internal("error while reading the file");
    return report;
  }
  return ValidateBytes(validator, path, bytes, kind);
}

}  // namespace hdcat::catalog::validation
