#include "queuedirectory.h"

#include "maildirlayout.h"

#include <QFile>

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
    // No fsync of new/: a removed file that comes back after a crash has no rows any more, and
    // QueueRecovery deletes it at the next start. The rows are what counts, and they committed.
    return ::unlink(QFile::encodeName(filePath(fileName)).constData()) == 0;
}
