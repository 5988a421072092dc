#pragma once

#include <QByteArray>

// Small messages the MIME tests (walker, scanner, content policy) build their rows from.
namespace MimeTestMessages {

// `text` with every LF turned into CRLF, as messages travel.
[[nodiscard]] QByteArray crlf(QByteArray text);
// A one-part message with a From, an X-Mailer ("SpamBot 3.0") and the given Subject.
[[nodiscard]] QByteArray singlePart(const QByteArray &subject, const QByteArray &type, const QByteArray &encoding,
                                    const QByteArray &body);
// A multipart/mixed message: a text part ("hello"), then a part with these header lines.
[[nodiscard]] QByteArray withAttachmentHeader(const QByteArray &partHeader);
// `levels` multiparts inside the outermost one, the innermost holding an attachment "deep.exe".
[[nodiscard]] QByteArray nested(int levels);

}
