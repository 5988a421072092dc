#pragma once

#include <memory>

#include <QByteArray>
#include <QObject>
#include <QTcpSocket>

class TlsChannel;

// A test client that talks clear text over a QTcpSocket until startTls(), then TLS through its
// own TlsChannel (no certificate check): the client side of STARTTLS/STLS and implicit TLS in
// tests of the network core. Lives in the test's thread; read what arrived from received().
class TlsTestClient : public QObject
{
public:
    // tlsFirst: start TLS as soon as the connection is up (implicit TLS).
    explicit TlsTestClient(quint16 port, bool tlsFirst = false);
    ~TlsTestClient() override;

    // Bytes as they are, on the socket: clear text even once TLS is on.
    void writeRaw(const QByteArray &bytes);
    // Through TLS once it is on.
    void write(const QByteArray &bytes);
    void startTls();
    void closeTls();
    // While held, input stays in the kernel, so the server's writes back up.
    void holdInput(bool hold);

    [[nodiscard]] bool established() const;
    [[nodiscard]] const TlsChannel *channel() const { return m_channel.get(); }

    QByteArray received;    // clear text before TLS, decrypted after
    QByteArray firstRaw;    // the first bytes that came after TLS started, as they came
    bool eof = false;

private:
    void onReadyRead();
    void flush();

    QTcpSocket m_socket;
    std::unique_ptr<TlsChannel> m_channel;
    bool m_holding = false;
};
