#pragma once

#include "messagestore.h"

#include <memory>

class OutboundMessageStore;

// A message on its way into the outbound queue (and any local mailboxes): the MaildirWriter
// does the file; commit() then records the envelope with QueueStorage::insert. When the insert
// fails every published copy is unlinked again, so nothing is delivered that the client will
// send again after its 451.
class OutboundMessageWriter final : public MessageWriter
{
public:
    OutboundMessageWriter(OutboundMessageStore &store, std::unique_ptr<MessageWriter> file, QueuedMessage envelope);

    [[nodiscard]] QString queueId() const override { return m_file->queueId(); }
    bool write(QByteArrayView bytes) override;
    [[nodiscard]] qint64 size() const override { return m_file->size(); }
    [[nodiscard]] std::unique_ptr<QIODevice> readBack(QString *error) override;
    [[nodiscard]] CommitResult commit() override;

private:
    OutboundMessageStore &m_store;
    std::unique_ptr<MessageWriter> m_file;
    QueuedMessage m_envelope;
    bool m_eightBit = false;
};
