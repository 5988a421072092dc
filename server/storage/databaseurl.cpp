#include "databaseurl.h"

#include "storageerror.h"

#include <QUrl>
#include <QUrlQuery>

namespace {

[[noreturn]] void invalid(const QString &why)
{
    throw StorageError(StorageError::Kind::Invalid, QStringLiteral("invalid --database: %1").arg(why));
}

}

DatabaseUrl DatabaseUrl::sqliteFile(const QString &path)
{
    DatabaseUrl url;
    url.m_driver = QStringLiteral("QSQLITE");
    url.m_dialect = QStringLiteral("sqlite");
    url.m_databaseName = path;
    // A writer holds the lock only briefly; readers and the CLI wait instead of failing.
    url.m_connectOptions = QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000");
    return url;
}

DatabaseUrl DatabaseUrl::parse(const QString &text)
{
    if (text.isEmpty())
        invalid(QStringLiteral("empty"));
    if (!text.contains(QStringLiteral("://")))
        return sqliteFile(text);

    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        invalid(url.errorString());
    const QString scheme = url.scheme().toLower();
    if (scheme == QStringLiteral("sqlite")) {
        if (url.path().isEmpty())
            invalid(QStringLiteral("sqlite URL has no file path"));
        return sqliteFile(url.path());
    }
    if (scheme != QStringLiteral("postgresql") && scheme != QStringLiteral("postgres"))
        invalid(QStringLiteral("unknown scheme \"%1\" (use postgresql:// or sqlite://)").arg(scheme));

    DatabaseUrl result;
    result.m_driver = QStringLiteral("QPSQL");
    result.m_dialect = QStringLiteral("postgresql");
    result.m_host = url.host();
    if (result.m_host.isEmpty())
        invalid(QStringLiteral("postgresql URL has no host"));
    result.m_port = url.port(5432);
    result.m_user = url.userName(QUrl::FullyDecoded);
    result.m_password = url.password(QUrl::FullyDecoded);
    result.m_databaseName = url.path(QUrl::FullyDecoded).mid(1);
    if (result.m_databaseName.isEmpty() || result.m_databaseName.contains(QLatin1Char('/')))
        invalid(QStringLiteral("postgresql URL needs one database name after the host"));
    result.m_connectOptions = QStringLiteral("connect_timeout=10");
    return result;
}

QString DatabaseUrl::redacted() const
{
    if (m_dialect == QStringLiteral("sqlite"))
        return m_databaseName;
    QUrl url;
    url.setScheme(m_dialect);
    url.setHost(m_host);
    url.setPort(m_port);
    url.setUserName(m_user);
    if (!m_password.isEmpty())
        url.setPassword(QStringLiteral("***"));
    url.setPath(QLatin1Char('/') + m_databaseName);
    return url.toString();
}
