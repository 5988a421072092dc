#include "smtpclientcommands.h"

#include <algorithm>

#include "smtpcommand.h"
#include "smtpextensions.h"

namespace SmtpClientCommands {

QByteArray mail(const OutboundEnvelope &envelope, const SmtpExtensions &peer, bool eightBit)
{
    QByteArray line = "MAIL FROM:<" + envelope.reversePath.toUtf8() + '>';
    if (peer.has(QStringLiteral("SIZE")))
        line += " SIZE=" + QByteArray::number(envelope.size);
    if (eightBit && peer.has(QStringLiteral("8BITMIME")))
        line += " BODY=8BITMIME";
    if (envelope.smtpUtf8)
        line += " SMTPUTF8";
    if (peer.has(QStringLiteral("DSN"))) {
        if (envelope.ret == DsnReturn::Full)
            line += " RET=FULL";
        else if (envelope.ret == DsnReturn::Headers)
            line += " RET=HDRS";
        if (!envelope.envelopeId.isEmpty())
            line += " ENVID=" + SmtpCommand::encodeXtext(envelope.envelopeId.toUtf8());
    }
    return line + "\r\n";
}

QByteArray rcpt(const OutboundEnvelope::Recipient &recipient, const SmtpExtensions &peer)
{
    QByteArray line = "RCPT TO:<" + recipient.address.toUtf8() + '>';
    if (peer.has(QStringLiteral("DSN"))) {
        if (recipient.notifyGiven)
            line += " NOTIFY=" + notifyValue(recipient.notify);
        if (!recipient.originalRecipient.isEmpty())
            line += " ORCPT=" + orcptValue(recipient.originalRecipient);
    }
    return line + "\r\n";
}

QByteArray notifyValue(const DsnNotify &notify)
{
    QList<QByteArray> words;
    if (notify.success)
        words.append("SUCCESS");
    if (notify.failure)
        words.append("FAILURE");
    if (notify.delay)
        words.append("DELAY");
    return words.isEmpty() ? QByteArray("NEVER") : words.join(',');
}

QByteArray orcptValue(const QString &originalRecipient)
{
    const QByteArray value = originalRecipient.toUtf8();
    const qsizetype semicolon = value.indexOf(';');
    // An addr-type is a registered name ("rfc822", "utf-8"); anything else before a ';' is part
    // of the address (a quoted local part may hold one).
    const QByteArray type = semicolon > 0 ? value.left(semicolon) : QByteArray();
    const bool typed = !type.isEmpty() && std::all_of(type.cbegin(), type.cend(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    });
    if (!typed)
        return "rfc822;" + SmtpCommand::encodeXtext(value);
    return type + ';' + SmtpCommand::encodeXtext(value.mid(semicolon + 1));
}

QByteArray authPlain(const QString &user, const QString &password)
{
    const QByteArray response = '\0' + user.toUtf8() + '\0' + password.toUtf8();
    return "AUTH PLAIN " + response.toBase64() + "\r\n";
}

}
