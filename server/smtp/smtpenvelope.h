#pragma once

#include <optional>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include "clientinfo.h"
#include "messagestore.h"

class PolicyDecision;
class RecipientDirectory;
class RelayStanding;
struct PolicySettings;
struct SmtpSessionConfig;

// The envelope of one mail transaction (RFC 5321 §3.3): the reverse path of MAIL FROM with its
// parameters, and the recipients of RCPT TO with the local mailboxes they deliver to and the
// remote recipients (relayed, or alias forwards) with their DSN parameters (RFC 3461). Each
// command is checked here (syntax, SMTPUTF8, limits, the recipient directory and the relay
// rule) and answered; the session decides whether the command may come at all.
class SmtpEnvelope
{
public:
    struct Answer
    {
        QByteArray reply;
        bool badCommand = false;   // counts towards the session's bad-command limit
        bool accepted = false;     // the command took effect (250)
    };

    SmtpEnvelope(const SmtpSessionConfig &config, const ClientInfo &client, const RecipientDirectory &directory);

    // MAIL FROM's argument. `extended`: the client said EHLO; `authenticatedAs`: the login, or empty.
    [[nodiscard]] Answer mail(QByteArrayView argument, bool extended, const QString &authenticatedAs);
    // RCPT TO's argument. An authenticated or trusted client passes the relay check for any domain.
    [[nodiscard]] Answer rcpt(QByteArrayView argument, const QString &authenticatedAs);
    void clear();
    // End of data: the reply refusing a message whose From: does not belong to the authenticated
    // login (sender_rules.auth_must_match), logged; nullopt when the message may be stored.
    [[nodiscard]] std::optional<QByteArray> headerFromRefusal(QByteArrayView headerBlock, const QString &authenticatedAs,
                                                              const QString &queueId) const;

    [[nodiscard]] QString reversePath() const { return m_reversePath; }
    [[nodiscard]] bool smtpUtf8() const { return m_smtpUtf8; }
    // Canonical recipient addresses as accepted, and the mailboxes they deliver to, without duplicates.
    [[nodiscard]] QStringList recipients() const { return m_recipients; }
    [[nodiscard]] QStringList mailboxes() const { return m_mailboxes; }
    // Remote recipients with NOTIFY and ORCPT, in the order accepted, without duplicates.
    [[nodiscard]] QList<QueuedRecipient> remoteRecipients() const { return m_remote; }
    // Local recipients that asked for a success report (NOTIFY=SUCCESS), as the queue stores
    // them: delivered, status 2.0.0, report due. Empty for a null sender (RFC 3461 §6.2).
    [[nodiscard]] QList<QueuedRecipient> deliveredRecipients() const;
    [[nodiscard]] DsnReturn ret() const { return m_ret; }
    [[nodiscard]] QString envelopeId() const { return m_envelopeId; }
    // Where the message goes: the mailboxes, and the queue's envelope for the remote recipients
    // and the delivered ones whose success report the delivery agent sends.
    // `origin` names the client for reports ("dns; helo.name ([192.0.2.7])").
    [[nodiscard]] MessageTargets targets(const QString &origin) const;

private:
    // The 451 4.7.1 reply when an authenticated login has used up its hourly send limit.
    [[nodiscard]] std::optional<QByteArray> sendLimitReached(const PolicySettings &policy, const QString &login) const;
    void log(const QString &text) const;
    void countRefusal() const;
    // What entitles this client to relay now: authenticated, trusted, or SMTP after POP.
    [[nodiscard]] RelayStanding standing(const PolicySettings &policy, const QString &authenticatedAs) const;
    // "554 5.7.1 <path>: Relay access denied" for a refusing decision.
    [[nodiscard]] static QByteArray refusal(const PolicyDecision &decision, const QString &path);
    // Counts a refused relay for auto-ban (the client's address, not the recipient, is banned).
    void recordRelayAttempt(const QString &recipient) const;
    void addRemote(const QString &address, const QString &originalRecipient, const DsnNotify &notify);
    void addSuccessReport(const QString &address, const QString &originalRecipient, const DsnNotify &notify);

    const SmtpSessionConfig &m_config;
    const ClientInfo &m_client;
    const RecipientDirectory &m_directory;

    QString m_reversePath;
    QString m_sender;          // the reverse path, canonical
    bool m_extended = false;   // MAIL came after EHLO: DSN parameters may follow on RCPT
    bool m_smtpUtf8 = false;
    qint64 m_declaredSize = 0;
    DsnReturn m_ret = DsnReturn::Unspecified;
    QString m_envelopeId;
    QStringList m_recipients;
    QStringList m_mailboxes;
    QList<QueuedRecipient> m_remote;
    QList<QueuedRecipient> m_delivered;   // local recipients with NOTIFY=SUCCESS
};
