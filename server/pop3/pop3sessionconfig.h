#pragma once

// The limits one POP3 session runs with.
struct Pop3SessionConfig
{
    int idleTimeoutMs = 10 * 60 * 1000;   // RFC 1939 §3: at least 10 minutes
    int maxLineLength = 1024;             // a command line with its CRLF (clients keep to 255, RFC 2449)
    int maxFailedLogins = 3;              // then the connection is closed
    int maxBadCommands = 20;              // unknown or malformed commands, then the connection is closed
    int maxPendingInput = 64 * 1024;      // pipelined input held while a reply waits for the client
};
