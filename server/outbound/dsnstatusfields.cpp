#include "dsnstatusfields.h"

#include "traceheaders.h"

namespace {

// RFC 6533 §3 utf-8-addr-xtext: printable ASCII except '+', '=' and '\' as is, others \x{HEX}.
QByteArray embeddedUnicode(const QString &address)
{
    QByteArray out;
    for (const char32_t c : address.toUcs4()) {
        if (c > 0x20 && c < 0x7f && c != '+' && c != '=' && c != '\\')
            out.append(static_cast<char>(c));
        else
            out += "\\x{" + QByteArray::number(static_cast<uint>(c), 16).toUpper().rightJustified(2, '0') + '}';
    }
    return out;
}

bool isAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

// "dns; host" for a bare host name; a value that already names its type is kept.
QByteArray typedHost(const QString &host)
{
    const QByteArray clean = DsnStatusFields::singleLine(host);
    return clean.contains(';') ? clean : "dns; " + clean;
}

// ORCPT as given ("rfc822;Bob@Example.org"); a value without a type is an RFC 822 address.
QByteArray originalRecipient(const QString &orcpt)
{
    const qsizetype semicolon = orcpt.indexOf(QLatin1Char(';'));
    if (semicolon < 0)
        return DsnStatusFields::typedAddress(orcpt.trimmed());
    const QString address = orcpt.sliced(semicolon + 1).trimmed();
    const QByteArray type = DsnStatusFields::singleLine(orcpt.first(semicolon));
    return isAscii(address) ? type + ';' + DsnStatusFields::singleLine(address) : DsnStatusFields::typedAddress(address);
}

QByteArray diagnosticCode(const QString &diagnostic)
{
    const QByteArray clean = DsnStatusFields::singleLine(diagnostic);
    return clean.startsWith("smtp;") ? clean : "smtp; " + clean;
}

QByteArray recipientBlock(const DsnReport::Recipient &recipient)
{
    QByteArray out = "\r\n";
    if (!recipient.originalRecipient.trimmed().isEmpty())
        out += DsnStatusFields::foldedField("Original-Recipient", originalRecipient(recipient.originalRecipient));
    out += DsnStatusFields::foldedField("Final-Recipient", DsnStatusFields::typedAddress(recipient.finalRecipient));
    out += DsnStatusFields::foldedField("Action", DsnStatusFields::actionName(recipient.action));
    out += DsnStatusFields::foldedField("Status", DsnStatusFields::singleLine(recipient.statusCode));
    if (!recipient.remoteMta.trimmed().isEmpty())
        out += DsnStatusFields::foldedField("Remote-MTA", typedHost(recipient.remoteMta));
    if (!recipient.diagnostic.trimmed().isEmpty())
        out += DsnStatusFields::foldedField("Diagnostic-Code", diagnosticCode(recipient.diagnostic));
    if (recipient.lastAttempt.isValid())
        out += DsnStatusFields::foldedField("Last-Attempt-Date", TraceHeaders::rfc5322Date(recipient.lastAttempt));
    if (recipient.action == DsnReport::Action::Delayed && recipient.willRetryUntil.isValid())
        out += DsnStatusFields::foldedField("Will-Retry-Until", TraceHeaders::rfc5322Date(recipient.willRetryUntil));
    return out;
}

} // namespace

QByteArray DsnStatusFields::format(const DsnReport &report)
{
    QByteArray out = foldedField("Reporting-MTA", typedHost(report.reportingMta));
    if (!report.envelopeId.trimmed().isEmpty())
        out += foldedField("Original-Envelope-Id", singleLine(report.envelopeId));
    if (!report.receivedFromMta.trimmed().isEmpty())
        out += foldedField("Received-From-MTA", typedHost(report.receivedFromMta));
    if (report.arrivalDate.isValid())
        out += foldedField("Arrival-Date", TraceHeaders::rfc5322Date(report.arrivalDate));
    for (const DsnReport::Recipient &recipient : report.recipients)
        out += recipientBlock(recipient);
    return out;
}

QByteArray DsnStatusFields::actionName(DsnReport::Action action)
{
    switch (action) {
    case DsnReport::Action::Failed:
        return QByteArrayLiteral("failed");
    case DsnReport::Action::Delayed:
        return QByteArrayLiteral("delayed");
    case DsnReport::Action::Delivered:
        return QByteArrayLiteral("delivered");
    case DsnReport::Action::Relayed:
        return QByteArrayLiteral("relayed");
    }
    return QByteArrayLiteral("failed");
}

QByteArray DsnStatusFields::singleLine(const QString &text)
{
    QByteArray out;
    const QByteArray utf8 = text.toUtf8();
    out.reserve(std::min(utf8.size(), kMaxValue));
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        const char mapped = u <= 0x20 || u == 0x7f ? ' ' : (u >= 0x80 ? '?' : c);
        if (mapped == ' ' && (out.isEmpty() || out.endsWith(' ')))
            continue;
        out.append(mapped);
        if (out.size() >= kMaxValue)
            break;
    }
    return out.trimmed();
}

QByteArray DsnStatusFields::foldedField(QByteArrayView name, QByteArrayView value)
{
    QByteArray out = name.toByteArray() + ':';
    qsizetype column = out.size();
    for (const QByteArray &word : value.toByteArray().split(' ')) {
        for (qsizetype pos = 0; pos < word.size(); pos += kMaxWord) {
            const QByteArray piece = word.mid(pos, kMaxWord);
            if (column > name.size() + 1 && column + 1 + piece.size() > kFoldWidth) {
                out += "\r\n";
                column = 0;
            }
            out += ' ' + piece;
            column += 1 + piece.size();
        }
    }
    return out + "\r\n";
}

QByteArray DsnStatusFields::typedAddress(const QString &address)
{
    if (isAscii(address))
        return "rfc822; " + singleLine(address);
    return "utf-8; " + embeddedUnicode(address.trimmed()).left(kMaxValue);
}
