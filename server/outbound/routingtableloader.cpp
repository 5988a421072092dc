#include "routingtableloader.h"

#include "hostport.h"
#include "secretstore.h"
#include "settings.h"

namespace {

void note(QStringList *problems, const QString &problem)
{
    if (problems)
        problems->append(problem);
}

// The password for a hop that logs in; empty (and a problem noted) when none is stored.
QString passwordFor(const SecretStore &secrets, const QString &name, const QString &what, const QString &setCommand,
                    QStringList *problems)
{
    QString error;
    const std::optional<QString> password = secrets.get(name, &error);
    if (!password) {
        note(problems, QStringLiteral("%1 has a login but no usable password (%2): %3").arg(what, setCommand, error));
        return QString();
    }
    return *password;
}

}

RoutingTable RoutingTableLoader::build(const Settings &settings, const QList<RouteRecord> &routes,
                                       const SecretStore &secrets, QStringList *problems)
{
    RoutingTable table;
    table.mxTls = parseOutboundTls(settings.text(QStringLiteral("outbound.tls"))).value_or(OutboundTls::Opportunistic);
    table.mxPort = quint16(settings.integer(QStringLiteral("outbound.mx_port")));

    const QString smartHost = settings.text(QStringLiteral("outbound.smarthost"));
    if (!smartHost.isEmpty()) {
        QString error;
        if (const std::optional<HostPort> hostPort = HostPort::parse(smartHost, &error)) {
            RoutingTable::Hop hop;
            hop.host = hostPort->host;
            hop.port = hostPort->port;
            hop.tls = parseOutboundTls(settings.text(QStringLiteral("outbound.smarthost_tls"))).value_or(OutboundTls::Required);
            hop.authUser = settings.text(QStringLiteral("outbound.smarthost_user"));
            if (!hop.authUser.isEmpty()) {
                hop.authPassword = passwordFor(secrets, SecretStore::smartHostName(), QStringLiteral("the smart host"),
                                               QStringLiteral("postern smarthost-password set"), problems);
            }
            table.smartHost = hop;
        } else {
            note(problems, QStringLiteral("outbound.smarthost \"%1\" is not usable (%2): delivering by MX").arg(smartHost, error));
        }
    }

    for (const RouteRecord &route : routes) {
        const std::optional<OutboundTls> tls = parseOutboundTls(route.tls);
        if (route.domain.isEmpty() || route.host.isEmpty() || route.port == 0 || !tls) {
            note(problems, QStringLiteral("the route for \"%1\" is incomplete and was skipped").arg(route.domain));
            continue;
        }
        RoutingTable::Hop hop;
        hop.host = route.host;
        hop.port = route.port;
        hop.tls = *tls;
        hop.authUser = route.authUser;
        if (!hop.authUser.isEmpty()) {
            hop.authPassword = passwordFor(secrets, SecretStore::routeName(route.domain),
                                           QStringLiteral("the route for %1").arg(route.domain),
                                           QStringLiteral("postern route add %1 ... --auth %2 --password-stdin")
                                               .arg(route.domain, route.authUser),
                                           problems);
        }
        table.routes.insert(route.domain, hop);
    }
    return table;
}
