#include "smtprcptparameters.h"

#include "smtpcommand.h"

#include <QRegularExpression>

namespace {

constexpr qsizetype kMaxOriginalRecipient = 500;   // RFC 3461 §4.2

SmtpRcptParameters refused(const QByteArray &reply, bool badCommand)
{
    SmtpRcptParameters result;
    result.error = reply;
    result.badCommand = badCommand;
    return result;
}

// "NEVER", or a comma list of SUCCESS, FAILURE and DELAY, each at most once (RFC 3461 §4.1).
std::optional<DsnNotify> parseNotify(const QByteArray &value)
{
    const QByteArray upper = value.toUpper();
    if (upper == "NEVER")
        return DsnNotify::never();
    DsnNotify notify = DsnNotify::never();
    const QList<QByteArray> words = upper.split(',');
    for (const QByteArray &word : words) {
        bool *flag = word == "SUCCESS" ? &notify.success
                   : word == "FAILURE" ? &notify.failure
                   : word == "DELAY"   ? &notify.delay
                                       : nullptr;
        if (!flag || *flag)
            return std::nullopt;
        *flag = true;
    }
    return notify;
}

// "addr-type;xtext": addr-type an atom ("rfc822" for mail addresses), the decoded address
// printable and at most 500 characters. Empty when malformed.
QString parseOriginalRecipient(const QByteArray &value)
{
    static const QRegularExpression atom(QStringLiteral("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$"));
    const qsizetype semicolon = value.indexOf(';');
    if (semicolon <= 0)
        return {};
    const QString type = QString::fromLatin1(value.first(semicolon)).toLower();
    if (!atom.match(type).hasMatch())
        return {};
    const std::optional<QByteArray> address = SmtpCommand::decodeXtext(QByteArrayView(value).sliced(semicolon + 1));
    if (!address || address->isEmpty() || address->size() > kMaxOriginalRecipient)
        return {};
    const QString decoded = QString::fromUtf8(*address);
    // Control characters would end up in a report's header field.
    for (const QChar c : decoded) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return {};
    }
    return type + QLatin1Char(';') + decoded;
}

}

SmtpRcptParameters SmtpRcptParameters::parse(const QList<QPair<QByteArray, QByteArray>> &params, bool extended)
{
    SmtpRcptParameters result;
    for (const auto &[key, value] : params) {
        if (key != "NOTIFY" && key != "ORCPT")
            return refused("555 5.5.4 Unsupported parameter " + key, false);
        if (!extended)
            return refused("555 5.5.4 " + key + " needs EHLO (DSN extension)", false);
        if (key == "NOTIFY") {
            if (result.notify)
                return refused("501 5.5.4 Syntax: NOTIFY given twice", true);
            result.notify = parseNotify(value);
            if (!result.notify)
                return refused("501 5.5.4 Syntax: NOTIFY=NEVER or NOTIFY=SUCCESS,FAILURE,DELAY (any of them)", true);
        } else {
            if (!result.originalRecipient.isEmpty())
                return refused("501 5.5.4 Syntax: ORCPT given twice", true);
            result.originalRecipient = parseOriginalRecipient(value);
            if (result.originalRecipient.isEmpty())
                return refused("501 5.5.4 Syntax: ORCPT=addr-type;xtext (at most 500 characters)", true);
        }
    }
    return result;
}
