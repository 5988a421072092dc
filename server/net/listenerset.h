#pragma once

#include "listenerstate.h"

#include <QList>
#include <QObject>

class ServiceListener;
class Settings;

// Which listener should exist for one service on one address.
struct ListenerSpec
{
    QString service;
    QString address;
    quint16 port = 0;   // 0 only with ephemeral ports: any free port
    bool operator==(const ListenerSpec &other) const = default;
};

// The engine's listening sockets, kept in line with the settings: reconcile() opens what is
// wanted and missing and closes what is no longer wanted, leaving the rest untouched.
class ListenerSet : public QObject
{
    Q_OBJECT

public:
    explicit ListenerSet(QObject *parent = nullptr);
    ~ListenerSet() override;

    // Every service on every listen address, from the settings. Pure.
    [[nodiscard]] static QList<ListenerSpec> desired(const Settings &settings, bool ephemeralPorts);
    [[nodiscard]] static QStringList services();

    QList<ListenerState> reconcile(const QList<ListenerSpec> &wanted);
    void closeAll();
    [[nodiscard]] QList<ListenerState> states() const;

Q_SIGNALS:
    void connectionPending(const QString &service, qintptr socketDescriptor);

private:
    struct Entry
    {
        ListenerSpec spec;
        ServiceListener *listener = nullptr;   // null when it failed to bind
        QString error;
    };
    [[nodiscard]] Entry open(const ListenerSpec &spec);
    [[nodiscard]] static ListenerState stateOf(const Entry &entry);

    QList<Entry> m_entries;
};
