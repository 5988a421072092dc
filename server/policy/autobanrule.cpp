#include "autobanrule.h"

#include <algorithm>

#include <QSet>

#include "connectionlimits.h"
#include "logsanitizer.h"

namespace {

// User names come from the client: a ban's comment shows a few, escaped and cut short.
constexpr int kUsersShown = 3;
constexpr int kUserLength = 64;

QString shownUser(const QString &user)
{
    const QString escaped = LogSanitizer::escapeControl(user);
    return escaped.size() > kUserLength ? escaped.left(kUserLength) + QStringLiteral("...") : escaped;
}

// "bob@example.com", "alice, bob", "alice, bob, carol and 4 more": the most tried first.
QString userSummary(const QList<AuthFailure> &logins)
{
    QList<QPair<QString, int>> users;
    for (const AuthFailure &login : logins) {
        const auto it = std::find_if(users.begin(), users.end(), [&](const QPair<QString, int> &u) {
            return u.first.compare(login.user, Qt::CaseInsensitive) == 0;
        });
        if (it == users.end())
            users.append({login.user, 1});
        else
            ++it->second;
    }
    std::stable_sort(users.begin(), users.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    QStringList names;
    for (qsizetype i = 0; i < users.size() && i < kUsersShown; ++i)
        names << shownUser(users.at(i).first);
    QString text = names.join(QStringLiteral(", "));
    if (users.size() > kUsersShown)
        text += QStringLiteral(" and %1 more").arg(users.size() - kUsersShown);
    return text;
}

// "1 relay attempt", "3 relay attempts".
QString quantity(qsizetype count, const char *singular, const char *plural)
{
    return QStringLiteral("%1 %2").arg(count).arg(QLatin1String(count == 1 ? singular : plural));
}

}

QList<AuthFailure> AutoBanRule::counted(const QList<AuthFailure> &failures, const QDateTime &since, const QDateTime &now)
{
    QList<AuthFailure> result;
    QSet<QByteArray> seen;
    for (const AuthFailure &failure : failures) {
        if (failure.time < since || failure.time > now)
            continue;
        if (failure.kind == AuthFailure::Kind::Login && !failure.passwordFingerprint.isEmpty()) {
            // The fingerprint already covers the user; the user is added so two users can never
            // share a key even if a caller fingerprints the password alone.
            const QByteArray key = failure.user.toLower().toUtf8() + '\0' + failure.passwordFingerprint;
            if (seen.contains(key))
                continue;
            seen.insert(key);
        }
        result << failure;
    }
    return result;
}

std::optional<AutoBanDecision> AutoBanRule::decide(const AutoBanSettings &settings, const QHostAddress &client,
                                                   const QList<AuthFailure> &failures, const QDateTime &now)
{
    if (!settings.enabled || settings.maxFailures < 1)
        return std::nullopt;
    const QHostAddress address = ConnectionLimits::canonical(client);
    const bool exempt = std::any_of(settings.never.cbegin(), settings.never.cend(),
                                    [&](const CidrRange &range) { return range.contains(address); });
    if (exempt)
        return std::nullopt;
    const QDateTime utcNow = now.toUTC();
    const QList<AuthFailure> list = counted(failures, utcNow.addSecs(-qint64(settings.windowMinutes) * 60), utcNow);
    if (list.size() < settings.maxFailures)
        return std::nullopt;

    QList<AuthFailure> logins;
    int relays = 0;
    for (const AuthFailure &failure : list) {
        if (failure.kind == AuthFailure::Kind::Relay)
            ++relays;
        else
            logins << failure;
    }
    QStringList parts;
    if (!logins.isEmpty())
        parts << quantity(logins.size(), "failed login", "failed logins") + QStringLiteral(" for ") + userSummary(logins);
    if (relays > 0)
        parts << quantity(relays, "relay attempt", "relay attempts");

    AutoBanDecision decision;
    decision.client = address;
    const int prefix = address.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;
    decision.range = QStringLiteral("%1/%2").arg(address.toString()).arg(prefix);
    decision.failures = int(list.size());
    decision.windowMinutes = settings.windowMinutes;
    decision.banMinutes = settings.banMinutes;
    decision.expires = QDateTime::fromSecsSinceEpoch(utcNow.toSecsSinceEpoch() + qint64(settings.banMinutes) * 60, Qt::UTC);
    decision.detail = parts.join(QStringLiteral(", "));
    decision.reason = QStringLiteral("auto-ban: %1").arg(decision.detail);
    return decision;
}
