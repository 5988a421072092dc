#include "adminexecutor.h"

#include "adminoperations.h"
#include "adminservice.h"
#include "databaseurl.h"
#include "datadirectory.h"
#include "filteradmin.h"
#include "queueadmin.h"
#include "queuestorage.h"
#include "queuestorageopen.h"
#include "sqlstorage.h"
#include "storageerror.h"

AdminExecutor::AdminExecutor(QString dataDirectory, QString databaseUrl, QString actor, QObject *parent)
    : QObject(parent), m_dataDirectory(std::move(dataDirectory)), m_databaseUrl(std::move(databaseUrl)),
      m_actor(std::move(actor))
{
}

// Members go in reverse order: the services before the storage they use.
AdminExecutor::~AdminExecutor() = default;

void AdminExecutor::execute(quint64 id, const AdminRequest &request)
{
    Q_EMIT finished(id, run(request));
}

AdminReply AdminExecutor::run(const AdminRequest &request)
{
    if (!m_operations) {
        try {
            const DataDirectory dataDir(m_dataDirectory);
            const DatabaseUrl url = m_databaseUrl.isEmpty() ? DatabaseUrl::sqliteFile(dataDir.databaseFile())
                                                            : DatabaseUrl::parse(m_databaseUrl);
            m_storage = std::make_unique<SqlStorage>(url);
            m_admin = std::make_unique<AdminService>(*m_storage, m_actor);
            m_filters = std::make_unique<FilterAdmin>(*m_storage, m_actor);
            m_queueStorage = openQueueStorage(url);   // its own connection, in this thread too
            m_queueAdmin = std::make_unique<QueueAdmin>(*m_queueStorage, QueueDirectory(dataDir.queueDirectory()),
                                                        *m_storage, m_actor);
            m_operations = std::make_unique<AdminOperations>(*m_admin, *m_filters, dataDir.mailDirectory(), dataDir.path());
            m_operations->setQueueAdmin(m_queueAdmin.get());
        } catch (const StorageError &error) {
            // Try again with the next request: the database may come back. Users before what they use.
            m_queueAdmin.reset();
            m_queueStorage.reset();
            m_filters.reset();
            m_admin.reset();
            m_storage.reset();
            return AdminReply::failure(AdminReply::Status::Unavailable, error.message());
        }
    }
    return m_operations->run(request);
}
