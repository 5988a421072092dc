#pragma once

#include <functional>

#include <QDate>
#include <QFile>
#include <QString>

struct LogEntry;

// Appends log lines to one file per local day, DIR/postern-YYYY-MM-DD.log, and removes the
// files older than the retention. Not thread-safe: LogHub serialises the calls.
class LogFileWriter
{
public:
    // `today` exists for tests; an empty function means QDate::currentDate().
    // retentionDays <= 0 keeps every file (a misconfiguration must not wipe the logs).
    LogFileWriter(QString directory, int retentionDays, std::function<QDate()> today = {});
    ~LogFileWriter();

    LogFileWriter(const LogFileWriter &) = delete;
    LogFileWriter &operator=(const LogFileWriter &) = delete;

    // Appends formatLogLine(entry) and a newline to the file of the entry's local date and
    // flushes it, so a line that was written survives a crash of the process.
    void write(const LogEntry &entry);
    void setRetentionDays(int retentionDays);
    // Removes postern-YYYY-MM-DD.log files dated before today - retentionDays; other files
    // in the directory and the file being written are left alone.
    void prune();

    [[nodiscard]] QString directory() const { return m_directory; }
    [[nodiscard]] int retentionDays() const { return m_retentionDays; }
    // Empty until the first write.
    [[nodiscard]] QString currentFilePath() const;
    [[nodiscard]] static QString fileNameFor(QDate date);

private:
    [[nodiscard]] bool openFor(QDate date);
    [[nodiscard]] QDate today() const;
    void reportError(const QString &what);

    QString m_directory;
    int m_retentionDays;
    std::function<QDate()> m_today;
    QFile m_file;
    QDate m_fileDate;
    QString m_lastError;
};
