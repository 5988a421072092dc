#include "mimetestmessages.h"

namespace MimeTestMessages {

QByteArray crlf(QByteArray text)
{
    return text.replace("\n", "\r\n");
}

QByteArray singlePart(const QByteArray &subject, const QByteArray &type, const QByteArray &encoding, const QByteArray &body)
{
    QByteArray message = "From: a@example.com\r\nX-Mailer: SpamBot 3.0\r\nSubject: " + subject + "\r\n";
    message += "Content-Type: " + type + "\r\n";
    if (!encoding.isEmpty())
        message += "Content-Transfer-Encoding: " + encoding + "\r\n";
    return message + "\r\n" + body;
}

QByteArray withAttachmentHeader(const QByteArray &partHeader)
{
    return crlf("From: a@example.com\nContent-Type: multipart/mixed; boundary=\"=_b\"\n\n"
                "--=_b\nContent-Type: text/plain\n\nhello\n--=_b\n")
        + crlf(partHeader) + crlf("\nQUJD\n--=_b--\n");
}

QByteArray nested(int levels)
{
    QByteArray text = "Content-Type: multipart/mixed; boundary=b0\n\n";
    for (int i = 1; i <= levels; ++i)
        text += "--b" + QByteArray::number(i - 1) + "\nContent-Type: multipart/mixed; boundary=b" + QByteArray::number(i) + "\n\n";
    text += "--b" + QByteArray::number(levels) + "\nContent-Type: application/octet-stream; name=deep.exe\n\nx\n";
    return crlf(text);
}

}
