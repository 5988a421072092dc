#include "log.h"

#include <atomic>
#include <cstdio>

#include <QDateTime>

#include "logentry.h"
#include "loghub.h"

namespace {

std::atomic<LogHub *> g_hub{nullptr};

void dispatch(LogLevel level, const QString &component, const QString &session,
              const QString &text)
{
    if (LogHub *hub = g_hub.load(std::memory_order_acquire)) {
        hub->write(level, component, session, text);
        return;
    }
    // Early start-up and the CLI have no hub; problems must still be seen, chatter need not.
    if (level < LogLevel::Warning)
        return;
    LogEntry entry;
    entry.timestamp = QDateTime::currentDateTime();
    entry.level = level;
    entry.component = component;
    entry.session = session;
    entry.text = text;
    const QByteArray line = formatLogLine(entry).toUtf8() + '\n';
    std::fwrite(line.constData(), 1, static_cast<std::size_t>(line.size()), stderr);
    std::fflush(stderr);
}

}

namespace Log {

void install(LogHub *hub)
{
    g_hub.store(hub, std::memory_order_release);
}

LogHub *hub()
{
    return g_hub.load(std::memory_order_acquire);
}

void debug(const QString &component, const QString &session, const QString &text)
{
    dispatch(LogLevel::Debug, component, session, text);
}

void info(const QString &component, const QString &session, const QString &text)
{
    dispatch(LogLevel::Info, component, session, text);
}

void warning(const QString &component, const QString &session, const QString &text)
{
    dispatch(LogLevel::Warning, component, session, text);
}

void error(const QString &component, const QString &session, const QString &text)
{
    dispatch(LogLevel::Error, component, session, text);
}

}
