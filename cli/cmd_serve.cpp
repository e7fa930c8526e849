// `hdcat serve`: runs the web service until SIGTERM or SIGINT.
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "catalog/validator.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/db_options.h"
#include "cli/exit_code.h"
#include "web/server/server.h"
#include "web/server/store_services.h"
#include "web/server/termination_signals.h"

namespace hdcat::cli {
namespace {

constexpr const char* kHelp =
    "usage: hdcat serve [--bind ADDRESS] [--port N] [--threads N] [--tls-cert FILE --tls-key FILE]\n"
    "                   [--db CONNINFO] [--index DIR] [--no-index-sync] [--base-url URL]\n"
    "\n"
    "Serves the catalog over HTTP: pages in Japanese and English, the JSON API\n"
    "under /api/v1 (described at /api/v1/openapi.json), /health and /ready.\n"
    "Stops on SIGTERM or SIGINT after finishing the requests in flight.\n"
    "\n"
    "  --bind ADDRESS     address to listen on (default 127.0.0.1)\n"
    "  --port N           port (default 8080; 0 = any free port, printed at start)\n"
    "  --threads N        worker threads (default 2)\n"
    "  --tls-cert FILE    serve HTTPS with this PEM certificate (needs --tls-key)\n"
    "  --tls-key FILE     the PEM private key of --tls-cert\n"
    "  --index DIR        the search index directory (default: <HDCAT_HOME>/.hdcat/index, as for\n"
    "                     `hdcat search` and `hdcat reindex`; \"\" serves no search: it answers 503)\n"
    "  --no-index-sync    do not apply catalog changes to the index while serving (by default a\n"
    "                     background thread does, within about a second of each commit); use it\n"
    "                     when `hdcat reindex --follow` runs elsewhere and the index is replicated\n"
    "  --max-request-bytes N  largest request body accepted (default 1048576)\n"
    "  --base-url URL     the catalog's public address, the base of the IRIs in RDF exports,\n"
    "                     schema.org JSON-LD and CKAN dicts (default $HDCAT_BASE_URL, else\n"
    "                     https://hdcat.jp)\n";

Result<long> NumberOption(const Args& args, std::string_view name, long fallback, long min, long max) {
  auto text = args.option(name);
  if (!text) return fallback;
  long value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value < min || value > max) {
    return InvalidInput("--" + std::string(name) + " must be an integer from " + std::to_string(min) + " to " +
                        std::to_string(max));
  }
  return value;
}

}  // namespace

int RunServe(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2,
                          {"bind", "port", "threads", "tls-cert", "tls-key", "db", "index", "max-request-bytes",
                           "base-url"});
  if (!args.ok()) {
    std::fprintf(stderr, "hdcat serve: %s\n%s%s", args.error().message.c_str(), kHelp, kDbOptionHelp);
    return 2;
  }
  if (args->help()) {
    std::printf("%s%s", kHelp, kDbOptionHelp);
    return 0;
  }
  web::ServerOptions options;
  options.bind_address = args->option_or("bind", options.bind_address);
  auto port = NumberOption(*args, "port", options.port, 0, 65535);
  auto threads = NumberOption(*args, "threads", options.threads, 1, 256);
  auto max_request = NumberOption(*args, "max-request-bytes", static_cast<long>(options.max_request_bytes), 1024,
                                  1024L * 1024 * 1024);
  for (const auto* number : {&port, &threads, &max_request}) {
    if (!number->ok()) {
      std::fprintf(stderr, "hdcat serve: %s\n", number->error().message.c_str());
      return 2;
    }
  }
  options.port = static_cast<std::uint16_t>(*port);
  options.threads = static_cast<int>(*threads);
  options.max_request_bytes = static_cast<std::size_t>(*max_request);
  options.tls_certificate_file = args->option_or("tls-cert", "");
  options.tls_key_file = args->option_or("tls-key", "");
  options.index_directory = args->option_or("index", DefaultIndexDir());
  const char* base_url = std::getenv("HDCAT_BASE_URL");
  options.base_url = args->option_or("base-url", base_url != nullptr && *base_url != '\0' ? base_url : options.base_url);
  options.database = ResolveDatabase(*args).conninfo;
  options.index_sync = !args->flag("no-index-sync");

  if (options.tls_certificate_file.empty() != options.tls_key_file.empty()) {
    std::fprintf(stderr, "hdcat serve: --tls-cert and --tls-key go together\n");
    return 2;
  }
  // Bring the schema up to date once; a database that is down now only makes /ready fail.
  if (auto db = OpenDatabase(*args); !db.ok()) {
    std::fprintf(stderr, "hdcat serve: warning: %s\n", db.error().ToString().c_str());
  }
  auto validator = catalog::Validator::Load();
  if (!validator.ok()) {
    std::fprintf(stderr, "hdcat serve: %s\n", validator.error().ToString().c_str());
    return ExitCodeFor(validator.error());
  }

  web::ServerServices services = web::StoreServices(*validator);

  // Signals are blocked before any server thread exists, so only sigwait sees them.
  web::BlockTerminationSignals();
  auto server = web::Server::Create(options, services);
  if (!server.ok()) {
    std::fprintf(stderr, "hdcat serve: %s\n", server.error().ToString().c_str());
    return ExitCodeFor(server.error());
  }
  if (auto started = (*server)->Start(); !started.ok()) {
    std::fprintf(stderr, "hdcat serve: %s\n", started.error().ToString().c_str());
    return ExitCodeFor(started.error());
  }
  std::fprintf(stderr, "hdcat serve: listening on %s://%s:%u\n", options.tls_certificate_file.empty() ? "http" : "https",
               options.bind_address.c_str(), static_cast<unsigned>((*server)->port()));
  int signal_number = web::WaitForTerminationSignal();
  std::fprintf(stderr, "hdcat serve: signal %d, finishing requests in flight\n", signal_number);
  (*server)->Shutdown();
  std::fprintf(stderr, "hdcat serve: stopped\n");
  return 0;
}

}  // namespace hdcat::cli
