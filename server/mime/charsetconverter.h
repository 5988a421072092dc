#pragma once

#include <QByteArrayView>
#include <QString>

// Converts bytes in a MIME charset to Unicode: Qt for UTF-8 and Latin-1, glibc iconv for the rest.
class CharsetConverter
{
public:
    // Empty, us-ascii and unknown charsets: UTF-8 when the bytes are valid UTF-8, else Latin-1,
    // so that content filters still see the ASCII letters of a mislabelled message.
    [[nodiscard]] static QString toUnicode(QByteArrayView bytes, QByteArrayView charset);
    [[nodiscard]] static bool isKnown(QByteArrayView charset);
};
