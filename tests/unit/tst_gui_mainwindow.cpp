// The main window against a real engine: listener states, live log, start/stop, live changes.

#include "adminservice.h"
#include "databaseurl.h"
#include "datadirectory.h"
#include "enginecontroller.h"
#include "inprocessenginelink.h"
#include "log.h"
#include "loghub.h"
#include "logmodel.h"
#include "logviewer.h"
#include "mainwindow.h"
#include "sqlstorage.h"

#include <QtTest>
#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>

class TestGuiMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void showsListenersAndLog();
    void stopAndStartFromMenu();
    void followsLiveSettingChange();
    void showsStartFailure();
    void opensLogViewer();
    void securityMenuFollowsTheSeed();
    void countsFollowAnSmtpSession();
    void selfSignedWarningOffersTheFix();

private:
    void configure(const QMap<QString, QString> &settings);
    [[nodiscard]] static QString cellText(QTableWidget *table, int row, int column);
    [[nodiscard]] static int logRowsContaining(LogModel *model, const QString &text);
    [[nodiscard]] static QByteArray smtpReply(QTcpSocket &socket);

    QTemporaryDir m_dir;
    LogHub m_hub;
    EngineOptions m_options;
};

void TestGuiMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Log::install(&m_hub);
    m_options.dataDirectory = m_dir.path();
    m_options.ephemeralPorts = true;
    m_options.changePollMs = 200;
    QMap<QString, QString> zeroPorts{{QStringLiteral("listen.addresses"), QStringLiteral("127.0.0.1")}};
    for (const QString &service : {QStringLiteral("smtp"), QStringLiteral("submission"), QStringLiteral("smtps"),
                                   QStringLiteral("pop3"), QStringLiteral("pop3s")})
        zeroPorts.insert(service + QStringLiteral(".port"), QStringLiteral("0"));
    configure(zeroPorts);
}

void TestGuiMainWindow::cleanupTestCase()
{
    Log::install(nullptr);
}

void TestGuiMainWindow::configure(const QMap<QString, QString> &settings)
{
    SqlStorage storage(DatabaseUrl::sqliteFile(DataDirectory(m_dir.path()).databaseFile()));
    AdminService admin(storage, QStringLiteral("test"));
    for (auto it = settings.cbegin(); it != settings.cend(); ++it)
        admin.configSet(it.key(), it.value());
}

QString TestGuiMainWindow::cellText(QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

int TestGuiMainWindow::logRowsContaining(LogModel *model, const QString &text)
{
    model->refresh();
    int found = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, LogModel::Text).data().toString().contains(text))
            ++found;
    }
    return found;
}

void TestGuiMainWindow::showsListenersAndLog()
{
    InProcessEngineLink link(m_options, m_hub);
    EngineController &engine = link.controller();
    MainWindow window(link);
    window.show();
    link.startServer();
    auto *table = window.findChild<QTableWidget *>(QStringLiteral("listenerTable"));
    QVERIFY(table);
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 5, 10000);
    QStringList services;
    for (int row = 0; row < table->rowCount(); ++row) {
        services << cellText(table, row, 0);
        QCOMPARE(cellText(table, row, 1), QStringLiteral("127.0.0.1"));
        QVERIFY(cellText(table, row, 2).toInt() > 0);
        QCOMPARE(cellText(table, row, 4), QStringLiteral("Listening"));
    }
    QCOMPARE(services, QStringList({QStringLiteral("smtp"), QStringLiteral("submission"), QStringLiteral("smtps"),
                                    QStringLiteral("pop3"), QStringLiteral("pop3s")}));
    // The generated certificate is loaded at start: STARTTLS and STLS are offered, 465 and 995 are TLS.
    QTRY_COMPARE_WITH_TIMEOUT(cellText(table, 2, 3), QStringLiteral("Implicit TLS"), 5000);
    QCOMPARE(cellText(table, 0, 3), QStringLiteral("STARTTLS"));
    QCOMPARE(cellText(table, 3, 3), QStringLiteral("STLS"));
    QCOMPARE(cellText(table, 4, 3), QStringLiteral("Implicit TLS"));
    // The table shows the real port the engine listens on.
    QCOMPARE(cellText(table, 0, 2).toInt(), int(engine.listeners().at(0).port));
    QTRY_COMPARE_WITH_TIMEOUT(logRowsContaining(window.logModel(), QStringLiteral("listening smtp 127.0.0.1:")), 1, 5000);
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("statusLabel"))->text().contains(QStringLiteral("running")));

    // For a look at what the admin sees: POSTERN_SCREENSHOT_DIR=… ctest -R gui_mainwindow
    if (const QString dir = qEnvironmentVariable("POSTERN_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(window.grab().save(dir + QStringLiteral("/main-window.png")));
}

void TestGuiMainWindow::stopAndStartFromMenu()
{
    InProcessEngineLink link(m_options, m_hub);
    EngineController &engine = link.controller();
    MainWindow window(link);
    link.startServer();
    auto *table = window.findChild<QTableWidget *>(QStringLiteral("listenerTable"));
    auto *start = window.findChild<QAction *>(QStringLiteral("startAction"));
    auto *stop = window.findChild<QAction *>(QStringLiteral("stopAction"));
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 5, 10000);
    QVERIFY(stop->isEnabled());
    QVERIFY(!start->isEnabled());

    QSignalSpy stopped(&engine, &EngineController::stopped);
    stop->trigger();
    QVERIFY(stopped.wait(15000));
    QCOMPARE(table->rowCount(), 0);
    QVERIFY(start->isEnabled());
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("statusLabel"))->text().contains(QStringLiteral("stopped")));

    start->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 5, 10000);
    QVERIFY(engine.isRunning());
}

void TestGuiMainWindow::followsLiveSettingChange()
{
    InProcessEngineLink link(m_options, m_hub);
    MainWindow window(link);
    link.startServer();
    auto *table = window.findChild<QTableWidget *>(QStringLiteral("listenerTable"));
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 5, 10000);

    QTcpServer probe;   // find a free port, then let the engine have it
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    configure({{QStringLiteral("pop3.port"), QString::number(port)}});

    const auto pop3Port = [&] {
        for (int row = 0; row < table->rowCount(); ++row) {
            if (cellText(table, row, 0) == QStringLiteral("pop3"))
                return cellText(table, row, 2).toInt();
        }
        return -1;
    };
    QTRY_COMPARE_WITH_TIMEOUT(pop3Port(), int(port), 5000);
    configure({{QStringLiteral("pop3.port"), QStringLiteral("0")}});
    QTRY_VERIFY_WITH_TIMEOUT(pop3Port() != int(port), 5000);
}

void TestGuiMainWindow::showsStartFailure()
{
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
    configure({{QStringLiteral("smtp.port"), QString::number(blocker.serverPort())}});
    InProcessEngineLink link(m_options, m_hub);
    EngineController &engine = link.controller();
    MainWindow window(link);
    QSignalSpy failed(&engine, &EngineController::startFailed);
    link.startServer();
    QVERIFY(failed.wait(10000));
    const QString status = window.findChild<QLabel *>(QStringLiteral("statusLabel"))->text();
    QVERIFY2(status.contains(QString::number(blocker.serverPort())), qPrintable(status));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("startAction"))->isEnabled());
    configure({{QStringLiteral("smtp.port"), QStringLiteral("0")}});
}

void TestGuiMainWindow::opensLogViewer()
{
    InProcessEngineLink link(m_options, m_hub);
    MainWindow window(link);
    window.show();
    QVERIFY(!window.findChild<LogViewer *>());
    auto *action = window.findChild<QAction *>(QStringLiteral("logViewerAction"));
    QVERIFY(action);
    action->trigger();
    auto *viewer = window.findChild<LogViewer *>();
    QVERIFY(viewer);
    QVERIFY(viewer->isVisible());
    viewer->close();
    action->trigger();   // the same window comes back, not a second one
    QCOMPARE(window.findChildren<LogViewer *>().size(), 1);
    QVERIFY(viewer->isVisible());
}

void TestGuiMainWindow::securityMenuFollowsTheSeed()
{
    InProcessEngineLink link(m_options, m_hub);
    MainWindow window(link);
    auto *menu = window.findChild<QMenu *>(QStringLiteral("securityMenu"));
    QVERIFY(menu);
    QStringList items;
    for (QAction *action : menu->actions())
        items << (action->isSeparator() ? QStringLiteral("-") : action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")));
    // ArgoSoft's eight items in its order and words, then ours.
    QCOMPARE(items, QStringList({QStringLiteral("SMTP Authentication"), QStringLiteral("SMTP After POP"),
                                 QStringLiteral("Sender Rules"), QStringLiteral("Filters"), QStringLiteral("Attachment Filters"),
                                 QStringLiteral("Address Verification"), QStringLiteral("Banned Addresses"),
                                 QStringLiteral("Trusted IP Addresses"), QStringLiteral("-"), QStringLiteral("Auto-ban"),
                                 QStringLiteral("Send Limits")}));
}

QByteArray TestGuiMainWindow::smtpReply(QTcpSocket &socket)
{
    // The last line of a (possibly multi-line) reply: "250 …", not "250-…".
    QByteArray line;
    while (line.size() < 4 || line.at(3) == '-') {
        while (!socket.canReadLine()) {
            if (!socket.waitForReadyRead(10000))
                return QByteArray("timeout");
        }
        line = socket.readLine().trimmed();
    }
    return line;
}

void TestGuiMainWindow::countsFollowAnSmtpSession()
{
    {
        SqlStorage storage(DatabaseUrl::sqliteFile(DataDirectory(m_dir.path()).databaseFile()));
        AdminService admin(storage, QStringLiteral("test"));
        if (!admin.domains().contains(QStringLiteral("counts.test"))) {
            admin.addDomain(QStringLiteral("counts.test"));
            admin.addUser({QStringLiteral("anna@counts.test"), QStringLiteral("a-long-password-1"), QString(), 0});
        }
    }
    // No DNS in the test: the sender domain is not looked up.
    configure({{QStringLiteral("verify.sender_domain"), QStringLiteral("false")}});
    InProcessEngineLink link(m_options, m_hub);
    MainWindow window(link);
    link.startServer();
    QTRY_VERIFY_WITH_TIMEOUT(link.status().running(), 10000);
    auto *received = window.findChild<QLabel *>(QStringLiteral("messagesReceivedLabel"));
    auto *refusals = window.findChild<QLabel *>(QStringLiteral("refusalsLabel"));
    QVERIFY(received && refusals);
    QCOMPARE(received->text(), QStringLiteral("0"));
    QCOMPARE(refusals->text(), QStringLiteral("0"));
    quint16 port = 0;
    for (const ListenerState &listener : link.status().listeners) {
        if (listener.service == QStringLiteral("smtp"))
            port = listener.port;
    }
    QVERIFY(port != 0);

    QTcpSocket smtp;
    smtp.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(smtp.waitForConnected(5000));
    QVERIFY(smtpReply(smtp).startsWith("220"));
    const auto send = [&](const QByteArray &line) {
        smtp.write(line + "\r\n");
        return smtpReply(smtp);
    };
    QVERIFY(send("EHLO client.example").startsWith("250"));
    QTRY_COMPARE_WITH_TIMEOUT(window.findChild<QLabel *>(QStringLiteral("connectionsNowLabel"))->text(), QStringLiteral("1"), 5000);
    QVERIFY(send("MAIL FROM:<sender@example.org>").startsWith("250"));
    QVERIFY(send("RCPT TO:<anna@counts.test>").startsWith("250"));
    QVERIFY(send("DATA").startsWith("354"));
    const QByteArray stored = send("Subject: counted\r\n\r\nHello.\r\n.");
    QVERIFY2(stored.startsWith("250"), stored.constData());
    QTRY_COMPARE_WITH_TIMEOUT(received->text(), QStringLiteral("1"), 5000);
    QCOMPARE(link.status().counts.messagesReceived, 1);

    // Relaying for a stranger is a refusal by a security rule.
    QVERIFY(send("MAIL FROM:<sender@example.org>").startsWith("250"));
    const QByteArray relay = send("RCPT TO:<someone@elsewhere.example>");
    QVERIFY2(relay.startsWith("5"), relay.constData());
    QTRY_COMPARE_WITH_TIMEOUT(refusals->text(), QStringLiteral("1"), 5000);
    QCOMPARE(received->text(), QStringLiteral("1"));
    send("QUIT");
    QTRY_COMPARE_WITH_TIMEOUT(window.findChild<QLabel *>(QStringLiteral("connectionsNowLabel"))->text(), QStringLiteral("0"), 5000);
    configure({{QStringLiteral("verify.sender_domain"), QStringLiteral("true")}});
}

void TestGuiMainWindow::selfSignedWarningOffersTheFix()
{
    InProcessEngineLink link(m_options, m_hub);
    MainWindow window(link);
    window.show();
    QVERIFY(!window.findChild<QPushButton *>(QStringLiteral("fixButton_self-signed-certificate")));
    link.startServer();
    // The first start makes a self-signed pair: the window says so, with a way to fix it.
    QPushButton *fix = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((fix = window.findChild<QPushButton *>(QStringLiteral("fixButton_self-signed-certificate"))), 10000);
    QVERIFY(fix->isVisible());
    auto *text = window.findChild<QLabel *>(QStringLiteral("warningText_self-signed-certificate"));
    QVERIFY(text);
    QVERIFY2(text->text().contains(QStringLiteral("self-signed")), qPrintable(text->text()));
    auto *options = window.findChild<QAction *>(QStringLiteral("optionsAction"));
    QVERIFY(options);
    QSignalSpy triggered(options, &QAction::triggered);
    auto *verification = window.findChild<QAction *>(QStringLiteral("addressVerificationAction"));
    QSignalSpy wrong(verification, &QAction::triggered);
    fix->click();
    QCOMPARE(triggered.size(), 1);
    QCOMPARE(wrong.size(), 0);
    for (QWidget *top : QApplication::topLevelWidgets()) {
        if (top != &window && top->isVisible())
            top->close();   // whatever dialog Options opens
    }
    // Stopping the server takes the warning away with the rest of its status.
    link.stopServer();
    QTRY_VERIFY_WITH_TIMEOUT(!window.findChild<QPushButton *>(QStringLiteral("fixButton_self-signed-certificate")), 15000);
}

QTEST_MAIN(TestGuiMainWindow)
#include "tst_gui_mainwindow.moc"
