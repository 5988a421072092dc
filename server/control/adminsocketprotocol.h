#pragma once

#include "logentry.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// The admin socket's wire format, shared by AdminSocketServer and AdminSocketLink: one JSON
// object per line. Requests {"id":n,"op":…,"args":{…}} are answered {"id":n,"status":…};
// lines with "event" are pushed by the server (hello, status, log, changes-applied).
namespace AdminSocketProtocol {

inline constexpr qsizetype kMaxLineBytes = 1024 * 1024;
inline constexpr int kMaxClients = 8;
// Unsent output one client may pile up (it stopped reading while log events kept coming) before
// it is dropped: without a cap the engine's memory would follow a stuck script.
inline constexpr qint64 kMaxPendingOutputBytes = 16 * 1024 * 1024;

// "<data dir>/admin.sock".
[[nodiscard]] QString socketPath(const QString &dataDirectory);
[[nodiscard]] QByteArray line(const QJsonObject &object);
[[nodiscard]] QJsonObject event(const QString &name, QJsonObject fields = {});
[[nodiscard]] QJsonObject logEntryToJson(const LogEntry &entry);
[[nodiscard]] LogEntry logEntryFromJson(const QJsonObject &object);
[[nodiscard]] QJsonObject logEvent(const QList<LogEntry> &entries);

}
