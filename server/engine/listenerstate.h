#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

// What one listener is doing, as the GUI, the CLI and the tests see it.
struct ListenerState
{
    enum class Status { Listening, Failed };

    QString service;        // smtp, submission, smtps, pop3, pop3s
    QString address;        // as configured, e.g. 0.0.0.0 or ::
    quint16 configuredPort = 0;
    quint16 port = 0;       // the real port (differs from configuredPort for ephemeral ports)
    Status status = Status::Listening;
    QString error;

    [[nodiscard]] QString endpoint() const;   // "127.0.0.1:25", "[::1]:25"
    bool operator==(const ListenerState &other) const = default;
};

Q_DECLARE_METATYPE(ListenerState)
Q_DECLARE_METATYPE(QList<ListenerState>)
