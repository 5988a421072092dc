#include "logfilemodel.h"

#include "logfileindex.h"
#include "logmodel.h"

namespace {
// A few screens of rows plus what a filter pass revisits soon after.
constexpr int kCachedLines = 4096;
}

LogFileModel::LogFileModel(QObject *parent)
    : QAbstractTableModel(parent), m_index(new LogFileIndex(this)), m_cache(kCachedLines)
{
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

void LogFileModel::resetRows()
{
    beginResetModel();
    m_rows = 0;
    m_cache.clear();
    endResetModel();
}

void LogFileModel::addRows(int first, int count)
{
    // The index reports each slice (or each growth check) once, so a burst of lines is one
    // insert, not one per line.
    if (first != m_rows || count <= 0)
        return;
    beginInsertRows({}, first, first + count - 1);
    m_rows += count;
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
    if (std::optional<LogLineParser::Line> line = LogLineParser::parse(raw)) {
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
    return LogModel::entryData(parsed->entry, index.column(), role);
}

QVariant LogFileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return LogModel::columnTitle(section, orientation, role);
}
