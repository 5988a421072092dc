#pragma once

#include "sessionfactory.h"
#include "smtpsessionconfig.h"

#include <QMutex>

class MessageStore;
class RecipientDirectory;
class Settings;

// Makes SmtpSessions for the smtp and submission listeners, with the settings in force when
// the connection arrives (a changed setting applies to new sessions).
class SmtpSessionFactory final : public SessionFactory
{
public:
    SmtpSessionFactory(const RecipientDirectory &directory, MessageStore &store);

    void applySettings(const Settings &settings);
    [[nodiscard]] static SmtpSessionConfig configFrom(const Settings &settings);

    [[nodiscard]] std::unique_ptr<ProtocolSession> create(const ClientInfo &client, SessionTransport &transport) override;
    [[nodiscard]] QByteArray refusalLine(Admission reason) const override;

private:
    const RecipientDirectory &m_directory;
    MessageStore &m_store;
    mutable QMutex m_mutex;
    SmtpSessionConfig m_config;
};
