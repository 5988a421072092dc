#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include "mailboxlocks.h"
#include "maildirnametable.h"
#include "maildrop.h"

class MaildirLayout;

// The Maildir behind a POP3 session: locks the mailbox, lists new/ and cur/ once (oldest
// delivery first, by the time in the file name), takes each size from the name's ,W= field (the
// file size when there is none) so listing never reads a message, and derives each uid from the
// base name so it survives restarts and the move to cur/.
class MaildirMaildrop final : public Maildrop
{
public:
    // Locks and lists <mailboxPath>. A mailbox that does not exist yet is an empty maildrop.
    [[nodiscard]] static MaildropOpenResult open(const QString &mailboxPath, const MailboxLocks &locks);
    // The opener the POP3 sessions use: account -> layout.mailboxPath(account) -> open().
    [[nodiscard]] static MaildropOpener opener(const MaildirLayout &layout,
                                               const MailboxLocks &locks = MailboxLocks::processWide());
    // The RFC 1939 unique-id of a Maildir file: its base name (before ':') when that is 1-70
    // printable ASCII characters without space, else the SHA-256 of the base name in hex.
    [[nodiscard]] static QByteArray uidFromFileName(QByteArrayView fileName);

    ~MaildirMaildrop() override;

    [[nodiscard]] int count() const override { return m_names.count(); }
    [[nodiscard]] qint64 size(int index) const override { return m_sizes.at(index); }
    [[nodiscard]] QByteArray uid(int index) const override;
    [[nodiscard]] std::unique_ptr<QIODevice> open(int index, QString *error) override;
    bool markSeen(int index, QString *error) override;
    [[nodiscard]] bool deleteMessages(const QList<int> &indexes, QString *error) override;

    // Where message index is now, for tests and logs.
    [[nodiscard]] QString filePath(int index) const;
    // Bytes the message list takes, for tests that keep a logged-in session small.
    [[nodiscard]] qsizetype listMemoryBytes() const;

private:
    MaildirMaildrop(QByteArray path, MailboxLocks::Lock lock);
    [[nodiscard]] bool scan(QString *error);
    [[nodiscard]] bool scanSubdir(bool cur, QList<qint64> &fileTimes, QList<qint64> &sizes, QString *error);
    [[nodiscard]] QByteArray pathOf(int index) const;
    // After ENOENT: finds where another client moved the file (same base name). False when gone.
    [[nodiscard]] bool relocate(int index);

    const QByteArray m_path;   // encoded for the file system
    MailboxLocks::Lock m_lock;
    // One compact record per message: a session with thousands of messages stays small.
    MaildirNameTable m_names;
    QList<qint64> m_sizes;
};
