#pragma once

#include "smtpclientsession.h"

#include <QByteArray>

class SmtpExtensions;

// The command lines SmtpClientSession sends for one envelope (with CRLF), each with only the
// parameters the peer offered: SIZE, BODY=8BITMIME, SMTPUTF8 on MAIL; RET, ENVID, NOTIFY, ORCPT
// only with DSN (RFC 3461 §4).
namespace SmtpClientCommands {

// `eightBit`: the body as it will be sent (false after a downgrade).
[[nodiscard]] QByteArray mail(const OutboundEnvelope &envelope, const SmtpExtensions &peer, bool eightBit);
[[nodiscard]] QByteArray rcpt(const OutboundEnvelope::Recipient &recipient, const SmtpExtensions &peer);
// "SUCCESS,FAILURE", "NEVER" (RFC 3461 §4.1).
[[nodiscard]] QByteArray notifyValue(const DsnNotify &notify);
// "rfc822;" + xtext (RFC 3461 §4.2); the address type is kept when the value has one.
[[nodiscard]] QByteArray orcptValue(const QString &originalRecipient);
// AUTH PLAIN with its initial response (RFC 4616: authzid empty, authcid, password).
[[nodiscard]] QByteArray authPlain(const QString &user, const QString &password);

}
