#pragma once

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QString>

#include <array>

// Messages each login sent in the last hour, for the send limit per account
// (limits.messages_per_hour_per_account): a stolen password must not send a million spams.
// Sixty one-minute buckets per login, so memory does not grow with the rate; logins idle for an
// hour are pruned. Thread-safe: every SMTP session thread counts here.
class AccountSendCounter
{
public:
    // Messages sent by login within the hour before now.
    [[nodiscard]] int sentInLastHour(const QString &login, const QDateTime &now) const;
    void recordSent(const QString &login, const QDateTime &now);
    // True once per login and hour: whether the caller should log that the limit was reached.
    [[nodiscard]] bool shouldWarn(const QString &login, const QDateTime &now);
    [[nodiscard]] int loginCount() const;

private:
    struct Window
    {
        std::array<int, 60> perMinute{};
        qint64 lastMinute = 0;          // minutes since the epoch of the newest bucket
        qint64 lastWarningMinute = -60;
    };
    static void advance(Window &window, qint64 minute);
    void prune(qint64 minute);

    mutable QMutex m_mutex;
    QHash<QString, Window> m_windows;
    qint64 m_lastPruneMinute = 0;
};
