#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Streaming Content-Transfer-Encoding decoder: base64, quoted-printable or identity, fed in
// blocks of any size (a split "=4" + "1" or base64 quantum carries over).
class TransferDecoder
{
public:
    enum class Encoding { Identity, Base64, QuotedPrintable };

    // Unknown encodings are read as identity (RFC 2045 §6.4 says treat as opaque data).
    [[nodiscard]] static Encoding fromHeaderValue(QByteArrayView value);

    // 0-15 for a hexadecimal digit of either case, else -1 (quoted-printable, RFC 2231, Q words).
    [[nodiscard]] static int hexDigitValue(char c);

    explicit TransferDecoder(Encoding encoding = Encoding::Identity);
    [[nodiscard]] Encoding encoding() const { return m_encoding; }

    // Appends the decoded bytes of data to out.
    void decode(QByteArrayView data, QByteArray &out);
    // Flushes a partial base64 quantum or a dangling "=".
    void finish(QByteArray &out);
    // Characters skipped as invalid: bad base64 is tolerated, not fatal.
    [[nodiscard]] qint64 invalidCount() const { return m_invalid; }

private:
    void decodeBase64(QByteArrayView data, QByteArray &out);
    void decodeQuotedPrintable(QByteArrayView data, QByteArray &out);
    void flushQuantum(QByteArray &out);

    Encoding m_encoding;
    quint32 m_quantum = 0;
    int m_quantumLength = 0;
    enum class QpState { Normal, Equals, EqualsHex, EqualsSpace, EqualsCr } m_qpState = QpState::Normal;
    char m_qpFirst = 0;
    qint64 m_invalid = 0;
};
