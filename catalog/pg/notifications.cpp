#include "catalog/pg/notifications.h"

#include <libpq-fe.h>
#include <poll.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace hdcat::pg {
namespace {

using Clock = std::chrono::steady_clock;

Error LostConnection(PGconn* raw) {
  std::string why = PQerrorMessage(raw);
  while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
  return Unavailable("lost the database connection while waiting for notifications" +
                     (why.empty() ? std::string() : ": " + why));
}

// Reads what the server sent and takes every queued notification; how many.
Result<int> TakeNotifications(PGconn* raw) {
  if (PQconsumeInput(raw) == 0 || PQstatus(raw) != CONNECTION_OK) return LostConnection(raw);
  int taken = 0;
  while (PGnotify* note = PQnotifies(raw)) {
    PQfreemem(note);
    ++taken;
  }
  return taken;
}

}  // namespace

Status Listen(Connection& conn, std::string_view channel) {
  char* quoted = PQescapeIdentifier(conn.raw(), channel.data(), channel.size());
  if (quoted == nullptr) return InvalidInput("cannot quote the channel name '" + std::string(channel) + "'");
  std::string statement = "LISTEN " + std::string(quoted);
  PQfreemem(quoted);
  return conn.ExecScript(statement);
}

Result<Wakeup> WaitForNotification(Connection& conn, int wake_fd, std::chrono::milliseconds timeout) {
  PGconn* raw = conn.raw();
  auto taken = TakeNotifications(raw);
  if (!taken.ok()) return taken.error();
  if (*taken > 0) return Wakeup::kNotification;
  const int socket = PQsocket(raw);
  if (socket < 0) return LostConnection(raw);
  const Clock::time_point deadline = Clock::now() + timeout;
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return Wakeup::kTimeout;
    pollfd fds[2] = {{socket, POLLIN, 0}, {wake_fd, POLLIN, 0}};
    int ready = poll(fds, wake_fd >= 0 ? 2 : 1, static_cast<int>(left.count()));
    if (ready < 0) {
      if (errno == EINTR) continue;
      return Internal(std::string("poll on the database connection failed: ") + std::strerror(errno));
    }
    if (ready == 0) return Wakeup::kTimeout;
    if (wake_fd >= 0 && (fds[1].revents & POLLIN) != 0) return Wakeup::kWakeFd;
    if (fds[0].revents != 0) {
      // Readable for other reasons too (parameter status, notices): wait on.
      taken = TakeNotifications(raw);
      if (!taken.ok()) return taken.error();
      if (*taken > 0) return Wakeup::kNotification;
    }
  }
}

}  // namespace hdcat::pg
