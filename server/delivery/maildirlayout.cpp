#include "maildirlayout.h"
#include "systemerror.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <ctime>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSysInfo>

namespace {

QByteArray parentOf(const QByteArray &path)
{
    const qsizetype slash = path.lastIndexOf('/');
    if (slash < 0)
        return QByteArrayLiteral(".");
    if (slash == 0)
        return QByteArrayLiteral("/");
    return path.left(slash);
}

// The Maildir spec wants '/' and ':' in the host name escaped as octal; ',' is escaped too
// because it would otherwise be taken for the start of a ,S= field.
QString maildirHostName()
{
    QString host = QSysInfo::machineHostName();
    if (host.isEmpty())
        host = QStringLiteral("localhost");
    host.replace(QLatin1Char('/'), QLatin1String("\\057"));
    host.replace(QLatin1Char(':'), QLatin1String("\\072"));
    host.replace(QLatin1Char(','), QLatin1String("\\054"));
    return host;
}

std::optional<qint64> fieldFromName(QStringView fileName, QLatin1String marker)
{
    // Fields live in the base name; ":2,<flags>" after it belongs to the reader.
    const qsizetype colon = fileName.indexOf(QLatin1Char(':'));
    const QStringView base = colon < 0 ? fileName : fileName.left(colon);
    const qsizetype at = base.indexOf(marker);
    if (at < 0)
        return std::nullopt;
    QStringView digits = base.mid(at + marker.size());
    const qsizetype comma = digits.indexOf(QLatin1Char(','));
    if (comma >= 0)
        digits = digits.left(comma);
    if (digits.isEmpty() || digits.size() > 18)
        return std::nullopt;
    qint64 value = 0;
    for (const QChar c : digits) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
        value = value * 10 + (c.unicode() - '0');
    }
    return value;
}

} // namespace

MaildirLayout::MaildirLayout(QString mailRoot)
    : m_root(QDir::cleanPath(mailRoot))
{
}

QString MaildirLayout::mailboxPath(const QString &canonicalAddress) const
{
    const qsizetype at = canonicalAddress.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == canonicalAddress.size() - 1)
        return {};
    // Valid domains (lower-case ACE or an address literal) pass through unchanged; encoding
    // them anyway means a malformed one can never climb out of the mail root.
    const QString domain = encodeComponent(canonicalAddress.mid(at + 1));
    const QString local = encodeComponent(canonicalAddress.left(at));
    return m_root + QLatin1Char('/') + domain + QLatin1Char('/') + local;
}

QString MaildirLayout::encodeComponent(const QString &component)
{
    static const char hex[] = "0123456789ABCDEF";
    const QByteArray utf8 = component.toUtf8();
    QByteArray out;
    out.reserve(utf8.size());
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto byte = static_cast<unsigned char>(utf8.at(i));
        const bool unsafe = byte == '/' || byte == '\\' || byte == '%' || byte < 0x20 || byte == 0x7f
            || (i == 0 && byte == '.');
        if (unsafe) {
            out.append('%');
            out.append(hex[byte >> 4]);
            out.append(hex[byte & 0x0f]);
        } else {
            out.append(static_cast<char>(byte));
        }
    }
    return QString::fromUtf8(out);
}

bool MaildirLayout::ensureMailbox(const QString &path, QString *error) const
{
    QString ignored;
    if (!error)
        error = &ignored;
    const QByteArray base = QFile::encodeName(path);
    const QByteArray subdirs[] = {base + "/tmp", base + "/new", base + "/cur"};

    struct stat info {};
    bool complete = true;
    for (const QByteArray &dir : subdirs) {
        if (::stat(dir.constData(), &info) != 0 || !S_ISDIR(info.st_mode)) {
            complete = false;
            break;
        }
    }
    if (complete)
        return true;

    // Missing ancestors first, top down, then whichever of tmp/new/cur are missing.
    QList<QByteArray> toCreate;
    QByteArray probe = base;
    while (true) {
        if (::stat(probe.constData(), &info) == 0) {
            if (!S_ISDIR(info.st_mode)) {
                *error = QStringLiteral("cannot create mailbox %1: %2 is not a directory").arg(path, QFile::decodeName(probe));
                return false;
            }
            break;
        }
        // ENOTDIR: some ancestor is a file; walking on up finds it and names it.
        if (errno != ENOENT && errno != ENOTDIR) {
            *error = QStringLiteral("cannot create mailbox %1: stat %2: %3").arg(path, QFile::decodeName(probe), systemErrorText(errno));
            return false;
        }
        toCreate.prepend(probe);
        const QByteArray parent = parentOf(probe);
        if (parent == probe)
            break;
        probe = parent;
    }
    for (const QByteArray &dir : subdirs)
        toCreate.append(dir);

    // A directory that another thread created a moment ago may not be durable yet, so its
    // parent is fsynced here too: this call's caller may answer 250 before that thread does.
    QList<QByteArray> parentsToSync;
    for (const QByteArray &dir : std::as_const(toCreate)) {
        if (::mkdir(dir.constData(), 0700) != 0) {
            if (errno != EEXIST) {
                *error = QStringLiteral("cannot create directory %1: %2").arg(QFile::decodeName(dir), systemErrorText(errno));
                return false;
            }
            if (::stat(dir.constData(), &info) != 0 || !S_ISDIR(info.st_mode)) {
                *error = QStringLiteral("cannot create mailbox %1: %2 exists but is not a directory").arg(path, QFile::decodeName(dir));
                return false;
            }
        }
        const QByteArray parent = parentOf(dir);
        if (!parentsToSync.contains(parent))
            parentsToSync.append(parent);
    }
    for (const QByteArray &dir : std::as_const(parentsToSync)) {
        const int fd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0) {
            *error = QStringLiteral("cannot open directory %1 for fsync: %2").arg(QFile::decodeName(dir), systemErrorText(errno));
            return false;
        }
        if (::fsync(fd) != 0) {
            const int saved = errno;
            ::close(fd);
            *error = QStringLiteral("fsync of directory %1 failed: %2").arg(QFile::decodeName(dir), systemErrorText(saved));
            return false;
        }
        ::close(fd);
    }
    return true;
}

QString MaildirLayout::uniqueName(qint64 size)
{
    static const QString host = maildirHostName();
    static std::atomic<quint64> counter{0};

    timespec now {};
    ::clock_gettime(CLOCK_REALTIME, &now);
    const quint64 sequence = counter.fetch_add(1, std::memory_order_relaxed);
    const quint32 random = QRandomGenerator::global()->generate();
    const QString sizeText = QString::number(size);

    QString name;
    name.reserve(96);
    name += QString::number(qint64(now.tv_sec));
    name += QLatin1String(".M");
    name += QString::number(qint64(now.tv_nsec / 1000));
    name += QLatin1Char('P');
    name += QString::number(qint64(::getpid()));
    name += QLatin1Char('Q');
    name += QString::number(sequence);
    name += QLatin1Char('R');
    name += QStringLiteral("%1").arg(random, 8, 16, QLatin1Char('0'));
    name += QLatin1Char('.');
    name += host;
    name += QLatin1String(",S=");
    name += sizeText;
    name += QLatin1String(",W=");
    name += sizeText;
    return name;
}

std::optional<qint64> MaildirLayout::sizeFromName(QStringView fileName)
{
    return fieldFromName(fileName, QLatin1String(",S="));
}

std::optional<qint64> MaildirLayout::wireSizeFromName(QStringView fileName)
{
    return fieldFromName(fileName, QLatin1String(",W="));
}
