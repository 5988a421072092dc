#pragma once

#include "sessionfactory.h"
#include "policysettingsholder.h"
#include "smtpsessionconfig.h"

#include <QMutex>

class AddressLists;
class AuthFailureRecorder;
class FilterListHolder;
class Authenticator;
class MessageStore;
class RecipientDirectory;
class Settings;
class ThreadResolvers;

// Makes SmtpSessions for the smtp, submission and smtps listeners, with the settings in force when
// the connection arrives (a changed setting applies to new sessions). Sessions on submission and
// smtps must authenticate before MAIL (RFC 6409, RFC 8314).
class SmtpSessionFactory final : public SessionFactory
{
public:
    // Every collaborator outlives the sessions and is used from every worker thread at once.
    SmtpSessionFactory(const RecipientDirectory &directory, MessageStore &store, Authenticator &authenticator,
                       AuthFailureRecorder &failures);

    // loopbackRanges: what counts as loopback for auth.plaintext (see PlaintextAuthPolicy).
    void applySettings(const Settings &settings, const QList<CidrRange> &loopbackRanges);
    [[nodiscard]] static SmtpSessionConfig configFrom(const Settings &settings, const QList<CidrRange> &loopbackRanges);

    // The Trusted IP Addresses the sessions consult at RCPT; lists outlives the sessions.
    void setAddressLists(const AddressLists *lists) { m_addressLists = lists; }
    // The Filters and Attachment Filters checked at the end of each message; lists outlives the sessions.
    void setFilterLists(const FilterListHolder *lists) { m_filterLists = lists; }
    // The POP3 logins SMTP after POP reads; logins outlives the sessions.
    void setLoginRecorder(const LoginRecorder *logins) { m_popLogins = logins; }
    // Where sessions count what each login sends (limits.messages_per_hour_per_account).
    void setSendCounter(AccountSendCounter *counter) { m_sendCounter = counter; }
    // Address Verification's DNS; each session gets its worker thread's resolver. Without it
    // the DNS checks are not made.
    void setResolvers(ThreadResolvers *resolvers) { m_resolvers = resolvers; }
    // Today's counts for the main window; counters outlives the sessions.
    void setCounters(EngineCounters *counters) { m_counters = counters; }

    [[nodiscard]] std::unique_ptr<ProtocolSession> create(const ClientInfo &client, SessionTransport &transport) override;
    [[nodiscard]] QByteArray refusalLine(Admission reason) const override;

private:
    const RecipientDirectory &m_directory;
    MessageStore &m_store;
    Authenticator &m_authenticator;
    AuthFailureRecorder &m_failures;
    const AddressLists *m_addressLists = nullptr;
    const LoginRecorder *m_popLogins = nullptr;
    const FilterListHolder *m_filterLists = nullptr;
    AccountSendCounter *m_sendCounter = nullptr;
    ThreadResolvers *m_resolvers = nullptr;
    EngineCounters *m_counters = nullptr;
    PolicySettingsHolder m_policy;   // read by every session at every command
    mutable QMutex m_mutex;
    SmtpSessionConfig m_config;
};
