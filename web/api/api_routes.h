// The HTTP face of the API operations: one generic adapter per operation,
// plus the OpenAPI document at /api/v1/openapi.json.
//
// The adapter merges the decoded query parameters and path placeholders into
// one JSON object of strings, runs the operation with a Context for the
// request, and answers application/json, or problem+json with the status that
// HttpStatusFor gives the error's kind.
//
// Thread-safety: the routes capture `services`, which must outlive the router
// and be safe to use from several threads.
#pragma once

#include <string_view>

#include "web/api/context.h"
#include "web/api/operations.h"
#include "web/server/router.h"

namespace hdcat::web::api {

struct ApiServices {
  const CatalogReader* catalog = nullptr;
  const SearchBackend* search = nullptr;
};

inline constexpr std::string_view kOpenApiPath = "/api/v1/openapi.json";

void AddApiRoutes(const ApiServices& services, Router* router);

// Runs one operation for one request (exposed for tests and for other route sets).
HttpResponse RunOperation(const Operation& operation, const ApiServices& services, const HttpRequest& request);

}  // namespace hdcat::web::api
