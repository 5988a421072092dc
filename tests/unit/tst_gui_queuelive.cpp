// View ▸ Queue against a real engine: a message relayed over loopback SMTP to a remote domain,
// with DNS pointed at a port nobody answers, is deferred and shows up in the window with its
// recipient waiting and the DNS error; Retry makes the engine try again; Return to sender turns it
// into a failure report in the sender's Maildir; Delete removes it and its file; a locked
// administration mode leaves the actions disabled and sends nothing.

#include "adminmode.h"
#include "inprocessenginelink.h"
#include "lineclient.h"
#include "liveenginefixture.h"
#include "queue/queuewindow.h"

#include <QtTest>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>

namespace {

const QString kSender = QStringLiteral("alice@example.test");
const QString kRemote = QStringLiteral("bob@remote.test");
constexpr int kRecipientsColumn = 3;
constexpr int kErrorColumn = 5;
// A first attempt is a DNS question to 127.0.0.1:1 that nobody answers (or a refusal): bounded by
// dns.timeout_ms below, plus the 2 s refresh of the window.
constexpr int kDeferredMs = 20000;

// Answers the question box the next action asks.
void answerNextQuestion(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, [button] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(button)->click();
    });
}

}

class TestGuiQueueLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void deferredMessageIsShownWithItsError();
    void retryMakesTheEngineTryAgain();
    void returnToSenderLeavesAReport();
    void deleteRemovesTheMessageAndItsFile();
    void lockedModeDisablesTheActions();

private:
    // example.test with alice, 127.0.0.1 trusted to relay, no working DNS; started, with one
    // message from alice to bob@remote.test accepted and its first attempt deferred.
    [[nodiscard]] static bool startWithDeferredMessage(LiveEngineFixture &engine);
    // The one queued message's recipient as queue.list gives it (empty when there is none).
    [[nodiscard]] static QJsonObject remoteRecipient(LiveEngineFixture &engine);
    [[nodiscard]] static int queueLength(LiveEngineFixture &engine);
    // Shows the window and waits until the message's row shows its deferral.
    [[nodiscard]] static bool showDeferred(QueueWindow &window);
    static void selectFirstRow(QueueWindow &window);
    [[nodiscard]] static QTableWidget *table(QueueWindow &window);
    [[nodiscard]] static QPushButton *button(QueueWindow &window, const char *name);
    [[nodiscard]] static QStringList files(const QString &directory);

    std::unique_ptr<LiveEngineFixture> m_engine;
    std::unique_ptr<AdminMode> m_mode;
    std::unique_ptr<QueueWindow> m_window;
};

void TestGuiQueueLive::init()
{
    m_engine = std::make_unique<LiveEngineFixture>();
    QVERIFY(startWithDeferredMessage(*m_engine));
    m_mode = std::make_unique<AdminMode>();
    m_mode->setUnlocked(true);
    m_window = std::make_unique<QueueWindow>(m_engine->link(), *m_mode);
}

void TestGuiQueueLive::cleanup()
{
    m_window.reset();
    m_mode.reset();
    m_engine.reset();
}

bool TestGuiQueueLive::startWithDeferredMessage(LiveEngineFixture &engine)
{
    engine.configure({{QStringLiteral("dns.servers"), QStringLiteral("127.0.0.1:1")},
                      {QStringLiteral("dns.timeout_ms"), QStringLiteral("1000")}});
    const bool prepared =
        engine.call(QStringLiteral("domain.add"), {{QStringLiteral("domain"), QStringLiteral("example.test")}}).ok()
        && engine.call(QStringLiteral("user.add"), {{QStringLiteral("address"), kSender},
                                                   {QStringLiteral("password"), QStringLiteral("long enough")}})
               .ok()
        && engine.call(QStringLiteral("trust.add"), {{QStringLiteral("range"), QStringLiteral("127.0.0.1")},
                                                    {QStringLiteral("comment"), QStringLiteral("queue window test")}})
               .ok();
    if (!prepared || !engine.start())
        return false;
    LineClient client(engine.port(QStringLiteral("smtp")));
    const QList<QByteArray> replies = client.conversation(
        {"EHLO client.test", "MAIL FROM:<" + kSender.toUtf8() + ">", "RCPT TO:<" + kRemote.toUtf8() + ">", "DATA",
         "Subject: for the queue\r\n\r\nWaiting for a server.\r\n.", "QUIT"});
    if (replies.size() < 5 || !replies.at(4).startsWith("250")) {
        qWarning() << "not accepted:" << replies;
        return false;
    }
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < kDeferredMs) {
        if (remoteRecipient(engine).value(QStringLiteral("attempts")).toInt() > 0)
            return true;
        QTest::qWait(100);
    }
    qWarning() << "no attempt within" << kDeferredMs << "ms:" << remoteRecipient(engine);
    return false;
}

QJsonObject TestGuiQueueLive::remoteRecipient(LiveEngineFixture &engine)
{
    const QJsonArray messages = engine.call(QStringLiteral("queue.list")).result[QStringLiteral("messages")].toArray();
    if (messages.isEmpty())
        return {};
    return messages.first()[QStringLiteral("recipients")].toArray().first().toObject();
}

int TestGuiQueueLive::queueLength(LiveEngineFixture &engine)
{
    const AdminReply reply = engine.call(QStringLiteral("queue.list"));
    return reply.ok() ? int(reply.result[QStringLiteral("messages")].toArray().size()) : -1;
}

bool TestGuiQueueLive::showDeferred(QueueWindow &window)
{
    window.show();
    QElapsedTimer clock;
    clock.start();
    // Within one 2 s refresh (and some slack for a loaded machine).
    while (clock.elapsed() < 3 * QueueWindow::kRefreshIntervalMs + 2000) {
        QTableWidget *rows = table(window);
        if (rows->rowCount() == 1 && !rows->item(0, kErrorColumn)->text().isEmpty())
            return true;
        QTest::qWait(50);
    }
    return false;
}

void TestGuiQueueLive::selectFirstRow(QueueWindow &window)
{
    QTableWidget *rows = table(window);
    rows->clearSelection();
    rows->selectionModel()->select(rows->model()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

QTableWidget *TestGuiQueueLive::table(QueueWindow &window)
{
    return window.findChild<QTableWidget *>(QStringLiteral("messageTable"));
}

QPushButton *TestGuiQueueLive::button(QueueWindow &window, const char *name)
{
    return window.findChild<QPushButton *>(QLatin1String(name));
}

QStringList TestGuiQueueLive::files(const QString &directory)
{
    return QDir(directory).entryList(QDir::Files);
}

void TestGuiQueueLive::deferredMessageIsShownWithItsError()
{
    const QJsonObject recipient = remoteRecipient(*m_engine);
    QCOMPARE(recipient.value(QStringLiteral("state")).toString(), QStringLiteral("queued"));
    const QString engineError = recipient.value(QStringLiteral("last_error")).toString();
    QVERIFY2(engineError.contains(QStringLiteral("DNS"), Qt::CaseInsensitive), qPrintable(engineError));

    QVERIFY(showDeferred(*m_window));
    QCOMPARE(m_window->messageCount(), 1);
    QCOMPARE(table(*m_window)->item(0, 2)->text(), kSender);
    QCOMPARE(table(*m_window)->item(0, kRecipientsColumn)->text(), kRemote + QStringLiteral(" (waiting)"));
    QCOMPARE(table(*m_window)->item(0, kErrorColumn)->text(), engineError);
    QCOMPARE(files(m_engine->dataDirectory() + QStringLiteral("/queue/new")).size(), 1);
}

void TestGuiQueueLive::retryMakesTheEngineTryAgain()
{
    QVERIFY(showDeferred(*m_window));
    const int attempts = remoteRecipient(*m_engine).value(QStringLiteral("attempts")).toInt();
    selectFirstRow(*m_window);
    QVERIFY(button(*m_window, "retryButton")->isEnabled());
    QSignalSpy finished(m_window.get(), &QueueWindow::actionFinished);
    button(*m_window, "retryButton")->click();
    QVERIFY(finished.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(remoteRecipient(*m_engine).value(QStringLiteral("attempts")).toInt() > attempts, kDeferredMs);
    // Still waiting (DNS still fails), still shown, still selected.
    QCOMPARE(remoteRecipient(*m_engine).value(QStringLiteral("state")).toString(), QStringLiteral("queued"));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->messageCount(), 1, 5000);
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("errorLabel"))->text().isEmpty());
}

void TestGuiQueueLive::returnToSenderLeavesAReport()
{
    QVERIFY(showDeferred(*m_window));
    const QString inbox = m_engine->mailDirectory() + QStringLiteral("/example.test/alice/new");
    QVERIFY(files(inbox).isEmpty());
    selectFirstRow(*m_window);
    QSignalSpy finished(m_window.get(), &QueueWindow::actionFinished);
    answerNextQuestion(QMessageBox::Yes);
    button(*m_window, "bounceButton")->click();
    QVERIFY(finished.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(files(inbox).size(), 1, kDeferredMs);
    QFile report(inbox + QLatin1Char('/') + files(inbox).first());
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QByteArray text = report.readAll();
    QVERIFY2(text.contains("multipart/report"), text.left(2000).constData());
    QVERIFY(text.contains(kRemote.toUtf8()));
    QTRY_COMPARE_WITH_TIMEOUT(queueLength(*m_engine), 0, kDeferredMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->messageCount(), 0, 3 * QueueWindow::kRefreshIntervalMs);
    QCOMPARE(table(*m_window)->rowCount(), 0);
}

void TestGuiQueueLive::deleteRemovesTheMessageAndItsFile()
{
    QVERIFY(showDeferred(*m_window));
    const QString queueFiles = m_engine->dataDirectory() + QStringLiteral("/queue/new");
    QCOMPARE(files(queueFiles).size(), 1);

    // Declined first: nothing happens.
    selectFirstRow(*m_window);
    answerNextQuestion(QMessageBox::Cancel);
    button(*m_window, "deleteButton")->click();
    QCOMPARE(queueLength(*m_engine), 1);

    selectFirstRow(*m_window);
    QSignalSpy finished(m_window.get(), &QueueWindow::actionFinished);
    answerNextQuestion(QMessageBox::Yes);
    button(*m_window, "deleteButton")->click();
    QVERIFY(finished.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(table(*m_window)->rowCount(), 0, 3 * QueueWindow::kRefreshIntervalMs);
    QCOMPARE(queueLength(*m_engine), 0);
    QTRY_VERIFY_WITH_TIMEOUT(files(queueFiles).isEmpty(), 5000);
    // Deleted, not returned: the sender hears nothing.
    QVERIFY(files(m_engine->mailDirectory() + QStringLiteral("/example.test/alice/new")).isEmpty());
}

void TestGuiQueueLive::lockedModeDisablesTheActions()
{
    m_mode->setUnlocked(false);
    QVERIFY(showDeferred(*m_window));
    selectFirstRow(*m_window);
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("lockedLabel"))->isVisible());
    for (const char *name : {"retryButton", "retryAllButton", "deleteButton", "bounceButton"})
        QVERIFY2(!button(*m_window, name)->isEnabled(), name);
    QVERIFY(button(*m_window, "refreshButton")->isEnabled());
    QVERIFY(button(*m_window, "detailsButton")->isEnabled());

    // The work behind the buttons refuses too: the message stays, untouched.
    const int attempts = remoteRecipient(*m_engine).value(QStringLiteral("attempts")).toInt();
    m_window->retrySelected();
    m_window->deleteSelected();
    m_window->bounceSelected();
    QSignalSpy refreshed(m_window.get(), &QueueWindow::refreshed);
    QVERIFY(refreshed.wait(3 * QueueWindow::kRefreshIntervalMs));
    QCOMPARE(queueLength(*m_engine), 1);
    QCOMPARE(remoteRecipient(*m_engine).value(QStringLiteral("attempts")).toInt(), attempts);
    QCOMPARE(files(m_engine->dataDirectory() + QStringLiteral("/queue/new")).size(), 1);

    // Unlocked, the same selection can be acted on.
    m_mode->setUnlocked(true);
    QVERIFY(button(*m_window, "retryButton")->isEnabled());
    QVERIFY(!m_window->findChild<QLabel *>(QStringLiteral("lockedLabel"))->isVisible());
}

QTEST_MAIN(TestGuiQueueLive)
#include "tst_gui_queuelive.moc"
