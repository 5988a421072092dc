#include "routechanges.h"

namespace {
const QString kDomain = QStringLiteral("domain");
}

void RouteChanges::load(const QList<QJsonObject> &routes)
{
    m_loaded = routes;
    m_routes = routes;
}

bool RouteChanges::put(const QJsonObject &route, const QString &replacing)
{
    const QString domain = route.value(kDomain).toString();
    const qsizetype existing = indexOf(m_routes, domain);
    if (replacing.isEmpty()) {
        if (existing >= 0)
            return false;
        m_routes.append(route);
        return true;
    }
    // An edit that renames the domain onto another route's would leave two for one domain.
    if (existing >= 0 && domain != replacing)
        return false;
    const qsizetype old = indexOf(m_routes, replacing);
    if (old >= 0)
        m_routes[old] = route;
    else
        m_routes.append(route);
    return true;
}

void RouteChanges::remove(const QString &domain)
{
    if (const qsizetype index = indexOf(m_routes, domain); index >= 0)
        m_routes.removeAt(index);
}

QList<AdminRequest> RouteChanges::requests() const
{
    QList<AdminRequest> removals;
    QList<AdminRequest> additions;
    for (const QJsonObject &loaded : m_loaded) {
        const QString domain = loaded.value(kDomain).toString();
        const qsizetype now = indexOf(m_routes, domain);
        if (now < 0 || !same(loaded, m_routes.at(now)))
            removals.append(AdminRequest{QStringLiteral("route.remove"), {{kDomain, domain}}});
    }
    for (const QJsonObject &route : m_routes) {
        const qsizetype before = indexOf(m_loaded, route.value(kDomain).toString());
        if (before >= 0 && same(m_loaded.at(before), route))
            continue;
        QJsonObject arguments;
        for (const char *key : {"domain", "host", "port", "tls", "auth_user", "password"}) {
            if (route.contains(QLatin1String(key)))
                arguments.insert(QLatin1String(key), route.value(QLatin1String(key)));
        }
        additions.append(AdminRequest{QStringLiteral("route.add"), arguments});
    }
    return removals + additions;
}

qsizetype RouteChanges::indexOf(const QList<QJsonObject> &routes, const QString &domain)
{
    for (qsizetype i = 0; i < routes.size(); ++i) {
        if (routes.at(i).value(kDomain).toString() == domain)
            return i;
    }
    return -1;
}

bool RouteChanges::same(const QJsonObject &loaded, const QJsonObject &edited)
{
    // A newly typed password is a change even when nothing else is.
    if (edited.contains(QStringLiteral("password")))
        return false;
    if (loaded.value(QStringLiteral("port")).toInt() != edited.value(QStringLiteral("port")).toInt())
        return false;
    for (const char *key : {"host", "tls", "auth_user"}) {
        if (loaded.value(QLatin1String(key)).toString() != edited.value(QLatin1String(key)).toString())
            return false;
    }
    return true;
}
