#include "memorymailstore.h"

#include <algorithm>
#include <cstring>

#include <QBuffer>

namespace {

// Serves the first block, then fails: a disk that breaks in the middle of a message.
class FailingDevice final : public QIODevice
{
public:
    explicit FailingDevice(QByteArray bytes) : m_bytes(std::move(bytes)) { open(QIODevice::ReadOnly); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_served)
            return -1;
        m_served = true;
        const qint64 count = std::min<qint64>(maxSize, m_bytes.size() / 2);
        memcpy(data, m_bytes.constData(), size_t(count));
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_bytes;
    bool m_served = false;
};

}

// One locked view of an account in a MemoryMailStore.
class MemoryMaildrop final : public Maildrop
{
public:
    MemoryMaildrop(MemoryMailStore &store, QString account, MailboxLocks::Lock lock)
        : m_store(store), m_account(std::move(account)), m_lock(std::move(lock))
    {
        for (const MemoryMailStore::Message &message : store.m_messages.value(m_account))
            m_list << Listed{message.uid, message.bytes.size()};
    }

    [[nodiscard]] int count() const override { return int(m_list.size()); }
    [[nodiscard]] qint64 size(int index) const override { return m_list.at(index).size; }
    [[nodiscard]] QByteArray uid(int index) const override { return m_list.at(index).uid; }

    [[nodiscard]] std::unique_ptr<QIODevice> open(int index, QString *error) override
    {
        const MemoryMailStore::Message *message = find(index);
        if (!message) {
            *error = QStringLiteral("message gone");
            return nullptr;
        }
        if (m_store.m_failReads)
            return std::make_unique<FailingDevice>(message->bytes);
        auto buffer = std::make_unique<QBuffer>();
        buffer->setData(message->bytes);
        buffer->open(QIODevice::ReadOnly);
        return buffer;
    }

    bool markSeen(int index, QString *error) override
    {
        MemoryMailStore::Message *message = find(index);
        if (!message) {
            *error = QStringLiteral("message gone");
            return false;
        }
        message->seen = true;
        return true;
    }

    [[nodiscard]] bool deleteMessages(const QList<int> &indexes, QString *error) override
    {
        if (m_store.m_failDeletes) {
            *error = QStringLiteral("simulated failure");
            return false;
        }
        QList<MemoryMailStore::Message> &stored = m_store.m_messages[m_account];
        for (const int index : indexes) {
            const QByteArray uid = m_list.at(index).uid;
            stored.removeIf([&uid](const MemoryMailStore::Message &message) { return message.uid == uid; });
        }
        return true;
    }

private:
    MemoryMailStore::Message *find(int index)
    {
        if (index < 0 || index >= m_list.size())
            return nullptr;
        for (MemoryMailStore::Message &message : m_store.m_messages[m_account]) {
            if (message.uid == m_list.at(index).uid)
                return &message;
        }
        return nullptr;
    }

    MemoryMailStore &m_store;
    const QString m_account;
    MailboxLocks::Lock m_lock;
    struct Listed
    {
        QByteArray uid;
        qint64 size = 0;
    };
    QList<Listed> m_list;
};

void MemoryMailStore::add(const QString &account, const QByteArray &uid, const QByteArray &bytes)
{
    m_messages[account].append(Message{uid, bytes, false});
}

QList<MemoryMailStore::Message> MemoryMailStore::messages(const QString &account) const
{
    return m_messages.value(account);
}

MaildropOpenResult MemoryMailStore::open(const QString &account)
{
    MaildropOpenResult result;
    if (std::exchange(m_failOpen, false)) {
        result.error = QStringLiteral("simulated failure");
        return result;
    }
    MailboxLocks::Lock lock = m_locks.tryLock(account);
    if (!lock.isHeld()) {
        result.inUse = true;
        return result;
    }
    result.maildrop = std::make_unique<MemoryMaildrop>(*this, account, std::move(lock));
    return result;
}

MaildropOpener MemoryMailStore::opener()
{
    return [this](const QString &account) { return open(account); };
}
