#include "charsetconverter.h"

#include <cerrno>
#include <iconv.h>

#include <QStringDecoder>

namespace {

// Only plain charset names reach iconv_open: no "//TRANSLIT" suffixes, no paths.
QByteArray normalizedName(QByteArrayView charset)
{
    QByteArray name = charset.toByteArray().trimmed().toLower();
    const qsizetype star = name.indexOf('*'); // RFC 2231 language suffix: utf-8*en
    if (star >= 0)
        name.truncate(star);
    if (name.size() > 40)
        return {};
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
            || c == '.' || c == ':';
        if (!ok)
            return {};
    }
    return name;
}

QString utf8OrLatin1(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    return decoder.hasError() ? QString::fromLatin1(bytes) : text;
}

iconv_t openToUtf8(const QByteArray &name)
{
    if (name.isEmpty())
        return reinterpret_cast<iconv_t>(-1);
    return iconv_open("UTF-8", name.constData());
}

QString viaIconv(iconv_t cd, QByteArrayView bytes)
{
    QByteArray result;
    result.reserve(bytes.size() + bytes.size() / 2);
    char *in = const_cast<char *>(bytes.data());
    size_t inLeft = size_t(bytes.size());
    char buffer[8192];
    while (inLeft > 0) {
        char *out = buffer;
        size_t outLeft = sizeof buffer;
        const size_t rc = iconv(cd, &in, &inLeft, &out, &outLeft);
        result.append(buffer, out - buffer);
        if (rc == size_t(-1) && errno != E2BIG) {
            // An invalid or truncated sequence: mark it and go on with the next byte.
            result.append("\xEF\xBF\xBD");
            ++in;
            --inLeft;
        }
    }
    char *out = buffer;
    size_t outLeft = sizeof buffer;
    iconv(cd, nullptr, nullptr, &out, &outLeft);
    result.append(buffer, out - buffer);
    return QString::fromUtf8(result);
}

} // namespace

QString CharsetConverter::toUnicode(QByteArrayView bytes, QByteArrayView charset)
{
    const QByteArray name = normalizedName(charset);
    if (name.isEmpty() || name == "us-ascii" || name == "ascii")
        return utf8OrLatin1(bytes);
    if (name == "utf-8" || name == "utf8")
        return QString::fromUtf8(bytes);
    if (name == "iso-8859-1" || name == "latin1" || name == "iso8859-1")
        return QString::fromLatin1(bytes);
    iconv_t cd = openToUtf8(name);
    if (cd == reinterpret_cast<iconv_t>(-1))
        return utf8OrLatin1(bytes);
    const QString text = viaIconv(cd, bytes);
    iconv_close(cd);
    return text;
}

bool CharsetConverter::isKnown(QByteArrayView charset)
{
    iconv_t cd = openToUtf8(normalizedName(charset));
    if (cd == reinterpret_cast<iconv_t>(-1))
        return false;
    iconv_close(cd);
    return true;
}
