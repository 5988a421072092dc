#include "loghub.h"

#include <cstdio>

#include <QDateTime>
#include <QMutexLocker>

#include "log.h"
#include "logfilewriter.h"
#include "logsanitizer.h"

LogHub::LogHub(int ringCapacity, QObject *parent)
    : QObject(parent)
    , m_ring(ringCapacity)
{
}

LogHub::~LogHub()
{
    // Engine code logs through Log:: long after whoever installed us stopped thinking about
    // it; a dangling global would turn the next log call into a crash.
    if (Log::hub() == this)
        Log::install(nullptr);
}

void LogHub::openFiles(const QString &directory, int retentionDays)
{
    auto writer = std::make_unique<LogFileWriter>(directory, retentionDays);
    const QMutexLocker locker(&m_mutex);
    m_file = std::move(writer);
}

void LogHub::closeFiles()
{
    const QMutexLocker locker(&m_mutex);
    m_file.reset();
}

void LogHub::setRetentionDays(int retentionDays)
{
    const QMutexLocker locker(&m_mutex);
    if (!m_file)
        return;
    m_file->setRetentionDays(retentionDays);
    m_file->prune();
}

void LogHub::setEcho(bool echo)
{
    m_echo.store(echo, std::memory_order_relaxed);
}

void LogHub::setMinimumLevel(LogLevel level)
{
    m_minimumLevel.store(static_cast<int>(level), std::memory_order_relaxed);
}

LogLevel LogHub::minimumLevel() const
{
    return static_cast<LogLevel>(m_minimumLevel.load(std::memory_order_relaxed));
}

QString LogHub::currentFilePath() const
{
    const QMutexLocker locker(&m_mutex);
    return m_file ? m_file->currentFilePath() : QString();
}

void LogHub::write(LogLevel level, const QString &component, const QString &session,
                   const QString &text)
{
    if (static_cast<int>(level) < m_minimumLevel.load(std::memory_order_relaxed))
        return;

    LogEntry entry;
    entry.timestamp = QDateTime::currentDateTime();
    entry.level = level;
    // Sanitized before storing, so the ring buffer, the GUI and the file show the same text.
    entry.component = LogSanitizer::escapeField(component);
    entry.session = LogSanitizer::escapeField(session);
    entry.text = LogSanitizer::escapeControl(text);

    {
        const QMutexLocker locker(&m_mutex);
        entry.id = m_ring.append(entry);
        if (m_file)
            m_file->write(entry);
        if (m_echo.load(std::memory_order_relaxed)) {
            const QByteArray line = formatLogLine(entry).toUtf8() + '\n';
            std::fwrite(line.constData(), 1, static_cast<std::size_t>(line.size()), stdout);
            std::fflush(stdout);
        }
    }
    // Outside the lock: a directly connected slot that logs must not deadlock.
    emit entryAdded(entry);
}
