#pragma once

#include <optional>

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringView>

enum class LogLevel { Debug, Info, Warning, Error };

// One log record as the ring buffer, the log files and the GUI see it. A plain value type so it
// can cross threads by queued signal; `id` is 0 until LogRingBuffer::append assigns one.
struct LogEntry
{
    quint64 id = 0;
    QDateTime timestamp;
    LogLevel level = LogLevel::Info;
    QString component;
    QString session;   // empty when the line belongs to no session; written as "-"
    QString text;
};

Q_DECLARE_METATYPE(LogEntry)

// "DEBUG", "INFO", "WARN", "ERROR".
[[nodiscard]] QString logLevelName(LogLevel level);
// Inverse of logLevelName, case-insensitive; also accepts "WARNING" because settings files do.
[[nodiscard]] std::optional<LogLevel> logLevelFromName(QStringView name);

// The log file line without newline:
// "2026-11-24T10:20:59.123+01:00 INFO smtp 3f2a9c connect from 127.0.0.1:5500".
// Control characters in every field are escaped, so the result is always exactly one line.
[[nodiscard]] QString formatLogLine(const LogEntry &entry);
// Inverse of formatLogLine for the log viewer; escapes in the text stay escaped and id stays 0.
// Returns nullopt for lines that are not in our format.
[[nodiscard]] std::optional<LogEntry> parseLogLine(QStringView line);
