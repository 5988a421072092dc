#pragma once

#include "deliveryroute.h"
#include "records.h"

#include <QHash>
#include <QString>

#include <functional>
#include <optional>
#include <memory>

class QObject;
class Resolver;

// What decides the next hop besides DNS, read from settings and the routes table by the engine
// and handed to the planner as one value (replaced whole when the admin changes something).
struct RoutingTable
{
    struct Hop
    {
        QString host;             // name or address literal
        quint16 port = 25;
        OutboundTls tls = OutboundTls::Required;
        QString authUser;
        QString authPassword;     // from SecretStore
    };
    QHash<QString, Hop> routes;   // by lower-case ACE domain (postern route add)
    std::optional<Hop> smartHost; // outbound.smarthost (+ _user, _tls, and its secret)
    OutboundTls mxTls = OutboundTls::Opportunistic;   // outbound.tls, for MX delivery
    quint16 mxPort = 25;                               // outbound.mx_port (test networks only)
};

// Finds where mail for a domain goes: a route for the domain, else the smart host, else the
// domain's MX hosts in preference order (equal preferences shuffled), each resolved to its
// AAAA and A addresses; no MX records means the domain itself is the implicit MX (RFC 5321
// §5.1); a null MX (RFC 7505) fails permanently. Asynchronous through the Resolver (the same
// one address verification uses, so dns.servers and dns.timeout_ms apply); the callback runs
// once, in the resolver's thread, unless `context` is destroyed first.
class RoutePlanner
{
public:
    using Callback = std::function<void(const RoutePlan &)>;
    // `shuffle` orders equal-preference MX hosts; tests pass a deterministic one. Default: random.
    using Shuffle = std::function<void(QList<QString> &hostsOfEqualPreference)>;

    explicit RoutePlanner(Resolver &resolver, Shuffle shuffle = {});
    ~RoutePlanner();

    void setTable(RoutingTable table);
    [[nodiscard]] const RoutingTable &table() const { return m_table; }

    // `domain`: lower-case ACE, or an address literal "[192.0.2.1]" / "[IPv6:2001:db8::1]".
    void plan(const QString &domain, QObject *context, Callback callback);

private:
    Resolver &m_resolver;
    Shuffle m_shuffle;
    RoutingTable m_table;
};
