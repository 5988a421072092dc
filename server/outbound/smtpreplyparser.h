#pragma once

#include "smtpreply.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

// Splits the bytes an SMTP server sends into replies, in any chunking. A hostile or broken peer
// cannot make it buffer without limit: a line longer than MaxLineLength or a reply of more than
// MaxLines lines is an error, as is a line that does not start with three digits and SP or '-',
// or a continuation with another code. After an error it stays failed.
class SmtpReplyParser
{
public:
    // RFC 5321 §4.5.3.1.5 allows 512 octets per reply line; real servers overshoot a little.
    static constexpr qsizetype MaxLineLength = 2048;
    // EHLO replies are the longest in practice (a few dozen lines).
    static constexpr int MaxLines = 100;

    enum class Status { NeedMore, Reply, Error };

    void feed(QByteArrayView bytes);
    // The next complete reply from what was fed (Reply), NeedMore, or Error (see error()).
    [[nodiscard]] Status next(SmtpReply &reply);
    [[nodiscard]] QString error() const { return m_error; }
    // Whether any byte is buffered that has not become a reply yet.
    [[nodiscard]] bool hasPendingBytes() const;
    // Drops everything buffered (STARTTLS: nothing read before the handshake counts afterwards).
    void clear();

private:
    Status fail(const QString &error);

    QByteArray m_buffer;
    qsizetype m_offset = 0;          // start of the first line not yet taken
    QList<QByteArray> m_lines;       // lines of the reply being assembled
    int m_code = 0;
    QString m_error;
};
