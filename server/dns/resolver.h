#pragma once

#include <functional>

#include <QString>

#include "dnsresult.h"

class QHostAddress;
class QObject;

// Asynchronous DNS lookups for policy checks and outbound routing. Each lookup's callback runs
// exactly once, later (never inside the call), in the thread the resolver lives in, unless
// `context` is destroyed first; then it never runs. Every lookup ends within the resolver's
// deadline. A resolver is used from its own thread only.
class Resolver
{
public:
    using Callback = std::function<void(const DnsResult &)>;

    virtual ~Resolver() = default;

    // `name` may be a U-label name; it is converted to ACE. PTR takes the reverse name
    // (see reverseName) - lookupPtr does that for you.
    virtual void lookup(DnsQueryType type, const QString &name, QObject *context, Callback callback) = 0;

    void lookupMx(const QString &domain, QObject *context, Callback callback);
    void lookupA(const QString &host, QObject *context, Callback callback);
    void lookupAaaa(const QString &host, QObject *context, Callback callback);
    void lookupPtr(const QHostAddress &address, QObject *context, Callback callback);

    // 4.3.2.1.in-addr.arpa / nibble-reversed ip6.arpa; empty for a null address.
    [[nodiscard]] static QString reverseName(const QHostAddress &address);
};
