#include "queuerecovery.h"

#include "log.h"
#include "queuedirectory.h"
#include "queuestorage.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace {

const QString kComponent = QStringLiteral("queue");

QStringList filesIn(const QString &path)
{
    return QDir(path).entryList(QDir::Files | QDir::Hidden | QDir::System);
}

}

QueueRecovery::Result QueueRecovery::run(const QueueDirectory &directory, QueueStorage &storage)
{
    Result result;
    const QString tmp = directory.path() + QStringLiteral("/tmp");
    for (const QString &name : filesIn(tmp)) {
        if (QFile::remove(tmp + QLatin1Char('/') + name))
            ++result.unfinished;
    }
    if (result.unfinished > 0)
        Log::info(kComponent, {}, QStringLiteral("removed %1 unfinished files from queue/tmp").arg(result.unfinished));

    QSet<QString> named;
    for (const QueuedMessage &message : storage.messages()) {
        if (!message.fileName.isEmpty() && QFileInfo::exists(directory.filePath(message.fileName))) {
            named.insert(message.fileName);
            continue;
        }
        QStringList recipients;
        for (const QueuedRecipient &recipient : message.recipients) {
            if (!recipient.isFinal())
                recipients << recipient.address;
        }
        storage.remove(message.id);
        ++result.lostMessages;
        Log::error(kComponent, {},
                   QStringLiteral("message %1 from <%2> is lost: its file %3 is missing from queue/new; "
                                  "not delivered to %4; removed from the queue")
                       .arg(message.id, message.sender, message.fileName,
                            recipients.isEmpty() ? QStringLiteral("(no recipient was still waiting)")
                                                 : recipients.join(QStringLiteral(", "))));
    }

    for (const QString &name : filesIn(directory.path() + QStringLiteral("/new"))) {
        if (named.contains(name))
            continue;
        // Published but never committed to the database: the client heard no 250 for it.
        if (directory.removeFile(name)) {
            ++result.orphanFiles;
            Log::info(kComponent, {}, QStringLiteral("removed queue/new/%1: no queue entry names it (never acknowledged)").arg(name));
        }
    }
    return result;
}
