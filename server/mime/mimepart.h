#pragma once

#include <QByteArray>
#include <QStringList>

#include "mimeheader.h"
#include "transferdecoder.h"

// One MIME part as the walker meets it: its header and what the header says about the body.
class MimePart
{
public:
    MimePart() = default;
    // defaultType: "text/plain", or "message/rfc822" inside multipart/digest (RFC 2046 §5.1.5).
    MimePart(MimeHeader header, int depth, QByteArrayView defaultType = "text/plain");

    [[nodiscard]] const MimeHeader &header() const { return m_header; }
    // 0 for the message itself, +1 per multipart or attached message around it.
    [[nodiscard]] int depth() const { return m_depth; }
    [[nodiscard]] QByteArray contentType() const { return m_contentType; }
    [[nodiscard]] QByteArray charset() const { return m_charset; }
    [[nodiscard]] QByteArray boundary() const { return m_boundary; }
    [[nodiscard]] TransferDecoder::Encoding transferEncoding() const { return m_encoding; }
    [[nodiscard]] bool isMultipart() const;
    [[nodiscard]] bool isAttachedMessage() const;
    [[nodiscard]] bool isText() const;
    [[nodiscard]] bool isHtml() const;
    // Every distinct file name the part gives: Content-Disposition filename and Content-Type
    // name, each decoded (RFC 2231, RFC 2047); both are kept when they differ.
    [[nodiscard]] QStringList fileNames() const { return m_fileNames; }

private:
    MimeHeader m_header;
    int m_depth = 0;
    QByteArray m_contentType;
    QByteArray m_charset;
    QByteArray m_boundary;
    TransferDecoder::Encoding m_encoding = TransferDecoder::Encoding::Identity;
    QStringList m_fileNames;
};
