#pragma once

#include "adminrequest.h"

#include <QJsonObject>
#include <QList>

// The routes as route.list gave them and as the admin has edited them in the Outbound Delivery
// dialog, and the requests that turn the one into the other: route.remove for each route gone or
// changed, then route.add for each route new or changed. Nothing is sent before Apply or OK, so
// Cancel leaves the engine's routes as they were.
class RouteChanges
{
public:
    // route.list's entries; drops every staged edit.
    void load(const QList<QJsonObject> &routes);
    // Adds the route, or replaces the one of the same domain; false (nothing changed) when
    // `replacing` is empty and the domain has a route already.
    [[nodiscard]] bool put(const QJsonObject &route, const QString &replacing = {});
    void remove(const QString &domain);

    [[nodiscard]] const QList<QJsonObject> &routes() const { return m_routes; }
    [[nodiscard]] QList<AdminRequest> requests() const;
    [[nodiscard]] bool hasChanges() const { return !requests().isEmpty(); }

private:
    [[nodiscard]] static qsizetype indexOf(const QList<QJsonObject> &routes, const QString &domain);
    [[nodiscard]] static bool same(const QJsonObject &loaded, const QJsonObject &edited);

    QList<QJsonObject> m_loaded;
    QList<QJsonObject> m_routes;
};
