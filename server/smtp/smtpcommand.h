#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

// One SMTP command line split into its verb and argument, and the parsers for the arguments of
// MAIL and RCPT (RFC 5321 §4.1.2, with the usual leniency for a space after the colon).
struct SmtpCommand
{
    QByteArray verb;       // upper-case
    QByteArray argument;   // everything after the first space, trailing spaces removed

    // `line` without its CRLF.
    [[nodiscard]] static SmtpCommand parse(QByteArrayView line);

    // A HELO/EHLO argument: one token of printable characters (the policy layer may ask for a
    // real host name; RFC 5321 §4.1.4 forbids refusing a session over a name that does not resolve).
    [[nodiscard]] static bool isHeloArgument(const QByteArray &argument);
    // The first bytes of a TLS handshake record (a client speaking TLS to a plain-text port).
    [[nodiscard]] static bool looksLikeTlsHandshake(QByteArrayView bytes);
    // Whether an address needs SMTPUTF8 (RFC 6531).
    [[nodiscard]] static bool isAscii(const QString &text);
    // RFC 3461 §4 xtext ("+2B" for '+', printable ASCII otherwise, no '='); nullopt when malformed.
    [[nodiscard]] static std::optional<QByteArray> decodeXtext(QByteArrayView text);
    // The inverse: '+', '=', controls, space and octets >= 0x80 become "+XX" (upper-case hex).
    [[nodiscard]] static QByteArray encodeXtext(QByteArrayView text);
};

struct SmtpPathArgument
{
    bool ok = false;
    QString path;                                  // "" for the null path <>
    QList<QPair<QByteArray, QByteArray>> params;   // keyword upper-cased, value as sent
    QByteArray error;                              // reply text on failure, e.g. "501 5.5.4 ..."

    // "FROM:<a@b> SIZE=10" with keyword "FROM"; source routes (<@x,@y:a@b>) are dropped.
    [[nodiscard]] static SmtpPathArgument parse(QByteArrayView argument, QByteArrayView keyword);
};
