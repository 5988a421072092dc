#pragma once

#include <QDateTime>

#include <functional>

#include "plaintextauthpolicy.h"

class EngineCounters;

// The limits and settings one POP3 session runs with. (More than LoginAttempts::kMaxFailures
// failed logins close the connection.)
struct Pop3SessionConfig
{
    int idleTimeoutMs = 10 * 60 * 1000;   // RFC 1939 §3: at least 10 minutes
    int maxLineLength = 1024;             // a command line with its CRLF (clients keep to 255, RFC 2449)
    int maxBadCommands = 20;              // unknown or malformed commands, then the connection is closed
    int maxPendingInput = 64 * 1024;      // pipelined input held while a reply waits for the client
    PlaintextAuthPolicy plaintextPolicy;  // auth.plaintext, network.local_ranges (USER/PASS and AUTH PLAIN)
    std::function<QDateTime()> clock;     // when failed logins happen; empty: the current time
    EngineCounters *counters = nullptr;   // today's logins and refusals for the main window; null: not counted
};
