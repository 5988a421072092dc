#pragma once

#include <QByteArrayView>
#include <QString>

// Decodes RFC 2047 encoded words (B and Q) in a header value to Unicode.
class EncodedWords
{
public:
    // Whitespace between adjacent encoded words is dropped and words in the same charset are
    // joined before conversion, so a multi-byte character split across two words survives.
    // Bytes outside encoded words are read as UTF-8 when valid, else Latin-1.
    [[nodiscard]] static QString decode(QByteArrayView raw);
};
