#pragma once

#include <QMutex>

#include "maildrop.h"
#include "pop3sessionconfig.h"
#include "sessionfactory.h"

class LoginRecorder;
class Authenticator;

// Makes Pop3Sessions for the pop3 (and later pop3s) listeners. The authenticator and the
// recorder must outlive every session; all three collaborators are used from every worker thread.
class Pop3SessionFactory final : public SessionFactory
{
public:
    Pop3SessionFactory(Authenticator &authenticator, MaildropOpener opener, LoginRecorder &recorder,
                       Pop3SessionConfig config = {});

    // Applies to sessions created afterwards.
    void setConfig(const Pop3SessionConfig &config);

    [[nodiscard]] std::unique_ptr<ProtocolSession> create(const ClientInfo &client, SessionTransport &transport) override;
    [[nodiscard]] QByteArray refusalLine(Admission reason) const override;

private:
    Authenticator &m_authenticator;
    const MaildropOpener m_opener;
    LoginRecorder &m_recorder;
    mutable QMutex m_mutex;
    Pop3SessionConfig m_config;
};
