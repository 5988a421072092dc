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
        QString clientIp;   // empty when the text names no client address
        QString account;    // empty when the text names no login
    };

    [[nodiscard]] static std::optional<Line> parse(QStringView line);
    // "from 127.0.0.5:5500" → "127.0.0.5", "from [::1]:25" → "::1", "from 10.0.0.1" → "10.0.0.1".
    [[nodiscard]] static QString clientIpIn(QStringView text);
    [[nodiscard]] static QString accountIn(QStringView text);
};
