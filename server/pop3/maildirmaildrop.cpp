#include "maildirmaildrop.h"
#include "systemerror.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QCryptographicHash>
#include <QFile>

#include "maildirlayout.h"

namespace {

constexpr int kMaxUidLength = 70;   // RFC 1939 §7

QByteArray baseOf(QByteArrayView name)
{
    const qsizetype colon = name.indexOf(':');
    return (colon < 0 ? name : name.first(colon)).toByteArray();
}

// Leading "<seconds>" and ".M<microseconds>" of a name made by MaildirLayout::uniqueName (and by
// most other delivery agents); false when the name does not start with a number.
bool deliveryTime(const QByteArray &name, qint64 *seconds, qint64 *microseconds)
{
    qsizetype i = 0;
    qint64 value = 0;
    while (i < name.size() && i < 18 && name.at(i) >= '0' && name.at(i) <= '9')
        value = value * 10 + (name.at(i++) - '0');
    if (i == 0)
        return false;
    *seconds = value;
    *microseconds = 0;
    if (i + 1 < name.size() && name.at(i) == '.' && name.at(i + 1) == 'M') {
        qint64 micro = 0;
        qsizetype j = i + 2;
        while (j < name.size() && j - i < 12 && name.at(j) >= '0' && name.at(j) <= '9')
            micro = micro * 10 + (name.at(j++) - '0');
        *microseconds = micro;
    }
    return true;
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
    const QByteArray base = baseOf(fileName);
    bool printable = !base.isEmpty() && base.size() <= kMaxUidLength;
    for (qsizetype i = 0; printable && i < base.size(); ++i) {
        const auto c = static_cast<unsigned char>(base.at(i));
        printable = c >= 0x21 && c <= 0x7e;
    }
    if (printable)
        return base;
    return QCryptographicHash::hash(base, QCryptographicHash::Sha256).toHex();
}

QByteArray MaildirMaildrop::pathOf(const Entry &entry) const
{
    return m_path + '/' + entry.subdir + '/' + entry.name;
}

QString MaildirMaildrop::filePath(int index) const
{
    if (index < 0 || index >= m_entries.size())
        return {};
    return QFile::decodeName(pathOf(m_entries.at(index)));
}

bool MaildirMaildrop::scanSubdir(const QByteArray &subdir, QList<Entry> &entries, QString *error) const
{
    const QByteArray dirPath = m_path + '/' + subdir;
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
        const QByteArray name(item->d_name);
        if (name.startsWith('.') || item->d_type == DT_DIR)
            continue;
        Entry entry;
        entry.subdir = subdir;
        entry.name = name;
        entry.base = baseOf(name);
        const bool timed = deliveryTime(name, &entry.seconds, &entry.microseconds);
        const bool sized = MaildirLayout::wireSizeFromName(QFile::decodeName(name)).has_value();
        if (!timed || !sized || item->d_type != DT_REG) {
            struct stat info {};
            if (::fstatat(dirFd, item->d_name, &info, 0) != 0 || !S_ISREG(info.st_mode)) {
                errno = 0;
                continue;   // vanished meanwhile, or not a file
            }
            if (!timed)
                entry.seconds = qint64(info.st_mtime);
            entry.fileSize = qint64(info.st_size);
        }
        entries.append(entry);
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
    QList<Entry> entries;
    if (!scanSubdir(QByteArrayLiteral("cur"), entries, error) || !scanSubdir(QByteArrayLiteral("new"), entries, error))
        return false;
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        if (a.seconds != b.seconds)
            return a.seconds < b.seconds;
        if (a.microseconds != b.microseconds)
            return a.microseconds < b.microseconds;
        if (a.base != b.base)
            return a.base < b.base;
        return a.subdir < b.subdir;   // "cur" first, so it wins over a stray copy in new/
    });
    m_entries.clear();
    m_messages.clear();
    for (const Entry &entry : std::as_const(entries)) {
        // One base name, one message: the uid must be unique in the maildrop.
        if (!m_entries.isEmpty() && m_entries.last().base == entry.base)
            continue;
        MaildropMessage message;
        message.uid = uidFromFileName(entry.name);
        // Without ,W= the file is taken to hold CRLF line ends already, as ours do.
        const auto wire = MaildirLayout::wireSizeFromName(QFile::decodeName(entry.name));
        message.size = wire ? *wire : std::max<qint64>(entry.fileSize, 0);
        m_entries.append(entry);
        m_messages.append(message);
    }
    return true;
}

bool MaildirMaildrop::relocate(Entry &entry) const
{
    for (const QByteArray &subdir : {QByteArrayLiteral("cur"), QByteArrayLiteral("new")}) {
        const QByteArray dirPath = m_path + '/' + subdir;
        DIR *dir = ::opendir(dirPath.constData());
        if (!dir)
            continue;
        bool found = false;
        while (const dirent *item = ::readdir(dir)) {
            const QByteArray name(item->d_name);
            if (baseOf(name) == entry.base) {
                entry.subdir = subdir;
                entry.name = name;
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
    if (index < 0 || index >= m_entries.size()) {
        *error = QStringLiteral("no message %1").arg(index + 1);
        return nullptr;
    }
    Entry &entry = m_entries[index];
    for (int attempt = 0; attempt < 2; ++attempt) {
        auto file = std::make_unique<QFile>(QFile::decodeName(pathOf(entry)));
        // Unbuffered: the session reads in large blocks already.
        if (file->open(QIODevice::ReadOnly | QIODevice::Unbuffered))
            return file;
        if (attempt == 0 && !file->exists() && relocate(entry))
            continue;
        *error = QStringLiteral("cannot open %1: %2").arg(file->fileName(), file->errorString());
        return nullptr;
    }
    return nullptr;
}

bool MaildirMaildrop::markSeen(int index, QString *error)
{
    if (index < 0 || index >= m_entries.size()) {
        *error = QStringLiteral("no message %1").arg(index + 1);
        return false;
    }
    Entry &entry = m_entries[index];
    for (int attempt = 0; attempt < 2; ++attempt) {
        const QByteArray seenName = withSeenFlag(entry.name);
        if (entry.subdir == "cur" && seenName == entry.name)
            return true;
        Entry target = entry;
        target.subdir = QByteArrayLiteral("cur");
        target.name = seenName;
        if (::rename(pathOf(entry).constData(), pathOf(target).constData()) == 0) {
            entry = target;
            return true;
        }
        const int saved = errno;
        if (attempt == 0 && saved == ENOENT && relocate(entry))
            continue;
        *error = QStringLiteral("cannot move %1 to cur/: %2").arg(QFile::decodeName(pathOf(entry)), systemErrorText(saved));
        return false;
    }
    return false;
}

bool MaildirMaildrop::deleteMessages(const QList<int> &indexes, QString *error)
{
    QStringList failures;
    bool removedAny = false;
    for (const int index : indexes) {
        if (index < 0 || index >= m_entries.size())
            continue;
        Entry &entry = m_entries[index];
        if (::unlink(pathOf(entry).constData()) == 0) {
            removedAny = true;
            continue;
        }
        int saved = errno;
        if (saved == ENOENT) {
            if (!relocate(entry))
                continue;   // someone else removed it: what we wanted
            if (::unlink(pathOf(entry).constData()) == 0) {
                removedAny = true;
                continue;
            }
            saved = errno;
            if (saved == ENOENT)
                continue;
        }
        failures << QStringLiteral("%1: %2").arg(QFile::decodeName(pathOf(entry)), systemErrorText(saved));
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
