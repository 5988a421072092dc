#pragma once

#include <QByteArray>
#include <QByteArrayView>

// RFC 2045 §6.7 quoted-printable encoding for the 7-bit forms Postern writes (8-bit downgrade,
// report text): CRLF pairs stay hard line breaks, everything else that is not safe printable
// ASCII is =XX, and lines are cut with soft breaks so none exceeds 76 characters.
class QuotedPrintable
{
public:
    static constexpr int kMaxLine = 76;
    [[nodiscard]] static QByteArray encode(QByteArrayView bytes);
};
