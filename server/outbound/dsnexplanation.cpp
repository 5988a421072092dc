#include "dsnexplanation.h"

#include <QLocale>
#include <QStringList>

#include "dsnstatusfields.h"

namespace {

using Action = DsnReport::Action;

// Control characters would let peer or sender text break the layout; keep everything else.
QString printable(const QString &text, qsizetype maxLength)
{
    QString out;
    for (const QChar c : text) {
        out.append(c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ? QLatin1Char(' ') : c);
        if (out.size() >= maxLength)
            break;
    }
    return out.simplified();
}

// Wraps one paragraph at spaces; a word longer than the line is cut.
void appendWrapped(QStringList &lines, const QString &paragraph, const QString &indent)
{
    const qsizetype room = DsnExplanation::kWidth - indent.size();
    QString line;
    for (const QString &word : paragraph.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        for (qsizetype pos = 0; pos < word.size(); pos += room) {
            const QString piece = word.mid(pos, room);
            if (!line.isEmpty() && line.size() + 1 + piece.size() > room) {
                lines.append(indent + line);
                line.clear();
            }
            line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + piece;
        }
    }
    if (!line.isEmpty())
        lines.append(indent + line);
}

QString serverSaid(const DsnReport::Recipient &recipient)
{
    const QString host = printable(recipient.remoteMta, 255);
    return host.isEmpty() ? QStringLiteral("The receiving server said:")
                          : QStringLiteral("The receiving server (%1) said:").arg(host);
}

void appendRecipient(QStringList &lines, const DsnReport::Recipient &recipient)
{
    static const QString indent = QStringLiteral("    ");
    lines.append(QStringLiteral("  ") + printable(recipient.finalRecipient, DsnExplanation::kWidth - 2));
    const QString reason = DsnExplanation::reasonInWords(recipient.statusCode);
    if ((recipient.action == Action::Failed || recipient.action == Action::Delayed) && !reason.isEmpty())
        appendWrapped(lines, QStringLiteral("Reason: %1.").arg(reason), indent);
    if (!recipient.diagnostic.trimmed().isEmpty()) {
        appendWrapped(lines, serverSaid(recipient), indent);
        appendWrapped(lines, QString::fromLatin1(DsnStatusFields::singleLine(recipient.diagnostic)), indent);
    }
    if (recipient.action == Action::Delayed && recipient.willRetryUntil.isValid()) {
        appendWrapped(lines,
                      QStringLiteral("Postern will keep trying until %1; you do not need to send it again.")
                          .arg(DsnExplanation::readableDate(recipient.willRetryUntil)),
                      indent);
    }
    lines.append(QString());
}

struct Section
{
    Action action;
    const char *intro;
    const char *advice;   // may be null
};

const Section kSections[] = {
    {Action::Failed, "Your message could not be delivered to these recipients:",
     "What you can do: check each address for typing mistakes and send the message again. If the "
     "address is right, contact the recipient another way (for example by phone) and ask them to "
     "tell their mail administrator about the reply above."},
    {Action::Delayed, "Your message has not been delivered yet to these recipients:",
     "This is only a notice: the message is still waiting to be delivered. You will get another "
     "report only if it finally cannot be delivered."},
    {Action::Delivered, "Your message was delivered to these recipients:", nullptr},
    {Action::Relayed,
     "Your message was passed on to these recipients' mail servers, which do not confirm delivery "
     "themselves:", nullptr},
};

} // namespace

QByteArray DsnExplanation::text(const DsnReport &report, const QString &originalSubject, bool fullMessage)
{
    QStringList lines;
    appendWrapped(lines, QStringLiteral("This is the mail system at %1.").arg(printable(report.reportingMta, 255)),
                  {});
    lines.append(QString());
    const QString subject = printable(originalSubject, 200);
    QString about = subject.isEmpty() ? QStringLiteral("This report is about your message")
                                      : QStringLiteral("This report is about your message \"%1\"").arg(subject);
    if (report.arrivalDate.isValid())
        about += QStringLiteral(", sent %1").arg(readableDate(report.arrivalDate));
    appendWrapped(lines, about + QLatin1Char('.'), {});
    lines.append(QString());

    for (const Section &section : kSections) {
        bool any = false;
        for (const DsnReport::Recipient &recipient : report.recipients) {
            if (recipient.action != section.action)
                continue;
            if (!any) {
                appendWrapped(lines, QString::fromLatin1(section.intro), {});
                lines.append(QString());
                any = true;
            }
            appendRecipient(lines, recipient);
        }
        if (any && section.advice) {
            appendWrapped(lines, QString::fromLatin1(section.advice), {});
            lines.append(QString());
        }
    }
    appendWrapped(lines,
                  fullMessage ? QStringLiteral("The technical report for mail programs and your original message "
                                               "are attached below.")
                              : QStringLiteral("The technical report for mail programs and the header of your "
                                               "original message are attached below."),
                  {});
    return lines.join(QStringLiteral("\r\n")).toUtf8() + "\r\n";
}

QString DsnExplanation::reasonInWords(const QString &statusCode)
{
    const QString detail = statusCode.section(QLatin1Char('.'), 1);
    static const QList<std::pair<const char *, const char *>> known = {
        {"1.1", "the address does not exist"},
        {"1.2", "the recipient's domain does not exist or does not receive mail"},
        {"1.10", "the recipient's domain does not receive mail"},
        {"2.1", "the mailbox is disabled"},
        {"2.2", "the recipient's mailbox is full"},
        {"2.3", "the message is too large"},
        {"3.4", "the message is too large for the receiving server"},
        {"4.1", "the receiving server did not answer"},
        {"4.2", "the connection to the receiving server was broken"},
        {"4.4", "no mail server could be found for the recipient's domain"},
        {"4.7", "it could not be delivered for too long, so Postern gave up"},
        {"6.3", "the receiving server cannot take the message's characters or attachments"},
        {"6.7", "the receiving server cannot take international addresses"},
        {"7.1", "the receiving server refused it (for example spam protection)"},
    };
    for (const auto &[code, words] : known) {
        if (detail == QLatin1String(code))
            return QString::fromLatin1(words);
    }
    if (statusCode.startsWith(QLatin1String("5.")))
        return QStringLiteral("the receiving server refused it");
    if (statusCode.startsWith(QLatin1String("4.")))
        return QStringLiteral("a temporary problem");
    return {};
}

QString DsnExplanation::readableDate(const QDateTime &when)
{
    return QLocale::c().toString(when.toUTC(), QStringLiteral("dddd d MMMM yyyy, HH:mm 'UTC'"));
}
