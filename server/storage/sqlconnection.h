#pragma once

#include <QString>
#include <QVariantMap>

#include <functional>

class DatabaseUrl;
class QSqlDatabase;
class QSqlQuery;
class SqlCatalog;

// What SqlStorage and SqlQueueStorage share: opening one QtSql connection the same way (open
// statements, schema migration) and running the catalog's named statements on it.
namespace SqlConnection {

// A connection name unique in this process, "<prefix>-<n>".
[[nodiscard]] QString nextName(const QString &prefix);

// Opens `url` as connection `connectionName`, runs the dialect's open statements and migrates
// the schema. Throws StorageError(Unavailable) when the driver or the database is missing.
[[nodiscard]] QSqlDatabase open(const DatabaseUrl &url, const QString &connectionName, const SqlCatalog &catalog);

// Closes and forgets the connection (the handle must be the last copy besides Qt's registry).
void close(QSqlDatabase &db, const QString &connectionName);

// Prepares and runs the named statement with `values` bound by name. A unique-key violation
// throws StorageError(Duplicate), anything else StorageError(Unavailable); both name the statement.
[[nodiscard]] QSqlQuery run(QSqlDatabase &db, const SqlCatalog &catalog, const QString &name,
                            const QVariantMap &values = {});

// Runs `work` in a transaction on `db`; inside an open one (depth > 0) it just runs it, so
// callers nest. Rolls back and rethrows when `work` throws or the commit fails.
void transaction(QSqlDatabase &db, int &depth, const std::function<void()> &work);

}
