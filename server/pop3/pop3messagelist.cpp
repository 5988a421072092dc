#include "pop3messagelist.h"

#include "pop3command.h"

Pop3MessageList::Pop3MessageList(std::unique_ptr<Maildrop> maildrop)
    : m_maildrop(std::move(maildrop))
{
    m_deleted.fill(false, m_maildrop->count());
    for (int i = 0; i < m_maildrop->count(); ++i)
        m_liveSize += m_maildrop->size(i);
}

Pop3MessageList::~Pop3MessageList() = default;

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
    m_liveSize -= size(index);
}

void Pop3MessageList::undeleteAll()
{
    for (int i = 0; i < count(); ++i) {
        if (m_deleted.at(i)) {
            m_deleted[i] = false;
            m_liveSize += size(i);
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
        out += uids ? uid(index) : QByteArray::number(size(index));
        out += "\r\n";
        ++lines;
    }
    return *next >= count();
}
