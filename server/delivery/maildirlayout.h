#pragma once

#include <optional>

#include <QString>
#include <QStringView>

// Where each local mailbox lives under the mail root (<root>/<domain>/<encoded local part>/ with
// tmp/ new/ cur/), and how Maildir file names are made and read.
class MaildirLayout
{
public:
    explicit MaildirLayout(QString mailRoot);

    [[nodiscard]] QString root() const { return m_root; }

    // <root>/<domain>/<encoded local part> for a canonical address (local@domain, split at the
    // last '@' because a quoted local part may contain one). Empty when the address has no '@'
    // or an empty side. The encoding is injective, so distinct addresses never share a mailbox.
    [[nodiscard]] QString mailboxPath(const QString &canonicalAddress) const;
    // The file-name-safe form of one path component: '/', '\', '%', control characters and a
    // leading '.' become %XX (upper-case hex of each UTF-8 byte); everything else is kept.
    [[nodiscard]] static QString encodeComponent(const QString &component);

    // Creates <path>/tmp, new and cur (and missing parents) with mode 0700 and fsyncs every
    // directory that received a new entry, so the mailbox survives a crash once this returns.
    // Cheap when the mailbox already exists (three stat calls). Safe to call from several
    // threads at once for the same path.
    bool ensureMailbox(const QString &path, QString *error) const;

    // A Maildir unique name: <seconds>.M<microseconds>P<pid>Q<counter>R<random>.<host>,S=<size>,W=<size>.
    // S= is the file size and W= the RFC 822 (CRLF) size; they are equal because messages are
    // stored with CRLF line ends, and readers (POP3 STAT/LIST, quota) take sizes from the name.
    [[nodiscard]] static QString uniqueName(qint64 size);
    // The ,S= size in a Maildir file name (info after ':' ignored); nullopt when absent or malformed.
    [[nodiscard]] static std::optional<qint64> sizeFromName(QStringView fileName);
    // The ,W= size likewise, for POP3 which must report CRLF sizes without reading bodies.
    [[nodiscard]] static std::optional<qint64> wireSizeFromName(QStringView fileName);

private:
    QString m_root;
};
