#pragma once

#include "adminrequest.h"

#include <QObject>

#include <memory>

class AdminOperations;
class AdminService;
class FilterAdmin;
class QueueAdmin;
class QueueStorage;
class Storage;

// Runs admin requests in a thread of its own with its own database connection (STYLE 6), so
// neither the GUI nor the engine's thread waits for the database. Move it to its thread before
// the first execute(); it opens the database there on first use and closes it when deleted.
class AdminExecutor : public QObject
{
    Q_OBJECT

public:
    // databaseUrl: empty for SQLite in the data directory. actor: who acts in the audit log.
    AdminExecutor(QString dataDirectory, QString databaseUrl, QString actor, QObject *parent = nullptr);
    ~AdminExecutor() override;

    // In the executor's thread; answers with finished(id, …).
    void execute(quint64 id, const AdminRequest &request);

Q_SIGNALS:
    void finished(quint64 id, const AdminReply &reply);

private:
    [[nodiscard]] AdminReply run(const AdminRequest &request);

    QString m_dataDirectory;
    QString m_databaseUrl;
    QString m_actor;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<AdminService> m_admin;
    std::unique_ptr<FilterAdmin> m_filters;
    std::unique_ptr<QueueStorage> m_queueStorage;
    std::unique_ptr<QueueAdmin> m_queueAdmin;
    std::unique_ptr<AdminOperations> m_operations;
};
