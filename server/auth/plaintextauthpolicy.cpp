#include "plaintextauthpolicy.h"

#include <algorithm>

#include <QHostAddress>

#include "settings.h"
#include "settingsschema.h"

namespace {

QList<CidrRange> rangesFrom(const QString &text)
{
    return CidrRange::parseList(text).value_or(QList<CidrRange>());
}

bool inAny(const QList<CidrRange> &ranges, const QHostAddress &address)
{
    return std::any_of(ranges.cbegin(), ranges.cend(), [&](const CidrRange &range) { return range.contains(address); });
}

QString defaultLocalRanges()
{
    const SettingSpec *spec = SettingsSchema::find(QStringLiteral("network.local_ranges"));
    return spec ? spec->defaultValue : QString();
}

}

PlaintextAuthPolicy::PlaintextAuthPolicy()
    : PlaintextAuthPolicy(Mode::Loopback, rangesFrom(defaultLocalRanges()))
{
}

PlaintextAuthPolicy::PlaintextAuthPolicy(Mode mode, QList<CidrRange> localRanges, QList<CidrRange> loopbackRanges)
    : m_mode(mode), m_localRanges(std::move(localRanges)), m_loopbackRanges(std::move(loopbackRanges))
{
}

PlaintextAuthPolicy PlaintextAuthPolicy::fromSettings(const Settings &settings, const QList<CidrRange> &loopbackRanges)
{
    // Settings are validated when stored, so an unknown mode cannot appear; the strictest is the
    // safe reading if one ever did.
    const Mode mode = parseMode(settings.text(QStringLiteral("auth.plaintext"))).value_or(Mode::Never);
    return PlaintextAuthPolicy(mode, rangesFrom(settings.text(QStringLiteral("network.local_ranges"))), loopbackRanges);
}

std::optional<PlaintextAuthPolicy::Mode> PlaintextAuthPolicy::parseMode(const QString &text)
{
    for (Mode mode : {Mode::Never, Mode::Loopback, Mode::LocalNetworks, Mode::Always}) {
        if (modeName(mode) == text)
            return mode;
    }
    return std::nullopt;
}

QString PlaintextAuthPolicy::modeName(Mode mode)
{
    switch (mode) {
    case Mode::Never: return QStringLiteral("never");
    case Mode::Loopback: return QStringLiteral("loopback");
    case Mode::LocalNetworks: return QStringLiteral("local-networks");
    case Mode::Always: return QStringLiteral("always");
    }
    return QStringLiteral("never");
}

QList<CidrRange> PlaintextAuthPolicy::defaultLoopbackRanges()
{
    return {*CidrRange::parse(QStringLiteral("127.0.0.0/8")), *CidrRange::parse(QStringLiteral("::1/128"))};
}

QList<CidrRange> PlaintextAuthPolicy::loopbackRangesFromEnvironment(QString *warning)
{
    const QString text = qEnvironmentVariable(kTestLoopbackVariable);
    if (text.isEmpty())
        return defaultLoopbackRanges();
    const QList<CidrRange> real = defaultLoopbackRanges();
    QList<CidrRange> narrowed;
    QStringList ignored;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const std::optional<CidrRange> range = CidrRange::parse(part);
        const bool inside = range && std::any_of(real.cbegin(), real.cend(), [&](const CidrRange &r) { return r.covers(*range); });
        if (inside)
            narrowed << *range;
        else
            ignored << part.trimmed();
    }
    if (warning) {
        QStringList names;
        for (const CidrRange &range : std::as_const(narrowed))
            names << range.toString();
        *warning = QStringLiteral("test override %1=%2 in effect: loopback is %3")
                       .arg(QLatin1String(kTestLoopbackVariable), text,
                            names.isEmpty() ? QStringLiteral("unchanged") : names.join(QLatin1Char(',')));
        if (!ignored.isEmpty())
            *warning += QStringLiteral("; ignored (not inside 127.0.0.0/8 or ::1): %1").arg(ignored.join(QLatin1Char(',')));
    }
    return narrowed.isEmpty() ? real : narrowed;
}

PlaintextAuthPolicy::Network PlaintextAuthPolicy::classify(const QHostAddress &client) const
{
    if (inAny(m_loopbackRanges, client))
        return Network::Loopback;
    if (inAny(m_localRanges, client))
        return Network::Local;
    return Network::Other;
}

bool PlaintextAuthPolicy::allows(const QHostAddress &client, bool encrypted) const
{
    if (encrypted)
        return true;
    switch (m_mode) {
    case Mode::Never:
        return false;
    case Mode::Loopback:
        return classify(client) == Network::Loopback;
    case Mode::LocalNetworks:
        return classify(client) != Network::Other;
    case Mode::Always:
        return true;
    }
    return false;
}

QString PlaintextAuthPolicy::refusalReason(const QHostAddress &client) const
{
    const QString mode = modeName(m_mode);
    switch (m_mode) {
    case Mode::Never:
        return QStringLiteral("auth.plaintext is never and the connection is not encrypted");
    case Mode::Loopback:
        return QStringLiteral("auth.plaintext is %1 and %2 is not loopback").arg(mode, client.toString());
    case Mode::LocalNetworks:
        return QStringLiteral("auth.plaintext is %1 and %2 is neither loopback nor in network.local_ranges").arg(mode, client.toString());
    case Mode::Always:
        break;
    }
    return QString();
}
