#pragma once

#include <functional>

#include <QMutex>
#include <QObject>

#include "authfailurerecorder.h"
#include "autobandecision.h"
#include "autobansettings.h"

// The failure table as the sessions see it, with the auto-ban rule on every write: records each
// failed login or relay attempt in `table`, asks AutoBanRule about that address, and when it says
// ban, forgets the address's failures and emits banDecided(). Sessions call record() from worker
// threads; the signal reaches the engine thread queued, where the ban is written to the database
// (one connection per thread), so a session never touches storage. Thread-safe.
class AutoBanMonitor final : public QObject, public AuthFailureRecorder
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;   // empty: QDateTime::currentDateTimeUtc

    explicit AutoBanMonitor(AuthFailureRecorder &table, Clock clock = {}, QObject *parent = nullptr);

    void setSettings(const AutoBanSettings &settings);

    void record(const AuthFailure &failure) override;
    [[nodiscard]] QList<AuthFailure> failures(const QHostAddress &client, std::chrono::seconds window) const override;
    [[nodiscard]] int failureCount(const QHostAddress &client, std::chrono::seconds window) const override;
    void forget(const QHostAddress &client) override;

Q_SIGNALS:
    void banDecided(const AutoBanDecision &decision);

private:
    AuthFailureRecorder &m_table;
    const Clock m_clock;
    // Guards the settings and makes "decide, then forget" one step, so a burst of failures from
    // one address arriving on several threads at once bans it once.
    mutable QMutex m_mutex;
    AutoBanSettings m_settings;
};
