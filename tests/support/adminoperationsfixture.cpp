#include "adminoperationsfixture.h"

#include "adminoperations.h"
#include "adminservice.h"
#include "databaseurl.h"
#include "datadirectory.h"
#include "filteradmin.h"
#include "sqlstorage.h"

#include <QTemporaryDir>

AdminOperationsFixture::AdminOperationsFixture() : m_dir(std::make_unique<QTemporaryDir>())
{
    const DataDirectory dataDir(m_dir->path());
    m_storage = std::make_unique<SqlStorage>(DatabaseUrl::sqliteFile(dataDir.databaseFile()));
    m_admin = std::make_unique<AdminService>(*m_storage, QStringLiteral("test"));
    m_filters = std::make_unique<FilterAdmin>(*m_storage, QStringLiteral("test"));
    m_operations = std::make_unique<AdminOperations>(*m_admin, *m_filters, dataDir.mailDirectory(), dataDir.path());
}

// Members go in reverse order: the operations before the services before the storage.
AdminOperationsFixture::~AdminOperationsFixture() = default;

AdminReply AdminOperationsFixture::run(const QString &operation, const QJsonObject &arguments)
{
    return m_operations->run(AdminRequest{operation, arguments});
}

QString AdminOperationsFixture::dataDirectory() const
{
    return m_dir->path();
}

QStringList AdminOperationsFixture::operationNames() const
{
    return m_operations->operationNames();
}
