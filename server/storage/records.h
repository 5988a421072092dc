#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

// Plain value types that cross the storage interface.

struct AccountRecord
{
    QString address;       // canonical: lower-cased local part @ ACE domain
    QString displayName;
    qint64 quotaBytes = 0; // 0 = unlimited
    bool enabled = true;
    QString passwordHash;  // "$pbkdf2-sha256$…"; never a password
};

struct AliasRecord
{
    QString address;
    QStringList targets;
};

struct SmtpLoginRecord
{
    QString name;          // LoginName syntax, lower-case
    QString passwordHash;  // "$pbkdf2-sha256$…"; never a password
};

// An entry of the Banned Addresses list: connections from the range are closed at once.
struct BanRecord
{
    QString range;                      // canonical CidrRange text, "192.0.2.0/24"
    std::optional<QDateTime> expires;   // UTC, whole seconds; none: never expires
    QString comment;
    QDateTime created;                  // UTC, whole seconds
    QString source = QStringLiteral("manual");   // "manual" (an admin) or "auto" (auto-ban)
};

// An entry of the Trusted IP Addresses list: clients in the range may relay without AUTH.
struct TrustRecord
{
    QString range;                      // canonical CidrRange text
    QString comment;
};

// An entry of the Filters list: mail whose decoded text holds `text` (any case) in `scope` is
// refused or silently dropped at the end of DATA.
struct ContentFilterRecord
{
    QString text;
    QString scope = QStringLiteral("all");       // "subject", "headers", "body" or "all"
    QString action = QStringLiteral("reject");   // "reject" or "discard"
    QDateTime created;                           // UTC, whole seconds
};

// An entry of the Attachment Filters list: a wildcard pattern for attachment file names.
struct AttachmentFilterRecord
{
    QString pattern;
    QDateTime created;                           // UTC, whole seconds
};

// A per-domain route (postern route add): mail for `domain` goes to host:port instead of the
// domain's MX. The password, if any, is kept by SecretStore under "route:<domain>", not here.
struct RouteRecord
{
    QString domain;                               // lower-case ACE
    QString host;                                 // host name (ACE) or address literal
    quint16 port = 25;
    QString tls = QStringLiteral("required");     // "none", "opportunistic", "required" or "verify"
    QString authUser;                             // empty: no AUTH
    QDateTime created;                            // UTC, whole seconds
};
