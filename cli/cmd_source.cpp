// hdcat source: register, list, show, disable and enable harvest sources.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cli/commands.h"
#include "cli/db_options.h"
#include "cli/exit_code.h"
#include "harvesters/jobs/source_store.h"

namespace hdcat::cli {
namespace {

using harvesters::HarvestSource;
using harvesters::NewSource;
using harvesters::SourceStore;

constexpr const char* kUsage =
    "usage: hdcat source add NAME --holder HOLDER --endpoint URL --format FORMAT [options]\n"
    "       hdcat source list [--holder HOLDER] [--json]\n"
    "       hdcat source show NAME [--json]\n"
    "       hdcat source disable NAME | hdcat source enable NAME\n\n"
    "A harvest source is one endpoint where a holder publishes its dataset\n"
    "descriptions. Formats: feed (hdcat native feed), dcat-turtle, dcat-rdfxml,\n"
    "dcat-jsonld, ckan (package_search), csv-dictionary (the variables of one\n"
    "dataset; needs --option dataset=ID). A new source is due at once.\n"
    "Credentials are read from an environment variable, stored apart and never\n"
    "printed: `show` says only \"credentials: set\".\n\n"
    "add options:\n"
    "  --schedule S            P1D (default), PT6H, PT30M …, daily@03:00 (UTC) or manual\n"
    "  --option KEY=VALUE      adapter option (default_language, page_size, dataset, table, fq …); repeatable\n"
    "  --threshold SHARE       mass-withdrawal threshold in (0, 1] (default 0.5): refuse to\n"
    "                          withdraw when this share of the records vanishes at once\n"
    "  --max-bytes N           largest response body (default 268435456)\n"
    "  --timeout-ms N          total time for one fetch (default 300000)\n"
    "  --connect-timeout-ms N  (default 10000)\n"
    "  --low-speed-seconds N   fail a fetch that stalls this long (default 30; 0 = off)\n"
    "  --max-records N         largest number of records per job (default 1000000)\n"
    "  --attempts N            fetch attempts on retryable failures (default 4)\n"
    "  --retry-base-ms N       first retry delay, doubled each time (default 2000)\n"
    "  --full-every N          feed and CKAN: a full gather every N runs, incremental ones\n"
    "                          between (default 10; 1 = always full)\n"
    "  --bearer-env VARIABLE   send the bearer token held in this environment variable\n"
    "  --basic-env VARIABLE    send basic auth; the variable holds user:password\n"
    "  --disabled              register without scheduling it\n";

int Usage(const char* problem) {
  if (problem != nullptr) std::fprintf(stderr, "hdcat source: %s\n", problem);
  std::fprintf(problem ? stderr : stdout, "%s%s", kUsage, kDbOptionHelp);
  return problem ? 2 : 0;
}

int Fail(const Error& error) {
  std::fprintf(stderr, "hdcat source: %s\n", error.ToString().c_str());
  return ExitCodeFor(error);
}

// A whole decimal number, or nullopt.
std::optional<long long> Number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  long long value = std::strtoll(text.c_str(), &end, 10);
  if (*end != '\0') return std::nullopt;
  return value;
}

Json SourceJson(const HarvestSource& source) {
  return {{"name", source.name},
          {"holder", source.holder},
          {"endpoint", harvesters::RedactUrl(source.endpoint)},
          {"format", source.format},
          {"options", source.options},
          {"schedule", source.schedule},
          {"enabled", source.enabled},
          {"next_run_at", source.next_run_at},
          {"mass_withdrawal_threshold", source.mass_withdrawal_threshold},
          {"full_gather_every", source.full_gather_every},
          {"modified_since", source.modified_since},
          {"limits",
           {{"max_body_bytes", source.limits.max_body_bytes},
            {"connect_timeout_ms", source.limits.connect_timeout_ms},
            {"total_timeout_ms", source.limits.total_timeout_ms},
            {"low_speed_window_s", source.limits.low_speed_window_s},
            {"max_records", source.limits.max_records},
            {"max_fetch_attempts", source.limits.max_fetch_attempts},
            {"retry_base_ms", source.limits.retry_base_ms}}},
          {"credentials", source.has_credentials ? "set" : "none"},
          {"last_status", source.last_status},
          {"last_summary", source.last_summary},
          {"last_finished_at", source.last_finished_at},
          {"last_success_at", source.last_success_at}};
}

Result<NewSource> ReadNewSource(const Args& args) {
  NewSource source;
  source.name = args.positional()[1];
  source.holder = args.option_or("holder", "");
  source.endpoint = args.option_or("endpoint", "");
  source.format = args.option_or("format", "");
  if (source.holder.empty() || source.endpoint.empty() || source.format.empty()) {
    return InvalidInput("add needs --holder, --endpoint and --format");
  }
  source.schedule = args.option_or("schedule", "P1D");
  source.enabled = !args.flag("disabled");
  for (const auto& option : args.options("option")) {
    auto equals = option.find('=');
    if (equals == std::string::npos || equals == 0) return InvalidInput("--option takes KEY=VALUE, got \"" + option + "\"");
    std::string key = option.substr(0, equals), value = option.substr(equals + 1);
    auto number = Number(value);
    if (number) source.options[key] = *number;
    else if (value == "true" || value == "false") source.options[key] = value == "true";
    else source.options[key] = value;
  }
  struct NumericOption {
    const char* name;
    std::int64_t* wide;
    int* narrow;
  };
  std::int64_t max_bytes = source.limits.max_body_bytes;
  NumericOption numeric[] = {{"max-bytes", &max_bytes, nullptr},
                             {"timeout-ms", nullptr, &source.limits.total_timeout_ms},
                             {"connect-timeout-ms", nullptr, &source.limits.connect_timeout_ms},
                             {"low-speed-seconds", nullptr, &source.limits.low_speed_window_s},
                             {"max-records", nullptr, &source.limits.max_records},
                             {"attempts", nullptr, &source.limits.max_fetch_attempts},
                             {"retry-base-ms", nullptr, &source.limits.retry_base_ms},
                             {"full-every", nullptr, &source.full_gather_every}};
  for (const auto& option : numeric) {
    auto text = args.option(option.name);
    if (!text) continue;
    auto value = Number(*text);
    if (!value || *value < 0 || *value > 1'000'000'000'000LL) {
      return InvalidInput(std::string("--") + option.name + " takes a whole number");
    }
    if (option.wide) *option.wide = *value;
    else *option.narrow = static_cast<int>(std::min<long long>(*value, 2'000'000'000LL));
  }
  source.limits.max_body_bytes = max_bytes;
  if (auto threshold = args.option("threshold")) {
    char* end = nullptr;
    source.mass_withdrawal_threshold = std::strtod(threshold->c_str(), &end);
    if (end == threshold->c_str() || *end != '\0') return InvalidInput("--threshold takes a share such as 0.5");
  }
  auto from_env = [](const std::string& variable) -> Result<std::string> {
    const char* value = std::getenv(variable.c_str());
    if (value == nullptr || *value == '\0') return InvalidInput("environment variable " + variable + " is not set");
    return std::string(value);
  };
  if (auto variable = args.option("bearer-env")) {
    auto token = from_env(*variable);
    if (!token.ok()) return token.error();
    source.credentials.kind = harvesters::HttpCredentials::Kind::kBearer;
    source.credentials.token = *token;
  } else if (auto basic = args.option("basic-env")) {
    auto pair = from_env(*basic);
    if (!pair.ok()) return pair.error();
    auto colon = pair->find(':');
    if (colon == std::string::npos) return InvalidInput("the basic-auth variable must hold user:password");
    source.credentials.kind = harvesters::HttpCredentials::Kind::kBasic;
    source.credentials.user = pair->substr(0, colon);
    source.credentials.password = pair->substr(colon + 1);
  }
  return source;
}

void PrintSource(const HarvestSource& source) {
  std::printf("source:      %s\n", source.name.c_str());
  std::printf("holder:      %s\n", source.holder.c_str());
  std::printf("endpoint:    %s\n", harvesters::RedactUrl(source.endpoint).c_str());
  std::printf("format:      %s\n", source.format.c_str());
  if (!source.options.empty()) std::printf("options:     %s\n", source.options.dump().c_str());
  std::printf("schedule:    %s%s\n", source.schedule.c_str(), source.enabled ? "" : " (disabled)");
  std::printf("next run:    %s\n", source.enabled && source.schedule != "manual" ? source.next_run_at.c_str() : "-");
  std::printf("credentials: %s\n", source.has_credentials ? "set" : "none");
  std::printf("limits:      %lld bytes, %d ms per fetch, %d records, %d attempts\n",
              static_cast<long long>(source.limits.max_body_bytes), source.limits.total_timeout_ms,
              source.limits.max_records, source.limits.max_fetch_attempts);
  std::printf("withdrawal:  refused when %.0f%% or more of the records vanish\n",
              source.mass_withdrawal_threshold * 100);
  if (source.format == "feed" || source.format == "ckan") {
    std::printf("incremental: a full gather every %d runs; next run %s\n", source.full_gather_every,
                source.modified_since.empty() || source.incremental_runs + 1 >= source.full_gather_every
                    ? "full"
                    : ("changes since " + source.modified_since).c_str());
  }
  if (source.last_status.empty()) {
    std::printf("last run:    never\n");
    return;
  }
  const Json& s = source.last_summary;
  std::printf("last run:    job %lld %s at %s: %lld added, %lld updated, %lld unchanged, %lld withdrawn, %lld errored\n",
              static_cast<long long>(source.last_job_id.value_or(0)), source.last_status.c_str(),
              source.last_finished_at.c_str(), s.value("added", 0LL), s.value("updated", 0LL),
              s.value("unchanged", 0LL), s.value("withdrawn", 0LL), s.value("errored", 0LL));
  if (s.contains("error") && s["error"].is_string()) {
    std::printf("             %s: %s\n", s.value("error_kind", std::string()).c_str(),
                s["error"].get<std::string>().c_str());
  }
  if (!source.last_success_at.empty()) std::printf("last good:   %s\n", source.last_success_at.c_str());
}

}  // namespace

int RunSource(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2,
                          {"db", "holder", "endpoint", "format", "schedule", "option", "threshold", "max-bytes",
                           "timeout-ms", "connect-timeout-ms", "low-speed-seconds", "max-records", "attempts",
                           "retry-base-ms", "bearer-env", "basic-env", "full-every"});
  if (!args.ok()) return Usage(args.error().message.c_str());
  if (args->help()) return Usage(nullptr);
  const auto& words = args->positional();
  if (words.empty()) return Usage("which action? add, list, show, disable or enable");
  const std::string& action = words[0];
  const bool needs_name = action == "add" || action == "show" || action == "disable" || action == "enable";
  if (action != "list" && !needs_name) return Usage(("unknown action '" + action + "'").c_str());
  if (needs_name && words.size() != 2) return Usage((action + " takes one source NAME").c_str());

  std::optional<NewSource> to_add;
  if (action == "add") {
    auto source = ReadNewSource(*args);
    if (!source.ok()) return Fail(source.error());
    to_add = std::move(source).value();
  }
  auto conn = OpenDatabase(*args);
  if (!conn.ok()) return Fail(conn.error());
  SourceStore store(**conn);

  if (action == "add") {
    auto added = store.Add(*to_add);
    if (!added.ok()) return Fail(added.error());
    std::printf("added source %s (%s, holder %s), due %s\n", added->name.c_str(), added->format.c_str(),
                added->holder.c_str(), added->enabled ? added->next_run_at.c_str() : "never (disabled)");
    return 0;
  }
  if (action == "list") {
    auto holder = args->option("holder");
    auto sources = store.List(holder ? std::optional<std::string_view>(*holder) : std::nullopt);
    if (!sources.ok()) return Fail(sources.error());
    if (args->flag("json")) {
      Json list = Json::array();
      for (const auto& source : *sources) list.push_back(SourceJson(source));
      std::printf("%s\n", list.dump(2).c_str());
      return 0;
    }
    std::printf("%-28s %-24s %-14s %-12s %-10s %s\n", "SOURCE", "HOLDER", "FORMAT", "SCHEDULE", "LAST", "ENDPOINT");
    for (const auto& source : *sources) {
      std::printf("%-28s %-24s %-14s %-12s %-10s %s\n", source.name.c_str(), source.holder.c_str(),
                  source.format.c_str(), source.enabled ? source.schedule.c_str() : "disabled",
                  source.last_status.empty() ? "-" : source.last_status.c_str(),
                  harvesters::RedactUrl(source.endpoint).c_str());
    }
    return 0;
  }
  if (action == "show") {
    auto source = store.Get(words[1]);
    if (!source.ok()) return Fail(source.error());
    if (args->flag("json")) {
      std::printf("%s\n", SourceJson(*source).dump(2).c_str());
    } else {
      PrintSource(*source);
    }
    return 0;
  }
  auto changed = store.SetEnabled(words[1], action == "enable");
  if (!changed.ok()) return Fail(changed.error());
  std::printf("source %s %s\n", words[1].c_str(), action == "enable" ? "enabled" : "disabled");
  return 0;
}

}  // namespace hdcat::cli
