#include "pop3messagelist.h"

#include "pop3command.h"

Pop3MessageList::Pop3MessageList(std::unique_ptr<Maildrop> maildrop)
    : m_maildrop(std::move(maildrop))
{
    const QList<MaildropMessage> &messages = m_maildrop->messages();
    m_deleted.fill(false, messages.size());
    for (const MaildropMessage &message : messages)
        m_liveSize += message.size;
}

Pop3MessageList::~Pop3MessageList() = default;

const MaildropMessage &Pop3MessageList::message(int index) const
{
    return m_maildrop->messages().at(index);
}

Pop3MessageList::Selection Pop3MessageList::select(QByteArrayView argument) const
{
    Selection selection;
    const qint64 number = Pop3Command::parseNumber(argument);
    if (number < 0) {
        selection.error = "-ERR invalid message number";
    } else if (number == 0 || number > count()) {
        selection.error = "-ERR no such message, only " + QByteArray::number(count()) + " messages in maildrop";
    } else if (m_deleted.at(number - 1)) {
        selection.error = "-ERR message " + QByteArray::number(number) + " already deleted";
    } else {
        selection.index = int(number - 1);
    }
    return selection;
}

void Pop3MessageList::markDeleted(int index)
{
    if (m_deleted.at(index))
        return;
    m_deleted[index] = true;
    ++m_deletedCount;
    m_liveSize -= message(index).size;
}

void Pop3MessageList::undeleteAll()
{
    for (int i = 0; i < count(); ++i) {
        if (m_deleted.at(i)) {
            m_deleted[i] = false;
            m_liveSize += message(i).size;
        }
    }
    m_deletedCount = 0;
}

QList<int> Pop3MessageList::deletedIndexes() const
{
    QList<int> indexes;
    for (int i = 0; i < count(); ++i) {
        if (m_deleted.at(i))
            indexes << i;
    }
    return indexes;
}

bool Pop3MessageList::appendListing(QByteArray &out, bool uids, int *next, int maxLines) const
{
    int lines = 0;
    while (*next < count() && lines < maxLines) {
        const int index = (*next)++;
        if (m_deleted.at(index))
            continue;
        out += QByteArray::number(index + 1);
        out += ' ';
        out += uids ? message(index).uid : QByteArray::number(message(index).size);
        out += "\r\n";
        ++lines;
    }
    return *next >= count();
}
