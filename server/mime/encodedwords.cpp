#include "encodedwords.h"

#include <QByteArray>

#include "charsetconverter.h"
#include "transferdecoder.h"

namespace {

QByteArray decodeQ(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '_') {
            out.append(' ');
        } else if (c == '=' && i + 2 < text.size() && TransferDecoder::hexDigitValue(text[i + 1]) >= 0
                   && TransferDecoder::hexDigitValue(text[i + 2]) >= 0) {
            out.append(char(TransferDecoder::hexDigitValue(text[i + 1]) * 16 + TransferDecoder::hexDigitValue(text[i + 2])));
            i += 2;
        } else {
            out.append(c);
        }
    }
    return out;
}

struct Word
{
    QByteArray charset;
    QByteArray bytes;
    qsizetype end = -1; // index after "?=", or -1 when raw[start] does not begin a valid word
};

// RFC 2047 allows 75 characters; senders exceed that, but a bound keeps a megabyte of "=?"
// without "?=" from costing quadratic time.
constexpr qsizetype kMaxWord = 2048;

Word parseWord(QByteArrayView raw, qsizetype start)
{
    Word word;
    const QByteArrayView limited = raw.first(std::min(raw.size(), start + kMaxWord));
    const qsizetype charsetEnd = limited.indexOf('?', start + 2);
    if (charsetEnd < 0 || charsetEnd == start + 2 || charsetEnd + 3 > limited.size())
        return word;
    const char encoding = raw[charsetEnd + 1];
    if (raw[charsetEnd + 2] != '?')
        return word;
    const qsizetype textStart = charsetEnd + 3;
    const qsizetype textEnd = limited.indexOf("?=", textStart);
    if (textEnd < 0)
        return word;
    const QByteArrayView text = raw.sliced(textStart, textEnd - textStart);
    if (text.contains(' ') || text.contains('\t'))
        return word;
    if (encoding == 'B' || encoding == 'b')
        word.bytes = QByteArray::fromBase64(text.toByteArray());
    else if (encoding == 'Q' || encoding == 'q')
        word.bytes = decodeQ(text);
    else
        return word;
    word.charset = raw.sliced(start + 2, charsetEnd - start - 2).toByteArray().toLower();
    word.end = textEnd + 2;
    return word;
}

bool isBlank(QByteArrayView text)
{
    for (const char c : text) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return false;
    }
    return true;
}

} // namespace

QString EncodedWords::decode(QByteArrayView raw)
{
    QString result;
    QByteArray pendingCharset;
    QByteArray pendingBytes;
    bool lastWasWord = false;
    qsizetype literalStart = 0;
    auto flushPending = [&] {
        if (!pendingBytes.isEmpty())
            result += CharsetConverter::toUnicode(pendingBytes, pendingCharset);
        pendingBytes.clear();
        pendingCharset.clear();
    };
    qsizetype pos = 0;
    while (pos < raw.size()) {
        const qsizetype start = raw.indexOf("=?", pos);
        if (start < 0)
            break;
        const Word word = parseWord(raw, start);
        if (word.end < 0) {
            pos = start + 2;
            continue;
        }
        const QByteArrayView between = raw.sliced(literalStart, start - literalStart);
        if (!(lastWasWord && isBlank(between))) {
            flushPending();
            result += CharsetConverter::toUnicode(between, {});
        }
        if (word.charset != pendingCharset)
            flushPending();
        pendingCharset = word.charset;
        pendingBytes += word.bytes;
        lastWasWord = true;
        literalStart = pos = word.end;
    }
    flushPending();
    result += CharsetConverter::toUnicode(raw.sliced(literalStart), {});
    return result;
}
