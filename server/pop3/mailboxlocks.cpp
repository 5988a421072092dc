#include "mailboxlocks.h"

#include <QDir>
#include <QMutex>
#include <QSet>

struct MailboxLocks::Table
{
    QMutex mutex;
    QSet<QString> held;
};

MailboxLocks::Lock::Lock(std::shared_ptr<Table> table, QString key)
    : m_table(std::move(table)), m_key(std::move(key))
{
}

MailboxLocks::Lock::~Lock()
{
    release();
}

MailboxLocks::Lock::Lock(Lock &&other) noexcept
    : m_table(std::move(other.m_table)), m_key(std::move(other.m_key))
{
    other.m_table.reset();
}

MailboxLocks::Lock &MailboxLocks::Lock::operator=(Lock &&other) noexcept
{
    if (this != &other) {
        release();
        m_table = std::move(other.m_table);
        m_key = std::move(other.m_key);
        other.m_table.reset();
    }
    return *this;
}

void MailboxLocks::Lock::release()
{
    if (!m_table)
        return;
    {
        QMutexLocker lock(&m_table->mutex);
        m_table->held.remove(m_key);
    }
    m_table.reset();
    m_key.clear();
}

MailboxLocks::MailboxLocks()
    : m_table(std::make_shared<Table>())
{
}

MailboxLocks MailboxLocks::processWide()
{
    static const MailboxLocks locks;
    return locks;
}

MailboxLocks::Lock MailboxLocks::tryLock(const QString &mailboxPath) const
{
    const QString key = QDir::cleanPath(mailboxPath);
    QMutexLocker lock(&m_table->mutex);
    if (m_table->held.contains(key))
        return {};
    m_table->held.insert(key);
    return Lock(m_table, key);
}

bool MailboxLocks::isLocked(const QString &mailboxPath) const
{
    const QString key = QDir::cleanPath(mailboxPath);
    QMutexLocker lock(&m_table->mutex);
    return m_table->held.contains(key);
}

int MailboxLocks::lockedCount() const
{
    QMutexLocker lock(&m_table->mutex);
    return int(m_table->held.size());
}
