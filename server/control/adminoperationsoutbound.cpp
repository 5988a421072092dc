// AdminOperations' outbound operations: per-domain routes and the smart host's password.

#include "adminoperations.h"

#include "adminservice.h"
#include "datadirectory.h"
#include "routeadmin.h"
#include "secretstore.h"
#include "storageerror.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace {

QJsonObject routeJson(const RouteRecord &route, bool hasPassword)
{
    return QJsonObject{
        {QStringLiteral("domain"), route.domain},
        {QStringLiteral("host"), route.host},
        {QStringLiteral("port"), int(route.port)},
        {QStringLiteral("tls"), route.tls},
        {QStringLiteral("auth_user"), route.authUser},
        {QStringLiteral("has_password"), hasPassword},
    };
}

}

void AdminOperations::addOutboundOperations()
{
    // Built per request: the secrets live in the data directory, which a test may not have.
    const auto withRoutes = [this](const std::function<AdminReply(RouteAdmin &)> &work) {
        if (m_dataDirectory.isEmpty())
            throw StorageError(StorageError::Kind::Unavailable, QStringLiteral("no data directory for the passwords"));
        SecretStore secrets(DataDirectory(m_dataDirectory).secretsDirectory());
        RouteAdmin routes(m_admin.storage(), secrets, m_admin.actor());
        return work(routes);
    };
    m_handlers.insert(QStringLiteral("route.list"), [withRoutes](const QJsonObject &) {
        return withRoutes([](RouteAdmin &routes) {
            QJsonArray list;
            for (const RouteRecord &route : routes.routes())
                list.append(routeJson(route, routes.hasPassword(route.domain)));
            return AdminReply::success({}, QJsonObject{{QStringLiteral("routes"), list}});
        });
    });
    m_handlers.insert(QStringLiteral("route.add"), [withRoutes](const QJsonObject &a) {
        RouteAdmin::NewRoute route;
        route.domain = a.value(QStringLiteral("domain")).toString();
        route.host = a.value(QStringLiteral("host")).toString();
        route.port = a.value(QStringLiteral("port")).toInt(0);
        if (a.contains(QStringLiteral("tls")))
            route.tls = a.value(QStringLiteral("tls")).toString();
        route.authUser = a.value(QStringLiteral("auth_user")).toString();
        if (a.contains(QStringLiteral("password")))
            route.password = a.value(QStringLiteral("password")).toString();
        return withRoutes([&route](RouteAdmin &routes) { return AdminReply::success(routes.addRoute(route)); });
    });
    m_handlers.insert(QStringLiteral("route.remove"), [withRoutes](const QJsonObject &a) {
        const QString domain = a.value(QStringLiteral("domain")).toString();
        return withRoutes([&domain](RouteAdmin &routes) { return AdminReply::success(routes.removeRoute(domain)); });
    });
    m_handlers.insert(QStringLiteral("smarthost.password.set"), [withRoutes](const QJsonObject &a) {
        const QString password = a.value(QStringLiteral("password")).toString();
        return withRoutes([&password](RouteAdmin &routes) { return AdminReply::success(routes.setSmartHostPassword(password)); });
    });
    m_handlers.insert(QStringLiteral("smarthost.password.clear"), [withRoutes](const QJsonObject &) {
        return withRoutes([](RouteAdmin &routes) { return AdminReply::success(routes.clearSmartHostPassword()); });
    });
    m_handlers.insert(QStringLiteral("smarthost.password.exists"), [withRoutes](const QJsonObject &) {
        return withRoutes([](RouteAdmin &routes) {
            return AdminReply::success({}, QJsonObject{{QStringLiteral("exists"), routes.smartHostPasswordExists()}});
        });
    });
}
