#pragma once

#include <atomic>
#include <memory>

#include <QMutex>
#include <QObject>
#include <QString>

#include "logentry.h"
#include "logringbuffer.h"

class LogFileWriter;

// The one place log entries go: sanitizes and stamps them, keeps them in the ring buffer for
// the GUI, writes the daily files, optionally echoes to stdout and announces each entry.
// write() may be called from any thread.
class LogHub : public QObject
{
    Q_OBJECT

public:
    explicit LogHub(int ringCapacity = 10000, QObject *parent = nullptr);
    ~LogHub() override;

    // Starts (or moves) file logging; see LogFileWriter for the layout and retention.
    void openFiles(const QString &directory, int retentionDays);
    void closeFiles();
    // Also prunes right away, so lowering the retention takes effect without waiting a day.
    void setRetentionDays(int retentionDays);
    void setEcho(bool echo);
    void setMinimumLevel(LogLevel level);
    [[nodiscard]] LogLevel minimumLevel() const;
    // Path of the file being written, empty when files are closed or nothing was written yet.
    [[nodiscard]] QString currentFilePath() const;

    void write(LogLevel level, const QString &component, const QString &session,
               const QString &text);

    [[nodiscard]] LogRingBuffer &ring() { return m_ring; }

signals:
    // Emitted in the writing thread after the entry is stored; connect queued from the GUI.
    // Two writers may emit out of id order, so receivers that care sort by id.
    void entryAdded(const LogEntry &entry);

private:
    LogRingBuffer m_ring;
    // Serialises ring ids, file and echo so the three see entries in the same order and
    // lines never interleave.
    mutable QMutex m_mutex;
    std::unique_ptr<LogFileWriter> m_file;
    std::atomic<bool> m_echo{false};
    std::atomic<int> m_minimumLevel{static_cast<int>(LogLevel::Info)};
};
