#pragma once

#include <optional>

#include <QDateTime>
#include <QHostAddress>
#include <QString>

// One successful POP3 login as the SMTP-after-POP rule sees it.
struct LoginRecord
{
    QString account;
    QDateTime time;   // UTC
};

// Remembers which client address last logged in successfully, and when. Written by every POP3
// session thread, read by SMTP sessions; implementations are thread-safe.
class LoginRecorder
{
public:
    virtual ~LoginRecorder() = default;

    virtual void recordLogin(const QHostAddress &client, const QString &account) = 0;
    // The latest login from this address still remembered; nullopt when none.
    [[nodiscard]] virtual std::optional<LoginRecord> lastLogin(const QHostAddress &client) const = 0;
};
