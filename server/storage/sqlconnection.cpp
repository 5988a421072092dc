#include "sqlconnection.h"

#include "databaseurl.h"
#include "schemamigrator.h"
#include "sqlcatalog.h"
#include "storageerror.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace SqlConnection {

QString nextName(const QString &prefix)
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("%1-%2").arg(prefix).arg(counter.fetchAndAddRelaxed(1));
}

QSqlDatabase open(const DatabaseUrl &url, const QString &connectionName, const SqlCatalog &catalog)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(url.driver(), connectionName);
    if (!db.isValid()) {
        throw StorageError(StorageError::Kind::Unavailable,
                           QStringLiteral("the Qt SQL driver %1 is not installed").arg(url.driver()));
    }
    db.setDatabaseName(url.databaseName());
    db.setHostName(url.host());
    db.setPort(url.port());
    db.setUserName(url.user());
    db.setPassword(url.password());
    db.setConnectOptions(url.connectOptions());
    if (!db.open()) {
        throw StorageError(StorageError::Kind::Unavailable,
                           QStringLiteral("cannot open database %1: %2").arg(url.redacted(), db.lastError().text()));
    }
    for (const QString &statement : catalog.openStatements()) {
        QSqlQuery query(db);
        if (!query.exec(statement))
            throw StorageError(StorageError::Kind::Unavailable, query.lastError().text());
    }
    SchemaMigrator(db, catalog).migrate();
    return db;
}

void close(QSqlDatabase &db, const QString &connectionName)
{
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(connectionName);
}

QSqlQuery run(QSqlDatabase &db, const SqlCatalog &catalog, const QString &name, const QVariantMap &values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(catalog.statement(name)))
        throw StorageError(StorageError::Kind::Unavailable, QStringLiteral("%1: %2").arg(name, query.lastError().text()));
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        query.bindValue(QLatin1Char(':') + it.key(), it.value());
    if (!query.exec()) {
        const QSqlError error = query.lastError();
        // Unique-key violations mean the caller asked for a duplicate; anything else is the database's fault.
        const QString code = error.nativeErrorCode();
        const bool duplicate = code == QStringLiteral("2067")       // SQLITE_CONSTRAINT_UNIQUE
                               || code == QStringLiteral("1555")    // SQLITE_CONSTRAINT_PRIMARYKEY
                               || code == QStringLiteral("23505");  // PostgreSQL unique_violation
        throw StorageError(duplicate ? StorageError::Kind::Duplicate : StorageError::Kind::Unavailable,
                           QStringLiteral("%1: %2").arg(name, error.text()));
    }
    return query;
}

void transaction(QSqlDatabase &db, int &depth, const std::function<void()> &work)
{
    if (depth > 0) {
        work();
        return;
    }
    if (!db.transaction())
        throw StorageError(StorageError::Kind::Unavailable, db.lastError().text());
    ++depth;
    try {
        work();
    } catch (...) {
        --depth;
        db.rollback();
        throw;
    }
    --depth;
    if (!db.commit()) {
        const QString error = db.lastError().text();
        db.rollback();
        throw StorageError(StorageError::Kind::Unavailable, error);
    }
}

}
