#include "eightbitdowngrade.h"

#include <algorithm>

#include "mimeheader.h"
#include "mimepart.h"
#include "mimewalker.h"
#include "quotedprintable.h"
#include "transferdecoder.h"

namespace {

// An entity split at its first empty line; header keeps its last line end, separator is the
// empty line itself (empty when there is none, and then there is no body either).
struct Entity
{
    QByteArrayView header;
    QByteArrayView separator;
    QByteArrayView body;
};

qsizetype emptyLineLength(QByteArrayView rest)
{
    if (rest.startsWith("\r\n"))
        return 2;
    return rest.startsWith('\n') ? 1 : 0;
}

Entity splitEntity(QByteArrayView entity)
{
    qsizetype pos = 0;
    while (true) {
        if (const qsizetype blank = emptyLineLength(entity.sliced(pos)); blank > 0)
            return {entity.first(pos), entity.sliced(pos, blank), entity.sliced(pos + blank)};
        const qsizetype end = entity.indexOf('\n', pos);
        if (end < 0)
            return {entity, {}, {}};
        pos = end + 1;
    }
}

// Calls f(line, isContinuation) for every header line, line end included.
template<typename F>
void forEachHeaderLine(QByteArrayView header, F f)
{
    qsizetype pos = 0;
    while (pos < header.size()) {
        const qsizetype end = header.indexOf('\n', pos);
        const qsizetype next = end < 0 ? header.size() : end + 1;
        const QByteArrayView line = header.sliced(pos, next - pos);
        f(line, line.front() == ' ' || line.front() == '\t');
        pos = next;
    }
}

QByteArrayView fieldName(QByteArrayView line)
{
    const qsizetype colon = line.indexOf(':');
    return (colon < 0 ? line : line.first(colon)).trimmed();
}

// The name of the first field with a byte >= 0x80 (in its name, value or continuation).
QByteArray eightBitFieldName(QByteArrayView header)
{
    QByteArray found;
    QByteArrayView current;
    forEachHeaderLine(header, [&](QByteArrayView line, bool continuation) {
        if (!continuation)
            current = fieldName(line);
        if (found.isEmpty() && EightBitDowngrade::hasEightBit(line))
            found = current.isEmpty() ? QByteArrayLiteral("(unnamed)") : current.toByteArray();
    });
    return found;
}

// The header without its Content-Transfer-Encoding fields and with one saying `encoding`.
QByteArray withTransferEncoding(QByteArrayView header, QByteArrayView encoding, bool isMessage)
{
    const QByteArray lineEnd = header.isEmpty() || header.contains("\r\n") ? "\r\n" : "\n";
    QByteArray out;
    bool skipping = false;
    forEachHeaderLine(header, [&](QByteArrayView line, bool continuation) {
        if (!continuation)
            skipping = fieldName(line).compare("Content-Transfer-Encoding", Qt::CaseInsensitive) == 0;
        if (!skipping)
            out += line;
    });
    if (!out.isEmpty() && !out.endsWith('\n'))
        out += lineEnd;
    // A Content-Transfer-Encoding means nothing to a reader without MIME-Version (RFC 2045 §4).
    if (isMessage && !MimeHeader::parse(header).contains("MIME-Version"))
        out += "MIME-Version: 1.0" + lineEnd;
    out += "Content-Transfer-Encoding: " + encoding.toByteArray() + lineEnd;
    return out;
}

// Preamble and epilogue are ignored by every MIME reader (RFC 2046 §5.1.1) and cannot be encoded.
QByteArray scrubbed(QByteArrayView bytes)
{
    QByteArray out = bytes.toByteArray();
    std::replace_if(out.begin(), out.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }, '?');
    return out;
}

QByteArray wrappedBase64(const QByteArray &decoded)
{
    const QByteArray encoded = decoded.toBase64();
    QByteArray out;
    for (qsizetype pos = 0; pos < encoded.size(); pos += QuotedPrintable::kMaxLine)
        out += encoded.mid(pos, QuotedPrintable::kMaxLine) + "\r\n";
    return out;
}

class Converter
{
public:
    bool convertEntity(QByteArrayView entity, int depth, QByteArrayView defaultType, bool isMessage, QByteArray &out);
    [[nodiscard]] QString error() const { return m_error; }

private:
    bool convertMultipart(QByteArrayView body, const QByteArray &boundary, int depth, bool digest, QByteArray &out);
    bool convertLeaf(const Entity &parts, const MimePart &part, bool isMessage, QByteArray &out);

    QString m_error;
};

bool Converter::convertEntity(QByteArrayView entity, int depth, QByteArrayView defaultType, bool isMessage,
                              QByteArray &out)
{
    if (!EightBitDowngrade::hasEightBit(entity)) {
        out += entity;
        return true;
    }
    if (depth > MimeWalker::kDefaultMaxDepth) {
        m_error = QStringLiteral("the MIME structure is nested too deeply");
        return false;
    }
    const Entity parts = splitEntity(entity);
    if (const QByteArray name = eightBitFieldName(parts.header); !name.isEmpty()) {
        m_error = QStringLiteral("8-bit bytes in the header %1").arg(QString::fromUtf8(name));
        return false;
    }
    const MimePart part(MimeHeader::parse(parts.header), depth, defaultType);
    const bool container = part.transferEncoding() == TransferDecoder::Encoding::Identity
                           && (part.isMultipart() || part.isAttachedMessage());
    if (!container)
        return convertLeaf(parts, part, isMessage, out);

    // A container may only say 7bit, 8bit or binary (RFC 2045 §6.4); once converted it is 7bit.
    out += part.header().contains("Content-Transfer-Encoding") ? withTransferEncoding(parts.header, "7bit", false)
                                                                : parts.header.toByteArray();
    out += parts.separator;
    if (part.isAttachedMessage())
        return convertEntity(parts.body, depth + 1, "text/plain", true, out);
    if (part.boundary().isEmpty()) {
        m_error = QStringLiteral("a multipart part has no boundary");
        return false;
    }
    return convertMultipart(parts.body, part.boundary(), depth + 1, part.contentType() == "multipart/digest", out);
}

bool Converter::convertLeaf(const Entity &parts, const MimePart &part, bool isMessage, QByteArray &out)
{
    const TransferDecoder::Encoding encoding = part.transferEncoding();
    QByteArray decoded;
    if (encoding == TransferDecoder::Encoding::Identity) {
        decoded = parts.body.toByteArray();
    } else {
        // Already encoded but with stray 8-bit bytes: decode what is there and encode it cleanly.
        TransferDecoder decoder(encoding);
        decoder.decode(parts.body, decoded);
        decoder.finish(decoded);
    }
    const bool base64 = encoding == TransferDecoder::Encoding::Base64;
    out += withTransferEncoding(parts.header, base64 ? "base64" : "quoted-printable", isMessage);
    out += parts.separator.isEmpty() ? QByteArrayView("\r\n") : parts.separator;
    out += base64 ? wrappedBase64(decoded) : QuotedPrintable::encode(decoded);
    return true;
}

bool Converter::convertMultipart(QByteArrayView body, const QByteArray &boundary, int depth, bool digest,
                                 QByteArray &out)
{
    // The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
    struct Delimiter
    {
        qsizetype before = 0;
        qsizetype contentStart = 0;
        bool closing = false;
    };
    const QByteArray dashes = "--" + boundary;
    QList<Delimiter> delimiters;
    qsizetype pos = 0;
    while (pos < body.size()) {
        const qsizetype end = body.indexOf('\n', pos);
        const qsizetype next = end < 0 ? body.size() : end + 1;
        QByteArrayView line = body.sliced(pos, next - pos);
        if (line.startsWith(dashes)) {
            QByteArrayView rest = line.sliced(dashes.size());
            const bool closing = rest.startsWith("--");
            if (closing)
                rest = rest.sliced(2);
            if (rest.trimmed().isEmpty()) {
                qsizetype before = pos;
                if (before > 0 && body[before - 1] == '\n')
                    before -= before > 1 && body[before - 2] == '\r' ? 2 : 1;
                if (!delimiters.isEmpty())
                    before = std::max(before, delimiters.last().contentStart);
                delimiters.append({before, next, closing});
                if (closing)
                    break;
            }
        }
        pos = next;
    }
    if (delimiters.isEmpty()) {
        m_error = QStringLiteral("a multipart part's boundary never occurs");
        return false;
    }
    out += scrubbed(body.first(delimiters.first().before));
    for (qsizetype i = 0; i < delimiters.size(); ++i) {
        const Delimiter &delimiter = delimiters.at(i);
        out += body.sliced(delimiter.before, delimiter.contentStart - delimiter.before);
        if (delimiter.closing) {
            out += scrubbed(body.sliced(delimiter.contentStart));
            return true;
        }
        const qsizetype end = i + 1 < delimiters.size() ? delimiters.at(i + 1).before : body.size();
        const QByteArrayView content = body.sliced(delimiter.contentStart, end - delimiter.contentStart);
        if (!convertEntity(content, depth, digest ? "message/rfc822" : "text/plain", false, out))
            return false;
    }
    return true;
}

} // namespace

EightBitDowngrade::Result EightBitDowngrade::convert(const QByteArray &message)
{
    Result result;
    if (!hasEightBit(message)) {
        result.ok = true;
        result.message = message;
        return result;
    }
    Converter converter;
    QByteArray out;
    out.reserve(message.size() + message.size() / 4);
    result.ok = converter.convertEntity(message, 0, "text/plain", true, out);
    if (result.ok)
        result.message = std::move(out);
    else
        result.error = converter.error();
    return result;
}

bool EightBitDowngrade::hasEightBit(QByteArrayView bytes)
{
    return std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}
