#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

// Bytes held by each mailbox (new/ and cur/), from the ,S= sizes in the file names so that no
// body is read; cached per mailbox for quota checks. Thread-safe.
class MailboxUsage
{
public:
    // Current size of the mailbox at mailboxPath (0 when it does not exist). Reuses the cached
    // sum while new/ and cur/ keep the modification times they had at the last scan.
    [[nodiscard]] qint64 bytesUsed(const QString &mailboxPath);
    // Reports a delivery of `bytes` into the mailbox. The cached sum is dropped, not adjusted: a
    // scan that ran concurrently with the delivery may already include it, and adding would
    // then count it twice; the next bytesUsed() rescans.
    void added(const QString &mailboxPath, qint64 bytes);

private:
    // Identity and modification time of one directory, to notice any change to it.
    struct DirectoryStamp
    {
        quint64 device = 0;
        quint64 inode = 0;
        qint64 seconds = 0;
        qint64 nanoseconds = 0;
        friend bool operator==(const DirectoryStamp &, const DirectoryStamp &) = default;
    };
    struct Entry
    {
        DirectoryStamp newStamp;
        DirectoryStamp curStamp;
        qint64 bytes = 0;
    };

    QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};
