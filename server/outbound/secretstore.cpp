#include "secretstore.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QFile>
#include <QRandomGenerator>
#include <QUrl>

namespace {

constexpr qsizetype kMaxNameLength = 200;     // a route's domain is at most 255 octets; files stay short
constexpr qsizetype kMaxValueBytes = 4096;

bool fail(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return false;
}

QString errnoText(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

// fsync that survives EINTR; 0 or errno.
int syncDescriptor(int fd)
{
    while (::fsync(fd) != 0) {
        if (errno != EINTR)
            return errno;
    }
    return 0;
}

}

SecretStore::SecretStore(QString directory) : m_directory(std::move(directory))
{
}

QString SecretStore::fileFor(const QString &name) const
{
    // Percent-encoding keeps "route:b\u00fccher.example" and "../x" inside the directory as one
    // plain file name; a leading dot is refused so no name collides with the temporary files.
    if (name.isEmpty() || name.size() > kMaxNameLength || name.startsWith(QLatin1Char('.')))
        return QString();
    return m_directory + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(name, QByteArrayLiteral("-._")));
}

bool SecretStore::ensureDirectory(QString *error) const
{
    const QByteArray path = QFile::encodeName(m_directory);
    if (::mkdir(path.constData(), 0700) != 0 && errno != EEXIST)
        return fail(error, QStringLiteral("cannot create %1: %2").arg(m_directory, errnoText(errno)));
    struct stat info = {};
    if (::stat(path.constData(), &info) != 0 || !S_ISDIR(info.st_mode))
        return fail(error, QStringLiteral("%1 is not a directory").arg(m_directory));
    // Tighten a directory somebody made with looser rights, so the files' names stay private too.
    if ((info.st_mode & 0777) != 0700 && ::chmod(path.constData(), 0700) != 0)
        return fail(error, QStringLiteral("cannot make %1 private (mode 0700): %2").arg(m_directory, errnoText(errno)));
    return true;
}

std::optional<QString> SecretStore::get(const QString &name, QString *error) const
{
    const QString path = fileFor(name);
    if (path.isEmpty()) {
        fail(error, QStringLiteral("\"%1\" is not a secret's name").arg(name));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.exists()) {
        fail(error, QStringLiteral("no %1 password is stored").arg(name));
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        fail(error, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    return QString::fromUtf8(file.read(kMaxValueBytes));
}

bool SecretStore::exists(const QString &name) const
{
    const QString path = fileFor(name);
    return !path.isEmpty() && QFile::exists(path);
}

bool SecretStore::set(const QString &name, const QString &value, QString *error)
{
    const QString path = fileFor(name);
    if (path.isEmpty())
        return fail(error, QStringLiteral("\"%1\" is not a secret's name").arg(name));
    const QByteArray bytes = value.toUtf8();
    if (bytes.isEmpty())
        return fail(error, QStringLiteral("the password is empty"));
    if (bytes.size() > kMaxValueBytes)
        return fail(error, QStringLiteral("the password is longer than %1 bytes").arg(kMaxValueBytes));
    if (!ensureDirectory(error))
        return false;

    const QByteArray target = QFile::encodeName(path);
    const QByteArray temporary = QFile::encodeName(m_directory) + "/.tmp-"
        + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    const int fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return fail(error, QStringLiteral("cannot write in %1: %2").arg(m_directory, errnoText(errno)));
    int problem = 0;
    for (qsizetype done = 0; done < bytes.size() && problem == 0;) {
        const ssize_t written = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (written > 0)
            done += written;
        else if (errno != EINTR)
            problem = errno;
    }
    if (problem == 0)
        problem = syncDescriptor(fd);
    ::close(fd);
    if (problem == 0 && ::rename(temporary.constData(), target.constData()) != 0)
        problem = errno;
    if (problem != 0) {
        ::unlink(temporary.constData());
        return fail(error, QStringLiteral("cannot store the %1 password in %2: %3").arg(name, m_directory, errnoText(problem)));
    }
    const int dirFd = ::open(QFile::encodeName(m_directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        problem = syncDescriptor(dirFd);
        ::close(dirFd);
    }
    if (dirFd < 0 || problem != 0)
        return fail(error, QStringLiteral("cannot sync %1: %2").arg(m_directory, errnoText(dirFd < 0 ? errno : problem)));
    return true;
}

bool SecretStore::clear(const QString &name, QString *error)
{
    const QString path = fileFor(name);
    if (path.isEmpty())
        return fail(error, QStringLiteral("\"%1\" is not a secret's name").arg(name));
    if (::unlink(QFile::encodeName(path).constData()) != 0 && errno != ENOENT)
        return fail(error, QStringLiteral("cannot remove %1: %2").arg(path, errnoText(errno)));
    return true;
}
