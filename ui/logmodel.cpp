#include "logmodel.h"

#include "loglineparser.h"
#include "logringbuffer.h"

#include <QBrush>
#include <QTimer>

namespace {
constexpr int kRefreshMs = 250;
}

LogModel::LogModel(LogRingBuffer &ring, int maxRows, QObject *parent)
    : QAbstractTableModel(parent), m_ring(ring), m_maxRows(maxRows), m_timer(new QTimer(this))
{
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &LogModel::refresh);
    m_timer->start();
    refresh();
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const LogEntry &entry = m_rows.at(index.row());
    switch (role) {
    case LineRole:
        return formatLogLine(entry);
    case ClientIpRole:
        return LogLineParser::clientIpIn(entry.text);
    case AccountRole:
        return LogLineParser::accountIn(entry.text);
    default:
        return entryData(entry, index.column(), role);
    }
}

QVariant LogModel::entryData(const LogEntry &entry, int column, int role)
{
    if (role == LevelRole)
        return int(entry.level);
    if (role == Qt::ForegroundRole) {
        if (entry.level == LogLevel::Error)
            return QBrush(Qt::darkRed);
        if (entry.level == LogLevel::Warning)
            return QBrush(QColor(0x9a, 0x60, 0x00));
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case Time:
        return entry.timestamp.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Level:
        return logLevelName(entry.level);
    case Component:
        return entry.component;
    case Session:
        return entry.session;
    case Text:
        return entry.text;
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return columnTitle(section, orientation, role);
}

QVariant LogModel::columnTitle(int section, Qt::Orientation orientation, int role)
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Level:
        return tr("Level");
    case Component:
        return tr("Service");
    case Session:
        return tr("Session");
    case Text:
        return tr("Message");
    default:
        return {};
    }
}

void LogModel::refresh()
{
    const QList<LogEntry> fresh = m_ring.entriesAfter(m_lastId, m_maxRows);
    if (fresh.isEmpty())
        return;
    m_lastId = fresh.last().id;
    const int overflow = int(m_rows.size() + fresh.size()) - m_maxRows;
    if (overflow > 0) {
        const int drop = std::min(overflow, int(m_rows.size()));
        if (drop > 0) {
            beginRemoveRows({}, 0, drop - 1);
            m_rows.remove(0, drop);
            endRemoveRows();
        }
    }
    const QList<LogEntry> added = fresh.mid(std::max<qsizetype>(0, fresh.size() - m_maxRows));
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size()) - 1);
    m_rows.append(added);
    endInsertRows();
}
