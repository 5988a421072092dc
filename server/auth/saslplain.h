#pragma once

#include <QByteArrayView>
#include <QString>

// The client's response of the SASL PLAIN mechanism (RFC 4616): base64 of
// authzid NUL authcid NUL passwd.
struct SaslPlain
{
    bool ok = false;
    QString authorizationId;   // empty: the same as user
    QString user;
    QString password;

    // "=" stands for an empty response (RFC 5034 §4). Not ok for bad base64, a wrong number of
    // NULs, an empty user or invalid UTF-8.
    [[nodiscard]] static SaslPlain decode(QByteArrayView base64);
    // The same for a response already decoded from base64 (an empty one names no user).
    [[nodiscard]] static SaslPlain fromMessage(const QByteArray &message);
};
