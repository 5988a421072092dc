#include "memorymessagestore.h"

#include <QBuffer>

class MemoryMessageWriter final : public MessageWriter
{
public:
    MemoryMessageWriter(MemoryMessageStore &store, MessageTargets targets, QString queueId)
        : m_store(store), m_targets(std::move(targets)), m_queueId(std::move(queueId)) {}
    ~MemoryMessageWriter() override
    {
        if (!m_committed)
            ++m_store.m_aborted;
    }

    [[nodiscard]] QString queueId() const override { return m_queueId; }
    bool write(QByteArrayView bytes) override
    {
        m_bytes += bytes;
        return true;
    }
    [[nodiscard]] qint64 size() const override { return m_bytes.size(); }
    [[nodiscard]] std::unique_ptr<QIODevice> readBack(QString *) override
    {
        auto buffer = std::make_unique<QBuffer>();
        buffer->setData(m_bytes);
        buffer->open(QIODevice::ReadOnly);
        return buffer;
    }
    [[nodiscard]] CommitResult commit() override
    {
        if (std::exchange(m_store.m_failCommit, false))
            return {false, QStringLiteral("injected failure"), {}};
        m_committed = true;
        m_store.m_messages.append({m_queueId, m_targets.mailboxes, m_bytes, m_targets.outbound});
        return {true, {}, m_targets.mailboxes};
    }

private:
    MemoryMessageStore &m_store;
    MessageTargets m_targets;
    QString m_queueId;
    QByteArray m_bytes;
    bool m_committed = false;
};

std::unique_ptr<MessageWriter> MemoryMessageStore::begin(const MessageTargets &targets, QString *error)
{
    if (std::exchange(m_failBegin, false)) {
        *error = QStringLiteral("injected failure");
        return nullptr;
    }
    return std::make_unique<MemoryMessageWriter>(*this, targets, QStringLiteral("QID%1").arg(++m_counter, 9, 10, QLatin1Char('0')));
}
