#pragma once

#include <memory>

#include <QByteArray>
#include <QList>

#include "messagestore.h"

// Streams one message into the first mailbox's tmp/ and, on commit, publishes it durably into
// the new/ directory of every target mailbox (hard links where the file system allows).
// Used by one thread at a time; uses plain POSIX calls because it sits on the DATA hot path.
class MaildirWriter : public MessageWriter
{
public:
    // Opens <mailboxPaths[0]>/tmp/<queueId>.tmp (O_CREAT|O_EXCL, mode 0600). The mailboxes
    // must exist (MaildirLayout::ensureMailbox) and be distinct. Null with *error on failure.
    [[nodiscard]] static std::unique_ptr<MaildirWriter> create(const QString &queueId, const QStringList &mailboxPaths,
                                                               QString *error);
    ~MaildirWriter() override;

    MaildirWriter(const MaildirWriter &) = delete;
    MaildirWriter &operator=(const MaildirWriter &) = delete;

    [[nodiscard]] QString queueId() const override { return m_queueId; }
    bool write(QByteArrayView bytes) override;
    [[nodiscard]] qint64 size() const override { return m_size; }
    [[nodiscard]] std::unique_ptr<QIODevice> readBack(QString *error) override;
    [[nodiscard]] CommitResult commit() override;

private:
    MaildirWriter(QString queueId, QList<QByteArray> mailboxes, QByteArray tmpPath, int fd);

    bool flushBuffer();
    [[nodiscard]] QString stageCopy(const QByteArray &target);
    CommitResult fail(const QString &error);
    void discardCreatedFiles();

    QString m_queueId;
    QList<QByteArray> m_mailboxes; // encoded mailbox paths, first one holds the tmp file
    QByteArray m_tmpPath;          // the file being written, link/copy source while committing
    int m_fd = -1;
    std::unique_ptr<char[]> m_buffer;
    qsizetype m_buffered = 0;
    qint64 m_size = 0;
    QString m_error; // first write error; commit() reports it
    bool m_finished = false;
    QList<QByteArray> m_temporaries; // files of this message in some tmp/, removed on failure
    QList<QByteArray> m_published;   // files already renamed into a new/, removed on failure
};
