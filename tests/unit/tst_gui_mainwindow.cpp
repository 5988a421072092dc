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
#include <QTableWidget>
#include <QTcpServer>

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

private:
    void configure(const QMap<QString, QString> &settings);
    [[nodiscard]] static QString cellText(QTableWidget *table, int row, int column);
    [[nodiscard]] static int logRowsContaining(LogModel *model, const QString &text);

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
    m_options.housekeepingMs = 200;
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

QTEST_MAIN(TestGuiMainWindow)
#include "tst_gui_mainwindow.moc"
