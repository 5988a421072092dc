#include "autobanmonitor.h"

#include "autobanrule.h"

AutoBanMonitor::AutoBanMonitor(AuthFailureRecorder &table, Clock clock, QObject *parent)
    : QObject(parent)
    , m_table(table)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{
}

void AutoBanMonitor::setSettings(const AutoBanSettings &settings)
{
    QMutexLocker lock(&m_mutex);
    m_settings = settings;
}

void AutoBanMonitor::record(const AuthFailure &failure)
{
    m_table.record(failure);
    std::optional<AutoBanDecision> decision;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_settings.enabled)
            return;
        const std::chrono::seconds window(qint64(m_settings.windowMinutes) * 60);
        decision = AutoBanRule::decide(m_settings, failure.client, m_table.failures(failure.client, window), m_clock());
        if (!decision)
            return;
        m_table.forget(failure.client);
    }
    Q_EMIT banDecided(*decision);
}

QList<AuthFailure> AutoBanMonitor::failures(const QHostAddress &client, std::chrono::seconds window) const
{
    return m_table.failures(client, window);
}

int AutoBanMonitor::failureCount(const QHostAddress &client, std::chrono::seconds window) const
{
    return m_table.failureCount(client, window);
}

void AutoBanMonitor::forget(const QHostAddress &client)
{
    m_table.forget(client);
}
