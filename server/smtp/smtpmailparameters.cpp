#include "smtpmailparameters.h"

#include "smtpcommand.h"

#include <algorithm>

namespace {

SmtpMailParameters refused(const QByteArray &reply, bool badCommand, const QString &logDetail = {})
{
    SmtpMailParameters result;
    result.error = reply;
    result.badCommand = badCommand;
    result.logDetail = logDetail;
    return result;
}

constexpr qsizetype kMaxEnvelopeId = 100;   // RFC 3461 §4.4

// ENVID's decoded value: printable US-ASCII (RFC 3461 §4.4), at most 100 characters.
bool isEnvelopeId(const QByteArray &value)
{
    if (value.isEmpty() || value.size() > kMaxEnvelopeId)
        return false;
    return std::all_of(value.cbegin(), value.cend(), [](char c) { return c >= '!' && c <= '~'; });
}

}

SmtpMailParameters SmtpMailParameters::parse(const QList<QPair<QByteArray, QByteArray>> &params, bool extended,
                                             qint64 maxMessageSize)
{
    SmtpMailParameters result;
    for (const auto &[key, value] : params) {
        if (key == "SIZE") {
            bool ok = false;
            const qint64 size = value.toLongLong(&ok);
            if (!ok || size < 0)
                return refused("501 5.5.4 Syntax: SIZE=<number>", true);
            if (maxMessageSize > 0 && size > maxMessageSize) {
                return refused("552 5.3.4 Message size exceeds fixed limit", false,
                               QStringLiteral("declared size %1 over the limit %2").arg(size).arg(maxMessageSize));
            }
            result.declaredSize = size;
        } else if (key == "BODY") {
            if (value.toUpper() != "7BIT" && value.toUpper() != "8BITMIME")
                return refused("501 5.5.4 Syntax: BODY=7BIT or BODY=8BITMIME", true);
        } else if (key == "SMTPUTF8" && value.isEmpty() && extended) {
            result.smtpUtf8 = true;
        } else if (key == "AUTH" && extended) {
            const std::optional<QByteArray> mailbox = SmtpCommand::decodeXtext(value);
            if (!mailbox || mailbox->isEmpty())
                return refused("501 5.5.4 Syntax: AUTH=<> or AUTH=xtext-encoded-mailbox", true);
            result.submitter = QString::fromUtf8(*mailbox);
        } else if ((key == "RET" || key == "ENVID") && !extended) {
            return refused("555 5.5.4 " + key + " needs EHLO (DSN extension)", false);
        } else if (key == "RET") {
            if (result.ret != DsnReturn::Unspecified)
                return refused("501 5.5.4 Syntax: RET given twice", true);
            const QByteArray word = value.toUpper();
            if (word != "FULL" && word != "HDRS")
                return refused("501 5.5.4 Syntax: RET=FULL or RET=HDRS", true);
            result.ret = word == "FULL" ? DsnReturn::Full : DsnReturn::Headers;
        } else if (key == "ENVID") {
            if (!result.envelopeId.isEmpty())
                return refused("501 5.5.4 Syntax: ENVID given twice", true);
            const std::optional<QByteArray> id = SmtpCommand::decodeXtext(value);
            if (!id || !isEnvelopeId(*id))
                return refused("501 5.5.4 Syntax: ENVID=xtext of 1 to 100 printable characters", true);
            result.envelopeId = QString::fromLatin1(*id);
        } else {
            return refused("555 5.5.4 Unsupported parameter " + key, false);
        }
    }
    return result;
}
