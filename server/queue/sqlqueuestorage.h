#pragma once

#include "queuestorage.h"

#include <QSqlDatabase>
#include <QVariantMap>

#include <memory>

class DatabaseUrl;
class QSqlQuery;
class SqlCatalog;

// The QtSql implementation of QueueStorage (tables queue_messages and queue_recipients) for
// SQLite and PostgreSQL, SQL text from the dialect's queue.sql. It owns one connection of its
// own, so construct it in the thread that uses it. Its writes never bump Storage::generation().
class SqlQueueStorage final : public QueueStorage
{
public:
    // Opens the connection and migrates the schema (a fresh database works). Throws StorageError.
    explicit SqlQueueStorage(const DatabaseUrl &url);
    ~SqlQueueStorage() override;

    QList<qint64> insert(const QueuedMessage &message) override;
    [[nodiscard]] QList<QueuedMessage> messages() override;
    [[nodiscard]] std::optional<QueuedMessage> message(const QString &id) override;
    void updateRecipients(const QList<QueuedRecipient> &recipients) override;
    bool remove(const QString &id) override;
    void transaction(const std::function<void()> &work) override;
    void relaxCommits() override;

private:
    QSqlQuery run(const QString &name, const QVariantMap &values = {});
    [[nodiscard]] static QList<QueuedMessage> readMessages(QSqlQuery &query);
    // Appends each row of `query` (a queue_recipient_list*) to its message in `messages`.
    static void attachRecipients(QSqlQuery &query, QList<QueuedMessage> &messages);

    std::unique_ptr<SqlCatalog> m_catalog;
    QString m_connectionName;
    QSqlDatabase m_db;
    int m_transactionDepth = 0;
};
