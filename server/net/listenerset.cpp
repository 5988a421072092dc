#include "listenerset.h"

#include "servicelistener.h"
#include "settings.h"

#include <QHostAddress>

ListenerSet::ListenerSet(QObject *parent)
    : QObject(parent)
{
}

ListenerSet::~ListenerSet()
{
    closeAll();
}

QStringList ListenerSet::services()
{
    return {QStringLiteral("smtp"), QStringLiteral("submission"), QStringLiteral("smtps"), QStringLiteral("pop3"),
            QStringLiteral("pop3s")};
}

QList<ListenerSpec> ListenerSet::desired(const Settings &settings, bool ephemeralPorts)
{
    QList<ListenerSpec> wanted;
    for (const QString &service : services()) {
        const qint64 port = settings.integer(service + QStringLiteral(".port"));
        if (port == 0 && !ephemeralPorts)
            continue;
        for (const QString &address : settings.list(QStringLiteral("listen.addresses")))
            wanted.append({service, address, quint16(port)});
    }
    return wanted;
}

ListenerSet::Entry ListenerSet::open(const ListenerSpec &spec)
{
    Entry entry{spec, new ServiceListener(spec.service, this), {}};
    connect(entry.listener, &ServiceListener::connectionPending, this,
            [this, service = spec.service](qintptr descriptor) { Q_EMIT connectionPending(service, descriptor); });
    // Qt listens on "::" with IPV6_V6ONLY, so "0.0.0.0,::" binds both families side by side.
    if (!entry.listener->listen(QHostAddress(spec.address), spec.port)) {
        const bool inUse = entry.listener->serverError() == QAbstractSocket::AddressInUseError;
        entry.error = inUse ? QStringLiteral("port %1 on %2 is already in use").arg(spec.port).arg(spec.address)
                            : QStringLiteral("cannot listen on %1 port %2: %3")
                                  .arg(spec.address)
                                  .arg(spec.port)
                                  .arg(entry.listener->errorString());
        delete entry.listener;
        entry.listener = nullptr;
    }
    return entry;
}

QList<ListenerState> ListenerSet::reconcile(const QList<ListenerSpec> &wanted)
{
    QList<Entry> kept;
    for (Entry &entry : m_entries) {
        if (wanted.contains(entry.spec) && entry.listener)
            kept.append(entry);
        else
            delete entry.listener;
    }
    m_entries = kept;
    for (const ListenerSpec &spec : wanted) {
        const bool present = std::any_of(m_entries.cbegin(), m_entries.cend(),
                                         [&](const Entry &entry) { return entry.spec == spec; });
        if (!present)
            m_entries.append(open(spec));
    }
    return states();
}

void ListenerSet::closeAll()
{
    for (Entry &entry : m_entries)
        delete entry.listener;
    m_entries.clear();
}

ListenerState ListenerSet::stateOf(const Entry &entry)
{
    ListenerState state;
    state.service = entry.spec.service;
    state.address = entry.spec.address;
    state.configuredPort = entry.spec.port;
    if (entry.listener) {
        state.port = entry.listener->serverPort();
        state.status = ListenerState::Status::Listening;
    } else {
        state.status = ListenerState::Status::Failed;
        state.error = entry.error;
    }
    return state;
}

QList<ListenerState> ListenerSet::states() const
{
    QList<ListenerState> result;
    for (const Entry &entry : m_entries)
        result.append(stateOf(entry));
    return result;
}
