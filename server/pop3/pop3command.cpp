#include "pop3command.h"

#include <algorithm>
#include <limits>

Pop3Command Pop3Command::parse(QByteArrayView line)
{
    Pop3Command command;
    const qsizetype space = line.indexOf(' ');
    command.keyword = (space < 0 ? line : line.first(space)).toByteArray().toUpper();
    if (space < 0)
        return command;
    command.rest = line.sliced(space + 1).toByteArray();
    for (const QByteArray &piece : command.rest.split(' ')) {
        if (!piece.isEmpty())
            command.arguments << piece;
    }
    return command;
}

qint64 Pop3Command::parseNumber(QByteArrayView text)
{
    if (text.isEmpty())
        return -1;
    constexpr qint64 limit = std::numeric_limits<int>::max();
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return -1;
        value = std::min(limit, value * 10 + (c - '0'));
    }
    return value;
}
