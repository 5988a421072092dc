#pragma once

#include <QByteArray>
#include <QString>

// What one security rule decided about one command or connection: the action, the reply the
// client gets, and the rule's name with the facts it used, for the log line every refusal needs.
class PolicyDecision
{
public:
    enum class Action { Accept, Reject, Tempfail, Drop };

    PolicyDecision() = default;
    PolicyDecision(Action action, int replyCode, QString enhancedCode, QString text, QString rule, QString detail);

    [[nodiscard]] static PolicyDecision accept(QString rule = {}, QString detail = {});
    [[nodiscard]] static PolicyDecision drop(QString rule, QString detail);

    [[nodiscard]] Action action() const { return m_action; }
    [[nodiscard]] int replyCode() const { return m_replyCode; }
    [[nodiscard]] QString enhancedCode() const { return m_enhancedCode; }
    [[nodiscard]] QString text() const { return m_text; }
    [[nodiscard]] QString rule() const { return m_rule; }
    [[nodiscard]] QString detail() const { return m_detail; }
    [[nodiscard]] bool isAccept() const { return m_action == Action::Accept; }

    // "554 5.7.1 Relay access denied" (no CRLF); empty for Accept without a code and for Drop.
    [[nodiscard]] QByteArray replyLine() const;
    // The log line for `subject` (e.g. "rcpt <a@example.net>"):
    // `rcpt <a@example.net> refused by "Relay" (not authenticated, not trusted) 554 5.7.1`.
    [[nodiscard]] QString logLine(const QString &subject) const;

    [[nodiscard]] static QString actionName(Action action);

private:
    Action m_action = Action::Accept;
    int m_replyCode = 0;
    QString m_enhancedCode;
    QString m_text;
    QString m_rule;
    QString m_detail;
};
