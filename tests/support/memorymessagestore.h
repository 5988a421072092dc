#pragma once

#include "messagestore.h"

#include <QList>

// A MessageStore that keeps committed messages in memory, for tests of the pure session.
class MemoryMessageStore final : public MessageStore
{
public:
    struct Stored
    {
        QString queueId;
        QStringList mailboxes;
        QByteArray bytes;
        QueuedMessage outbound;   // the envelope for the queue, as the session gave it
    };

    [[nodiscard]] std::unique_ptr<MessageWriter> begin(const MessageTargets &targets, QString *error) override;

    [[nodiscard]] const QList<Stored> &messages() const { return m_messages; }
    void failNextCommit() { m_failCommit = true; }
    void failNextBegin() { m_failBegin = true; }
    [[nodiscard]] int aborted() const { return m_aborted; }

private:
    friend class MemoryMessageWriter;
    QList<Stored> m_messages;
    bool m_failCommit = false;
    bool m_failBegin = false;
    int m_aborted = 0;
    int m_counter = 0;
};
