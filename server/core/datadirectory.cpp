#include "datadirectory.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

DataDirectory::DataDirectory(QString path)
    : m_path(QDir::cleanPath(QDir(path).absolutePath()))
{
}

QString DataDirectory::defaultPath()
{
    if (geteuid() == 0)
        return QStringLiteral("/var/lib/postern");
    QString base = qEnvironmentVariable("XDG_DATA_HOME");
    if (base.isEmpty() || !QDir::isAbsolutePath(base))
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/postern");
}

bool DataDirectory::ensureExists(QString *error) const
{
    const QFileInfo info(m_path);
    if (info.exists()) {
        if (info.isDir())
            return true;
        *error = QStringLiteral("data directory %1 exists but is not a directory").arg(m_path);
        return false;
    }
    if (!QDir().mkpath(m_path)) {
        *error = QStringLiteral("cannot create data directory %1").arg(m_path);
        return false;
    }
    // Mail, the database and logs are private to the server's user.
    if (::chmod(QFile::encodeName(m_path).constData(), 0700) != 0) {
        *error = QStringLiteral("cannot set mode 0700 on %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

QString DataDirectory::databaseFile() const
{
    return m_path + QStringLiteral("/postern.db");
}

QString DataDirectory::logDirectory() const
{
    return m_path + QStringLiteral("/logs");
}

QString DataDirectory::mailDirectory() const
{
    return m_path + QStringLiteral("/mail");
}

QString DataDirectory::tlsDirectory() const
{
    return m_path + QStringLiteral("/tls");
}

QString DataDirectory::queueDirectory() const
{
    return m_path + QStringLiteral("/queue");
}

QString DataDirectory::secretsDirectory() const
{
    return m_path + QStringLiteral("/secrets");
}
