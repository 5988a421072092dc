#pragma once

#include <memory>

#include <QString>

// The table of mailboxes held by POP3 sessions, in memory only, so a crashed server leaves no
// stale lock behind. Copies share one table; processWide() is the table every session of this
// process uses. Thread-safe.
class MailboxLocks
{
    struct Table;

public:
    // Held while it lives; move-only. A default-constructed or moved-from Lock holds nothing.
    class Lock
    {
    public:
        Lock() = default;
        ~Lock();
        Lock(Lock &&other) noexcept;
        Lock &operator=(Lock &&other) noexcept;
        Lock(const Lock &) = delete;
        Lock &operator=(const Lock &) = delete;

        [[nodiscard]] bool isHeld() const { return m_table != nullptr; }
        void release();

    private:
        friend class MailboxLocks;
        Lock(std::shared_ptr<Table> table, QString key);

        std::shared_ptr<Table> m_table;
        QString m_key;
    };

    MailboxLocks();
    [[nodiscard]] static MailboxLocks processWide();

    // A held Lock, or an empty one while another holder has this mailbox. The path is cleaned
    // (QDir::cleanPath) so two spellings of one directory share a lock.
    [[nodiscard]] Lock tryLock(const QString &mailboxPath) const;
    [[nodiscard]] bool isLocked(const QString &mailboxPath) const;
    [[nodiscard]] int lockedCount() const;

private:
    std::shared_ptr<Table> m_table;
};
