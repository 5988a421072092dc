#include "mimepart.h"

#include "mimefieldvalue.h"

MimePart::MimePart(MimeHeader header, int depth, QByteArrayView defaultType)
    : m_header(std::move(header))
    , m_depth(depth)
{
    const MimeFieldValue type = MimeFieldValue::parse(m_header.rawValue("Content-Type"));
    // A missing or syntactically invalid type means the default (RFC 2045 §5.2).
    m_contentType = type.value().contains('/') ? type.value() : defaultType.toByteArray();
    m_charset = type.rawParameter("charset").trimmed().toLower();
    m_boundary = type.rawParameter("boundary");
    m_encoding = TransferDecoder::fromHeaderValue(m_header.rawValue("Content-Transfer-Encoding"));

    const MimeFieldValue disposition = MimeFieldValue::parse(m_header.rawValue("Content-Disposition"));
    for (const QString &name : {disposition.parameter("filename"), type.parameter("name")}) {
        const QString trimmed = name.trimmed();
        if (!trimmed.isEmpty() && !m_fileNames.contains(trimmed))
            m_fileNames.append(trimmed);
    }
}

bool MimePart::isMultipart() const
{
    return m_contentType.startsWith("multipart/");
}

bool MimePart::isAttachedMessage() const
{
    return m_contentType == "message/rfc822" || m_contentType == "message/global";
}

bool MimePart::isText() const
{
    return m_contentType.startsWith("text/");
}

bool MimePart::isHtml() const
{
    return m_contentType == "text/html";
}
