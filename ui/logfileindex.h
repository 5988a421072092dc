#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QObject>

class QTimer;

// Line start offsets of one log file, built by scanning it once in bounded slices on the GUI
// thread's event loop (a timer), so a 1 GB file never sits in memory and the window stays
// responsive while rows appear as they are indexed. Lines are read back one at a time by
// offset. With follow on, the file is checked for growth (today's file) and the new lines are
// indexed as they arrive.
class LogFileIndex : public QObject
{
    Q_OBJECT

public:
    explicit LogFileIndex(QObject *parent = nullptr);
    ~LogFileIndex() override;

    // Starts indexing `path` from the beginning; false when it cannot be opened.
    bool open(const QString &path);
    void close();
    [[nodiscard]] QString path() const { return m_file.fileName(); }
    [[nodiscard]] QString errorString() const { return m_file.errorString(); }

    // Complete lines indexed so far; a last line without its newline is not counted yet.
    [[nodiscard]] int lineCount() const { return int(m_starts.size()); }
    [[nodiscard]] qint64 lineOffset(int line) const { return m_starts.at(line); }
    [[nodiscard]] qint64 indexedBytes() const { return m_scanned; }
    [[nodiscard]] bool isIndexing() const;
    // The bytes of one line without its line break; reads only that line from the file.
    [[nodiscard]] QByteArray readLine(int line);

    // How much one slice scans before returning to the event loop.
    void setSliceBytes(qint64 bytes) { m_sliceBytes = bytes; }
    // Checks the file size every `ms` for new lines; 0 stops following.
    void setFollowInterval(int ms);
    // Scans one slice now; true when more of the file remains. The timer calls it.
    bool indexSlice();
    // Looks at the file size: indexes what was appended, starts over when it was truncated.
    void checkGrowth();

signals:
    void linesAdded(int first, int count);
    // The file was reopened or truncated: every earlier line is gone.
    void indexReset();
    void indexingFinished();

private:
    void scheduleSlice();

    QFile m_file;
    // Start offset of every complete line; 8 bytes a line is the whole cost of a huge file.
    QList<qint64> m_starts;
    qint64 m_scanned = 0;     // bytes scanned so far
    qint64 m_lineStart = 0;   // start of the line being scanned (not yet ended by '\n')
    // Read-ahead for readLine: a filter pass asks for the lines in order, one block serves
    // hundreds of them instead of a seek and a read each.
    QByteArray m_block;
    qint64 m_blockStart = 0;
    qint64 m_sliceBytes = 8 * 1024 * 1024;
    QTimer *m_sliceTimer = nullptr;
    QTimer *m_followTimer = nullptr;
};
