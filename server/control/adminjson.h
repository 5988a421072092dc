#pragma once

#include "records.h"

#include <QJsonArray>
#include <QMap>

// Records as the JSON an AdminReply carries. Password hashes never leave the engine's side.
namespace AdminJson {

[[nodiscard]] QJsonArray accounts(const QList<AccountRecord> &records);
[[nodiscard]] QJsonArray aliases(const QList<AliasRecord> &records);
[[nodiscard]] QJsonArray smtpLogins(const QList<SmtpLoginRecord> &records);
[[nodiscard]] QJsonArray bans(const QList<BanRecord> &records);
[[nodiscard]] QJsonArray trusts(const QList<TrustRecord> &records);
[[nodiscard]] QJsonArray filters(const QList<ContentFilterRecord> &records);
[[nodiscard]] QJsonArray attachmentFilters(const QList<AttachmentFilterRecord> &records);
// Every known setting with its current value and its schema (default, description, type, limits).
[[nodiscard]] QJsonArray settings(const QMap<QString, QString> &values);

// UTC, ISO 8601 with seconds; null for an invalid time.
[[nodiscard]] QJsonValue time(const QDateTime &time);
[[nodiscard]] QDateTime timeFrom(const QJsonValue &value);

}
