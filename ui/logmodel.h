#pragma once

#include "logentry.h"

#include <QAbstractTableModel>
#include <QList>

class LogRingBuffer;
class QTimer;

// The newest log entries of the engine's ring buffer as a table, refreshed by polling so a
// burst of lines costs one update per tick, not one per line.
class LogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Level, Component, Session, Text, ColumnCount };

    LogModel(LogRingBuffer &ring, int maxRows = 5000, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Pulls what arrived since the last call; the timer calls it, tests may call it directly.
    void refresh();

private:
    LogRingBuffer &m_ring;
    int m_maxRows;
    quint64 m_lastId = 0;
    QList<LogEntry> m_rows;
    QTimer *m_timer = nullptr;
};
