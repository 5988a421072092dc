#pragma once

#include "adminrequest.h"

#include <QString>
#include <QStringList>

#include <memory>

class AdminOperations;
class AdminService;
class FilterAdmin;
class QTemporaryDir;
class SqlStorage;

// A fresh data directory with a SQLite database and the admin operations table over it, for
// tests of engine-interface operations: one per test function (make it in init(), drop it in
// cleanup()).
class AdminOperationsFixture
{
public:
    AdminOperationsFixture();
    ~AdminOperationsFixture();

    [[nodiscard]] AdminReply run(const QString &operation, const QJsonObject &arguments = {});
    [[nodiscard]] QStringList operationNames() const;
    [[nodiscard]] QString dataDirectory() const;
    [[nodiscard]] SqlStorage &storage() { return *m_storage; }
    [[nodiscard]] AdminService &admin() { return *m_admin; }
    [[nodiscard]] FilterAdmin &filters() { return *m_filters; }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqlStorage> m_storage;
    std::unique_ptr<AdminService> m_admin;
    std::unique_ptr<FilterAdmin> m_filters;
    std::unique_ptr<AdminOperations> m_operations;
};
