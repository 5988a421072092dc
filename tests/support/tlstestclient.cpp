#include "tlstestclient.h"

#include <QHostAddress>

#include "tlschannel.h"
#include "tlscontext.h"

TlsTestClient::TlsTestClient(quint16 port, bool tlsFirst)
{
    connect(&m_socket, &QTcpSocket::readyRead, this, &TlsTestClient::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] { eof = true; });
    if (tlsFirst)
        connect(&m_socket, &QTcpSocket::connected, this, &TlsTestClient::startTls);
    m_socket.connectToHost(QHostAddress::LocalHost, port);
}

TlsTestClient::~TlsTestClient() = default;

void TlsTestClient::writeRaw(const QByteArray &bytes)
{
    m_socket.write(bytes);
}

void TlsTestClient::write(const QByteArray &bytes)
{
    if (!m_channel) {
        writeRaw(bytes);
        return;
    }
    m_channel->write(bytes);
    flush();
}

void TlsTestClient::startTls()
{
    m_channel = std::make_unique<TlsChannel>(TlsContext::client({}));
    m_channel->start();
    flush();
}

void TlsTestClient::closeTls()
{
    m_channel->close();
    flush();
}

void TlsTestClient::holdInput(bool hold)
{
    m_holding = hold;
    m_socket.setReadBufferSize(hold ? 4096 : 0);
    if (!hold)
        onReadyRead();
}

bool TlsTestClient::established() const
{
    return m_channel && m_channel->isEstablished();
}

void TlsTestClient::onReadyRead()
{
    if (m_holding)
        return;
    const QByteArray raw = m_socket.readAll();
    if (!m_channel) {
        received += raw;
        return;
    }
    if (firstRaw.isEmpty())
        firstRaw = raw;
    m_channel->feed(raw, &received);
    flush();
}

void TlsTestClient::flush()
{
    m_socket.write(m_channel->takeOutput());
}
