#include "logentry.h"

#include "logsanitizer.h"

namespace {

const QLatin1String kNoField("-");

// Fields other than the text are split on single spaces by parseLogLine; an empty field
// would shift every following one, so it becomes "-".
QString fieldOrDash(const QString &field)
{
    const QString safe = LogSanitizer::escapeField(field);
    return safe.isEmpty() ? QString(kNoField) : safe;
}

QString dashToEmpty(QStringView field)
{
    return field == kNoField ? QString() : field.toString();
}

// Qt::ISODateWithMs writes "Z" for UTC and nothing for some specs; a fixed "+hh:mm" keeps
// every line the same width and grep-able.
QString formatTimestamp(const QDateTime &timestamp)
{
    if (!timestamp.isValid())
        return QString(kNoField);
    const int offsetMinutes = timestamp.offsetFromUtc() / 60;
    const int absolute = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
    return timestamp.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz"))
        + (offsetMinutes < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        + QStringLiteral("%1:%2").arg(absolute / 60, 2, 10, QLatin1Char('0'))
                                 .arg(absolute % 60, 2, 10, QLatin1Char('0'));
}

}

QString logLevelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return QStringLiteral("DEBUG");
    case LogLevel::Info:
        return QStringLiteral("INFO");
    case LogLevel::Warning:
        return QStringLiteral("WARN");
    case LogLevel::Error:
        return QStringLiteral("ERROR");
    }
    return QStringLiteral("INFO");
}

std::optional<LogLevel> logLevelFromName(QStringView name)
{
    const auto is = [name](const char *candidate) {
        return name.compare(QLatin1String(candidate), Qt::CaseInsensitive) == 0;
    };
    if (is("DEBUG"))
        return LogLevel::Debug;
    if (is("INFO"))
        return LogLevel::Info;
    if (is("WARN") || is("WARNING"))
        return LogLevel::Warning;
    if (is("ERROR"))
        return LogLevel::Error;
    return std::nullopt;
}

QString formatLogLine(const LogEntry &entry)
{
    // escapeControl is idempotent on already-sanitized text, so the hub's sanitizing and this
    // one together never double-escape; this one guards entries built elsewhere.
    return formatTimestamp(entry.timestamp) + QLatin1Char(' ') + logLevelName(entry.level)
        + QLatin1Char(' ') + fieldOrDash(entry.component) + QLatin1Char(' ')
        + fieldOrDash(entry.session) + QLatin1Char(' ') + LogSanitizer::escapeControl(entry.text);
}

std::optional<LogEntry> parseLogLine(QStringView line)
{
    while (line.endsWith(QLatin1Char('\n')) || line.endsWith(QLatin1Char('\r')))
        line.chop(1);

    // Four single-space separated fields, then the text (which may itself contain spaces).
    QStringView fields[4];
    qsizetype start = 0;
    for (QStringView &field : fields) {
        const qsizetype space = line.indexOf(QLatin1Char(' '), start);
        if (space < 0) {
            // A line with an empty text may have lost its trailing space (editors trim it).
            if (&field != &fields[3])
                return std::nullopt;
            field = line.mid(start);
            start = line.size();
            break;
        }
        field = line.mid(start, space - start);
        start = space + 1;
    }
    for (const QStringView &field : fields) {
        if (field.isEmpty())
            return std::nullopt;
    }

    LogEntry entry;
    if (fields[0] != kNoField) {
        entry.timestamp = QDateTime::fromString(fields[0].toString(), Qt::ISODateWithMs);
        if (!entry.timestamp.isValid())
            return std::nullopt;
    }
    const std::optional<LogLevel> level = logLevelFromName(fields[1]);
    if (!level)
        return std::nullopt;
    entry.level = *level;
    entry.component = dashToEmpty(fields[2]);
    entry.session = dashToEmpty(fields[3]);
    entry.text = line.mid(start).toString();
    return entry;
}
