#include "saslplain.h"

#include <QByteArray>
#include <QList>
#include <QStringDecoder>

namespace {

bool decodeUtf8(const QByteArray &bytes, QString *out)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    *out = decoder.decode(bytes);
    return !decoder.hasError();
}

}

SaslPlain SaslPlain::decode(QByteArrayView base64)
{
    SaslPlain result;
    if (base64 == QByteArrayView("="))
        return result;   // an empty response names no user
    const auto decoded = QByteArray::fromBase64Encoding(base64.toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return result;
    return fromMessage(decoded.decoded);
}

SaslPlain SaslPlain::fromMessage(const QByteArray &message)
{
    SaslPlain result;
    const QList<QByteArray> parts = message.split('\0');
    if (parts.size() != 3 || parts.at(1).isEmpty())
        return result;
    if (!decodeUtf8(parts.at(0), &result.authorizationId) || !decodeUtf8(parts.at(1), &result.user)
        || !decodeUtf8(parts.at(2), &result.password))
        return result;
    result.ok = true;
    return result;
}
