#include "logfilewriter.h"

#include <cstdio>

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include "logentry.h"

namespace {

constexpr QFileDevice::Permissions kDirectoryMode =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
constexpr QFileDevice::Permissions kFileMode = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

}

LogFileWriter::LogFileWriter(QString directory, int retentionDays, std::function<QDate()> today)
    : m_directory(QDir::cleanPath(std::move(directory)))
    , m_retentionDays(retentionDays)
    , m_today(std::move(today))
{
    const QDir dir(m_directory);
    if (!dir.exists()) {
        // Logs name addresses and clients: only the server's user may read them. Creating the
        // last level with its mode avoids a window in which it is world-readable.
        QDir().mkpath(QFileInfo(m_directory).absolutePath());
        if (!QDir().mkdir(m_directory, kDirectoryMode) && !dir.exists())
            reportError(QStringLiteral("cannot create log directory %1").arg(m_directory));
    }
    prune();
}

LogFileWriter::~LogFileWriter() = default;

QString LogFileWriter::fileNameFor(QDate date)
{
    return QStringLiteral("postern-%1.log").arg(date.toString(QStringLiteral("yyyy-MM-dd")));
}

QString LogFileWriter::currentFilePath() const
{
    return m_file.isOpen() ? m_file.fileName() : QString();
}

void LogFileWriter::setRetentionDays(int retentionDays)
{
    m_retentionDays = retentionDays;
}

QDate LogFileWriter::today() const
{
    return m_today ? m_today() : QDate::currentDate();
}

void LogFileWriter::write(const LogEntry &entry)
{
    const QDate date = entry.timestamp.isValid() ? entry.timestamp.toLocalTime().date() : today();
    if (!m_file.isOpen() || date != m_fileDate) {
        if (!openFor(date))
            return;
        prune();
    }
    const QByteArray line = formatLogLine(entry).toUtf8() + '\n';
    // One write call per line: with O_APPEND the line lands whole even if another process
    // (logrotate, a second instance) appends to the same file.
    if (m_file.write(line) != line.size() || !m_file.flush())
        reportError(QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()));
}

bool LogFileWriter::openFor(QDate date)
{
    m_file.close();
    m_file.setFileName(QDir(m_directory).filePath(fileNameFor(date)));
    // Unbuffered: every write goes straight to the kernel, so nothing acknowledged is left
    // in our process when it crashes.
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered, kFileMode)) {
        reportError(QStringLiteral("cannot open %1: %2").arg(m_file.fileName(), m_file.errorString()));
        m_fileDate = QDate();
        return false;
    }
    m_fileDate = date;
    m_lastError.clear();
    return true;
}

void LogFileWriter::prune()
{
    if (m_retentionDays <= 0)
        return;
    const QDate cutoff = today().addDays(-m_retentionDays);
    static const QRegularExpression pattern(
        QStringLiteral("^postern-(\\d{4}-\\d{2}-\\d{2})\\.log$"));
    const QDir dir(m_directory);
    const QString current = currentFilePath();
    const QStringList names = dir.entryList({QStringLiteral("postern-*.log")}, QDir::Files);
    for (const QString &name : names) {
        const QRegularExpressionMatch match = pattern.match(name);
        if (!match.hasMatch())
            continue;
        const QDate date = QDate::fromString(match.captured(1), QStringLiteral("yyyy-MM-dd"));
        const QString path = dir.filePath(name);
        if (!date.isValid() || date >= cutoff || path == current)
            continue;
        if (!QFile::remove(path))
            reportError(QStringLiteral("cannot remove old log %1").arg(path));
    }
}

// The writer cannot log its own failures; stderr is the last resort, once per distinct error
// so a full disk does not turn every log line into two.
void LogFileWriter::reportError(const QString &what)
{
    if (what == m_lastError)
        return;
    m_lastError = what;
    std::fprintf(stderr, "postern: log: %s\n", what.toLocal8Bit().constData());
    std::fflush(stderr);
}
