#include "maildirstore.h"

#include <atomic>
#include <ctime>

#include <QRandomGenerator>

#include "maildirwriter.h"

namespace {

constexpr quint64 kQueueIdMask = (quint64(1) << 48) - 1;

// A bijection on 48-bit values (xor-shifts and odd multipliers are invertible modulo 2^48):
// consecutive counters give unrelated-looking ids that still cannot collide within a process.
quint64 scramble48(quint64 value)
{
    value &= kQueueIdMask;
    value ^= value >> 24;
    value = (value * 0x9E3779B97F4Bull) & kQueueIdMask;
    value ^= value >> 21;
    value = (value * 0xD6E8FEB86659ull) & kQueueIdMask;
    value ^= value >> 24;
    return value;
}

quint64 queueIdStart()
{
    timespec now {};
    ::clock_gettime(CLOCK_REALTIME, &now);
    const quint64 micros = quint64(now.tv_sec) * 1000000u + quint64(now.tv_nsec / 1000);
    return QRandomGenerator::system()->generate64() ^ micros;
}

} // namespace

MaildirStore::MaildirStore(MaildirLayout layout)
    : m_layout(std::move(layout))
{
}

bool MaildirStore::preparePaths(const QStringList &mailboxes, QStringList *paths, QString *error) const
{
    paths->reserve(paths->size() + mailboxes.size());
    for (const QString &address : mailboxes) {
        const QString path = m_layout.mailboxPath(address);
        if (path.isEmpty()) {
            *error = QStringLiteral("not a mailbox address: %1").arg(address);
            return false;
        }
        if (paths->contains(path))
            continue;
        if (!m_layout.ensureMailbox(path, error))
            return false;
        paths->append(path);
    }
    return true;
}

std::unique_ptr<MessageWriter> MaildirStore::begin(const MessageTargets &targets, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    QStringList paths;
    if (!preparePaths(targets.mailboxes, &paths, error))
        return nullptr;
    if (paths.isEmpty()) {
        *error = QStringLiteral("no mailbox to deliver to");
        return nullptr;
    }
    return MaildirWriter::create(newQueueId(), paths, error);
}

QString MaildirStore::newQueueId()
{
    static const quint64 start = queueIdStart();
    static std::atomic<quint64> counter{0};
    const quint64 id = scramble48(start + counter.fetch_add(1, std::memory_order_relaxed));
    return QStringLiteral("%1").arg(id, 12, 16, QLatin1Char('0')).toUpper();
}
