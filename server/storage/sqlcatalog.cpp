#include "sqlcatalog.h"

#include "storageerror.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

SqlCatalog::SqlCatalog(const QString &dialect)
    : m_root(QStringLiteral(":/sql/%1/").arg(dialect))
{
    Q_INIT_RESOURCE(sql);
    m_statements = parseNamedBlocks(readResource(QStringLiteral("queries.sql")));
    m_statements.insert(parseNamedBlocks(readResource(QStringLiteral("schema_version.sql"))));
    m_statements.insert(parseNamedBlocks(readResource(QStringLiteral("queue.sql"))));
}

QString SqlCatalog::readResource(const QString &relativePath) const
{
    QFile file(m_root + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        throw StorageError(StorageError::Kind::Invalid,
                           QStringLiteral("missing SQL resource %1").arg(file.fileName()));
    return QString::fromUtf8(file.readAll());
}

QString SqlCatalog::statement(const QString &name) const
{
    const auto it = m_statements.constFind(name);
    if (it == m_statements.cend())
        throw StorageError(StorageError::Kind::Invalid, QStringLiteral("no SQL statement named %1").arg(name));
    return *it;
}

QStringList SqlCatalog::openStatements() const
{
    return splitScript(readResource(QStringLiteral("open.sql")));
}

int SqlCatalog::latestSchemaVersion() const
{
    const QStringList files = QDir(m_root + QStringLiteral("migrations")).entryList({QStringLiteral("*.sql")});
    return int(files.size());
}

QStringList SqlCatalog::migration(int version) const
{
    return splitScript(readResource(QStringLiteral("migrations/%1.sql").arg(version, 4, 10, QLatin1Char('0'))));
}

QStringList SqlCatalog::splitScript(const QString &script)
{
    QStringList statements;
    QString current;
    for (const QString &line : script.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QStringLiteral("--")))
            continue;
        current += line + QLatin1Char('\n');
        if (trimmed.endsWith(QLatin1Char(';'))) {
            statements << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

QHash<QString, QString> SqlCatalog::parseNamedBlocks(const QString &text)
{
    static const QRegularExpression header(QStringLiteral("^--\\s*name:\\s*(\\S+)\\s*$"));
    QHash<QString, QString> blocks;
    QString name;
    QString body;
    const auto flush = [&] {
        if (!name.isEmpty())
            blocks.insert(name, body.trimmed());
        body.clear();
    };
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const auto match = header.match(line.trimmed());
        if (match.hasMatch()) {
            flush();
            name = match.captured(1);
        } else if (!line.trimmed().startsWith(QStringLiteral("--"))) {
            body += line + QLatin1Char('\n');
        }
    }
    flush();
    return blocks;
}
