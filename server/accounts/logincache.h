#pragma once

#include <chrono>
#include <functional>

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

// Remembers recent successful logins for a short time so mail clients that poll every minute do
// not pay the password KDF each time. Holds a keyed HMAC of address and password, never the
// password. Thread-safe.
class LoginCache
{
public:
    using TimePoint = std::chrono::steady_clock::time_point;
    // Injectable so tests can move time; the default is std::chrono::steady_clock::now.
    using Clock = std::function<TimePoint()>;

    // A ttl of zero or a capacity below 1 turns the cache off. Throws std::runtime_error when no
    // random secret can be drawn.
    explicit LoginCache(std::chrono::seconds ttl = std::chrono::seconds(300), int capacity = 10000,
                        Clock clock = {});
    ~LoginCache();
    LoginCache(const LoginCache &) = delete;
    LoginCache &operator=(const LoginCache &) = delete;

    // Call only after the KDF accepted this password against storedHash. The address is used
    // exactly as given; callers pass the same canonical form to matches() and forget().
    void remember(const QString &address, const QString &password, const QString &storedHash);
    // True only for an unexpired entry of this address with the same password that was remembered
    // against this very storedHash, so a password change invalidates the entry.
    [[nodiscard]] bool matches(const QString &address, const QString &password, const QString &storedHash) const;
    void forget(const QString &address);
    void clear();
    [[nodiscard]] int size() const;

private:
    struct Entry
    {
        QByteArray key;
        QString storedHash;
        TimePoint rememberedAt;
    };

    [[nodiscard]] QByteArray keyFor(const QString &address, const QString &password) const;
    [[nodiscard]] bool isExpired(const Entry &entry, TimePoint now) const;
    void makeRoomLocked(TimePoint now);

    const std::chrono::steady_clock::duration m_ttl;
    const int m_capacity;
    const Clock m_clock;
    // Drawn once per cache and never stored, so keys are useless outside this process.
    QByteArray m_secret;
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};
