#include "tlslayer.h"

TlsLayer::TlsLayer(const TlsContext &context, qint64 handshakeDeadlineMs)
    : m_channel(context), m_handshakeDeadlineMs(handshakeDeadlineMs)
{
    m_channel.start();
}

TlsLayer::Event TlsLayer::receive(QByteArrayView ciphertext)
{
    const bool wasHandshaking = isHandshaking();
    if (!m_channel.feed(ciphertext, &m_plaintext))
        return Event::Failed;
    if (!wasHandshaking || isHandshaking())
        return Event::None;
    m_established = true;
    m_description = QStringLiteral("%1, %2").arg(m_channel.protocolName(), m_channel.cipherName());
    if (!m_early.isEmpty() && !m_channel.write(std::exchange(m_early, {})))
        return Event::Failed;
    return Event::HandshakeDone;
}

bool TlsLayer::send(QByteArrayView plaintext)
{
    if (isHandshaking()) {
        m_early.append(plaintext);
        return true;
    }
    return m_channel.write(plaintext);
}

void TlsLayer::close()
{
    if (m_established)
        m_channel.close();
}

QByteArray TlsLayer::takePlaintext(qsizetype maxBytes)
{
    if (m_plaintext.size() <= maxBytes)
        return std::exchange(m_plaintext, {});   // gives the buffer back with the bytes
    QByteArray piece = m_plaintext.first(maxBytes);
    m_plaintext.remove(0, maxBytes);
    return piece;
}

QString TlsLayer::description() const
{
    return m_description;
}
