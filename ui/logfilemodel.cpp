#include "logfilemodel.h"

#include "logfileindex.h"
#include "logmodel.h"

#include <QTimer>

namespace {
// A few screens of rows plus what a filter pass revisits soon after.
constexpr int kCachedLines = 4096;
}

LogFileModel::LogFileModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_index(new LogFileIndex(this))
    , m_replayTimer(new QTimer(this))
    , m_cache(kCachedLines)
{
    m_replayTimer->setSingleShot(true);
    m_replayTimer->setInterval(0);
    connect(m_replayTimer, &QTimer::timeout, this, &LogFileModel::replayBatch);
    connect(m_index, &LogFileIndex::linesAdded, this, &LogFileModel::addRows);
    connect(m_index, &LogFileIndex::indexReset, this, &LogFileModel::resetRows);
}

LogFileModel::~LogFileModel() = default;

bool LogFileModel::open(const QString &path)
{
    resetRows();
    return m_index->open(path);
}

void LogFileModel::close()
{
    m_index->close();
    resetRows();
}

void LogFileModel::replayRows()
{
    resetRows();
    m_replayTimer->start();
}

bool LogFileModel::isReplaying() const
{
    return m_replayTimer->isActive();
}

void LogFileModel::replayBatch()
{
    const int count = std::min(m_replayBatch, m_index->lineCount() - m_rows);
    // Started before the insert, so views asking isReplaying() during it see the truth.
    if (m_rows + count < m_index->lineCount())
        m_replayTimer->start();
    if (count > 0) {
        beginInsertRows({}, m_rows, m_rows + count - 1);
        m_rows += count;
        endInsertRows();
    }
}

void LogFileModel::resetRows()
{
    m_replayTimer->stop();
    beginResetModel();
    m_rows = 0;
    m_cache.clear();
    endResetModel();
}

void LogFileModel::addRows(int first, int count)
{
    // The index reports each slice (or each growth check) once, so a burst of lines is one
    // insert, not one per line. During a replay the batches catch up with these lines.
    if (first != m_rows || count <= 0 || isReplaying())
        return;
    // A slice may hold 100,000 lines; with a filter set, the proxy reads each, so more than
    // a batch waits for the next event-loop turn.
    const int now = std::min(count, m_replayBatch);
    if (now < count)
        m_replayTimer->start();
    beginInsertRows({}, first, first + now - 1);
    m_rows += now;
    endInsertRows();
}

int LogFileModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int LogFileModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : LogModel::ColumnCount;
}

const LogLineParser::Line *LogFileModel::line(int row) const
{
    if (const LogLineParser::Line *cached = m_cache.object(row))
        return cached;
    const QString raw = QString::fromUtf8(m_index->readLine(row));
    ++m_linesParsed;
    auto *parsed = new LogLineParser::Line;
    // The time stays text: the view shows it as written and no filter needs a QDateTime.
    if (std::optional<LogLineParser::Line> line = LogLineParser::parseWithoutTimestamp(raw)) {
        *parsed = std::move(*line);
    } else {
        // A line in no known format (hand-edited, cut by a crash) is still shown, as text.
        parsed->entry.text = raw;
    }
    m_cache.insert(row, parsed);
    return parsed;
}

QVariant LogFileModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows)
        return {};
    if (role == LogModel::LineRole)
        return QString::fromUtf8(m_index->readLine(index.row()));
    const LogLineParser::Line *parsed = line(index.row());
    if (role == LogModel::ClientIpRole)
        return parsed->clientIp;
    if (role == LogModel::AccountRole)
        return parsed->account;
    if (index.column() == LogModel::Time && (role == Qt::DisplayRole || role == Qt::ToolTipRole))
        return LogLineParser::displayTime(parsed->time);
    return LogModel::entryData(parsed->entry, index.column(), role);
}

QVariant LogFileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return LogModel::columnTitle(section, orientation, role);
}
