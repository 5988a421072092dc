#include "passwordverifier.h"

#include <algorithm>
#include <exception>

#include <QMetaObject>

#include "passwordhash.h"

namespace {

// A hash nobody's password matches, used to spend the same KDF time on a malformed or missing
// stored hash as on a real one. Created once, on first need, at the default cost.
const QString &decoyHash()
{
    static const QString decoy = [] {
        try {
            return PasswordHash::create(QStringLiteral("postern decoy"));
        } catch (const std::exception &) {
            return QString();
        }
    }();
    return decoy;
}

[[nodiscard]] bool checkPassword(const QString &storedHash, const QString &password)
{
    if (PasswordHash::isValid(storedHash))
        return PasswordHash::verify(storedHash, password);
    // The result is thrown away: this run exists only for its timing.
    [[maybe_unused]] const bool ignored = PasswordHash::verify(decoyHash(), password);
    return false;
}

}

PasswordVerifier::PasswordVerifier(int maxThreads, int maxPending, QObject *parent)
    : QObject(parent)
    , m_maxPending(std::max(0, maxPending))
{
    m_pool.setMaxThreadCount(std::max(1, maxThreads));
    m_pool.setObjectName(QStringLiteral("PasswordVerifier"));
}

PasswordVerifier::~PasswordVerifier()
{
    // Jobs capture this; they must all be gone before any member is destroyed. Answers they
    // posted are discarded by ~QObject together with the other posted events.
    m_pool.clear();
    m_pool.waitForDone();
}

bool PasswordVerifier::reserveSlot()
{
    if (m_pending.fetch_add(1) < m_maxPending)
        return true;
    m_pending.fetch_sub(1);
    m_rejected.fetch_add(1);
    return false;
}

void PasswordVerifier::answerVerified(quint64 requestId, bool ok, bool releasesSlot, bool overloaded)
{
    // Queued even when called in our own thread, so no caller sees the signal inside verify().
    QMetaObject::invokeMethod(
        this,
        [this, requestId, ok, releasesSlot, overloaded] {
            if (releasesSlot)
                m_pending.fetch_sub(1);
            if (overloaded)
                Q_EMIT refused(requestId);
            Q_EMIT verified(requestId, ok);
        },
        Qt::QueuedConnection);
}

void PasswordVerifier::answerHashed(quint64 requestId, const QString &storedHash, bool releasesSlot)
{
    QMetaObject::invokeMethod(
        this,
        [this, requestId, storedHash, releasesSlot] {
            if (releasesSlot)
                m_pending.fetch_sub(1);
            Q_EMIT hashed(requestId, storedHash);
        },
        Qt::QueuedConnection);
}

quint64 PasswordVerifier::verify(const QString &address, const QString &password, const QString &storedHash)
{
    const quint64 id = m_nextId.fetch_add(1) + 1;
    if (m_cache.matches(address, password, storedHash)) {
        answerVerified(id, true, false);
        return id;
    }
    if (!reserveSlot()) {
        answerVerified(id, false, false, true);
        return id;
    }
    m_pool.start([this, id, address, password, storedHash] {
        bool ok = false;
        try {
            ok = checkPassword(storedHash, password);
            if (ok)
                m_cache.remember(address, password, storedHash);
        } catch (const std::exception &) {
            // Only allocation failure can get here; refusing the login is the safe answer.
            ok = false;
        }
        answerVerified(id, ok, true);
    });
    return id;
}

quint64 PasswordVerifier::hash(const QString &password)
{
    const quint64 id = m_nextId.fetch_add(1) + 1;
    if (!reserveSlot()) {
        answerHashed(id, QString(), false);
        return id;
    }
    m_pool.start([this, id, password] {
        QString stored;
        try {
            stored = PasswordHash::create(password);
        } catch (const std::exception &) {
            // No randomness or no memory: an empty answer tells the caller to report an error.
            stored.clear();
        }
        answerHashed(id, stored, true);
    });
    return id;
}

void PasswordVerifier::forget(const QString &address)
{
    m_cache.forget(address);
}

void PasswordVerifier::clearCache()
{
    m_cache.clear();
}

int PasswordVerifier::pending() const
{
    return m_pending.load();
}

quint64 PasswordVerifier::rejected() const
{
    return m_rejected.load();
}
