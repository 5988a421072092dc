#pragma once

#include "listenerstate.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

// Today's activity (since local midnight, or since the engine started if later) and what is
// happening now, as the main window and the tray tooltip show it.
struct EngineCounts
{
    int connectionsNow = 0;
    qint64 messagesReceived = 0;   // stored for local mailboxes
    qint64 messagesRelayed = 0;    // accepted for remote recipients
    qint64 logins = 0;             // successful SMTP AUTH and POP3 logins
    qint64 refusals = 0;           // commands or messages refused by a security rule
    qint64 bans = 0;               // addresses banned by auto-ban
    bool operator==(const EngineCounts &other) const = default;
};

// Something the admin must act on, with the dialog that fixes it.
struct EngineWarning
{
    // Contract (the GUI picks the dialog by it): "self-signed-certificate", "certificate-expiring",
    // "blank-sender-refused", "listener-failed", "dns-unreachable".
    QString kind;
    QString text;   // one sentence in the admin's words
    bool operator==(const EngineWarning &other) const = default;
};

// Everything the main window and the tray show about the engine, pushed whenever it changes.
struct EngineStatus
{
    enum class State { Stopped, Starting, Running, Failed };

    State state = State::Stopped;
    QString error;   // why it failed to start (state Failed)
    QList<ListenerState> listeners;
    EngineCounts counts;
    QList<EngineWarning> warnings;
    bool certificateLoaded = false;   // STARTTLS/STLS offered and implicit TLS served

    [[nodiscard]] bool running() const { return state == State::Running; }
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static EngineStatus fromJson(const QJsonObject &object);
    bool operator==(const EngineStatus &other) const = default;
};

Q_DECLARE_METATYPE(EngineStatus)
