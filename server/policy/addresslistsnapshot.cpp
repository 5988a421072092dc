#include "addresslistsnapshot.h"

namespace {

bool expiredAt(const std::optional<QDateTime> &expires, const QDateTime &now)
{
    return expires && *expires <= now;
}

// The stored range parsed, or nullopt with the problem noted (a row written by hand or by an
// older Postern must not keep the server from starting).
std::optional<CidrRange> parseStored(const QString &text, const QString &list, QStringList *problems)
{
    QString error;
    std::optional<CidrRange> range = CidrRange::parse(text, &error);
    if (!range && problems)
        *problems << QStringLiteral("%1 entry skipped: %2").arg(list, error);
    return range;
}

}

AddressListSnapshot AddressListSnapshot::fromRecords(const QList<BanRecord> &bans, const QList<TrustRecord> &trusts,
                                                     const QDateTime &now, QStringList *problems)
{
    AddressListSnapshot snapshot;
    for (const BanRecord &record : bans) {
        const std::optional<CidrRange> range = parseStored(record.range, QStringLiteral("banned address"), problems);
        if (range && !expiredAt(record.expires, now))
            snapshot.m_bans << Ban{*range, record.expires, record.comment, record.source};
    }
    for (const TrustRecord &record : trusts) {
        if (const std::optional<CidrRange> range = parseStored(record.range, QStringLiteral("trusted address"), problems))
            snapshot.m_trusts << Trust{*range, record.comment};
    }
    return snapshot;
}

std::optional<AddressListSnapshot::Ban> AddressListSnapshot::banFor(const QHostAddress &address, const QDateTime &now) const
{
    for (const Ban &ban : m_bans) {
        if (!expiredAt(ban.expires, now) && ban.range.contains(address))
            return ban;
    }
    return std::nullopt;
}

std::optional<AddressListSnapshot::Trust> AddressListSnapshot::trustFor(const QHostAddress &address) const
{
    for (const Trust &trust : m_trusts) {
        if (trust.range.contains(address))
            return trust;
    }
    return std::nullopt;
}

std::optional<QDateTime> AddressListSnapshot::nextExpiry() const
{
    std::optional<QDateTime> next;
    for (const Ban &ban : m_bans) {
        if (ban.expires && (!next || *ban.expires < *next))
            next = ban.expires;
    }
    return next;
}

AddressListSnapshot AddressListSnapshot::withoutExpired(const QDateTime &now) const
{
    AddressListSnapshot result;
    result.m_trusts = m_trusts;
    for (const Ban &ban : m_bans) {
        if (!expiredAt(ban.expires, now))
            result.m_bans << ban;
    }
    return result;
}

QString AddressListSnapshot::describe(const Ban &ban)
{
    QString text = ban.range.toString();
    text += ban.expires ? QStringLiteral(" until %1").arg(ban.expires->toUTC().toString(Qt::ISODate))
                        : QStringLiteral(" without expiry");
    text += QStringLiteral(", ") + ban.source;
    if (!ban.comment.isEmpty())
        text += QStringLiteral(": ") + ban.comment;
    return text;
}

QString AddressListSnapshot::describe(const Trust &trust)
{
    return trust.comment.isEmpty() ? trust.range.toString() : QStringLiteral("%1: %2").arg(trust.range.toString(), trust.comment);
}
