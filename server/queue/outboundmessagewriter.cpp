#include "outboundmessagewriter.h"

#include "outboundmessagestore.h"
#include "queueobserver.h"
#include "queuestorage.h"
#include "storageerror.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>

#include <algorithm>

#include <unistd.h>

OutboundMessageWriter::OutboundMessageWriter(OutboundMessageStore &store, std::unique_ptr<MessageWriter> file,
                                             QueuedMessage envelope)
    : m_store(store), m_file(std::move(file)), m_envelope(std::move(envelope))
{
}

bool OutboundMessageWriter::write(QByteArrayView bytes)
{
    // The next hop needs 8BITMIME for such a message (or a downgrade): note it on the way past.
    if (!m_eightBit)
        m_eightBit = std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    return m_file->write(bytes);
}

std::unique_ptr<QIODevice> OutboundMessageWriter::readBack(QString *error)
{
    return m_file->readBack(error);
}

MessageWriter::CommitResult OutboundMessageWriter::commit()
{
    CommitResult result = m_file->commit();
    if (!result.ok)
        return result;
    // The queue was the first "mailbox", so the first file is the queued one.
    m_envelope.id = m_file->queueId();
    m_envelope.fileName = QFileInfo(result.deliveredFiles.value(0)).fileName();
    m_envelope.size = m_file->size();
    m_envelope.eightBit = m_eightBit;
    m_envelope.receivedAt = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    for (QueuedRecipient &recipient : m_envelope.recipients) {
        if (!recipient.nextAttempt.isValid())
            recipient.nextAttempt = m_envelope.receivedAt;
    }
    try {
        const QList<qint64> ids = m_store.storageForCurrentThread().insert(m_envelope);
        for (qsizetype i = 0; i < ids.size() && i < m_envelope.recipients.size(); ++i)
            m_envelope.recipients[i].id = ids.at(i);
    } catch (const StorageError &error) {
        // Without its rows the queued file would never be sent and the client will try again
        // after the 451: take back every copy, local ones too, so nothing arrives twice.
        for (const QString &path : std::as_const(result.deliveredFiles))
            ::unlink(QFile::encodeName(path).constData());
        return {false, QStringLiteral("cannot queue message %1: %2").arg(m_envelope.id, error.message()), {}};
    }
    if (QueueObserver *observer = m_store.observer())
        observer->messageQueued(m_envelope);
    return result;
}
