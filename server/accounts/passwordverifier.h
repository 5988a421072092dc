#pragma once

#include <atomic>

#include <QObject>
#include <QString>
#include <QThreadPool>

#include "logincache.h"

// Runs password hashing and checking on a small bounded thread pool so a KDF never blocks a
// session thread; every answer arrives by signal, queued, in the thread this object lives in.
// verify(), hash(), forget(), clearCache() and the counters may be called from any thread.
class PasswordVerifier : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultMaxThreads = 2;
    static constexpr int DefaultMaxPending = 1000;

    explicit PasswordVerifier(int maxThreads = DefaultMaxThreads, int maxPending = DefaultMaxPending,
                              QObject *parent = nullptr);
    // Drops jobs that have not started and waits for the running ones; their answers are never
    // delivered, because nobody could receive them.
    ~PasswordVerifier() override;

    // Returns a request id at once; verified(id, ok) follows later, never inside this call. A
    // stored hash that does not parse still costs one KDF run, so timing does not tell unknown
    // accounts from wrong passwords.
    quint64 verify(const QString &address, const QString &password, const QString &storedHash);
    // Returns a request id at once; hashed(id, storedHash) follows with a fresh
    // PasswordHash::create() result at the default cost, or an empty string when it failed or was
    // refused for overload.
    quint64 hash(const QString &password);
    // Call on password change or account removal.
    void forget(const QString &address);
    void clearCache();

    // Requests handed to the pool whose answer has not been delivered yet.
    [[nodiscard]] int pending() const;
    // Requests answered with a refusal because more than maxPending were pending.
    [[nodiscard]] quint64 rejected() const;

Q_SIGNALS:
    void verified(quint64 requestId, bool ok);
    // A verify() refused because too many checks were pending: emitted just before its
    // verified(requestId, false), so a caller can tell "try again later" from a wrong password.
    void refused(quint64 requestId);
    void hashed(quint64 requestId, const QString &storedHash);

private:
    [[nodiscard]] bool reserveSlot();
    void answerVerified(quint64 requestId, bool ok, bool releasesSlot, bool overloaded = false);
    void answerHashed(quint64 requestId, const QString &storedHash, bool releasesSlot);

    const int m_maxPending;
    LoginCache m_cache;
    std::atomic<quint64> m_nextId{0};
    std::atomic<int> m_pending{0};
    std::atomic<quint64> m_rejected{0};
    // Last member: the destructor empties it before anything a job touches goes away.
    QThreadPool m_pool;
};
