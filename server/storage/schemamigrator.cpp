#include "schemamigrator.h"

#include "sqlcatalog.h"
#include "storageerror.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

[[noreturn]] void fail(const QString &what, const QSqlError &error)
{
    throw StorageError(StorageError::Kind::Unavailable, QStringLiteral("%1: %2").arg(what, error.text()));
}

}

SchemaMigrator::SchemaMigrator(QSqlDatabase &db, const SqlCatalog &catalog)
    : m_db(db), m_catalog(catalog)
{
}

int SchemaMigrator::currentVersion()
{
    QSqlQuery exists(m_db);
    if (!exists.exec(m_catalog.statement(QStringLiteral("version_table_exists"))) || !exists.next())
        fail(QStringLiteral("reading the schema version"), exists.lastError());
    if (exists.value(0).toInt() == 0)
        return 0;
    QSqlQuery query(m_db);
    if (!query.exec(m_catalog.statement(QStringLiteral("schema_version_get"))) || !query.next())
        fail(QStringLiteral("reading the schema version"), query.lastError());
    return query.value(0).toInt();
}

void SchemaMigrator::migrate()
{
    const int latest = m_catalog.latestSchemaVersion();
    const int current = currentVersion();
    if (current > latest) {
        throw StorageError(StorageError::Kind::TooNew,
                           QStringLiteral("the database has schema version %1 but this Postern knows only up to %2: "
                                          "it was written by a newer Postern; upgrade Postern or point it at another database")
                               .arg(current)
                               .arg(latest));
    }
    for (int version = current + 1; version <= latest; ++version)
        apply(version);
}

void SchemaMigrator::apply(int version)
{
    if (!m_db.transaction())
        fail(QStringLiteral("starting migration %1").arg(version), m_db.lastError());
    // Another process may have migrated between our check and our transaction.
    if (currentVersion() >= version) {
        m_db.rollback();
        return;
    }
    for (const QString &statement : m_catalog.migration(version)) {
        QSqlQuery query(m_db);
        if (!query.exec(statement)) {
            const QSqlError error = query.lastError();
            m_db.rollback();
            fail(QStringLiteral("migration %1 failed at \"%2\"").arg(version).arg(statement.left(60)), error);
        }
    }
    QSqlQuery setVersion(m_db);
    setVersion.prepare(m_catalog.statement(QStringLiteral("schema_version_set")));
    setVersion.bindValue(QStringLiteral(":version"), version);
    if (!setVersion.exec()) {
        const QSqlError error = setVersion.lastError();
        m_db.rollback();
        fail(QStringLiteral("recording schema version %1").arg(version), error);
    }
    if (!m_db.commit())
        fail(QStringLiteral("committing migration %1").arg(version), m_db.lastError());
}
