#pragma once

#include "recipientdirectory.h"

// The recipients every SMTP transcript assumes (tests/transcripts/README.md), without storage.
class FixtureDirectory final : public RecipientDirectory
{
public:
    [[nodiscard]] RecipientLookup lookup(const QString &address, qint64 incomingSize) const override
    {
        Q_UNUSED(incomingSize);
        RecipientLookup result;
        if (address == QStringLiteral("postmaster")) {
            result.kind = RecipientLookup::Kind::Local;
            result.mailboxes = {QStringLiteral("alice@example.test")};
            return result;
        }
        if (address.section(QLatin1Char('@'), -1) != QStringLiteral("example.test")) {
            result.kind = RecipientLookup::Kind::NotLocal;
            return result;
        }
        const QString user = address.section(QLatin1Char('@'), 0, 0);
        result.kind = RecipientLookup::Kind::Local;
        if (user == QStringLiteral("alice") || user == QStringLiteral("bob"))
            result.mailboxes = {address};
        else if (user == QStringLiteral("team"))
            result.mailboxes = {QStringLiteral("alice@example.test"), QStringLiteral("bob@example.test")};
        else if (user == QStringLiteral("postmaster"))
            result.mailboxes = {QStringLiteral("alice@example.test")};
        // Unit tests only (no transcript uses them): an alias forwarding out, and one both ways.
        else if (user == QStringLiteral("fwd"))
            result.forwards = {QStringLiteral("friend@remote.example")};
        else if (user == QStringLiteral("mixed")) {
            result.mailboxes = {QStringLiteral("bob@example.test")};
            result.forwards = {QStringLiteral("friend@remote.example"), QStringLiteral("other@far.example")};
        } else if (user == QStringLiteral("full"))
            result.kind = RecipientLookup::Kind::OverQuota;
        else
            result.kind = RecipientLookup::Kind::UnknownUser;
        return result;
    }

    [[nodiscard]] RecipientLookup identify(const QString &address) const override
    {
        RecipientLookup result = lookup(address, 0);
        if (result.kind == RecipientLookup::Kind::OverQuota)
            result = {RecipientLookup::Kind::Local, {address}, {}, {}};   // full@ is an account; only its quota is used up
        return result;
    }
};
