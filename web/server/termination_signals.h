// Waiting for SIGTERM / SIGINT without a signal handler.
//
// BlockTerminationSignals() must run before any thread is started (the
// server's threads inherit the mask, so no worker is ever interrupted);
// WaitForTerminationSignal() then blocks the calling thread in sigwait until
// one arrives and returns its number.
//
// Thread-safety: call both from the main thread.
#pragma once

namespace hdcat::web {

void BlockTerminationSignals();
int WaitForTerminationSignal();

}  // namespace hdcat::web
