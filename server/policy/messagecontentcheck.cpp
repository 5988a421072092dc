#include "messagecontentcheck.h"

#include "filterlistsnapshot.h"
#include "messagescanner.h"

#include <QIODevice>

namespace {

QString rule(const char *name)
{
    return QString::fromLatin1(name);
}

PolicyDecision refuse(const QString &text, const char *ruleName, const QString &detail)
{
    return PolicyDecision(PolicyDecision::Action::Reject, 550, QStringLiteral("5.7.1"), text, rule(ruleName), detail);
}

// `"viagra" in subject`: the filter's text and the scope it looks at, for the log line.
QString filterDetail(const FilterListSnapshot::Rule &matched)
{
    const ContentFilter::Scope scope = matched.filter.scope();
    const QString where = scope == ContentFilter::Scope::All ? QStringLiteral("message")
                                                             : ContentFilter::scopeName(scope);
    return QStringLiteral("\"%1\" in %2, action %3")
        .arg(matched.filter.text(), where, FilterListSnapshot::actionName(matched.action));
}

}

PolicyDecision MessageContentCheck::check(const FilterListSnapshot &filters, QIODevice &message, int maxDepth)
{
    if (filters.isEmpty())
        return PolicyDecision::accept();

    QList<ContentFilter> contentFilters;
    for (const FilterListSnapshot::Rule &r : filters.rules())
        contentFilters << r.filter;
    MessageScanner scanner(contentFilters, maxDepth);
    const bool walked = scanner.scan(message);

    for (const QString &name : scanner.attachmentNames()) {
        for (const AttachmentPattern &pattern : filters.patterns()) {
            if (pattern.matches(name))
                return refuse(QStringLiteral("Attachment type not allowed (%1)").arg(replySafeName(name)), kAttachmentRule,
                              QStringLiteral("%1 matches %2").arg(name, pattern.pattern()));
        }
    }
    if (scanner.isUnscannable()) {
        // What lies past the limit could hide an attachment or a filtered text; refusing is the
        // only answer that keeps the rules meaningful. The sender learns why and can resend.
        return refuse(QStringLiteral("Message refused: MIME structure too complex to scan"),
                      filters.patterns().isEmpty() ? kFiltersRule : kAttachmentRule,
                      QStringLiteral("unscannable: %1").arg(scanner.unscannableReason()));
    }
    if (!walked) {
        // The spool file could not be read back: our fault, so the client may try again.
        return PolicyDecision(PolicyDecision::Action::Tempfail, 451, QStringLiteral("4.3.0"),
                              QStringLiteral("Error: local storage failure, try again later"), rule(kFiltersRule),
                              QStringLiteral("cannot read the message back: %1").arg(message.errorString()));
    }

    const QList<qsizetype> matched = scanner.matchedFilters();
    for (const qsizetype index : matched) {
        const FilterListSnapshot::Rule &r = filters.rules().at(index);
        if (r.action == FilterListSnapshot::Action::Reject)
            return refuse(QStringLiteral("Message refused by filter"), kFiltersRule, filterDetail(r));
    }
    if (!matched.isEmpty())
        return PolicyDecision::drop(rule(kFiltersRule), filterDetail(filters.rules().at(matched.first())));
    return PolicyDecision::accept();
}

QString MessageContentCheck::replySafeName(const QString &name)
{
    QString safe;
    for (const QChar c : name) {
        if (safe.size() >= kMaxReplyName) {
            safe += QStringLiteral("...");
            break;
        }
        const char16_t u = c.unicode();
        safe += (u >= 0x20 && u < 0x7f ) ? c : QLatin1Char('?');
    }
    return safe;
}
