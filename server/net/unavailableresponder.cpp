#include "unavailableresponder.h"

#include "log.h"

#include <QTcpSocket>
#include <QTimer>

namespace {
constexpr int kCloseDeadlineMs = 5000;
}

UnavailableResponder::UnavailableResponder(QString hostName, QObject *parent)
    : QObject(parent), m_hostName(std::move(hostName))
{
}

QByteArray UnavailableResponder::replyFor(const QString &service, const QString &hostName)
{
    if (service == QStringLiteral("smtp") || service == QStringLiteral("submission"))
        return "421 4.3.2 " + hostName.toUtf8() + " Service not available, try again later\r\n";
    if (service == QStringLiteral("pop3"))
        return QByteArrayLiteral("-ERR [SYS/TEMP] Service not available, try again later\r\n");
    return {};   // implicit TLS: nothing may be sent in clear text
}

void UnavailableResponder::respond(const QString &service, qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    ++m_inFlight;
    Log::info(service, QStringLiteral("-"),
              QStringLiteral("connection from %1 answered \"not available\": the %2 service is not served by this build")
                  .arg(socket->peerAddress().toString(), service));
    const auto finish = [this, socket] {
        if (socket->property("finished").toBool())
            return;
        socket->setProperty("finished", true);
        socket->deleteLater();
        if (--m_inFlight == 0)
            Q_EMIT idle();
    };
    connect(socket, &QTcpSocket::disconnected, this, finish);
    QTimer::singleShot(kCloseDeadlineMs, socket, [socket, finish] {
        socket->abort();
        finish();
    });
    socket->write(replyFor(service, m_hostName));
    socket->disconnectFromHost();
    if (socket->state() == QAbstractSocket::UnconnectedState)
        finish();
}
