#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include "mailboxlocks.h"
#include "maildrop.h"

// Maildrops kept in memory, for tests of the pure POP3 session: messages per account, the real
// lock table (keyed by account), and switches that make opening, reading or deleting fail.
// Single-threaded; the store must outlive the maildrops and openers it hands out.
class MemoryMailStore
{
public:
    struct Message
    {
        QByteArray uid;
        QByteArray bytes;
        bool seen = false;
    };

    void add(const QString &account, const QByteArray &uid, const QByteArray &bytes);
    [[nodiscard]] QList<Message> messages(const QString &account) const;

    [[nodiscard]] MaildropOpenResult open(const QString &account);
    [[nodiscard]] MaildropOpener opener();
    [[nodiscard]] const MailboxLocks &locks() const { return m_locks; }

    void failNextOpen() { m_failOpen = true; }
    void setFailDeletes(bool fail) { m_failDeletes = fail; }
    // Reads of message bytes fail after the first block.
    void setFailReads(bool fail) { m_failReads = fail; }

private:
    friend class MemoryMaildrop;
    QHash<QString, QList<Message>> m_messages;
    MailboxLocks m_locks;
    bool m_failOpen = false;
    bool m_failDeletes = false;
    bool m_failReads = false;
};
