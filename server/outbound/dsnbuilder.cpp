#include "dsnreport.h"

#include <QRandomGenerator>
#include <QRegularExpression>

#include "dsnexplanation.h"
#include "dsnstatusfields.h"
#include "eightbitdowngrade.h"
#include "mimeheader.h"
#include "quotedprintable.h"
#include "traceheaders.h"

namespace {

using Action = DsnReport::Action;

bool hasAction(const DsnReport &report, Action action)
{
    for (const DsnReport::Recipient &recipient : report.recipients) {
        if (recipient.action == action)
            return true;
    }
    return false;
}

// A mixed report is named after its worst news.
QByteArray subjectFor(const DsnReport &report)
{
    if (hasAction(report, Action::Failed) || report.recipients.isEmpty())
        return QByteArrayLiteral("Undelivered Mail Returned to Sender");
    if (hasAction(report, Action::Delayed))
        return QByteArrayLiteral("Delayed Mail (still being retried)");
    return QByteArrayLiteral("Successful Mail Delivery Report");
}

QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw)
        c = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return raw.toHex();
}

// Bare LF or CR in a stored file would make the attached part ambiguous; the report is CRLF only.
QByteArray withCrlf(QByteArrayView bytes)
{
    QByteArray out;
    out.reserve(bytes.size() + bytes.size() / 32);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') {
            out += "\r\n";
            ++i;
        } else if (c == '\r' || c == '\n') {
            out += "\r\n";
        } else {
            out += c;
        }
    }
    return out;
}

// The original's header block, up to (not including) its first empty line.
QByteArrayView headerBlock(QByteArrayView original)
{
    if (original.startsWith("\r\n") || original.startsWith('\n'))
        return {};
    for (const QByteArrayView separator : {QByteArrayView("\r\n\r\n"), QByteArrayView("\n\n")}) {
        const qsizetype end = original.indexOf(separator);
        if (end >= 0)
            return original.first(end + separator.size() / 2);
    }
    return original;
}

struct Part
{
    QByteArray headers;
    QByteArray body;
};

Part explanationPart(const DsnReport &report, const QByteArray &original, bool full)
{
    const QString subject = MimeHeader::parse(headerBlock(original)).decodedValue("Subject");
    const QByteArray text = DsnExplanation::text(report, subject, full);
    const bool eightBit = EightBitDowngrade::hasEightBit(text);
    return {"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: "
                + QByteArray(eightBit ? "quoted-printable" : "7bit") + "\r\n",
            eightBit ? QuotedPrintable::encode(text) : text};
}

// RET=FULL: the whole original, made 7-bit when it can be so the report passes any next hop.
Part returnedPart(const QByteArray &original, bool full)
{
    QByteArray content = full ? withCrlf(original) : withCrlf(headerBlock(original));
    if (!content.isEmpty() && !content.endsWith("\r\n"))
        content += "\r\n";
    if (full && EightBitDowngrade::hasEightBit(content)) {
        EightBitDowngrade::Result converted = EightBitDowngrade::convert(content);
        if (converted.ok)
            content = std::move(converted.message);
    }
    const QByteArray type = full ? "message/rfc822" : "text/rfc822-headers";
    const QByteArray encoding = EightBitDowngrade::hasEightBit(content) ? "8bit" : "7bit";
    return {"Content-Type: " + type + "\r\nContent-Description: " + (full ? "Original message" : "Original message headers")
                + "\r\nContent-Transfer-Encoding: " + encoding + "\r\n",
            content};
}

// A boundary is valid only if no part contains it (RFC 2046 §5.1.1); random 128 bits plus
// the check make a collision impossible in practice, the bounded loop makes it certain.
QByteArray boundaryFor(const QList<Part> &parts)
{
    for (int attempt = 0; attempt < 64; ++attempt) {
        const QByteArray candidate = "=_postern_report_" + randomHex(16);
        bool clash = false;
        for (const Part &part : parts)
            clash = clash || part.body.contains(candidate) || part.headers.contains(candidate);
        if (!clash)
            return candidate;
    }
    return "=_postern_report_" + randomHex(32);
}

} // namespace

QByteArray DsnBuilder::build(const DsnReport &report, const QByteArray &original, const QDateTime &now)
{
    const bool full = report.ret == DsnReturn::Full;
    QList<Part> parts;
    parts.append(explanationPart(report, original, full));
    parts.append({"Content-Type: message/delivery-status\r\n", DsnStatusFields::format(report)});
    parts.append(returnedPart(original, full));
    const QByteArray boundary = boundaryFor(parts);
    const QByteArray host = DsnStatusFields::singleLine(report.reportingMta);

    QByteArray out;
    out += "From: Mail Delivery System <MAILER-DAEMON@" + host + ">\r\n";
    // The recipient is the original reverse-path (RFC 3461 §6.2): written as given, on one line.
    out += "To: <" + report.recipientOfReport.toUtf8().replace('\r', ' ').replace('\n', ' ').trimmed() + ">\r\n";
    out += "Subject: " + subjectFor(report) + "\r\n";
    out += "Date: " + TraceHeaders::rfc5322Date(now) + "\r\n";
    out += "Message-ID: <" + QByteArray::number(now.toMSecsSinceEpoch(), 36) + '.' + randomHex(8) + '@' + host
           + ">\r\n";
    out += "Auto-Submitted: auto-replied\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary=\"" + boundary + "\"\r\n";
    out += "\r\nThis is a MIME-encapsulated delivery report.\r\n";
    for (const Part &part : parts) {
        out += "\r\n--" + boundary + "\r\n" + part.headers + "\r\n" + part.body;
        if (!part.body.endsWith("\r\n"))
            out += "\r\n";
    }
    out += "\r\n--" + boundary + "--\r\n";
    return out;
}

QString DsnBuilder::statusFromReply(const QString &reply, int code, const QString &fallback)
{
    // "550 5.1.1 ...", "550-5.1.1 ..." or the bare "5.1.1 ..." (RFC 3463 §2, RFC 2034 §4).
    static const QRegularExpression status(
        QStringLiteral(R"(^(?:\d{3}[ -])?\s*([245])\.(\d{1,3})\.(\d{1,3})(?=\s|$))"));
    const QRegularExpressionMatch match = status.match(reply.trimmed());
    if (!match.hasMatch())
        return fallback;
    // The class must agree with the reply code: "550 4.1.1" is self-contradictory.
    const int statusClass = match.captured(1).toInt();
    if (code >= 200 && code < 600 && statusClass != code / 100)
        return fallback;
    return match.captured(1) + QLatin1Char('.') + QString::number(match.captured(2).toInt()) + QLatin1Char('.')
           + QString::number(match.captured(3).toInt());
}
