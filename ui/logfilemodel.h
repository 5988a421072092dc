#pragma once

#include "loglineparser.h"

#include <QAbstractTableModel>
#include <QCache>

class LogFileIndex;
class QTimer;

// One day's log file as a table with LogModel's columns and roles. Rows are read and parsed
// only when a view asks for them (data()), through a small cache, so a 1 GB file costs its
// line index and the visible lines. Rows appear as LogFileIndex finds them, including the
// lines appended to today's file while it is shown.
class LogFileModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit LogFileModel(QObject *parent = nullptr);
    ~LogFileModel() override;

    bool open(const QString &path);
    void close();
    // Takes every row away and hands them back in batches from the event loop. The viewer does
    // this before it changes a filter, so the proxy filters a big file a batch at a time (and
    // shows matches as it goes) instead of blocking on the whole file at once.
    void replayRows();
    [[nodiscard]] bool isReplaying() const;
    void setReplayBatch(int rows) { m_replayBatch = rows; }
    [[nodiscard]] LogFileIndex &fileIndex() const { return *m_index; }
    // How many lines were read from the file and parsed: the work filtering and scrolling
    // really did, for tests that bound it without a clock.
    [[nodiscard]] qint64 linesParsed() const { return m_linesParsed; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] const LogLineParser::Line *line(int row) const;
    void addRows(int first, int count);
    void resetRows();
    void replayBatch();

    LogFileIndex *m_index = nullptr;
    int m_rows = 0;
    int m_replayBatch = 20000;
    QTimer *m_replayTimer = nullptr;
    // data() is const but reading a line is not: the cache and the file position are the
    // model's private state, not something a view can observe.
    mutable QCache<int, LogLineParser::Line> m_cache;
    mutable qint64 m_linesParsed = 0;
};
