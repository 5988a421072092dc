#include "maildircleaner.h"

#include <ctime>

#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QFile>

int MaildirCleaner::removeStaleTmpFiles(const QString &mailRoot, std::chrono::seconds olderThan)
{
    const time_t cutoff = ::time(nullptr) - static_cast<time_t>(olderThan.count());
    const QDir::Filters subdirectories = QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden;
    const QDir::Filters leftovers = QDir::Files | QDir::System | QDir::Hidden;
    int removed = 0;
    const QDir root(mailRoot);
    for (const QString &domain : root.entryList(subdirectories, QDir::NoSort)) {
        const QDir domainDir(root.filePath(domain));
        for (const QString &mailbox : domainDir.entryList(subdirectories, QDir::NoSort)) {
            const QDir tmpDir(domainDir.filePath(mailbox) + QStringLiteral("/tmp"));
            if (!tmpDir.exists())
                continue;
            for (const QString &name : tmpDir.entryList(leftovers, QDir::NoSort)) {
                const QByteArray path = QFile::encodeName(tmpDir.filePath(name));
                struct stat info {};
                if (::lstat(path.constData(), &info) != 0 || S_ISDIR(info.st_mode))
                    continue;
                if (olderThan.count() > 0 && info.st_mtime > cutoff)
                    continue;
                if (::unlink(path.constData()) == 0)
                    ++removed;
            }
        }
    }
    return removed;
}
