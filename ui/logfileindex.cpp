#include "logfileindex.h"

#include <cstring>

#include <QTimer>

namespace {
// Large enough that memchr dominates, small enough to be a trivial allocation.
constexpr qint64 kChunkBytes = 1024 * 1024;
// A line longer than this is shown cut: one corrupt line must not allocate a gigabyte.
constexpr qint64 kMaxLineBytes = 64 * 1024;
constexpr qint64 kReadAheadBytes = 64 * 1024;
}

LogFileIndex::LogFileIndex(QObject *parent)
    : QObject(parent), m_sliceTimer(new QTimer(this)), m_followTimer(new QTimer(this))
{
    m_sliceTimer->setSingleShot(true);
    m_sliceTimer->setInterval(0);
    connect(m_sliceTimer, &QTimer::timeout, this, [this] {
        if (indexSlice())
            scheduleSlice();
        else
            emit indexingFinished();
    });
    connect(m_followTimer, &QTimer::timeout, this, &LogFileIndex::checkGrowth);
}

LogFileIndex::~LogFileIndex() = default;

bool LogFileIndex::open(const QString &path)
{
    close();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly))
        return false;
    emit indexReset();
    scheduleSlice();
    return true;
}

void LogFileIndex::close()
{
    m_sliceTimer->stop();
    m_file.close();
    m_starts.clear();
    m_starts.squeeze();
    m_block.clear();
    m_blockStart = 0;
    m_scanned = 0;
    m_lineStart = 0;
}

bool LogFileIndex::isIndexing() const
{
    return m_sliceTimer->isActive();
}

void LogFileIndex::setFollowInterval(int ms)
{
    if (ms <= 0) {
        m_followTimer->stop();
        return;
    }
    m_followTimer->start(ms);
}

void LogFileIndex::scheduleSlice()
{
    if (!m_sliceTimer->isActive())
        m_sliceTimer->start();
}

bool LogFileIndex::indexSlice()
{
    if (!m_file.isOpen())
        return false;
    const int before = lineCount();
    const qint64 size = m_file.size();
    const qint64 sliceEnd = std::min(size, m_scanned + m_sliceBytes);
    QByteArray chunk;
    while (m_scanned < sliceEnd) {
        if (!m_file.seek(m_scanned))
            break;
        chunk = m_file.read(std::min(kChunkBytes, sliceEnd - m_scanned));
        if (chunk.isEmpty())
            break;
        const char *data = chunk.constData();
        const char *end = data + chunk.size();
        for (const char *at = data; (at = static_cast<const char *>(std::memchr(at, '\n', end - at))); ++at) {
            m_starts.append(m_lineStart);
            m_lineStart = m_scanned + (at - data) + 1;
        }
        m_scanned += chunk.size();
    }
    if (lineCount() > before)
        emit linesAdded(before, lineCount() - before);
    return m_scanned < size;
}

void LogFileIndex::checkGrowth()
{
    if (!m_file.isOpen())
        return;
    const qint64 size = m_file.size();
    if (size < m_scanned) {
        // Truncated or replaced under us: the old offsets point into other lines now.
        open(m_file.fileName());
        return;
    }
    if (size > m_scanned)
        scheduleSlice();
}

QByteArray LogFileIndex::readLine(int line)
{
    if (line < 0 || line >= lineCount())
        return {};
    const qint64 start = m_starts.at(line);
    const qint64 next = line + 1 < lineCount() ? m_starts.at(line + 1) : m_lineStart;
    const qint64 length = std::min(next - start, kMaxLineBytes);
    // The file only grows while indexed (truncation starts over), so bytes read once stay valid.
    if (start < m_blockStart || start + length > m_blockStart + m_block.size()) {
        if (!m_file.seek(start))
            return {};
        m_block = m_file.read(std::max(kReadAheadBytes, length));
        m_blockStart = start;
    }
    QByteArray bytes = m_block.mid(start - m_blockStart, length);
    while (bytes.endsWith('\n') || bytes.endsWith('\r'))
        bytes.chop(1);
    return bytes;
}
