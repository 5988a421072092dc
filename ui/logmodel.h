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
    // Raw values for filtering and copying, the same in every log model (LogFileModel too):
    // LineRole is the line as the file has it, LevelRole the LogLevel as int.
    enum Role { LineRole = Qt::UserRole + 1, LevelRole, ClientIpRole, AccountRole };

    LogModel(LogRingBuffer &ring, int maxRows = 5000, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // What every log model shows for an entry in a column, and the shared column titles.
    // LineRole, ClientIpRole and AccountRole are left to the model, which may know them cheaper.
    [[nodiscard]] static QVariant entryData(const LogEntry &entry, int column, int role);
    [[nodiscard]] static QVariant columnTitle(int section, Qt::Orientation orientation, int role);

    // Pulls what arrived since the last call; the timer calls it, tests may call it directly.
    void refresh();

private:
    LogRingBuffer &m_ring;
    int m_maxRows;
    quint64 m_lastId = 0;
    QList<LogEntry> m_rows;
    QTimer *m_timer = nullptr;
};
