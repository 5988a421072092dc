#pragma once

#include <memory>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include "maildrop.h"

// The messages of a locked maildrop as one TRANSACTION state sees them: numbered from 1 in the
// order listed at login, with the DELE marks kept until RSET or QUIT. Message numbers in replies
// and arguments are 1-based; indexes in this API are 0-based.
class Pop3MessageList
{
public:
    explicit Pop3MessageList(std::unique_ptr<Maildrop> maildrop);
    ~Pop3MessageList();

    struct Selection
    {
        int index = -1;
        QByteArray error;   // the whole "-ERR ..." reply when index < 0
    };
    // A message-number argument checked: digits, in range, not deleted.
    [[nodiscard]] Selection select(QByteArrayView argument) const;

    [[nodiscard]] int count() const { return int(m_deleted.size()); }   // deleted ones included
    [[nodiscard]] int liveCount() const { return count() - m_deletedCount; }
    [[nodiscard]] qint64 liveSize() const { return m_liveSize; }
    [[nodiscard]] bool isDeleted(int index) const { return m_deleted.at(index); }
    [[nodiscard]] qint64 size(int index) const { return m_maildrop->size(index); }
    [[nodiscard]] QByteArray uid(int index) const { return m_maildrop->uid(index); }
    void markDeleted(int index);
    void undeleteAll();
    [[nodiscard]] QList<int> deletedIndexes() const;
    [[nodiscard]] Maildrop &maildrop() { return *m_maildrop; }

    // Appends "n size" (or "n uid") lines for the live messages from index *next on, at most
    // maxLines of them, and moves *next on. True once past the last message.
    bool appendListing(QByteArray &out, bool uids, int *next, int maxLines) const;

private:
    std::unique_ptr<Maildrop> m_maildrop;
    QList<bool> m_deleted;
    int m_deletedCount = 0;
    qint64 m_liveSize = 0;
};
