#pragma once

#include "logentry.h"

#include <QSortFilterProxyModel>

// The log viewer's filters over any model with LogModel's columns and roles: minimum level,
// service (component), client IP, account, free text and one session. All given filters must
// match, except that a session filter alone decides (the whole conversation, in every
// service, whatever the other filters say). IP and account match what LogLineParser reads from the line's text, so they find the
// lines that name the client or login; the session filter then shows the whole conversation.
class LogFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit LogFilterProxy(QObject *parent = nullptr);

    void setMinimumLevel(LogLevel level);
    // Exact service name ("smtp", "pop3", …), case-insensitive; empty = every service.
    void setService(const QString &service);
    // A full address ("127.0.0.5") or a prefix ending in a separator ("192.168.1.", "fd00:");
    // empty = every line.
    void setClientIp(const QString &ip);
    // Case-insensitive substring of the login ("alice" finds alice@example.org).
    void setAccount(const QString &account);
    // Case-insensitive substring of the whole line's text.
    void setText(const QString &text);
    // Exact session id, overriding the other filters; empty goes back to them.
    void setSession(const QString &session);

    [[nodiscard]] LogLevel minimumLevel() const { return m_minimumLevel; }
    [[nodiscard]] QString session() const { return m_session; }
    // True when no filter removes anything, so filtering costs no reads of the source rows.
    [[nodiscard]] bool isPassThrough() const;
    [[nodiscard]] static bool ipMatches(const QString &filter, const QString &address);

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void changed();

    LogLevel m_minimumLevel = LogLevel::Debug;
    QString m_service;
    QString m_clientIp;
    QString m_account;
    QString m_text;
    QString m_session;
};
