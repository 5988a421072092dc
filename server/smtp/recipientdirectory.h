#pragma once

#include <QString>
#include <QStringList>

// What the server knows about one RCPT TO address.
struct RecipientLookup
{
    enum class Kind {
        Local,        // delivers to `mailboxes` and/or forwards to `forwards`
        UnknownUser,  // the domain is local, the user is not
        NotLocal,     // the domain is not one of ours (relaying)
        OverQuota,    // a mailbox it delivers to is full
        Unavailable,  // cannot tell right now (storage error, aliases nested too deep)
    };
    Kind kind = Kind::UnknownUser;
    QStringList mailboxes;   // canonical account addresses after alias expansion, no duplicates
    QStringList forwards;    // alias targets outside our domains (sent on by the queue), no duplicates
    QString detail;          // why, for the log
};

// Answers RCPT TO lookups from memory; sessions must not wait on a database.
class RecipientDirectory
{
public:
    virtual ~RecipientDirectory() = default;

    // `address` is canonical (MailAddress::canonical()), or the bare name "postmaster" that
    // RFC 5321 §4.5.1 requires every server to accept. `incomingSize` is the SIZE= the client
    // declared, or 0, for the quota check.
    [[nodiscard]] virtual RecipientLookup lookup(const QString &address, qint64 incomingSize) const = 0;
    // What the address is (local or not, the mailboxes it delivers to) without the quota check,
    // which reads the disk: for the rules that look at a sender, never OverQuota.
    [[nodiscard]] virtual RecipientLookup identify(const QString &address) const = 0;
};
