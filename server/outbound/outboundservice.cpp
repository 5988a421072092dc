#include "outboundservice.h"

#include "settings.h"

OutboundService::OutboundService(DeliveryAgent::Dependencies dependencies, const Settings &settings, RoutingTable routes)
{
    m_thread.setObjectName(QStringLiteral("postern-delivery"));
    m_agent = new DeliveryAgent(std::move(dependencies), OutboundSettings::fromSettings(settings), std::move(routes));
    m_agent->moveToThread(&m_thread);
}

OutboundService::~OutboundService()
{
    stop();
}

void OutboundService::start()
{
    m_thread.start();
    post([](DeliveryAgent &agent) { agent.start(); });
}

void OutboundService::stop()
{
    DeliveryAgent *agent = nullptr;
    {
        QMutexLocker lock(&m_mutex);
        agent = std::exchange(m_agent, nullptr);
    }
    if (!agent)
        return;
    if (m_thread.isRunning()) {
        // Stopped and deleted in its own thread: its sockets and database connection belong there.
        QMetaObject::invokeMethod(agent, [agent] {
            agent->stop();
            delete agent;
        }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    } else {
        delete agent;
    }
}

void OutboundService::post(std::function<void(DeliveryAgent &)> work)
{
    QMutexLocker lock(&m_mutex);
    if (!m_agent)
        return;
    DeliveryAgent *agent = m_agent;
    QMetaObject::invokeMethod(agent, [agent, work = std::move(work)] { work(*agent); }, Qt::QueuedConnection);
}

void OutboundService::applySettings(const Settings &settings)
{
    post([outbound = OutboundSettings::fromSettings(settings)](DeliveryAgent &agent) { agent.setSettings(outbound); });
}

void OutboundService::setRoutingTable(const RoutingTable &routes)
{
    post([routes](DeliveryAgent &agent) { agent.setRoutingTable(routes); });
}

void OutboundService::reloadQueue()
{
    post([](DeliveryAgent &agent) { agent.reload(); });
}

void OutboundService::messageQueued(const QueuedMessage &message)
{
    post([message](DeliveryAgent &agent) { agent.messageQueued(message); });
}
