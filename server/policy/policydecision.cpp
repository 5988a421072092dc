#include "policydecision.h"

PolicyDecision::PolicyDecision(Action action, int replyCode, QString enhancedCode, QString text, QString rule,
                               QString detail)
    : m_action(action)
    , m_replyCode(replyCode)
    , m_enhancedCode(std::move(enhancedCode))
    , m_text(std::move(text))
    , m_rule(std::move(rule))
    , m_detail(std::move(detail))
{
}

PolicyDecision PolicyDecision::accept(QString rule, QString detail)
{
    return PolicyDecision(Action::Accept, 0, {}, {}, std::move(rule), std::move(detail));
}

PolicyDecision PolicyDecision::drop(QString rule, QString detail)
{
    return PolicyDecision(Action::Drop, 0, {}, {}, std::move(rule), std::move(detail));
}

QString PolicyDecision::actionName(Action action)
{
    switch (action) {
    case Action::Accept: return QStringLiteral("accepted");
    case Action::Reject: return QStringLiteral("refused");
    case Action::Tempfail: return QStringLiteral("deferred");
    case Action::Drop: return QStringLiteral("dropped");
    }
    return QStringLiteral("unknown");
}

QByteArray PolicyDecision::replyLine() const
{
    if (m_replyCode <= 0)
        return {};
    QByteArray line = QByteArray::number(m_replyCode);
    if (!m_enhancedCode.isEmpty())
        line += ' ' + m_enhancedCode.toLatin1();
    if (!m_text.isEmpty())
        line += ' ' + m_text.toUtf8();
    return line;
}

QString PolicyDecision::logLine(const QString &subject) const
{
    QString line = subject + QLatin1Char(' ') + actionName(m_action);
    if (!m_rule.isEmpty())
        line += QStringLiteral(" by \"%1\"").arg(m_rule);
    if (!m_detail.isEmpty())
        line += QStringLiteral(" (%1)").arg(m_detail);
    if (m_replyCode > 0) {
        line += QLatin1Char(' ') + QString::number(m_replyCode);
        if (!m_enhancedCode.isEmpty())
            line += QLatin1Char(' ') + m_enhancedCode;
    }
    return line;
}
