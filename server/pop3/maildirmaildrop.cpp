#include "maildirmaildrop.h"
#include "systemerror.h"

#include <algorithm>
#include <cerrno>
#include <cctype>
#include <cstring>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QCryptographicHash>
#include <QFile>

#include "maildirlayout.h"
#include "readonlyfile.h"

namespace {

constexpr int kMaxUidLength = 70;   // RFC 1939 §7

QByteArrayView baseOf(QByteArrayView name)
{
    const qsizetype colon = name.indexOf(':');
    return colon < 0 ? name : name.first(colon);
}

// ":2,<flags>" with S added (flags kept in ASCII order, as the Maildir spec asks); the same name
// when S is already there or the info is in some other format.
QByteArray withSeenFlag(const QByteArray &name)
{
    const qsizetype colon = name.indexOf(':');
    if (colon < 0)
        return name + ":2,S";
    const QByteArray info = name.mid(colon + 1);
    if (!info.startsWith("2,"))
        return name;
    QByteArray flags = info.mid(2);
    if (flags.contains('S'))
        return name;
    flags.append('S');
    std::sort(flags.begin(), flags.end());
    return name.left(colon) + ":2," + flags;
}

bool syncDirectory(const QByteArray &path)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

}

MaildirMaildrop::MaildirMaildrop(QByteArray path, MailboxLocks::Lock lock)
    : m_path(std::move(path)), m_lock(std::move(lock))
{
}

MaildirMaildrop::~MaildirMaildrop() = default;

MaildropOpenResult MaildirMaildrop::open(const QString &mailboxPath, const MailboxLocks &locks)
{
    MaildropOpenResult result;
    MailboxLocks::Lock lock = locks.tryLock(mailboxPath);
    if (!lock.isHeld()) {
        result.inUse = true;
        result.error = QStringLiteral("mailbox %1 is locked by another session").arg(mailboxPath);
        return result;
    }
    std::unique_ptr<MaildirMaildrop> maildrop(new MaildirMaildrop(QFile::encodeName(mailboxPath), std::move(lock)));
    if (!maildrop->scan(&result.error))
        return result;   // the lock goes with the maildrop
    result.maildrop = std::move(maildrop);
    return result;
}

MaildropOpener MaildirMaildrop::opener(const MaildirLayout &layout, const MailboxLocks &locks)
{
    return [layout, locks](const QString &account) {
        const QString path = layout.mailboxPath(account);
        if (path.isEmpty()) {
            MaildropOpenResult result;
            result.error = QStringLiteral("no mailbox for \"%1\"").arg(account);
            return result;
        }
        return open(path, locks);
    };
}

QByteArray MaildirMaildrop::uidFromFileName(QByteArrayView fileName)
{
    const QByteArrayView base = baseOf(fileName);
    bool printable = !base.isEmpty() && base.size() <= kMaxUidLength;
    for (qsizetype i = 0; printable && i < base.size(); ++i) {
        const auto c = static_cast<unsigned char>(base.at(i));
        printable = c >= 0x21 && c <= 0x7e;
    }
    if (printable)
        return base.toByteArray();
    return QCryptographicHash::hash(base, QCryptographicHash::Sha256).toHex();
}

QByteArray MaildirMaildrop::uid(int index) const
{
    return uidFromFileName(m_names.baseName(index));
}

QByteArray MaildirMaildrop::pathOf(int index) const
{
    return m_path + (m_names.inCur(index) ? "/cur/" : "/new/") + m_names.name(index);
}

QString MaildirMaildrop::filePath(int index) const
{
    if (index < 0 || index >= count())
        return {};
    return QFile::decodeName(pathOf(index));
}

qsizetype MaildirMaildrop::listMemoryBytes() const
{
    return m_names.memoryBytes() + m_sizes.capacity() * qsizetype(sizeof(qint64));
}

bool MaildirMaildrop::scanSubdir(bool cur, QList<qint64> &fileTimes, QList<qint64> &sizes, QString *error)
{
    const QByteArray dirPath = m_path + (cur ? "/cur" : "/new");
    DIR *dir = ::opendir(dirPath.constData());
    if (!dir) {
        if (errno == ENOENT)
            return true;   // no mail delivered yet
        *error = QStringLiteral("cannot list %1: %2").arg(QFile::decodeName(dirPath), systemErrorText(errno));
        return false;
    }
    const int dirFd = ::dirfd(dir);
    errno = 0;
    while (const dirent *item = ::readdir(dir)) {
        const QByteArrayView name(item->d_name);
        if (name.startsWith('.') || item->d_type == DT_DIR)
            continue;
        const auto wire = MaildirLayout::wireSizeFromName(QFile::decodeName(name.toByteArray()));
        qint64 fileTime = -1;
        qint64 fileSize = -1;
        if (!wire || item->d_type != DT_REG || !std::isdigit(static_cast<unsigned char>(name.front()))) {
            struct stat info {};
            if (::fstatat(dirFd, item->d_name, &info, 0) != 0 || !S_ISREG(info.st_mode)) {
                errno = 0;
                continue;   // vanished meanwhile, or not a file
            }
            fileTime = qint64(info.st_mtime);
            fileSize = qint64(info.st_size);
        }
        m_names.append(name, cur);
        fileTimes.append(fileTime);
        // Without ,W= the file is taken to hold CRLF line ends already, as ours do.
        sizes.append(wire ? *wire : std::max<qint64>(fileSize, 0));
        errno = 0;
    }
    const int readError = errno;
    ::closedir(dir);
    if (readError != 0) {
        *error = QStringLiteral("cannot list %1: %2").arg(QFile::decodeName(dirPath), systemErrorText(readError));
        return false;
    }
    return true;
}

bool MaildirMaildrop::scan(QString *error)
{
    // Listed once, then sorted by delivery time; the temporary lists go when the scan ends.
    QList<qint64> fileTimes;
    QList<qint64> sizes;
    if (!scanSubdir(true, fileTimes, sizes, error) || !scanSubdir(false, fileTimes, sizes, error))
        return false;
    struct Key
    {
        qint64 seconds = 0;
        qint64 microseconds = 0;
        int index = 0;
    };
    QList<Key> keys(m_names.count());
    for (int i = 0; i < m_names.count(); ++i) {
        Key &key = keys[i];
        key.index = i;
        if (!m_names.deliveryTime(i, &key.seconds, &key.microseconds))
            key.seconds = fileTimes.at(i);
    }
    fileTimes = {};
    std::sort(keys.begin(), keys.end(), [this](const Key &a, const Key &b) {
        if (a.seconds != b.seconds)
            return a.seconds < b.seconds;
        if (a.microseconds != b.microseconds)
            return a.microseconds < b.microseconds;
        const QByteArray baseA = m_names.baseName(a.index);
        const QByteArray baseB = m_names.baseName(b.index);
        if (baseA != baseB)
            return baseA < baseB;
        return m_names.inCur(a.index) && !m_names.inCur(b.index);   // cur/ wins over a stray copy in new/
    });
    QList<int> order;
    order.reserve(keys.size());
    m_sizes.reserve(keys.size());
    QByteArray previousBase;
    for (const Key &key : std::as_const(keys)) {
        // One base name, one message: the uid must be unique in the maildrop.
        QByteArray base = m_names.baseName(key.index);
        if (!order.isEmpty() && base == previousBase)
            continue;
        previousBase = std::move(base);
        order.append(key.index);
        m_sizes.append(sizes.at(key.index));
    }
    m_names.reorder(order);
    m_names.squeeze();
    m_sizes.squeeze();
    return true;
}

bool MaildirMaildrop::relocate(int index)
{
    const QByteArray base = m_names.baseName(index);
    for (const bool cur : {true, false}) {
        const QByteArray dirPath = m_path + (cur ? "/cur" : "/new");
        DIR *dir = ::opendir(dirPath.constData());
        if (!dir)
            continue;
        bool found = false;
        while (const dirent *item = ::readdir(dir)) {
            const QByteArrayView name(item->d_name);
            if (baseOf(name) == base) {
                m_names.replace(index, name, cur);
                found = true;
                break;
            }
        }
        ::closedir(dir);
        if (found)
            return true;
    }
    return false;
}

std::unique_ptr<QIODevice> MaildirMaildrop::open(int index, QString *error)
{
    if (index < 0 || index >= count()) {
        *error = QStringLiteral("no message %1").arg(index + 1);
        return nullptr;
    }
    for (int attempt = 0; attempt < 2; ++attempt) {
        const QByteArray path = pathOf(index);
        auto file = std::make_unique<ReadOnlyFile>();
        if (file->open(path))
            return file;
        const int saved = errno;
        if (attempt == 0 && saved == ENOENT && relocate(index))
            continue;
        *error = QStringLiteral("cannot open %1: %2").arg(QFile::decodeName(path), systemErrorText(saved));
        return nullptr;
    }
    return nullptr;
}

bool MaildirMaildrop::markSeen(int index, QString *error)
{
    if (index < 0 || index >= count()) {
        *error = QStringLiteral("no message %1").arg(index + 1);
        return false;
    }
    for (int attempt = 0; attempt < 2; ++attempt) {
        const QByteArray name = m_names.name(index);
        const QByteArray seenName = withSeenFlag(name);
        if (m_names.inCur(index) && seenName == name)
            return true;
        const QByteArray from = pathOf(index);
        const QByteArray to = m_path + "/cur/" + seenName;
        if (::rename(from.constData(), to.constData()) == 0) {
            m_names.replace(index, seenName, true);
            return true;
        }
        const int saved = errno;
        if (attempt == 0 && saved == ENOENT && relocate(index))
            continue;
        *error = QStringLiteral("cannot move %1 to cur/: %2").arg(QFile::decodeName(from), systemErrorText(saved));
        return false;
    }
    return false;
}

bool MaildirMaildrop::deleteMessages(const QList<int> &indexes, QString *error)
{
    QStringList failures;
    bool removedAny = false;
    for (const int index : indexes) {
        if (index < 0 || index >= count())
            continue;
        if (::unlink(pathOf(index).constData()) == 0) {
            removedAny = true;
            continue;
        }
        int saved = errno;
        if (saved == ENOENT) {
            if (!relocate(index))
                continue;   // someone else removed it: what we wanted
            if (::unlink(pathOf(index).constData()) == 0) {
                removedAny = true;
                continue;
            }
            saved = errno;
            if (saved == ENOENT)
                continue;
        }
        failures << QStringLiteral("%1: %2").arg(QFile::decodeName(pathOf(index)), systemErrorText(saved));
    }
    // Not needed for safety (a lost unlink shows the message again), but it keeps a crash from
    // bringing back mail the user has already deleted.
    if (removedAny) {
        syncDirectory(m_path + "/cur");
        syncDirectory(m_path + "/new");
    }
    if (!failures.isEmpty()) {
        *error = QStringLiteral("cannot delete %1").arg(failures.join(QStringLiteral("; ")));
        return false;
    }
    return true;
}
