// `hdcat validate`: checks description files with the same validator that
// loading, harvesting and the web API use.
#include <cstdio>
#include <string>
#include <vector>

#include "catalog/validation/document_check.h"
#include "catalog/validation/report_output.h"
#include "catalog/validator.h"
#include "cli/args.h"
#include "cli/commands.h"

namespace hdcat::cli {
namespace {

constexpr const char* kHelp =
    "usage: hdcat validate [--json] [--kind dataset|holder|auto] FILE...\n"
    "\n"
    "Checks dataset and holder descriptions against the hdcat metadata schemas\n"
    "(schemas/dataset.schema.json, schemas/holder.schema.json), the controlled\n"
    "vocabularies and the semantic rules, and scores their completeness.\n"
    "\n"
    "  --kind K   dataset, holder or auto (default). auto treats an object with\n"
    "             holder_type and no holder as a holder description, an object\n"
    "             with a \"datasets\" array as a feed whose items are checked one\n"
    "             by one, and anything else as a dataset description.\n"
    "  --json     print one machine-readable JSON report instead of text\n"
    "\n"
    "Text output, per file:\n"
    "  FILE: error at /pointer: message (expected ...; did you mean ...?)\n"
    "  FILE: warning at /pointer: message\n"
    "  FILE: completeness 78/100 (grade B); missing: /statistics (weight 5), ...\n"
    "Grades: A >= 85, B >= 70, C >= 50, D below. Files over 8 MiB are refused.\n"
    "\n"
    "Exit status: 0 when no file has errors (warnings do not count), 1 when\n"
    "any file has errors or cannot be read, 2 on a usage error.\n";

}  // namespace

int RunValidate(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"kind"});
  if (!args.ok()) {
    std::fprintf(stderr, "hdcat validate: %s\n%s", args.error().message.c_str(), kHelp);
    return 2;
  }
  if (args->help()) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  auto kind = catalog::validation::ParseKindChoice(args->option_or("kind", "auto"));
  if (!kind) {
    std::fprintf(stderr, "hdcat validate: --kind must be dataset, holder or auto\n");
    return 2;
  }
  if (args->positional().empty()) {
    std::fprintf(stderr, "hdcat validate: no files given\n%s", kHelp);
    return 2;
  }
  auto validator = catalog::Validator::Load();
  if (!validator.ok()) {
    std::fprintf(stderr, "hdcat validate: cannot load the schemas: %s\n", validator.error().message.c_str());
    return 1;
  }
  std::vector<catalog::validation::FileReport> reports;
  bool all_ok = true;
  for (const auto& path : args->positional()) {
    reports.push_back(catalog::validation::ValidateFile(**validator, path, *kind));
    all_ok &= reports.back().ok();
    if (!args->flag("json")) std::fputs(catalog::validation::RenderText(reports.back()).c_str(), stdout);
  }
  if (args->flag("json")) {
    std::string text = catalog::validation::RenderJson(reports).dump(2, ' ', false, Json::error_handler_t::replace);
    std::fputs((text + "\n").c_str(), stdout);
  }
  return all_ok ? 0 : 1;
}

}  // namespace hdcat::cli
