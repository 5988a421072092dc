#include "mailboxusage.h"

#include <ctime>
#include <optional>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QFile>
#include <QMutexLocker>

#include "maildirlayout.h"

namespace {

// Sum of the message sizes in one Maildir subdirectory; a missing directory counts as empty.
qint64 scanDirectory(const QByteArray &path)
{
    DIR *dir = ::opendir(path.constData());
    if (!dir)
        return 0;
    qint64 total = 0;
    while (const dirent *entry = ::readdir(dir)) {
        // Maildir readers ignore dot files; this also skips "." and "..".
        if (entry->d_name[0] == '.' || entry->d_type == DT_DIR)
            continue;
        const QString name = QFile::decodeName(entry->d_name);
        if (const std::optional<qint64> size = MaildirLayout::sizeFromName(name)) {
            total += *size;
            continue;
        }
        struct stat info {};
        if (::fstatat(::dirfd(dir), entry->d_name, &info, 0) == 0 && S_ISREG(info.st_mode))
            total += info.st_size;
    }
    ::closedir(dir);
    return total;
}

} // namespace

qint64 MailboxUsage::bytesUsed(const QString &mailboxPath)
{
    const QByteArray base = QFile::encodeName(mailboxPath);
    const QByteArray newDir = base + "/new";
    const QByteArray curDir = base + "/cur";

    const auto stampOf = [](const QByteArray &dir, DirectoryStamp *stamp) {
        struct stat info {};
        if (::stat(dir.constData(), &info) != 0)
            return false;
        *stamp = DirectoryStamp{quint64(info.st_dev), quint64(info.st_ino), qint64(info.st_mtim.tv_sec),
                                qint64(info.st_mtim.tv_nsec)};
        return true;
    };

    // Taken before the stamps, so that a directory changed during the scan looks recent.
    timespec scanStart {};
    ::clock_gettime(CLOCK_REALTIME, &scanStart);
    Entry fresh;
    const bool haveNew = stampOf(newDir, &fresh.newStamp);
    const bool haveCur = stampOf(curDir, &fresh.curStamp);
    {
        const QMutexLocker locker(&m_mutex);
        const auto cached = m_entries.constFind(mailboxPath);
        if (cached != m_entries.cend() && cached->newStamp == fresh.newStamp && cached->curStamp == fresh.curStamp)
            return cached->bytes;
    }

    // Scanned without the lock so that one large mailbox does not stall quota checks of others.
    fresh.bytes = (haveNew ? scanDirectory(newDir) : 0) + (haveCur ? scanDirectory(curDir) : 0);

    // A directory modified within the last second may change again without its mtime moving
    // (timestamps are coarse), so a sum taken now cannot be trusted to stay valid: cache only
    // when both directories have been quiet for longer than that.
    const qint64 quietBefore = qint64(scanStart.tv_sec) - 1;
    const bool stable = haveNew && haveCur && fresh.newStamp.seconds < quietBefore && fresh.curStamp.seconds < quietBefore;
    const QMutexLocker locker(&m_mutex);
    if (stable)
        m_entries.insert(mailboxPath, fresh);
    else
        m_entries.remove(mailboxPath);
    return fresh.bytes;
}

void MailboxUsage::added(const QString &mailboxPath, [[maybe_unused]] qint64 bytes)
{
    const QMutexLocker locker(&m_mutex);
    m_entries.remove(mailboxPath);
}
