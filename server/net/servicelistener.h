#pragma once

#include <QTcpServer>

// A listening socket for one service on one address. It only accepts: the descriptor is handed
// on by signal, so whoever serves the protocol creates the socket in its own thread.
class ServiceListener : public QTcpServer
{
    Q_OBJECT

public:
    ServiceListener(QString service, QObject *parent = nullptr);

    [[nodiscard]] QString service() const { return m_service; }

Q_SIGNALS:
    void connectionPending(qintptr socketDescriptor);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    QString m_service;
};
