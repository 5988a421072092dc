#pragma once

#include <QMutex>

#include "maildrop.h"
#include "pop3sessionconfig.h"
#include "sessionfactory.h"

class AuthFailureRecorder;
class Authenticator;
class LoginRecorder;
class Settings;

// Makes Pop3Sessions for the pop3 (and later pop3s) listeners. The authenticator and the
// recorders must outlive every session; all the collaborators are used from every worker thread.
class Pop3SessionFactory final : public SessionFactory
{
public:
    Pop3SessionFactory(Authenticator &authenticator, MaildropOpener opener, LoginRecorder &recorder,
                       AuthFailureRecorder &failures, Pop3SessionConfig config = {});

    // Applies to sessions created afterwards.
    void setConfig(const Pop3SessionConfig &config);
    // loopbackRanges: what counts as loopback for auth.plaintext (see PlaintextAuthPolicy).
    [[nodiscard]] static Pop3SessionConfig configFrom(const Settings &settings, const QList<CidrRange> &loopbackRanges);

    [[nodiscard]] std::unique_ptr<ProtocolSession> create(const ClientInfo &client, SessionTransport &transport) override;
    [[nodiscard]] QByteArray refusalLine(Admission reason) const override;

private:
    Authenticator &m_authenticator;
    const MaildropOpener m_opener;
    LoginRecorder &m_recorder;
    AuthFailureRecorder &m_failures;
    mutable QMutex m_mutex;
    Pop3SessionConfig m_config;
};
