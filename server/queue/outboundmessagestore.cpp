#include "outboundmessagestore.h"

#include "maildirstore.h"
#include "maildirwriter.h"
#include "outboundmessagewriter.h"
#include "queuestorage.h"

OutboundMessageStore::OutboundMessageStore(MaildirStore &local, QueueDirectory queue, QueueStorageFactory storageFactory)
    : m_local(local), m_queue(std::move(queue)), m_storageFactory(std::move(storageFactory))
{
}

OutboundMessageStore::~OutboundMessageStore()
{
    // QThreadStorage leaks what is left when it goes; the calling thread's connection can go now.
    if (m_perThread.hasLocalData())
        m_perThread.setLocalData(nullptr);
}

QueueStorage &OutboundMessageStore::storageForCurrentThread()
{
    // Deleted by QThreadStorage in its own thread when the thread finishes, as a connection must be.
    if (!m_perThread.hasLocalData())
        m_perThread.setLocalData(m_storageFactory().release());
    return *m_perThread.localData();
}

std::unique_ptr<MessageWriter> OutboundMessageStore::begin(const MessageTargets &targets, QString *error)
{
    // Local mail takes exactly the path it took before outbound delivery existed.
    if (targets.outbound.recipients.isEmpty())
        return m_local.begin(targets, error);
    QString ignored;
    if (!error)
        error = &ignored;
    QStringList paths{m_queue.path()};
    if (!m_local.preparePaths(targets.mailboxes, &paths, error))
        return nullptr;
    std::unique_ptr<MessageWriter> file = MaildirWriter::create(MaildirStore::newQueueId(), paths, error);
    if (!file)
        return nullptr;
    return std::make_unique<OutboundMessageWriter>(*this, std::move(file), targets.outbound);
}
