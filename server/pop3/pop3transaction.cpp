#include "pop3transaction.h"

#include <QIODevice>

#include "log.h"
#include "pop3command.h"
#include "pop3messagelist.h"

namespace {

// Lines of a LIST or UIDL listing produced per step.
constexpr int kListingLinesPerStep = 2048;

Pop3Transaction::Reply ok(const QByteArray &line)
{
    return {line, false, {}, false};
}

Pop3Transaction::Reply bad(const QByteArray &line)
{
    return {line, true, {}, false};
}

}

Pop3Transaction::Pop3Transaction(std::unique_ptr<Pop3MessageList> messages, QString account, const ClientInfo &client)
    : m_messages(std::move(messages)), m_account(std::move(account)), m_client(client)
{
}

Pop3Transaction::~Pop3Transaction() = default;

QByteArray Pop3Transaction::summary() const
{
    const int count = m_messages->liveCount();
    return QByteArray::number(count) + (count == 1 ? " message (" : " messages (") + QByteArray::number(m_messages->liveSize())
        + " octets)";
}

Pop3Transaction::Reply Pop3Transaction::handle(const Pop3Command &command)
{
    const QByteArray &keyword = command.keyword;
    const bool noArguments = command.arguments.isEmpty();
    if (keyword == "STAT") {
        if (!noArguments)
            return bad("-ERR Syntax: STAT");
        return ok("+OK " + QByteArray::number(m_messages->liveCount()) + ' ' + QByteArray::number(m_messages->liveSize()));
    }
    if (keyword == "LIST" || keyword == "UIDL")
        return list(command, keyword == "UIDL");
    if (keyword == "RETR" || keyword == "TOP")
        return retrieve(command, keyword == "TOP");
    if (keyword == "DELE") {
        if (command.arguments.size() != 1)
            return bad("-ERR Syntax: DELE message");
        const Pop3MessageList::Selection selected = m_messages->select(command.arguments.first());
        if (selected.index < 0)
            return ok(selected.error);
        m_messages->markDeleted(selected.index);
        return ok("+OK message " + QByteArray::number(selected.index + 1) + " deleted");
    }
    if (keyword == "NOOP")
        return noArguments ? ok("+OK") : bad("-ERR Syntax: NOOP");
    if (keyword == "RSET") {
        if (!noArguments)
            return bad("-ERR Syntax: RSET");
        m_messages->undeleteAll();
        return ok("+OK maildrop has " + summary());
    }
    if (keyword == "QUIT")
        return noArguments ? quit() : bad("-ERR Syntax: QUIT");
    return bad("-ERR unknown command");
}

Pop3Transaction::Reply Pop3Transaction::list(const Pop3Command &command, bool uids)
{
    if (command.arguments.size() > 1)
        return bad(uids ? "-ERR Syntax: UIDL [message]" : "-ERR Syntax: LIST [message]");
    if (command.arguments.size() == 1) {
        const Pop3MessageList::Selection selected = m_messages->select(command.arguments.first());
        if (selected.index < 0)
            return ok(selected.error);
        return ok("+OK " + QByteArray::number(selected.index + 1) + ' '
                  + (uids ? m_messages->uid(selected.index) : QByteArray::number(m_messages->size(selected.index))));
    }
    Reply reply = ok(uids ? QByteArray("+OK unique-id listing follows") : "+OK " + summary());
    reply.rest = [this, uids, next = 0](QByteArray &out) mutable {
        if (!m_messages->appendListing(out, uids, &next, kListingLinesPerStep))
            return Pop3MessageStream::Status::More;
        out += ".\r\n";
        return Pop3MessageStream::Status::Done;
    };
    return reply;
}

Pop3Transaction::Reply Pop3Transaction::retrieve(const Pop3Command &command, bool top)
{
    if (command.arguments.size() != (top ? 2 : 1))
        return bad(top ? "-ERR Syntax: TOP message lines" : "-ERR Syntax: RETR message");
    const Pop3MessageList::Selection selected = m_messages->select(command.arguments.first());
    if (selected.index < 0)
        return ok(selected.error);
    qint64 lines = Pop3MessageStream::kAllLines;
    if (top) {
        lines = Pop3Command::parseNumber(command.arguments.at(1));
        if (lines < 0)
            return bad("-ERR invalid number of lines");
    }
    const int number = selected.index + 1;
    QString error;
    std::unique_ptr<QIODevice> file = m_messages->maildrop().open(selected.index, &error);
    if (!file) {
        Log::error(m_client.service, m_client.sessionId,
                   QStringLiteral("cannot read message %1 of %2: %3").arg(number).arg(m_account, error));
        return ok("-ERR [SYS/TEMP] cannot read message " + QByteArray::number(number));
    }
    Reply reply = ok("+OK top of message follows");
    if (!top) {
        reply.line = "+OK " + QByteArray::number(m_messages->size(selected.index)) + " octets";
        if (!m_messages->maildrop().markSeen(selected.index, &error))
            Log::warning(m_client.service, m_client.sessionId,
                         QStringLiteral("cannot mark message %1 of %2 seen: %3").arg(number).arg(m_account, error));
    }
    auto stream = std::make_shared<Pop3MessageStream>(std::move(file), lines);
    reply.rest = [stream](QByteArray &out) { return stream->produce(out); };
    return reply;
}

Pop3Transaction::Reply Pop3Transaction::quit()
{
    const QList<int> deleted = m_messages->deletedIndexes();
    QString error;
    Reply reply;
    reply.close = true;
    if (!deleted.isEmpty() && !m_messages->maildrop().deleteMessages(deleted, &error)) {
        Log::error(m_client.service, m_client.sessionId,
                   QStringLiteral("logout %1: some deleted messages not removed: %2").arg(m_account, error));
        reply.line = "-ERR [SYS/TEMP] some deleted messages not removed";
        return reply;
    }
    const int left = m_messages->liveCount();
    Log::info(m_client.service, m_client.sessionId,
              QStringLiteral("logout %1: %2 deleted, %3 left").arg(m_account).arg(deleted.size()).arg(left));
    if (left == 0)
        reply.line = "+OK Postern signing off (maildrop empty)";
    else
        reply.line = "+OK Postern signing off (" + QByteArray::number(left) + (left == 1 ? " message left)" : " messages left)");
    return reply;
}
