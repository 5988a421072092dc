#pragma once

class TlsContextProvider;

// What a connection may do with TLS: where its certificate comes from (null: no TLS at all),
// whether the service speaks TLS from the first byte (smtps, pop3s) rather than after
// STARTTLS/STLS, and how long a client may take over the handshake.
struct TlsSupport
{
    const TlsContextProvider *provider = nullptr;
    bool implicit = false;
    int handshakeTimeoutMs = 30 * 1000;
};
