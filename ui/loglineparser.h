#pragma once

#include "logentry.h"

#include <QString>
#include <QStringView>

#include <optional>

// Splits one log file line into the fields the log viewer shows and filters on. Pure: no I/O,
// so every shape of line the engine writes can be pinned down in a table test.
//
// The client address and the account are not columns of the file format; they are read from
// the wording the engine uses in the text ("connect from 127.0.0.5:5500 to …",
// "authenticated as alice@example.org via PLAIN from …", POP3 "login alice@example.org: …").
// So the IP and account filters match the lines that name them; "show only this session"
// then gives the rest of that conversation.
class LogLineParser
{
public:
    struct Line
    {
        LogEntry entry;
        QString time;       // the time field as written (ISO 8601), also when not parsed
        QString clientIp;   // empty when the text names no client address
        QString account;    // empty when the text names no login
    };

    [[nodiscard]] static std::optional<Line> parse(QStringView line);
    // The same without turning the time into a QDateTime (entry.timestamp stays invalid):
    // that conversion is most of the cost of a line, and a filter pass over a 10-million-line
    // file needs none of it.
    [[nodiscard]] static std::optional<Line> parseWithoutTimestamp(QStringView line);
    // "2026-11-24T10:20:59.123+01:00" → "2026-11-24 10:20:59", for display.
    [[nodiscard]] static QString displayTime(QStringView time);
    // "from 127.0.0.5:5500" → "127.0.0.5", "from [::1]:25" → "::1", "from 10.0.0.1" → "10.0.0.1".
    [[nodiscard]] static QString clientIpIn(QStringView text);
    [[nodiscard]] static QString accountIn(QStringView text);
};
