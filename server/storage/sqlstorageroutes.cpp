// SqlStorage's outbound routes (schema 7), kept apart from sqlstorage.cpp so that neither file
// outgrows the size rule.

#include "sqlstorage.h"

#include "storageerror.h"

#include <QSqlQuery>
#include <QVariant>

namespace {

QList<RouteRecord> readRoutes(QSqlQuery &query)
{
    QList<RouteRecord> result;
    while (query.next()) {
        RouteRecord record;
        record.domain = query.value(0).toString();
        record.host = query.value(1).toString();
        record.port = quint16(query.value(2).toUInt());
        record.tls = query.value(3).toString();
        record.authUser = query.value(4).toString();
        record.created = QDateTime::fromSecsSinceEpoch(query.value(5).toLongLong(), Qt::UTC);
        result << record;
    }
    return result;
}

}

QList<RouteRecord> SqlStorage::routes()
{
    QSqlQuery query = run(QStringLiteral("route_list"));
    return readRoutes(query);
}

std::optional<RouteRecord> SqlStorage::route(const QString &domain)
{
    QSqlQuery query = run(QStringLiteral("route_get"), {{QStringLiteral("domain"), domain}});
    const QList<RouteRecord> rows = readRoutes(query);
    return rows.isEmpty() ? std::nullopt : std::optional<RouteRecord>(rows.first());
}

void SqlStorage::setRoute(const RouteRecord &route)
{
    const QDateTime when = route.created.isValid() ? route.created : QDateTime::currentDateTimeUtc();
    write(QStringLiteral("route_upsert"),
          {{QStringLiteral("domain"), route.domain},
           {QStringLiteral("host"), route.host},
           {QStringLiteral("port"), int(route.port)},
           {QStringLiteral("tls"), route.tls},
           {QStringLiteral("auth_user"), route.authUser.isNull() ? QStringLiteral("") : route.authUser},
           {QStringLiteral("created_at"), when.toSecsSinceEpoch()}});
}

void SqlStorage::removeRoute(const QString &domain)
{
    if (write(QStringLiteral("route_delete"), {{QStringLiteral("domain"), domain}}) == 0)
        throw StorageError(StorageError::Kind::NotFound, QStringLiteral("no route for %1").arg(domain));
}
