#pragma once

#include <QString>

class AddressListSnapshot;
class LoginRecorder;
class PolicyDecision;
class QDateTime;
class QHostAddress;

// What entitles a client to relay (the seed's "SMTP Authentication" and "SMTP After POP", and
// "Trusted IP Addresses"): an authenticated login, a trusted address, or a POP3 login from the
// same address within the window. Found afresh for each command; the rules read it.
class RelayStanding
{
public:
    RelayStanding() = default;
    // Each reason is a description of what granted it (for the log), empty when it does not hold.
    RelayStanding(QString authenticatedAs, QString trustedBy, QString popWindow, bool smtpAfterPopEnabled);

    // lists, popLogins: null when unknown (nobody trusted, no POP3 logins);
    // smtpAfterPopMinutes: 0 when SMTP after POP is off.
    [[nodiscard]] static RelayStanding of(const QHostAddress &client, const QString &authenticatedAs,
                                          const AddressListSnapshot *lists, const LoginRecorder *popLogins,
                                          int smtpAfterPopMinutes, const QDateTime &now);

    [[nodiscard]] bool mayRelay() const;
    [[nodiscard]] bool isAuthenticated() const { return !m_authenticatedAs.isEmpty(); }
    [[nodiscard]] bool isTrusted() const { return !m_trustedBy.isEmpty(); }
    [[nodiscard]] QString authenticatedAs() const { return m_authenticatedAs; }
    [[nodiscard]] QString trustedBy() const { return m_trustedBy; }
    [[nodiscard]] QString popWindow() const { return m_popWindow; }

    // The relay rule for a recipient outside the local domains.
    [[nodiscard]] PolicyDecision relayDecision() const;
    // What the client lacks, for refusals: "not authenticated, not trusted, no SMTP-after-POP".
    [[nodiscard]] QString missing() const;

private:
    QString m_authenticatedAs;
    QString m_trustedBy;
    QString m_popWindow;
    bool m_smtpAfterPopEnabled = false;
};
