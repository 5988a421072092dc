// The Engine's part in outbound delivery: it runs the DeliveryAgent in its own thread, connects
// it to the SMTP sessions' queue, and passes on what admins change (settings, routes and their
// passwords, retry/delete/bounce on the queue).
#include "engine.h"

#include "datadirectory.h"
#include "deliveryagent.h"
#include "enginecounters.h"
#include "localrecipientdirectory.h"
#include "log.h"
#include "outboundmessagestore.h"
#include "outboundservice.h"
#include "queueadmin.h"
#include "routeadmin.h"
#include "routingtableloader.h"
#include "secretstore.h"
#include "storage.h"
#include "threadresolvers.h"

namespace {
const QString kComponent = QStringLiteral("engine");
const QString kNoSession = QStringLiteral("-");

RoutingTable loadRoutes(const Settings &settings, Storage &storage, const QString &dataDirectory)
{
    QStringList problems;
    RoutingTable table = RoutingTableLoader::build(settings, storage.routes(),
                                                   SecretStore(DataDirectory(dataDirectory).secretsDirectory()), &problems);
    for (const QString &problem : problems)
        Log::warning(kComponent, kNoSession, problem);
    return table;
}
}

void Engine::startDelivery()
{
    DeliveryAgent::Dependencies dependencies{*m_databaseUrl, m_outbound->queueDirectory(), m_outbound.get(),
                                             m_directory.get(), m_resolvers.get(), m_counters.get()};
    m_queueRequests = m_storage->requestCount(QLatin1String(QueueAdmin::kChangedRequest));
    m_delivery = std::make_unique<OutboundService>(std::move(dependencies), m_settings,
                                                   loadRoutes(m_settings, *m_storage, m_options.dataDirectory));
    setQueueObserver(m_delivery.get());
    m_delivery->start();
}

void Engine::reloadRoutes()
{
    // Routes, the smart host and their passwords change rarely and are few: read them all again
    // on every change rather than tracking which one moved.
    if (m_delivery)
        m_delivery->setRoutingTable(loadRoutes(m_settings, *m_storage, m_options.dataDirectory));
}

void Engine::checkQueueRequest()
{
    const qint64 requests = m_storage->requestCount(QLatin1String(QueueAdmin::kChangedRequest));
    if (requests == m_queueRequests)
        return;
    m_queueRequests = requests;
    if (m_delivery)
        m_delivery->reloadQueue();
}

void Engine::stopDelivery()
{
    if (!m_delivery)
        return;
    setQueueObserver(nullptr);
    m_delivery->stop();
    m_delivery.reset();
}
