#include "web/server/server.h"

#include <pistache/endpoint.h>
#include <pistache/http.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <sstream>
#include <thread>

#include "harvesters/http/http_client.h"
#include "web/api/api_routes.h"
#include "web/ckan/ckan_routes.h"
#include "web/pages/manage/manage_routes.h"
#include "web/pages/page_renderer.h"
#include "web/pages/pages.h"
#include "web/server/export_routes.h"
#include "web/server/problem.h"
#include "web/server/readiness.h"
#include "web/server/request_target.h"
#include "web/server/static_files.h"

namespace hdcat::web {
namespace {

using Clock = std::chrono::steady_clock;

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// A client-supplied request id is echoed only when it is short and plain, so
// it can never inject anything into a header or a log line.
bool IsSaneRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == '.';
    if (!ok) return false;
  }
  return true;
}

// Control characters and spaces in a logged path would let a client forge log lines.
std::string ForLog(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (c <= 0x20 || c == 0x7f || c == '"' || c == '\\') {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string UtcTimestamp() {
  std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

// The base URL without its trailing slashes; refused unless it is an
// absolute http(s) URL with a host and without query, fragment or spaces.
Result<std::string> BaseUrl(std::string url) {
  while (url.ends_with('/')) url.pop_back();
  std::string_view rest = url;
  if (rest.starts_with("https://")) {
    rest.remove_prefix(8);
  } else if (rest.starts_with("http://")) {
    rest.remove_prefix(7);
  } else {
    return InvalidInput("the base URL must start with http:// or https://: '" + url + "'").at("/base_url");
  }
  bool plain = std::none_of(rest.begin(), rest.end(), [](char c) {
    return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '?' || c == '#' || c == '"' || c == '<' ||
           c == '>' || c == '\\';
  });
  if (rest.empty() || rest.front() == '/' || !plain) {
    return InvalidInput("the base URL needs a host and no query, fragment or spaces: '" + url + "'").at("/base_url");
  }
  return url;
}

// Decodes what the HTTP library parsed into the server's own request type.
// A failure leaves `request` with what could be decoded and returns the error.
Status ConvertRequest(const Pistache::Http::Request& in, HttpRequest* request) {
  request->method = Pistache::Http::methodString(in.method());
  request->path = in.resource();
  for (const auto& header : in.headers().list()) {
    std::ostringstream value;
    header->write(value);
    request->headers[Lower(header->name())] = value.str();
  }
  for (const auto& [name, raw] : in.headers().rawList()) request->headers[Lower(raw.name())] = raw.value();
  for (const auto& cookie : in.cookies()) request->cookies[cookie.name] = cookie.value;
  request->body = in.body();

  auto segments = DecodePath(in.resource());
  if (!segments.ok()) return segments.error();
  request->segments = std::move(*segments);
  request->path.clear();
  for (const auto& segment : request->segments) request->path += "/" + segment;
  if (request->path.empty()) request->path = "/";
  for (auto it = in.query().parameters_begin(); it != in.query().parameters_end(); ++it) {
    auto key = DecodeQueryValue(it->first);
    if (!key.ok()) return key.error();
    auto value = DecodeQueryValue(it->second);
    if (!value.ok()) return value.error();
    request->query.emplace_back(std::move(*key), std::move(*value));
  }
  return Status::Ok();
}

// A response header of any name. Pistache 0.0.5 writes only typed headers,
// not the raw ones, so every header the server sends goes through this type.
class NamedHeader : public Pistache::Http::Header::Header {
 public:
  NamedHeader(std::string name, std::string value) : name_(std::move(name)), value_(std::move(value)) {}
  const char* name() const override { return name_.c_str(); }
  void write(std::ostream& stream) const override { stream << value_; }
#ifdef SAFE_HEADER_CAST
  // Matches no typed header's hash, so Pistache never casts this to one.
  uint64_t hash() const override { return 0; }
#endif

 private:
  std::string name_;
  std::string value_;
};

class PistacheHandler : public Pistache::Http::Handler {
 public:
  HTTP_PROTOTYPE(PistacheHandler)

  explicit PistacheHandler(Server* server) : server_(server) {}

  void onRequest(const Pistache::Http::Request& in, Pistache::Http::ResponseWriter writer) override {
    Server::InFlight in_flight(server_);
    Clock::time_point start = Clock::now();
    HttpRequest request;
    auto client_id = in.headers().tryGetRaw("X-Request-Id");
    request.request_id = client_id && IsSaneRequestId(client_id->value()) ? client_id->value() : server_->NextRequestId();

    HttpResponse response;
    Status converted = ConvertRequest(in, &request);
    if (!converted.ok()) {
      response = server_->Reject(converted.error(), request);
    } else if (server_->draining()) {
      response = ProblemResponse(Unavailable("the server is shutting down"), request.path);
      response.with_header("Connection", "close");
    } else {
      response = server_->Handle(request);
    }
    Send(request, response, writer);
    double milliseconds = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    server_->WriteAccessLog(request, response.status, milliseconds);
  }

 private:
  static void Send(const HttpRequest& request, HttpResponse& response, Pistache::Http::ResponseWriter& writer) {
    auto& headers = writer.headers();
    auto add = [&headers](std::string name, std::string value) {
      headers.add(std::make_shared<NamedHeader>(std::move(name), std::move(value)));
    };
    if (!response.content_type.empty()) add("Content-Type", response.content_type);
    add("X-Request-Id", request.request_id);
    add("X-Content-Type-Options", "nosniff");
    for (const auto& [name, value] : response.headers) {
      // The header table keeps one value per name; cookies go through the
      // jar, which writes one Set-Cookie line each.
      if (name == "Set-Cookie") {
        writer.cookies().add(Pistache::Http::Cookie::fromString(value));
      } else {
        add(name, value);
      }
    }
    if (response.content_type.starts_with("text/html")) {
      add("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
      add("Referrer-Policy", "same-origin");
    }
    if (request.method == "HEAD") response.body.clear();
    writer.send(static_cast<Pistache::Http::Code>(response.status), response.body);
  }

  Server* server_;
};

}  // namespace

Server::Server(ServerOptions options) : options_(std::move(options)) {
  std::random_device random;
  char prefix[16];
  std::snprintf(prefix, sizeof prefix, "%08x", random());
  request_id_prefix_ = prefix;
}

Server::~Server() { Shutdown(); }

Result<std::unique_ptr<Server>> Server::Create(ServerOptions options, ServerServices services) {
  if (options.threads < 1 || options.threads > 256) return InvalidInput("--threads must be from 1 to 256");
  if (options.tls_certificate_file.empty() != options.tls_key_file.empty()) {
    return InvalidInput("TLS needs both a certificate file and a key file");
  }
  if (options.max_request_bytes > options.max_upload_bytes) options.max_upload_bytes = options.max_request_bytes;
  auto base_url = BaseUrl(options.base_url);
  if (!base_url.ok()) return base_url.error();
  options.base_url = std::move(*base_url);
  std::unique_ptr<Server> server(new Server(std::move(options)));
  auto renderer = PageRenderer::Load();
  if (!renderer.ok()) return renderer.error();
  server->renderer_ = std::move(*renderer);
  server->static_files_ = std::make_unique<StaticFiles>();
  if (!server->options_.database.empty()) {
    server->pool_ = std::make_unique<pg::ConnectionPool>(server->options_.database,
                                                         static_cast<std::size_t>(server->options_.threads) + 1,
                                                         std::chrono::seconds(5));
  }
  if (services.make_catalog) {
    auto catalog = services.make_catalog(server->pool_.get());
    if (!catalog.ok()) return catalog.error();
    server->catalog_ = std::move(*catalog);
  }
  if (services.make_search) {
    auto search = services.make_search(server->options_.index_directory);
    if (!search.ok()) return search.error();
    server->search_ = std::move(*search);
  }
  if (services.validator) {
    server->validator_ = std::move(services.validator);
  } else {
    auto validator = catalog::Validator::Load();
    if (!validator.ok()) return validator.error();
    server->validator_ = std::move(*validator);
  }
  const ServerOptions& configured = server->options_;
  if (services.make_index_sync && configured.index_sync && !configured.database.empty() &&
      !configured.index_directory.empty()) {
    auto index_sync = services.make_index_sync(configured);
    if (!index_sync.ok()) return index_sync.error();
    server->index_sync_ = std::move(*index_sync);
  }
  server->AddCoreRoutes();
  return server;
}

void Server::AddCoreRoutes() {
  router_.Add("GET", "/health", [](const HttpRequest&) {
    HttpResponse response;
    response.content_type = "application/json";
    response.body = R"({"status":"ok"})";
    response.with_header("Cache-Control", "no-store");
    return response;
  });
  router_.Add("GET", "/ready", [this](const HttpRequest&) { return Ready(); });
  router_.Add("GET", "/static/{*path}", [this](const HttpRequest& request) {
    return static_files_->Serve(request.path_param("path"), request);
  });
  api::ApiServices api_services{catalog_.get(), search_.get()};
  api::AddApiRoutes(api_services, &router_);
  exporting::ExportSite site;
  site.base_url = options_.base_url;
  ckan::AddCkanRoutes(catalog_.get(), search_.get(), site, &router_);
  auto page_context =
      AddPageRoutes(PageServices{renderer_.get(), api_services, pool_.get(), "", options_.base_url}, &router_);
  AddManageRoutes(ManageServices{page_context, pool_.get(), validator_, !options_.tls_certificate_file.empty()},
                  &router_);
  AddExportRoutes(catalog_.get(), site, &router_);
}

HttpResponse Server::Ready() const {
  ReadinessReport report = CheckReadiness(pool_.get(), options_.index_directory);
  Json checks = Json::object();
  for (const auto& check : report.checks) checks[check.name] = {{"ok", check.ok}, {"detail", check.detail}};
  HttpResponse response;
  if (report.ready()) {
    response.content_type = "application/json";
    response.body = Json{{"status", "ready"}, {"checks", checks}}.dump();
  } else {
    Json problem = ProblemDocument(report.FirstFailure(), "/ready");
    problem["checks"] = checks;
    response.status = HttpStatusFor(ErrorKind::kUnavailable);
    response.content_type = std::string(kProblemJsonType);
    response.body = problem.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
  response.with_header("Cache-Control", "no-store");
  return response;
}

HttpResponse Server::Reject(const Error& error, const HttpRequest& request) const {
  if (PrefersHtml(request)) return HtmlErrorResponse(*renderer_, error, request);
  return ProblemResponse(error, request.path);
}

HttpResponse Server::Handle(HttpRequest& request) {
  RouteMatch match = router_.Match(request.method, request.segments);
  if (match.outcome == RouteMatch::Outcome::kNotFound) {
    return Reject(NotFound("there is no resource at " + request.path), request);
  }
  if (match.outcome == RouteMatch::Outcome::kMethodNotAllowed) {
    std::string allow;
    for (const auto& method : match.allowed_methods) allow += (allow.empty() ? "" : ", ") + method;
    Json problem = {{"type", std::string(kProblemTypeBase) + "method_not_allowed"},
                    {"title", "Method not allowed"},
                    {"status", 405},
                    {"detail", request.method + " is not allowed here; use " + allow},
                    {"instance", request.path}};
    HttpResponse response;
    response.status = 405;
    response.content_type = std::string(kProblemJsonType);
    response.body = problem.dump(-1, ' ', false, Json::error_handler_t::replace);
    response.with_header("Allow", allow);
    return response;
  }
  std::size_t limit = match.route->max_body_bytes ? match.route->max_body_bytes : options_.max_request_bytes;
  if (request.body.size() > limit) {
    Error error = TooLarge("the request body has " + std::to_string(request.body.size()) + " bytes; the limit here is " +
                           std::to_string(limit));
    return Reject(error, request);
  }
  request.path_params = std::move(match.params);
  try {
    return match.route->handler(request);
  } catch (const std::exception& exception) {
    std::fprintf(stderr, "hdcat serve: request %s %s failed: %s\n", request.request_id.c_str(),
                 ForLog(request.path).c_str(), exception.what());
    return Reject(Internal(exception.what()), request);
  }
}

std::string Server::NextRequestId() {
  return request_id_prefix_ + "-" + std::to_string(request_counter_.fetch_add(1) + 1);
}

void Server::WriteAccessLog(const HttpRequest& request, int status, double milliseconds) const {
  std::string target = request.path;
  char separator = '?';
  for (const auto& [key, value] : request.query) {
    target += separator + PercentEncode(key) + "=" + PercentEncode(value);
    separator = '&';
  }
  char duration[32];
  std::snprintf(duration, sizeof duration, "%.2fms", milliseconds);
  std::string line = UtcTimestamp() + " " + request.request_id + " " + ForLog(request.method) + " " +
                     ForLog(harvesters::RedactUrl(target)) + " " + std::to_string(status) + " " + duration;
  if (options_.access_log) {
    options_.access_log(line);
  } else {
    std::fprintf(stderr, "%s\n", line.c_str());
  }
}

Status Server::Start() {
  if (running_) return Status::Ok();
  try {
    Pistache::Address address(options_.bind_address, Pistache::Port(options_.port));
    endpoint_ = std::make_unique<Pistache::Http::Endpoint>(address);
    auto endpoint_options = Pistache::Http::Endpoint::options()
                                .threads(options_.threads)
                                .flags(Pistache::Tcp::Options::ReuseAddr)
                                .maxRequestSize(options_.max_upload_bytes)
                                .headerTimeout(options_.header_timeout)
                                .bodyTimeout(options_.body_timeout)
                                .keepaliveTimeout(options_.keepalive_timeout);
    endpoint_->init(endpoint_options);
    if (!options_.tls_certificate_file.empty()) {
      endpoint_->useSSL(options_.tls_certificate_file, options_.tls_key_file);
    }
    endpoint_->setHandler(std::make_shared<PistacheHandler>(this));
    endpoint_->serveThreaded();
  } catch (const std::exception& exception) {
    endpoint_.reset();
    return Unavailable("cannot listen on " + options_.bind_address + ":" + std::to_string(options_.port) + ": " +
                       exception.what());
  }
  running_ = true;
  if (index_sync_) HDCAT_TRY(index_sync_->Start());
  return Status::Ok();
}

std::uint16_t Server::port() const {
  return endpoint_ ? static_cast<std::uint16_t>(endpoint_->getPort()) : 0;
}

void Server::Shutdown() {
  if (!running_) return;
  if (index_sync_) index_sync_->Stop();
  draining_.store(true);
  Clock::time_point deadline = Clock::now() + options_.drain_timeout;
  while (in_flight_.load() > 0 && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  endpoint_->shutdown();
  running_ = false;
}

}  // namespace hdcat::web
