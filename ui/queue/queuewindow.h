#pragma once

#include <memory>

#include <QDialog>
#include <QJsonArray>
#include <QJsonValue>

#include "adminrequest.h"

class AdminMode;
class AdminRequestQueue;
class EngineLink;
class QTimer;

namespace Ui {
class QueueWindow;
}

// View ▸ Queue: the messages waiting for other servers (queue.list), read again every 2 s while
// the window is shown, with the selection kept across reads. Retry, Retry all, Delete and Return
// to sender act on the selected messages (one request per message, in order, stopping at the
// first refusal, which the window shows); they need administration mode. After a retry the window
// says how many recipients the engine made due (queue.retry's count). Refresh and Details
// (queue.show) work while it is locked.
class QueueWindow : public QDialog
{
    Q_OBJECT

public:
    static constexpr int kRefreshIntervalMs = 2000;

    QueueWindow(EngineLink &engine, AdminMode &mode, QWidget *parent = nullptr);
    ~QueueWindow() override;

    // Asks for the list now (unless a read is already on its way).
    void refresh();
    // The selected messages' ids, in table order.
    [[nodiscard]] QStringList selectedIds() const;
    [[nodiscard]] int messageCount() const { return int(m_messages.size()); }

    // The work of the buttons, for them and the tests. The destructive ones ask first.
    void retrySelected();
    void retryAll();
    void deleteSelected();
    void bounceSelected();
    void showDetails();

Q_SIGNALS:
    // A queue.list reply has been shown (or its refusal).
    void refreshed();
    // An action's requests have all been answered (or one was refused).
    void actionFinished();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void showMessages(const QJsonArray &messages);
    void selectIds(const QStringList &ids);
    // One request per selected message, {"id": …} as queue.list gave the id.
    [[nodiscard]] QList<AdminRequest> perSelectedMessage(const QString &operation) const;
    // `tag` marks the requests whose replies carry a count to add up (kRetryTag).
    void send(const QList<AdminRequest> &requests, int tag = 0);
    void actionDone();
    // Asks before a destructive action; false when there is nothing to do or the admin declines.
    [[nodiscard]] bool confirm(const QList<AdminRequest> &requests, const QString &title, const QString &question);
    void updateButtons();
    void showErrors();

    std::unique_ptr<Ui::QueueWindow> m_ui;
    EngineLink &m_engine;
    AdminMode &m_mode;
    QTimer *m_timer;
    AdminRequestQueue *m_actions;
    QJsonArray m_messages;
    QString m_listError;
    QString m_actionError;
    int m_retried = -1;   // recipients made due by this action's queue.retry replies; -1: no retry
    bool m_listPending = false;
    bool m_columnsFitted = false;
};
