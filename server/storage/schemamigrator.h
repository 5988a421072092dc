#pragma once

class QSqlDatabase;
class SqlCatalog;

// Brings a database to the newest schema this program knows, one migration per transaction.
class SchemaMigrator
{
public:
    SchemaMigrator(QSqlDatabase &db, const SqlCatalog &catalog);

    // 0 for an empty database.
    [[nodiscard]] int currentVersion();
    // Applies every pending migration. Throws StorageError(TooNew) when the database is newer
    // than this program, StorageError(Unavailable) when a migration fails (it is rolled back).
    void migrate();

private:
    void apply(int version);

    QSqlDatabase &m_db;
    const SqlCatalog &m_catalog;
};
