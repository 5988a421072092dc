// View ▸ Queue against a scripted engine link: what queue.list gives is shown, the 2 s refresh
// keeps the selection, each action sends exactly its requests (after a confirmation for Delete and
// Return to sender), refusals are shown in the window, and a locked administration mode leaves
// only Refresh and Details.

#include "adminmode.h"
#include "dialoglauncher.h"
#include "mainwindow.h"
#include "outbound/outbounddialog.h"
#include "queue/queuedetailsdialog.h"
#include "queue/queuewindow.h"
#include "scriptedenginelink.h"

#include <QtTest>
#include <QAction>
#include <QMenu>
#include <QApplication>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>

namespace {

QJsonObject recipient(const QString &address, const QString &state, const QString &error = {})
{
    return {{QStringLiteral("address"), address}, {QStringLiteral("state"), state},
            {QStringLiteral("attempts"), 2}, {QStringLiteral("next_attempt"), QStringLiteral("2026-11-30T03:00:00Z")},
            {QStringLiteral("last_attempt"), QStringLiteral("2026-11-30T02:00:00Z")},
            {QStringLiteral("last_error"), error}, {QStringLiteral("status"), error.isEmpty() ? QString() : QStringLiteral("4.4.1")}};
}

QJsonObject message(const QString &id, const QString &sender, qint64 age, const QJsonArray &recipients)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("sender"), sender}, {QStringLiteral("size"), 2048},
            {QStringLiteral("received_at"), QStringLiteral("2026-11-30T01:00:00Z")}, {QStringLiteral("age_seconds"), age},
            {QStringLiteral("next_attempt"), QStringLiteral("2026-11-30T03:00:00Z")},
            {QStringLiteral("last_error"), QStringLiteral("connection refused")}, {QStringLiteral("recipients"), recipients}};
}

QJsonObject list(const QJsonArray &messages)
{
    return {{QStringLiteral("messages"), messages}};
}

const QJsonArray kTwoMessages{
    message(QStringLiteral("q-1"), QStringLiteral("anna@example.test"), 3700,
            {recipient(QStringLiteral("bob@remote.test"), QStringLiteral("queued"), QStringLiteral("connection refused")),
             recipient(QStringLiteral("carl@remote.test"), QStringLiteral("delivered"))}),
    message(QStringLiteral("q-2"), QString(), 40, {recipient(QStringLiteral("dora@far.test"), QStringLiteral("failed"))})};

// Answers the question box the next action asks, keeping its text.
void answerNextQuestion(QMessageBox::StandardButton button, QString *text)
{
    QTimer::singleShot(0, [button, text] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            *text = box->text();
            box->button(button)->click();
        }
    });
}

}

class TestGuiQueueWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listIsShown();
    void emptyQueueSaysSo();
    void refreshEveryTwoSecondsKeepsTheSelection();
    void retrySendsOneRequestPerSelectedMessage();
    void retryAllSendsAll();
    void retryCountIsShownAndClearedByTheNextAction();
    void deleteAsksNamingTheCount();
    void deleteCancelledSendsNothing();
    void returnToSenderAsksThenBounces();
    void refusalIsShownInTheWindow();
    void listRefusalIsShown();
    void detailsShowHeadersAndRecipients();
    void lockedModeLeavesRefreshAndDetails();
    void menusOpenTheQueueAndOutboundDelivery();

private:
    [[nodiscard]] bool showAndWait();
    [[nodiscard]] QList<AdminRequest> changes() const { return m_link->requestsExcept({QStringLiteral("queue.list")}); }
    template <typename T>
    [[nodiscard]] T *child(const char *name) const
    {
        T *widget = m_window->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }
    void select(const QList<int> &rows);
    [[nodiscard]] bool act(const char *button);

    std::unique_ptr<ScriptedEngineLink> m_link;
    std::unique_ptr<AdminMode> m_mode;
    std::unique_ptr<QueueWindow> m_window;
};

void TestGuiQueueWindow::init()
{
    m_link = std::make_unique<ScriptedEngineLink>();
    m_link->succeed(QStringLiteral("queue.list"), list(kTwoMessages));
    for (const char *operation : {"queue.retry", "queue.delete", "queue.bounce"})
        m_link->succeed(QLatin1String(operation), QJsonObject{{QStringLiteral("count"), 1}});
    m_mode = std::make_unique<AdminMode>();
    m_mode->setUnlocked(true);
    m_window = std::make_unique<QueueWindow>(*m_link, *m_mode);
}

void TestGuiQueueWindow::cleanup()
{
    m_window.reset();
    m_mode.reset();
    m_link.reset();
}

bool TestGuiQueueWindow::showAndWait()
{
    QSignalSpy refreshed(m_window.get(), &QueueWindow::refreshed);
    m_window->show();
    return refreshed.wait(5000);
}

void TestGuiQueueWindow::select(const QList<int> &rows)
{
    auto *table = child<QTableWidget>("messageTable");
    table->clearSelection();
    for (int row : rows)
        table->selectionModel()->select(table->model()->index(row, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

bool TestGuiQueueWindow::act(const char *button)
{
    QSignalSpy finished(m_window.get(), &QueueWindow::actionFinished);
    child<QPushButton>(button)->click();
    return finished.wait(5000);
}

void TestGuiQueueWindow::listIsShown()
{
    QVERIFY(showAndWait());
    auto *table = child<QTableWidget>("messageTable");
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("q-1"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("1 h 1 min"));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("anna@example.test"));
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("bob@remote.test (waiting), carl@remote.test (delivered)"));
    QCOMPARE(table->item(0, 5)->text(), QStringLiteral("connection refused"));
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("40 s"));
    QCOMPARE(table->item(1, 2)->text(), QStringLiteral("<> (a report)"));
    QCOMPARE(table->item(1, 3)->text(), QStringLiteral("dora@far.test (failed)"));
    QVERIFY(!table->item(0, 4)->text().isEmpty());
    QCOMPARE(child<QLabel>("countLabel")->text(), QStringLiteral("Messages waiting for delivery to other servers: 2."));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Outbound Queue (2)"));
    QVERIFY(!child<QLabel>("emptyLabel")->isVisible());
    QVERIFY(!child<QLabel>("errorLabel")->isVisible());
    QCOMPARE(m_link->operations(), QStringList{QStringLiteral("queue.list")});
}

void TestGuiQueueWindow::emptyQueueSaysSo()
{
    m_link->succeed(QStringLiteral("queue.list"), list({}));
    QVERIFY(showAndWait());
    QVERIFY(child<QLabel>("emptyLabel")->isVisible());
    QVERIFY(!child<QTableWidget>("messageTable")->isVisible());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Outbound Queue (0)"));
    QVERIFY(!child<QPushButton>("retryAllButton")->isEnabled());
    QVERIFY(!child<QPushButton>("deleteButton")->isEnabled());
}

void TestGuiQueueWindow::refreshEveryTwoSecondsKeepsTheSelection()
{
    QVERIFY(showAndWait());
    select({1});
    QCOMPARE(m_window->selectedIds(), QStringList{QStringLiteral("q-2")});
    // A new message arrives at the top: the selection follows q-2 to its new row.
    QJsonArray three = kTwoMessages;
    three.prepend(message(QStringLiteral("q-0"), QStringLiteral("boris@example.test"), 5,
                          {recipient(QStringLiteral("eve@remote.test"), QStringLiteral("queued"))}));
    m_link->succeed(QStringLiteral("queue.list"), list(three));
    QSignalSpy refreshed(m_window.get(), &QueueWindow::refreshed);
    QVERIFY(refreshed.wait(QueueWindow::kRefreshIntervalMs * 3));   // the timer's read, no click
    QCOMPARE(child<QTableWidget>("messageTable")->rowCount(), 3);
    QCOMPARE(m_window->selectedIds(), QStringList{QStringLiteral("q-2")});
    QVERIFY(child<QTableWidget>("messageTable")->selectionModel()->isRowSelected(2, {}));
    QCOMPARE(m_link->operations(), (QStringList{QStringLiteral("queue.list"), QStringLiteral("queue.list")}));

    // Hidden, it stops reading; shown again, it reads at once and goes on.
    auto *timer = m_window->findChild<QTimer *>();
    QVERIFY(timer && timer->isActive());
    QCOMPARE(timer->interval(), 2000);
    m_window->hide();
    QVERIFY(!timer->isActive());
    QVERIFY(showAndWait());
    QVERIFY(timer->isActive());
}

void TestGuiQueueWindow::retrySendsOneRequestPerSelectedMessage()
{
    QVERIFY(showAndWait());
    select({0, 1});
    QVERIFY(act("retryButton"));
    const QList<AdminRequest> sent = changes();
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.at(0).operation, QStringLiteral("queue.retry"));
    QCOMPARE(sent.at(0).arguments, (QJsonObject{{QStringLiteral("id"), QStringLiteral("q-1")}}));
    QCOMPARE(sent.at(1).arguments, (QJsonObject{{QStringLiteral("id"), QStringLiteral("q-2")}}));
    QCOMPARE(m_link->operations().last(), QStringLiteral("queue.list"));   // read again after the action
    // Each reply counted one recipient: the window adds them up.
    QVERIFY(child<QLabel>("statusLabel")->isVisible());
    QCOMPARE(child<QLabel>("statusLabel")->text(), QStringLiteral("Recipients to be tried again now: 2."));
}

void TestGuiQueueWindow::retryAllSendsAll()
{
    QVERIFY(showAndWait());
    QVERIFY(act("retryAllButton"));
    const QList<AdminRequest> sent = changes();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.at(0).operation, QStringLiteral("queue.retry"));
    QCOMPARE(sent.at(0).arguments, (QJsonObject{{QStringLiteral("all"), true}}));
    QCOMPARE(child<QLabel>("statusLabel")->text(), QStringLiteral("Recipients to be tried again now: 1."));
}

void TestGuiQueueWindow::retryCountIsShownAndClearedByTheNextAction()
{
    QVERIFY(!child<QLabel>("statusLabel")->isVisibleTo(m_window.get()));   // nothing said before a retry
    m_link->succeed(QStringLiteral("queue.retry"), QJsonObject{{QStringLiteral("count"), 3}});
    QVERIFY(showAndWait());
    QVERIFY(act("retryAllButton"));
    QCOMPARE(child<QLabel>("statusLabel")->text(), QStringLiteral("Recipients to be tried again now: 3."));
    m_link->succeed(QStringLiteral("queue.retry"), QJsonObject{{QStringLiteral("count"), 0}});
    QVERIFY(act("retryAllButton"));
    QCOMPARE(child<QLabel>("statusLabel")->text(), QStringLiteral("Recipients to be tried again now: 0."));
    // Another action says nothing about retries.
    select({0});
    QString question;
    answerNextQuestion(QMessageBox::Yes, &question);
    QVERIFY(act("bounceButton"));
    QVERIFY(!child<QLabel>("statusLabel")->isVisible());
}

void TestGuiQueueWindow::deleteAsksNamingTheCount()
{
    QVERIFY(showAndWait());
    select({0, 1});
    QString question;
    answerNextQuestion(QMessageBox::Yes, &question);
    QVERIFY(act("deleteButton"));
    QVERIFY2(question.contains(QStringLiteral("Selected messages: 2.")), qPrintable(question));
    QVERIFY2(question.contains(QStringLiteral("gone for good")), qPrintable(question));
    const QList<AdminRequest> sent = changes();
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.at(0).operation, QStringLiteral("queue.delete"));
    QCOMPARE(sent.at(0).arguments, (QJsonObject{{QStringLiteral("id"), QStringLiteral("q-1")}}));
    QCOMPARE(sent.at(1).operation, QStringLiteral("queue.delete"));
    QCOMPARE(sent.at(1).arguments, (QJsonObject{{QStringLiteral("id"), QStringLiteral("q-2")}}));
}

void TestGuiQueueWindow::deleteCancelledSendsNothing()
{
    QVERIFY(showAndWait());
    select({1});
    QString question;
    answerNextQuestion(QMessageBox::Cancel, &question);
    child<QPushButton>("deleteButton")->click();
    QVERIFY(question.contains(QStringLiteral("Selected messages: 1.")));
    QCoreApplication::processEvents();
    QVERIFY(changes().isEmpty());
}

void TestGuiQueueWindow::returnToSenderAsksThenBounces()
{
    QVERIFY(showAndWait());
    select({0});
    QString question;
    answerNextQuestion(QMessageBox::Yes, &question);
    QVERIFY(act("bounceButton"));
    QVERIFY2(question.contains(QStringLiteral("failure report")), qPrintable(question));
    const QList<AdminRequest> sent = changes();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.at(0).operation, QStringLiteral("queue.bounce"));
    QCOMPARE(sent.at(0).arguments, (QJsonObject{{QStringLiteral("id"), QStringLiteral("q-1")}}));
}

void TestGuiQueueWindow::refusalIsShownInTheWindow()
{
    m_link->reply(QStringLiteral("queue.retry"),
                  AdminReply::failure(AdminReply::Status::NotFound, QStringLiteral("No queued message q-1.")));
    QVERIFY(showAndWait());
    select({0, 1});
    QVERIFY(act("retryButton"));
    QCOMPARE(changes().size(), 1);   // stopped at the first refusal
    QVERIFY(child<QLabel>("errorLabel")->isVisible());
    QCOMPARE(child<QLabel>("errorLabel")->text(), QStringLiteral("No queued message q-1."));
    // It stays through the next read, until the next action.
    QSignalSpy refreshed(m_window.get(), &QueueWindow::refreshed);
    m_window->refresh();
    QVERIFY(refreshed.wait(5000));
    QCOMPARE(child<QLabel>("errorLabel")->text(), QStringLiteral("No queued message q-1."));
}

void TestGuiQueueWindow::listRefusalIsShown()
{
    m_link->reply(QStringLiteral("queue.list"),
                  AdminReply::failure(AdminReply::Status::Unavailable, QStringLiteral("database locked")));
    QVERIFY(showAndWait());
    QCOMPARE(child<QLabel>("errorLabel")->text(), QStringLiteral("The queue cannot be read: database locked"));
    QVERIFY(child<QLabel>("errorLabel")->isVisible());
}

void TestGuiQueueWindow::detailsShowHeadersAndRecipients()
{
    QJsonObject shown = kTwoMessages.at(0).toObject();
    shown.insert(QStringLiteral("headers"), QStringLiteral("From: anna@example.test\nSubject: Offer\n"));
    m_link->succeed(QStringLiteral("queue.show"), shown);
    QVERIFY(showAndWait());
    select({0});
    child<QPushButton>("detailsButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->findChild<QueueDetailsDialog *>() != nullptr, 5000);
    auto *details = m_window->findChild<QueueDetailsDialog *>();
    QCOMPARE(changes().size(), 1);
    QCOMPARE(changes().at(0).operation, QStringLiteral("queue.show"));
    QCOMPARE(changes().at(0).arguments, (QJsonObject{{QStringLiteral("id"), QStringLiteral("q-1")}}));
    QCOMPARE(details->findChild<QPlainTextEdit *>(QStringLiteral("headersView"))->toPlainText(),
             QStringLiteral("From: anna@example.test\nSubject: Offer\n"));
    auto *recipients = details->findChild<QTableWidget *>(QStringLiteral("recipientTable"));
    QCOMPARE(recipients->rowCount(), 2);
    QCOMPARE(recipients->item(0, 0)->text(), QStringLiteral("bob@remote.test"));
    QCOMPARE(recipients->item(0, 1)->text(), QStringLiteral("waiting"));
    QCOMPARE(recipients->item(0, 2)->text(), QStringLiteral("2"));
    QCOMPARE(recipients->item(0, 5)->text(), QStringLiteral("4.4.1"));
    QCOMPARE(recipients->item(0, 6)->text(), QStringLiteral("connection refused"));
    QVERIFY(details->findChild<QLabel *>(QStringLiteral("summaryLabel"))->text().contains(QStringLiteral("anna@example.test")));
}

void TestGuiQueueWindow::lockedModeLeavesRefreshAndDetails()
{
    m_mode->setUnlocked(false);
    QVERIFY(showAndWait());
    select({0});
    QVERIFY(child<QLabel>("lockedLabel")->isVisible());
    QVERIFY(child<QPushButton>("refreshButton")->isEnabled());
    QVERIFY(child<QPushButton>("detailsButton")->isEnabled());
    for (const char *name : {"retryButton", "retryAllButton", "deleteButton", "bounceButton"})
        QVERIFY2(!child<QPushButton>(name)->isEnabled(), name);
    m_window->retrySelected();
    m_window->retryAll();
    m_window->deleteSelected();
    m_window->bounceSelected();
    QCoreApplication::processEvents();
    QVERIFY(changes().isEmpty());

    m_mode->setUnlocked(true);
    QVERIFY(!child<QLabel>("lockedLabel")->isVisible());
    QVERIFY(child<QPushButton>("retryButton")->isEnabled());
}

void TestGuiQueueWindow::menusOpenTheQueueAndOutboundDelivery()
{
    m_link->succeed(QStringLiteral("config.list"), QJsonArray{});
    m_link->succeed(QStringLiteral("route.list"), QJsonObject{{QStringLiteral("routes"), QJsonArray{}}});
    m_link->succeed(QStringLiteral("smarthost.password.exists"), QJsonObject{{QStringLiteral("exists"), false}});
    MainWindow window(*m_link);
    auto *queue = window.findChild<QAction *>(QStringLiteral("queueAction"));
    auto *outbound = window.findChild<QAction *>(QStringLiteral("outboundAction"));
    QVERIFY(queue && outbound);
    QVERIFY(window.findChild<QMenu *>(QStringLiteral("viewMenu"))->actions().contains(queue));
    QVERIFY(window.findChild<QMenu *>(QStringLiteral("optionsMenu"))->actions().contains(outbound));
    queue->trigger();
    auto *opened = window.findChild<QueueWindow *>();
    QVERIFY(opened && opened->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(opened->messageCount() == 2, 5000);
    queue->trigger();   // one window, raised again
    QCOMPARE(window.findChildren<QueueWindow *>().size(), 1);
    outbound->trigger();
    auto *dialog = window.findChild<OutboundDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), 5000);
}

QTEST_MAIN(TestGuiQueueWindow)
#include "tst_gui_queuewindow.moc"
