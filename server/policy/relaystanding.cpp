#include "relaystanding.h"

#include <QDateTime>
#include <QHostAddress>

#include "addresslistsnapshot.h"
#include "loginrecorder.h"
#include "policydecision.h"

RelayStanding::RelayStanding(QString authenticatedAs, QString trustedBy, QString popWindow, bool smtpAfterPopEnabled)
    : m_authenticatedAs(std::move(authenticatedAs))
    , m_trustedBy(std::move(trustedBy))
    , m_popWindow(std::move(popWindow))
    , m_smtpAfterPopEnabled(smtpAfterPopEnabled)
{
}

RelayStanding RelayStanding::of(const QHostAddress &client, const QString &authenticatedAs,
                                const AddressListSnapshot *lists, const LoginRecorder *popLogins,
                                int smtpAfterPopMinutes, const QDateTime &now)
{
    QString trustedBy;
    if (lists) {
        if (const auto trust = lists->trustFor(client))
            trustedBy = QStringLiteral("%1 in %2").arg(client.toString(), AddressListSnapshot::describe(*trust));
    }
    QString popWindow;
    if (popLogins && smtpAfterPopMinutes > 0) {
        // Only the exact address of the POP3 login opens the window, never its network.
        if (const auto login = popLogins->lastLogin(client)) {
            const qint64 age = login->time.secsTo(now);
            if (age >= 0 && age <= qint64(smtpAfterPopMinutes) * 60) {
                popWindow = QStringLiteral("POP3 login as %1 from %2 %3 s ago, window %4 min")
                                .arg(login->account, client.toString())
                                .arg(age)
                                .arg(smtpAfterPopMinutes);
            }
        }
    }
    return RelayStanding(authenticatedAs, trustedBy, popWindow, smtpAfterPopMinutes > 0);
}

bool RelayStanding::mayRelay() const
{
    return isAuthenticated() || isTrusted() || !m_popWindow.isEmpty();
}

QString RelayStanding::missing() const
{
    QString text = QStringLiteral("not authenticated, not trusted");
    if (m_smtpAfterPopEnabled)
        text += QStringLiteral(", no SMTP-after-POP");
    return text;
}

PolicyDecision RelayStanding::relayDecision() const
{
    if (isAuthenticated())
        return PolicyDecision::accept(QStringLiteral("SMTP Authentication"), QStringLiteral("authenticated as %1").arg(m_authenticatedAs));
    if (isTrusted())
        return PolicyDecision::accept(QStringLiteral("Trusted IP Addresses"), m_trustedBy);
    if (!m_popWindow.isEmpty())
        return PolicyDecision::accept(QStringLiteral("SMTP After POP"), m_popWindow);
    return PolicyDecision(PolicyDecision::Action::Reject, 554, QStringLiteral("5.7.1"), QStringLiteral("Relay access denied"),
                          QStringLiteral("Relay"), QStringLiteral("not a local domain, ") + missing());
}
