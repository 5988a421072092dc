#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// One complete (possibly multi-line) reply of an SMTP server (RFC 5321 §4.2).
class SmtpReply
{
public:
    // The longest text a result carries (reply() of a RecipientResult).
    static constexpr qsizetype MaxTextLength = 1000;

    SmtpReply() = default;
    SmtpReply(int code, QList<QByteArray> lines);

    [[nodiscard]] int code() const { return m_code; }
    // 2, 3, 4 or 5.
    [[nodiscard]] int kind() const { return m_code / 100; }
    // The lines as received, without CRLF ("250-SIZE 1000").
    [[nodiscard]] const QList<QByteArray> &lines() const { return m_lines; }
    // Each line's text after the code and separator ("SIZE 1000").
    [[nodiscard]] QList<QByteArray> texts() const;
    // The lines joined with ' ', control characters replaced, cut at MaxTextLength.
    [[nodiscard]] QString text() const;
    // The RFC 3463 code at the start of the first line's text when it matches the reply's class
    // ("5.1.1"), else the default for the class ("2.0.0", "4.0.0", "5.0.0"; "" for 1xx/3xx).
    [[nodiscard]] QString statusCode() const;

private:
    int m_code = 0;
    QList<QByteArray> m_lines;
};
