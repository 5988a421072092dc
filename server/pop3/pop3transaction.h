#pragma once

#include <functional>
#include <memory>

#include <QByteArray>
#include <QString>

#include "clientinfo.h"
#include "pop3messagestream.h"

class Pop3MessageList;
struct Pop3Command;

// The TRANSACTION state of RFC 1939 §5 on one locked maildrop: STAT, LIST, UIDL, RETR, TOP, DELE,
// NOOP, RSET, and QUIT's UPDATE (the deletions). It holds the maildrop, so the lock lives exactly
// as long as this object. Long replies come back as a producer the session runs while the
// transport has room.
class Pop3Transaction
{
public:
    using Producer = std::function<Pop3MessageStream::Status(QByteArray &out)>;

    // One command's answer.
    struct Reply
    {
        QByteArray line;          // the first (or only) line, without CRLF
        bool badCommand = false;  // counts towards the session's bad-command limit
        Producer rest;            // the remaining lines of a multi-line reply, with the final "."
        bool close = false;       // QUIT: the session ends after this line
    };

    Pop3Transaction(std::unique_ptr<Pop3MessageList> messages, QString account, const ClientInfo &client);
    ~Pop3Transaction();

    // One of the commands above (keyword upper-cased); anything else is "-ERR unknown command".
    [[nodiscard]] Reply handle(const Pop3Command &command);
    // "N messages (M octets)", for the login reply.
    [[nodiscard]] QByteArray summary() const;
    [[nodiscard]] QString account() const { return m_account; }

private:
    [[nodiscard]] Reply list(const Pop3Command &command, bool uids);
    [[nodiscard]] Reply retrieve(const Pop3Command &command, bool top);
    [[nodiscard]] Reply quit();

    std::unique_ptr<Pop3MessageList> m_messages;
    QString m_account;
    ClientInfo m_client;
};
