// The main window's live status against a real engine: today's counts follow real SMTP
// sessions, warnings come with a Fix… button for the right menu action, and a window attached
// over the admin socket drives the other engine and says when it goes away.

#include "adminservice.h"
#include "adminsocketlink.h"
#include "adminsocketprotocol.h"
#include "databaseurl.h"
#include "datadirectory.h"
#include "enginecontroller.h"
#include "inprocessenginelink.h"
#include "log.h"
#include "loghub.h"
#include "mainwindow.h"
#include "sqlstorage.h"

#include <QtTest>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLocalSocket>
#include <QPushButton>
#include <QTableWidget>
#include <QTcpSocket>

class TestGuiStatusPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void countsFollowAnSmtpSession();
    void selfSignedWarningOffersTheFix();
    void attachedWindowDrivesTheOtherEngine();

private:
    void configure(const QMap<QString, QString> &settings);
    [[nodiscard]] static QByteArray smtpReply(QTcpSocket &socket);

    QTemporaryDir m_dir;
    LogHub m_hub;
    EngineOptions m_options;
};

void TestGuiStatusPanel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Log::install(&m_hub);
    m_options.dataDirectory = m_dir.path();
    m_options.ephemeralPorts = true;
    m_options.changePollMs = 200;
    m_options.housekeepingMs = 200;
    m_options.shutdownGraceMs = 2000;
    QMap<QString, QString> settings{{QStringLiteral("listen.addresses"), QStringLiteral("127.0.0.1")},
                                    // No DNS in the tests: the sender domain is not looked up.
                                    {QStringLiteral("verify.sender_domain"), QStringLiteral("false")}};
    for (const QString &service : {QStringLiteral("smtp"), QStringLiteral("submission"), QStringLiteral("smtps"),
                                   QStringLiteral("pop3"), QStringLiteral("pop3s")})
        settings.insert(service + QStringLiteral(".port"), QStringLiteral("0"));
    configure(settings);
    SqlStorage storage(DatabaseUrl::sqliteFile(DataDirectory(m_dir.path()).databaseFile()));
    AdminService admin(storage, QStringLiteral("test"));
    admin.addDomain(QStringLiteral("counts.test"));
    admin.addUser({QStringLiteral("anna@counts.test"), QStringLiteral("a-long-password-1"), QString(), 0});
}

void TestGuiStatusPanel::cleanupTestCase()
{
    Log::install(nullptr);
}

void TestGuiStatusPanel::configure(const QMap<QString, QString> &settings)
{
    SqlStorage storage(DatabaseUrl::sqliteFile(DataDirectory(m_dir.path()).databaseFile()));
    AdminService admin(storage, QStringLiteral("test"));
    for (auto it = settings.cbegin(); it != settings.cend(); ++it)
        admin.configSet(it.key(), it.value());
}

QByteArray TestGuiStatusPanel::smtpReply(QTcpSocket &socket)
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

void TestGuiStatusPanel::countsFollowAnSmtpSession()
{
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
}

void TestGuiStatusPanel::selfSignedWarningOffersTheFix()
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

void TestGuiStatusPanel::attachedWindowDrivesTheOtherEngine()
{
    // The "other process" is an engine in this one, reached only through its admin socket.
    auto engine = std::make_unique<EngineController>(m_options);
    QSignalSpy started(engine.get(), &EngineController::started);
    engine->start();
    QVERIFY(started.wait(10000));
    auto *socket = new QLocalSocket;
    socket->connectToServer(AdminSocketProtocol::socketPath(m_dir.path()));
    AdminSocketLink link(socket, m_dir.path());
    QTRY_VERIFY_WITH_TIMEOUT(link.serverPid() != 0, 5000);
    MainWindow window(link);
    const QString pid = QString::number(QCoreApplication::applicationPid());
    QVERIFY2(window.windowTitle().contains(pid), qPrintable(window.windowTitle()));
    auto *status = window.findChild<QLabel *>(QStringLiteral("statusLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Attached to the server process PID ") + pid), 5000);
    auto *table = window.findChild<QTableWidget *>(QStringLiteral("listenerTable"));
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 5, 5000);

    QSignalSpy stopped(engine.get(), &EngineController::stopped);
    window.findChild<QAction *>(QStringLiteral("stopAction"))->trigger();
    QVERIFY(stopped.wait(15000));
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 0, 5000);
    window.findChild<QAction *>(QStringLiteral("startAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(engine->isRunning(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 5, 5000);

    engine.reset();   // the server process ends
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("gone away")), 10000);
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("startAction"))->isEnabled());
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("stopAction"))->isEnabled());
}

QTEST_MAIN(TestGuiStatusPanel)
#include "tst_gui_statuspanel.moc"
