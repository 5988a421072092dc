#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QByteArrayView>
#include <QString>

#include "clientinfo.h"
#include "dnsresult.h"
#include "policydecision.h"

class QObject;
class RecipientDirectory;
struct PolicySettings;
struct SmtpCommand;
struct SmtpSessionConfig;

// Address Verification (security rule 6) for one SMTP session: the HELO syntax check, and at
// MAIL FROM the client's reverse DNS, the blank sender and the sender domain's MX or A/AAAA.
// The DNS parts run on the session's Resolver and answer later; the session waits meanwhile.
// The PTR lookup starts at connect, so MAIL rarely waits for it. Authenticated and trusted
// clients skip everything; without a resolver in the config the DNS checks are not made.
// Every refusal is logged here with the rule's name and the facts.
class SmtpSenderVerification
{
public:
    // Called with the decision when checkMail() had to wait; never from inside checkMail().
    using Answered = std::function<void(const PolicyDecision &)>;

    // config, client and directory belong to the session, which outlives this object.
    SmtpSenderVerification(const SmtpSessionConfig &config, const ClientInfo &client, const RecipientDirectory &directory,
                           Answered answered);
    ~SmtpSenderVerification();

    // The connection is up: the reverse lookup starts now, if the policy wants it.
    void connected();
    // verify.helo_syntax; accept unless the check applies and the name is not valid.
    [[nodiscard]] PolicyDecision checkHelo(const SmtpCommand &command, bool authenticated) const;
    // MAIL FROM's argument: the decision (accept: go on to the envelope), or nullopt when it needs
    // DNS answers first; answered() then brings it. A path that does not parse is accepted here:
    // the envelope gives its syntax error.
    [[nodiscard]] std::optional<PolicyDecision> checkMail(QByteArrayView argument, bool authenticated);
    // MAIL's wait ends unanswered (the session is closing or starting over).
    void cancel();

private:
    [[nodiscard]] bool trusted() const;
    [[nodiscard]] bool reverseLookupWanted(const PolicySettings &policy) const;
    // The remote domain whose MX or A/AAAA a sender needs, or empty when none is checked.
    [[nodiscard]] QString domainToCheck(const QString &path, const PolicySettings &policy) const;
    enum class Progress { Decided, Waiting };
    [[nodiscard]] Progress advance(PolicyDecision *decision);
    // Logs a refusal of the current MAIL; returns Decided.
    Progress decide(PolicyDecision *decision, const PolicyDecision &made) const;
    void log(const PolicyDecision &decision, const QString &subject) const;
    void startPtr();
    void startMx();
    void startAddresses();
    void answerArrived();

    const SmtpSessionConfig &m_config;
    const ClientInfo &m_client;
    const RecipientDirectory &m_directory;
    Answered m_answered;
    std::unique_ptr<QObject> m_context;   // its death cancels every lookup still out

    bool m_ptrStarted = false;
    std::optional<DnsResult> m_ptr;

    // The MAIL being checked; m_mailSerial tells a late answer of an earlier MAIL apart.
    quint64 m_mailSerial = 0;
    bool m_waiting = false;
    bool m_needPtr = false;
    bool m_refuseBlank = false;
    QString m_path;
    QString m_domain;
    bool m_mxStarted = false;
    bool m_addressesStarted = false;
    std::optional<DnsResult> m_mx;
    std::optional<DnsResult> m_a;
    std::optional<DnsResult> m_aaaa;
};
