#include "queuedirectory.h"

#include "maildirlayout.h"

#include <QFile>

#include <fcntl.h>
#include <unistd.h>

QueueDirectory::QueueDirectory(QString path)
    : m_path(std::move(path))
{
}

QString QueueDirectory::filePath(const QString &fileName) const
{
    return m_path + QStringLiteral("/new/") + fileName;
}

bool QueueDirectory::ensureExists(QString *error) const
{
    // The queue has the Maildir shape, so the mailbox routine makes it (and fsyncs it) the same way.
    return MaildirLayout(m_path).ensureMailbox(m_path, error);
}

bool QueueDirectory::removeFile(const QString &fileName) const
{
    if (fileName.isEmpty() || fileName.contains(QLatin1Char('/')))
        return false;
    if (::unlink(QFile::encodeName(filePath(fileName)).constData()) != 0)
        return false;
    const int directory = ::open(QFile::encodeName(m_path + QStringLiteral("/new")).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (directory >= 0) {
        ::fsync(directory);
        ::close(directory);
    }
    return true;
}
