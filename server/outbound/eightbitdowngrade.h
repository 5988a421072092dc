#pragma once

#include <QByteArray>
#include <QString>

// RFC 6152 §3 / RFC 1652: a message with 8-bit content for a peer that does not offer 8BITMIME
// must be converted to 7 bits or returned. This converts each 8-bit leaf part (the whole body of
// a single-part message, or each part of a multipart, recursively) to quoted-printable, fixing
// its Content-Transfer-Encoding header, and leaves 7-bit parts alone. Headers with raw 8-bit
// bytes (an SMTPUTF8 message) cannot be converted. Pure.
class EightBitDowngrade
{
public:
    struct Result
    {
        bool ok = false;
        QByteArray message;   // the 7-bit message when ok
        QString error;        // why not ("8-bit bytes in the header Subject")
    };
    [[nodiscard]] static Result convert(const QByteArray &message);
    // Any byte >= 0x80 in `bytes`.
    [[nodiscard]] static bool hasEightBit(QByteArrayView bytes);
};
