// LISTEN/NOTIFY on a Connection: subscribe to a channel, then wait for a
// notification, a wake-up from another thread, or a timeout — whichever
// comes first — without busy polling.
//
// Listen() runs LISTEN with the channel quoted as an identifier.
// WaitForNotification() first takes the notifications libpq already read
// (queries on the same connection read them into libpq's queue, leaving the
// socket quiet), then waits on the connection's socket and on `wake_fd` (a
// descriptor another thread makes readable, e.g. a pipe; -1 for none). It
// consumes every queued notification before returning kNotification, so the
// caller acts once per wake-up, not once per NOTIFY; a notification that
// arrives after that stays queued for the next wait. It never reads
// `wake_fd`: its owner drains it. A lost connection (server restart,
// network) is kUnavailable; the caller reconnects and LISTENs again.
//
// Thread-safety: as the Connection — one thread at a time.
#pragma once

#include <chrono>
#include <string_view>

#include "base/result.h"
#include "catalog/pg/connection.h"

namespace hdcat::pg {

enum class Wakeup { kNotification, kWakeFd, kTimeout };

Status Listen(Connection& conn, std::string_view channel);

Result<Wakeup> WaitForNotification(Connection& conn, int wake_fd, std::chrono::milliseconds timeout);

}  // namespace hdcat::pg
