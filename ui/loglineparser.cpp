#include "loglineparser.h"

#include <algorithm>

#include <QHostAddress>

namespace {

// The word after `marker`, up to a space, comma or ')'.
QStringView wordAfter(QStringView text, QLatin1String marker)
{
    qsizetype at = 0;
    while ((at = text.indexOf(marker, at)) >= 0) {
        // Only whole words: "relogin " must not count as "login ".
        if (at == 0 || text.at(at - 1) == QLatin1Char(' ') || text.at(at - 1) == QLatin1Char('(')) {
            const QStringView rest = text.mid(at + marker.size());
            qsizetype end = 0;
            while (end < rest.size() && rest.at(end) != QLatin1Char(' ') && rest.at(end) != QLatin1Char(',')
                   && rest.at(end) != QLatin1Char(')'))
                ++end;
            if (end > 0)
                return rest.first(end);
        }
        at += marker.size();
    }
    return {};
}

}

std::optional<LogLineParser::Line> LogLineParser::parse(QStringView line)
{
    std::optional<Line> parsed = parseWithoutTimestamp(line);
    if (parsed && parsed->time != QLatin1String("-")) {
        parsed->entry.timestamp = QDateTime::fromString(parsed->time, Qt::ISODateWithMs);
        if (!parsed->entry.timestamp.isValid())
            return std::nullopt;
    }
    return parsed;
}

std::optional<LogLineParser::Line> LogLineParser::parseWithoutTimestamp(QStringView line)
{
    const qsizetype space = line.indexOf(QLatin1Char(' '));
    const QStringView time = line.first(std::max<qsizetype>(space, 0));
    // The shape of "yyyy-MM-ddTHH:mm:ss…" or the "-" of an entry without time; the rest of
    // the line is checked by parseLogLine, told by the "-" not to parse the time.
    const bool timeShaped = time == QLatin1String("-")
        || (time.size() >= 19 && time.at(4) == QLatin1Char('-') && time.at(10) == QLatin1Char('T'));
    if (space <= 0 || !timeShaped)
        return std::nullopt;
    std::optional<LogEntry> entry = parseLogLine(QString(QLatin1Char('-') + line.mid(space).toString()));
    if (!entry)
        return std::nullopt;
    Line parsed;
    parsed.time = time.toString();
    parsed.clientIp = clientIpIn(entry->text);
    parsed.account = accountIn(entry->text);
    parsed.entry = std::move(*entry);
    return parsed;
}

QString LogLineParser::displayTime(QStringView time)
{
    if (time.size() < 19)
        return {};
    QString shown = time.first(19).toString();
    shown[10] = QLatin1Char(' ');
    return shown;
}

QString LogLineParser::clientIpIn(QStringView text)
{
    QStringView endpoint = wordAfter(text, QLatin1String("from "));
    if (endpoint.isEmpty())
        return {};
    if (endpoint.startsWith(QLatin1Char('['))) {
        const qsizetype close = endpoint.indexOf(QLatin1Char(']'));
        if (close < 0)
            return {};
        endpoint = endpoint.mid(1, close - 1);
    } else if (endpoint.count(QLatin1Char(':')) == 1) {
        endpoint = endpoint.first(endpoint.indexOf(QLatin1Char(':')));
    }
    // "from <sender@…>" and other words are not addresses: only accept what parses as one.
    const QString candidate = endpoint.toString();
    return QHostAddress(candidate).isNull() ? QString() : candidate;
}

QString LogLineParser::accountIn(QStringView text)
{
    for (const char *marker : {"authenticated as ", "login as ", "login "}) {
        QStringView word = wordAfter(text, QLatin1String(marker));
        // POP3 writes "login alice@example.org: 3 messages", SMTP "authenticated as bob; …".
        while (word.endsWith(QLatin1Char(':')) || word.endsWith(QLatin1Char(';')))
            word.chop(1);
        if (!word.isEmpty())
            return word.toString();
    }
    return {};
}
