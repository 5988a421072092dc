#pragma once

#include "deliveryagent.h"
#include "queueobserver.h"

#include <QMutex>
#include <QThread>

class Settings;

// Runs the DeliveryAgent in a thread of its own for the engine: starts and stops it, passes on
// settings, routes and admin queue changes, and is the QueueObserver the SMTP sessions tell
// about each queued message. Its methods are called from the engine thread (messageQueued from
// any thread).
class OutboundService final : public QueueObserver
{
public:
    OutboundService(DeliveryAgent::Dependencies dependencies, const Settings &settings, RoutingTable routes);
    ~OutboundService() override;
    Q_DISABLE_COPY_MOVE(OutboundService)

    void start();
    // Waits until the agent has ended its connections (each records its undecided recipients
    // as deferred) and closed its database connection. Call after the SMTP workers are gone.
    void stop();

    void applySettings(const Settings &settings);
    void setRoutingTable(const RoutingTable &routes);
    // An admin changed the queue (retry, delete, bounce): the agent reads it again.
    void reloadQueue();
    void messageQueued(const QueuedMessage &message) override;

private:
    // Runs `work` on the agent in its thread, later; nothing once stopped.
    void post(std::function<void(DeliveryAgent &)> work);

    QThread m_thread;
    QMutex m_mutex;
    DeliveryAgent *m_agent = nullptr;   // lives in m_thread; deleted there by stop()
};
