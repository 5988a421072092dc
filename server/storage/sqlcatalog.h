#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

// The SQL text of one dialect, read from the resources under :/sql/<dialect>/: named statements
// ("-- name: x" blocks of queries.sql, schema_version.sql and queue.sql) and the numbered migration scripts.
class SqlCatalog
{
public:
    explicit SqlCatalog(const QString &dialect);

    // Throws StorageError(Invalid) for an unknown name: a programming error caught by tests.
    [[nodiscard]] QString statement(const QString &name) const;
    [[nodiscard]] QStringList statementNames() const { return m_statements.keys(); }
    [[nodiscard]] QStringList openStatements() const;
    [[nodiscard]] int latestSchemaVersion() const;
    // The statements of migration `version` (1-based), split on ';' at line ends.
    [[nodiscard]] QStringList migration(int version) const;

    [[nodiscard]] static QStringList splitScript(const QString &script);
    [[nodiscard]] static QHash<QString, QString> parseNamedBlocks(const QString &text);

private:
    [[nodiscard]] QString readResource(const QString &relativePath) const;

    QString m_root;
    QHash<QString, QString> m_statements;
};
