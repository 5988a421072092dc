#pragma once

#include <memory>

#include <QByteArray>

class ProtocolSession;
class SessionTransport;
struct ClientInfo;
enum class Admission;

// How the network core makes the protocol session for a connection. One factory per service;
// the core calls it from every worker thread at once, so both functions must be thread-safe.
class SessionFactory
{
public:
    virtual ~SessionFactory() = default;

    // The session talks to the client only through transport, which outlives it. May return
    // nullptr to refuse the client outright; the connection is then closed without a word.
    [[nodiscard]] virtual std::unique_ptr<ProtocolSession> create(const ClientInfo &client,
                                                                  SessionTransport &transport) = 0;
    // The line sent before closing a client turned away by a connection limit, e.g. SMTP
    // "421 4.7.0 <hostname> Too many connections, try again later\r\n". Empty sends nothing
    // (implicit-TLS services can say nothing in clear text).
    [[nodiscard]] virtual QByteArray refusalLine(Admission reason) const = 0;
};
