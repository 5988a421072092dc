#include "servicelistener.h"

ServiceListener::ServiceListener(QString service, QObject *parent)
    : QTcpServer(parent), m_service(std::move(service))
{
}

void ServiceListener::incomingConnection(qintptr socketDescriptor)
{
    Q_EMIT connectionPending(socketDescriptor);
}
