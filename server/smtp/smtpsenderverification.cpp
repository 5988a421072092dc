#include "smtpsenderverification.h"

#include <QObject>

#include "addresslists.h"
#include "addressverification.h"
#include "enginecounters.h"
#include "log.h"
#include "mailaddress.h"
#include "policysettings.h"
#include "recipientdirectory.h"
#include "resolver.h"
#include "smtpcommand.h"
#include "smtpsessionconfig.h"

SmtpSenderVerification::SmtpSenderVerification(const SmtpSessionConfig &config, const ClientInfo &client,
                                               const RecipientDirectory &directory, Answered answered)
    : m_config(config), m_client(client), m_directory(directory), m_answered(std::move(answered)),
      m_context(std::make_unique<QObject>())
{
}

SmtpSenderVerification::~SmtpSenderVerification() = default;

bool SmtpSenderVerification::trusted() const
{
    return m_config.addressLists && m_config.addressLists->current()->trustFor(m_client.address).has_value();
}

bool SmtpSenderVerification::reverseLookupWanted(const PolicySettings &policy) const
{
    return policy.verifyReverseDns && m_config.resolver && !m_client.address.isNull();
}

void SmtpSenderVerification::connected()
{
    // Whether the client will authenticate is not known yet; the lookup is cheap and cached,
    // and its answer is only used for a client that did not.
    if (reverseLookupWanted(*m_config.currentPolicy()) && !trusted())
        startPtr();
}

PolicyDecision SmtpSenderVerification::checkHelo(const SmtpCommand &command, bool authenticated) const
{
    if (!m_config.currentPolicy()->verifyHeloSyntax || !AddressVerification::applies(authenticated, trusted()))
        return PolicyDecision::accept();
    const PolicyDecision decision = AddressVerification::helo(command.argument);
    if (!decision.isAccept())
        log(decision, QString::fromLatin1(command.verb) + QLatin1Char(' ') + QString::fromUtf8(command.argument));
    return decision;
}

void SmtpSenderVerification::log(const PolicyDecision &decision, const QString &subject) const
{
    Log::info(m_client.service, m_client.sessionId, decision.logLine(subject));
    if (m_config.counters)
        m_config.counters->refused();
}

SmtpSenderVerification::Progress SmtpSenderVerification::decide(PolicyDecision *decision, const PolicyDecision &made) const
{
    if (!made.isAccept())
        log(made, QStringLiteral("mail from <%1>").arg(m_path));
    *decision = made;
    return Progress::Decided;
}

QString SmtpSenderVerification::domainToCheck(const QString &path, const PolicySettings &policy) const
{
    if (!policy.verifySenderDomain || !m_config.resolver || path.isEmpty())
        return {};
    const MailAddress address = MailAddress::parse(path);
    // A bad address gets its syntax error from the envelope; a domain literal has no DNS name.
    if (!address.isValid() || address.domain().startsWith(QLatin1Char('[')))
        return {};
    // Our own domains need no DNS to exist (and rule 1 decides who may use them).
    if (m_directory.identify(address.canonical()).kind != RecipientLookup::Kind::NotLocal)
        return {};
    return address.domain();
}

std::optional<PolicyDecision> SmtpSenderVerification::checkMail(QByteArrayView argument, bool authenticated)
{
    cancel();
    m_path.clear();
    if (!AddressVerification::applies(authenticated, trusted()))
        return PolicyDecision::accept();
    const SmtpPathArgument parsed = SmtpPathArgument::parse(argument, "FROM");
    if (!parsed.ok)
        return PolicyDecision::accept();
    const std::shared_ptr<const PolicySettings> policy = m_config.currentPolicy();
    m_path = parsed.path;
    m_needPtr = reverseLookupWanted(*policy);
    if (m_ptr && m_ptr->isTemporaryFailure()) {
        m_ptr.reset();   // DNS failed before: ask again rather than defer every MAIL of the session
        m_ptrStarted = false;
    }
    m_refuseBlank = parsed.path.isEmpty() && !policy->assumeBlankFromValid;
    m_domain = domainToCheck(parsed.path, *policy);
    PolicyDecision decision;
    m_waiting = advance(&decision) == Progress::Waiting;
    if (m_waiting)
        return std::nullopt;
    return decision;
}

void SmtpSenderVerification::cancel()
{
    ++m_mailSerial;
    m_waiting = false;
    m_needPtr = false;
    m_refuseBlank = false;
    m_domain.clear();
    m_mxStarted = false;
    m_addressesStarted = false;
    m_mx.reset();
    m_a.reset();
    m_aaaa.reset();
}

SmtpSenderVerification::Progress SmtpSenderVerification::advance(PolicyDecision *decision)
{
    // The client first (a host without reverse DNS is refused whatever it sends), then the
    // sender. Each step either decides, waits for its lookups, or passes to the next.
    if (m_needPtr) {
        if (!m_ptr) {
            if (!m_ptrStarted)
                startPtr();
            return Progress::Waiting;
        }
        const PolicyDecision reverse = AddressVerification::reverseDns(m_client.address, *m_ptr);
        if (!reverse.isAccept())
            return decide(decision, reverse);
    }
    if (m_refuseBlank)
        return decide(decision, AddressVerification::blankSender());
    if (m_domain.isEmpty())
        return decide(decision, PolicyDecision::accept());
    if (!m_mx) {
        if (!m_mxStarted)
            startMx();
        return Progress::Waiting;
    }
    if (const std::optional<PolicyDecision> byMx = AddressVerification::senderDomainAfterMx(m_domain, *m_mx))
        return decide(decision, *byMx);
    const auto found = [](const std::optional<DnsResult> &result) { return result && result->status == DnsStatus::Found; };
    if (!found(m_a) && !found(m_aaaa) && (!m_a || !m_aaaa)) {
        if (!m_addressesStarted)
            startAddresses();
        return Progress::Waiting;
    }
    // One address found decides at once; the other answer, when it comes, is not needed.
    return decide(decision, AddressVerification::senderDomainAfterAddresses(m_domain, m_a.value_or(DnsResult{}),
                                                                              m_aaaa.value_or(DnsResult{})));
}

void SmtpSenderVerification::startPtr()
{
    m_ptrStarted = true;
    m_config.resolver->lookupPtr(m_client.address, m_context.get(), [this](const DnsResult &result) {
        m_ptr = result;
        answerArrived();
    });
}

void SmtpSenderVerification::startMx()
{
    m_mxStarted = true;
    m_config.resolver->lookupMx(m_domain, m_context.get(), [this, serial = m_mailSerial](const DnsResult &result) {
        if (serial != m_mailSerial)
            return;
        if (m_config.counters)   // the sender domain's MX: the one lookup every checked message makes
            m_config.counters->dnsOutcome(!result.isTemporaryFailure());
        m_mx = result;
        answerArrived();
    });
}

void SmtpSenderVerification::startAddresses()
{
    // A and AAAA together: either one found is enough, and waiting for both in turn would
    // double the worst case.
    m_addressesStarted = true;
    const auto store = [this, serial = m_mailSerial](std::optional<DnsResult> *slot) {
        return [this, serial, slot](const DnsResult &result) {
            if (serial != m_mailSerial)
                return;
            *slot = result;
            answerArrived();
        };
    };
    m_config.resolver->lookupA(m_domain, m_context.get(), store(&m_a));
    m_config.resolver->lookupAaaa(m_domain, m_context.get(), store(&m_aaaa));
}

void SmtpSenderVerification::answerArrived()
{
    if (!m_waiting)
        return;
    PolicyDecision decision;
    if (advance(&decision) == Progress::Waiting)
        return;
    m_waiting = false;
    m_answered(decision);
}
