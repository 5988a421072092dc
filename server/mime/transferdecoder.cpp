#include "transferdecoder.h"

namespace {

int base64Value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+' || c == '-')
        return 62;
    if (c == '/' || c == '_')
        return 63;
    return -1;
}

bool isLineSpace(char c)
{
    return c == ' ' || c == '\t';
}

} // namespace

int TransferDecoder::hexDigitValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = char(c | 0x20);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

TransferDecoder::Encoding TransferDecoder::fromHeaderValue(QByteArrayView value)
{
    const QByteArray v = value.toByteArray().trimmed().toLower();
    if (v == "base64")
        return Encoding::Base64;
    if (v == "quoted-printable")
        return Encoding::QuotedPrintable;
    return Encoding::Identity;
}

TransferDecoder::TransferDecoder(Encoding encoding)
    : m_encoding(encoding)
{
}

void TransferDecoder::decode(QByteArrayView data, QByteArray &out)
{
    switch (m_encoding) {
    case Encoding::Identity:
        out.append(data);
        break;
    case Encoding::Base64:
        decodeBase64(data, out);
        break;
    case Encoding::QuotedPrintable:
        decodeQuotedPrintable(data, out);
        break;
    }
}

void TransferDecoder::finish(QByteArray &out)
{
    if (m_encoding == Encoding::Base64) {
        flushQuantum(out);
    } else if (m_encoding == Encoding::QuotedPrintable) {
        if (m_qpState == QpState::Equals)
            out.append('=');
        else if (m_qpState == QpState::EqualsHex)
            out.append('=').append(m_qpFirst);
        m_qpState = QpState::Normal;
    }
}

void TransferDecoder::flushQuantum(QByteArray &out)
{
    // 2 characters give one byte, 3 give two; a lone character carries no whole byte.
    if (m_quantumLength == 2) {
        out.append(char(m_quantum >> 4 & 0xff));
    } else if (m_quantumLength == 3) {
        out.append(char(m_quantum >> 10 & 0xff));
        out.append(char(m_quantum >> 2 & 0xff));
    }
    if (m_quantumLength == 1)
        ++m_invalid;
    m_quantum = 0;
    m_quantumLength = 0;
}

void TransferDecoder::decodeBase64(QByteArrayView data, QByteArray &out)
{
    for (const char c : data) {
        const int v = base64Value(c);
        if (v < 0) {
            if (c == '=')
                flushQuantum(out); // padding; some senders concatenate padded blocks
            else if (c != '\r' && c != '\n' && !isLineSpace(c))
                ++m_invalid;
            continue;
        }
        m_quantum = m_quantum << 6 | quint32(v);
        if (++m_quantumLength == 4) {
            out.append(char(m_quantum >> 16 & 0xff));
            out.append(char(m_quantum >> 8 & 0xff));
            out.append(char(m_quantum & 0xff));
            m_quantum = 0;
            m_quantumLength = 0;
        }
    }
}

void TransferDecoder::decodeQuotedPrintable(QByteArrayView data, QByteArray &out)
{
    qsizetype i = 0;
    while (i < data.size()) {
        const char c = data[i];
        switch (m_qpState) {
        case QpState::Normal:
            if (c == '=')
                m_qpState = QpState::Equals;
            else
                out.append(c);
            ++i;
            continue;
        case QpState::Equals:
            if (hexDigitValue(c) >= 0) {
                m_qpFirst = c;
                m_qpState = QpState::EqualsHex;
            } else if (c == '\r') {
                m_qpState = QpState::EqualsCr;
            } else if (c == '\n') {
                m_qpState = QpState::Normal; // soft line break
            } else if (isLineSpace(c)) {
                m_qpState = QpState::EqualsSpace;
            } else {
                out.append('=');
                m_qpState = QpState::Normal;
                continue; // c is read again as ordinary text
            }
            ++i;
            continue;
        case QpState::EqualsHex:
            m_qpState = QpState::Normal;
            if (hexDigitValue(c) >= 0) {
                out.append(char(hexDigitValue(m_qpFirst) * 16 + hexDigitValue(c)));
                ++i;
            } else {
                out.append('=').append(m_qpFirst);
            }
            continue;
        case QpState::EqualsSpace:
            if (isLineSpace(c)) {
                ++i;
            } else if (c == '\r') {
                m_qpState = QpState::EqualsCr;
                ++i;
            } else if (c == '\n') {
                m_qpState = QpState::Normal;
                ++i;
            } else {
                out.append('=');
                m_qpState = QpState::Normal;
            }
            continue;
        case QpState::EqualsCr:
            m_qpState = QpState::Normal;
            if (c == '\n')
                ++i;
            continue;
        }
    }
}
