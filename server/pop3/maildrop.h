#pragma once

#include <functional>
#include <memory>

#include <QByteArray>
#include <QList>
#include <QString>

class QIODevice;

// One account's messages, locked for one POP3 session from login to logout: the list is taken
// once at login and does not change while the session lasts (RFC 1939 §5). Destroying the
// maildrop releases the lock and deletes nothing. Indexes are 0-based (message number - 1).
class Maildrop
{
public:
    virtual ~Maildrop() = default;

    [[nodiscard]] virtual int count() const = 0;
    // Octets as RETR sends the message with CRLF line ends, before byte-stuffing.
    [[nodiscard]] virtual qint64 size(int index) const = 0;
    // RFC 1939 unique-id: 1-70 octets in 0x21-0x7E, stable across sessions.
    [[nodiscard]] virtual QByteArray uid(int index) const = 0;
    // The message's bytes, opened for reading; null with *error set when it cannot be read.
    [[nodiscard]] virtual std::unique_ptr<QIODevice> open(int index, QString *error) = 0;
    // Records that the message was retrieved (Maildir: new/X -> cur/X:2,S). Its uid stays.
    virtual bool markSeen(int index, QString *error) = 0;
    // Removes the messages for good (the UPDATE state). A message already gone counts as removed.
    // False with *error when some could not be removed.
    [[nodiscard]] virtual bool deleteMessages(const QList<int> &indexes, QString *error) = 0;
};

// What opening an account's maildrop gave.
struct MaildropOpenResult
{
    std::unique_ptr<Maildrop> maildrop;   // set on success
    bool inUse = false;                   // another session holds the lock
    QString error;                        // otherwise: why it failed, for the log
};

// Opens (and locks) the maildrop of a canonical account address. Called from every worker thread.
using MaildropOpener = std::function<MaildropOpenResult(const QString &account)>;
