// The tray icon against a real engine: its icon and tooltip follow the engine, its menu starts
// and stops the server, and failures are notified. Where no tray exists (offscreen), closing the
// main window asks whether to quit. tests/gui/tray_under_xvfb.sh runs this same test under
// xvfb-run with trayer as the tray host, where the tray cases run instead of being skipped.

#include "enginecontroller.h"
#include "enginelink.h"
#include "guipreferences.h"
#include "liveenginefixture.h"
#include "inprocessenginelink.h"
#include "logringbuffer.h"
#include "mainwindow.h"
#include "trayicon.h"

#include <QtTest>
#include <QAction>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSystemTrayIcon>
#include <QTcpServer>

namespace {

// Pushes statuses the real engine makes only rarely (a certificate about to expire, auto-bans).
class ScriptedEngineLink : public EngineLink
{
public:
    explicit ScriptedEngineLink(QString dataDirectory) : m_dataDirectory(std::move(dataDirectory)) {}
    void call(const AdminRequest &, QObject *, ReplyHandler) override {}
    void startServer() override {}
    void stopServer() override {}
    [[nodiscard]] EngineStatus status() const override { return m_status; }
    [[nodiscard]] LogRingBuffer &logRing() override { return m_ring; }
    [[nodiscard]] QString dataDirectory() const override { return m_dataDirectory; }
    [[nodiscard]] bool isAttached() const override { return false; }
    void push(const EngineStatus &status)
    {
        m_status = status;
        Q_EMIT statusChanged(status);
    }

private:
    QString m_dataDirectory;
    EngineStatus m_status;
    LogRingBuffer m_ring{100};
};

QStringList titles(const QSignalSpy &spy)
{
    QStringList result;
    for (const QList<QVariant> &arguments : spy)
        result << arguments.at(0).toString();
    return result;
}

}

class TestGuiTrayIcon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void iconTooltipAndMenuFollowTheEngine();
    void notifiesListenerAndStartFailures();
    void notifiesExpiringCertificateAndAutoBans();
    void closeAsksWhereNoTrayExists();
    void closeHidesToTheTray();

private:
    std::unique_ptr<LiveEngineFixture> m_engine;
};

void TestGuiTrayIcon::initTestCase()
{
    m_engine = std::make_unique<LiveEngineFixture>();
    QVERIFY(m_engine->isValid());
    qInfo() << "platform" << QGuiApplication::platformName() << "tray available"
            << QSystemTrayIcon::isSystemTrayAvailable();
}

void TestGuiTrayIcon::iconTooltipAndMenuFollowTheEngine()
{
    InProcessEngineLink link(m_engine->options(), m_engine->hub());
    MainWindow window(link);
    TrayIcon tray(link, &window);
    QCOMPARE(tray.iconName(), QStringLiteral("stopped"));
    QVERIFY(!tray.systemTrayIcon()->icon().isNull());
    QVERIFY(tray.systemTrayIcon()->toolTip().contains(QStringLiteral("stopped")));
    QStringList items;
    for (QAction *action : tray.menu()->actions()) {
        if (!action->isSeparator())
            items << action->text();
    }
    QCOMPARE(items, QStringList({QStringLiteral("Open Postern"), QStringLiteral("Log Viewer"), QStringLiteral("Start Server"),
                                 QStringLiteral("Stop Server"), QStringLiteral("Quit")}));
    auto *start = tray.menu()->findChild<QAction *>(QStringLiteral("trayStartAction"));
    auto *stop = tray.menu()->findChild<QAction *>(QStringLiteral("trayStopAction"));
    QVERIFY(start->isEnabled());
    QVERIFY(!stop->isEnabled());

    start->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(tray.iconName(), QStringLiteral("running"), 10000);
    QVERIFY(link.status().running());
    const QString tip = tray.systemTrayIcon()->toolTip();
    QVERIFY2(tip.contains(QStringLiteral("running")) && tip.contains(QStringLiteral("Connections now: 0")), qPrintable(tip));
    QVERIFY(stop->isEnabled());
    QVERIFY(!start->isEnabled());

    QSignalSpy logViewer(&tray, &TrayIcon::logViewerRequested);
    tray.menu()->findChild<QAction *>(QStringLiteral("trayLogViewerAction"))->trigger();
    QCOMPARE(logViewer.count(), 1);

    stop->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(tray.iconName(), QStringLiteral("stopped"), 15000);
    QVERIFY(!link.status().running());

    // Quit asks first; only Yes quits.
    QSignalSpy quit(&tray, &TrayIcon::quitRequested);
    tray.menu()->findChild<QAction *>(QStringLiteral("trayQuitAction"))->trigger();
    auto *question = window.findChild<QMessageBox *>(QStringLiteral("quitQuestion"));
    QVERIFY(question);
    question->button(QMessageBox::Cancel)->click();
    QCOMPARE(quit.count(), 0);
    tray.menu()->findChild<QAction *>(QStringLiteral("trayQuitAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT((question = window.findChild<QMessageBox *>(QStringLiteral("quitQuestion"))) != nullptr
                                 && question->isVisible(),
                             5000);
    question->button(QMessageBox::Yes)->click();
    QCOMPARE(quit.count(), 1);
}

void TestGuiTrayIcon::notifiesListenerAndStartFailures()
{
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
    InProcessEngineLink link(m_engine->options(), m_engine->hub());
    MainWindow window(link);
    TrayIcon tray(link, &window);
    QSignalSpy notified(&tray, &TrayIcon::notified);
    link.startServer();
    QTRY_COMPARE_WITH_TIMEOUT(tray.iconName(), QStringLiteral("running"), 10000);

    // A service moved onto a port another program holds fails while the rest keeps running.
    m_engine->configure({{QStringLiteral("pop3.port"), QString::number(blocker.serverPort())}});
    QTRY_COMPARE_WITH_TIMEOUT(tray.iconName(), QStringLiteral("error"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(titles(notified).contains(QStringLiteral("A service could not start")), 5000);
    const QString text = notified.last().at(1).toString();
    QVERIFY2(text.startsWith(QStringLiteral("pop3 on 127.0.0.1:%1").arg(blocker.serverPort())), qPrintable(text));
    // Once per failure, not once per status.
    QSignalSpy changed(&link, &EngineLink::changesApplied);
    m_engine->configure({{QStringLiteral("log.retention_days"), QStringLiteral("31")}});
    QVERIFY(changed.count() > 0 || changed.wait(5000));
    QCOMPARE(titles(notified).count(QStringLiteral("A service could not start")), 1);
    m_engine->configure({{QStringLiteral("pop3.port"), QStringLiteral("0")}});
    QTRY_COMPARE_WITH_TIMEOUT(tray.iconName(), QStringLiteral("running"), 10000);

    link.stopServer();
    QTRY_COMPARE_WITH_TIMEOUT(tray.iconName(), QStringLiteral("stopped"), 15000);
    m_engine->configure({{QStringLiteral("smtp.port"), QString::number(blocker.serverPort())}});
    link.startServer();
    QTRY_COMPARE_WITH_TIMEOUT(tray.iconName(), QStringLiteral("error"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(titles(notified).contains(QStringLiteral("Postern could not start")), 5000);
    m_engine->configure({{QStringLiteral("smtp.port"), QStringLiteral("0")}});
}

void TestGuiTrayIcon::notifiesExpiringCertificateAndAutoBans()
{
    ScriptedEngineLink link(m_engine->dataDirectory());
    QWidget window;
    TrayIcon tray(link, &window);
    QSignalSpy notified(&tray, &TrayIcon::notified);
    EngineStatus status;
    status.state = EngineStatus::State::Running;
    status.warnings = {{QStringLiteral("self-signed-certificate"), QStringLiteral("self-signed")}};
    link.push(status);
    QCOMPARE(notified.count(), 0);   // a self-signed certificate is no news
    status.warnings << EngineWarning{QStringLiteral("certificate-expiring"), QStringLiteral("expires in 5 days")};
    link.push(status);
    link.push(status);
    QCOMPARE(titles(notified), QStringList{QStringLiteral("Certificate problem")});

    // Auto-bans only when asked for in Options.
    GuiPreferences(m_engine->dataDirectory()).setNotifyAutoBans(false);
    status.counts.bans = 1;
    link.push(status);
    QCOMPARE(notified.count(), 1);
    GuiPreferences(m_engine->dataDirectory()).setNotifyAutoBans(true);
    status.counts.bans = 3;
    link.push(status);
    QCOMPARE(titles(notified).last(), QStringLiteral("Auto-ban"));
    QVERIFY(notified.last().at(1).toString().contains(QStringLiteral("2 address")));
    QVERIFY(tray.systemTrayIcon()->toolTip().contains(QStringLiteral("banned: 3")));
}

void TestGuiTrayIcon::closeAsksWhereNoTrayExists()
{
    if (QSystemTrayIcon::isSystemTrayAvailable())
        QSKIP("this desktop has a system tray");
    InProcessEngineLink link(m_engine->options(), m_engine->hub());
    MainWindow window(link);
    TrayIcon tray(link, &window);
    QVERIFY(!tray.isAvailable());
    QSignalSpy quit(&tray, &TrayIcon::quitRequested);
    window.show();
    link.startServer();
    QTRY_VERIFY_WITH_TIMEOUT(link.status().running(), 10000);

    QVERIFY(!window.close());   // refused for now: the question decides
    QVERIFY(window.isVisible());
    auto *question = window.findChild<QMessageBox *>(QStringLiteral("closeQuestion"));
    QVERIFY(question);
    QVERIFY(question->isVisible());
    question->findChild<QPushButton *>(QStringLiteral("minimizeButton"))->click();
    QCOMPARE(quit.count(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(window.isMinimized(), 5000);
    QVERIFY(link.status().running());

    window.showNormal();
    QVERIFY(!window.close());
    QTRY_VERIFY_WITH_TIMEOUT((question = window.findChild<QMessageBox *>(QStringLiteral("closeQuestion"))) != nullptr
                                 && question->isVisible(),
                             5000);
    question->findChild<QPushButton *>(QStringLiteral("quitButton"))->click();
    QCOMPARE(quit.count(), 1);
    // Once quitting, the close goes through.
    QVERIFY(window.close());
}

void TestGuiTrayIcon::closeHidesToTheTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        QSKIP("no system tray here; tests/gui/tray_under_xvfb.sh runs this under Xvfb with trayer");
    InProcessEngineLink link(m_engine->options(), m_engine->hub());
    MainWindow window(link);
    TrayIcon tray(link, &window);
    QSignalSpy notified(&tray, &TrayIcon::notified);
    window.show();
    link.startServer();
    QTRY_COMPARE_WITH_TIMEOUT(tray.iconName(), QStringLiteral("running"), 10000);
    // The icon is really docked: the tray host gave it a place on the screen.
    QVERIFY(tray.systemTrayIcon()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(tray.systemTrayIcon()->geometry().isValid(), 10000);
    qInfo() << "tray icon geometry" << tray.systemTrayIcon()->geometry();
    QCOMPARE(tray.systemTrayIcon()->contextMenu(), tray.menu());

    QVERIFY(!window.close());
    QVERIFY(!window.isVisible());
    QVERIFY(link.status().running());
    QCOMPARE(titles(notified), QStringList{QStringLiteral("Postern keeps running")});
    tray.menu()->findChild<QAction *>(QStringLiteral("trayOpenAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.isVisible(), 5000);
    QVERIFY(!window.close());
    QCOMPARE(notified.count(), 1);   // said once only

    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
    m_engine->configure({{QStringLiteral("pop3.port"), QString::number(blocker.serverPort())}});
    QTRY_VERIFY_WITH_TIMEOUT(titles(notified).contains(QStringLiteral("A service could not start")), 10000);
    QCOMPARE(tray.iconName(), QStringLiteral("error"));
    m_engine->configure({{QStringLiteral("pop3.port"), QStringLiteral("0")}});
    if (const QString dir = qEnvironmentVariable("POSTERN_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(QGuiApplication::primaryScreen()->grabWindow(0).save(dir + QStringLiteral("/tray.png")));
}

QTEST_MAIN(TestGuiTrayIcon)
#include "tst_gui_trayicon.moc"
