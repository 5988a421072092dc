#pragma once

#include "cidrrange.h"
#include "records.h"

#include <QDateTime>
#include <QHostAddress>
#include <QList>

#include <optional>

// The Banned Addresses and Trusted IP Addresses lists as one immutable value, parsed once, with
// bans already expired at `now` left out. Shared by every worker thread through AddressLists.
class AddressListSnapshot
{
public:
    struct Ban
    {
        CidrRange range;
        std::optional<QDateTime> expires;
        QString comment;
        QString source;
    };
    struct Trust
    {
        CidrRange range;
        QString comment;
    };

    AddressListSnapshot() = default;
    // Entries whose range does not parse are skipped and named in *problems.
    [[nodiscard]] static AddressListSnapshot fromRecords(const QList<BanRecord> &bans, const QList<TrustRecord> &trusts,
                                                         const QDateTime &now, QStringList *problems = nullptr);

    // The first ban whose range contains `address` and that has not expired at `now`.
    [[nodiscard]] std::optional<Ban> banFor(const QHostAddress &address, const QDateTime &now) const;
    [[nodiscard]] std::optional<Trust> trustFor(const QHostAddress &address) const;
    // When the next ban runs out, so the holder knows when to drop it.
    [[nodiscard]] std::optional<QDateTime> nextExpiry() const;
    // The same lists without the bans expired at `now`.
    [[nodiscard]] AddressListSnapshot withoutExpired(const QDateTime &now) const;

    [[nodiscard]] const QList<Ban> &bans() const { return m_bans; }
    [[nodiscard]] const QList<Trust> &trusts() const { return m_trusts; }

    // "192.0.2.0/24 until 2026-11-29T21:00:00Z, manual: comment", for log lines.
    [[nodiscard]] static QString describe(const Ban &ban);
    [[nodiscard]] static QString describe(const Trust &trust);

private:
    QList<Ban> m_bans;
    QList<Trust> m_trusts;
};
