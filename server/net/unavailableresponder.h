#pragma once

#include <QObject>

// Answers connections to services that this build does not serve yet with the protocol's
// "try again later" reply (SMTP 421 4.3.2, POP3 -ERR [SYS/TEMP]) and closes them, so peers
// retry instead of hanging. Tracks the connections still closing for a clean shutdown.
class UnavailableResponder : public QObject
{
    Q_OBJECT

public:
    UnavailableResponder(QString hostName, QObject *parent = nullptr);

    void respond(const QString &service, qintptr socketDescriptor);
    void setHostName(const QString &hostName) { m_hostName = hostName; }
    [[nodiscard]] int inFlight() const { return m_inFlight; }

    // The greeting line sent on a plain-text service; empty for implicit-TLS ones.
    [[nodiscard]] static QByteArray replyFor(const QString &service, const QString &hostName);

Q_SIGNALS:
    void idle();

private:
    QString m_hostName;
    int m_inFlight = 0;
};
