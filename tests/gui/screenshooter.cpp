// Opens the main window, every dialog of the menus and the log viewer against a running engine
// with a small office's sample data, and saves one PNG of each into the directory given.
// tests/gui/screenshots.sh runs it under Xvfb for docs/screenshots/; ctest runs it offscreen as a
// smoke test that every dialog opens and draws.

#include "adminmode.h"
#include "adminservice.h"
#include "databaseurl.h"
#include "datadirectory.h"
#include "dialoglauncher.h"
#include "filteradmin.h"
#include "firstrunwizard.h"
#include "inprocessenginelink.h"
#include "log.h"
#include "loghub.h"
#include "logviewer.h"
#include "mainwindow.h"
#include "outbound/outbounddialog.h"
#include "queue/queuewindow.h"
#include "scriptedenginelink.h"
#include "sqlstorage.h"
#include "trayicon.h"

#include <QAction>
#include <QApplication>
#include <QDeadlineTimer>
#include <QDialog>
#include <QJsonArray>
#include <QTableWidget>
#include <QMenu>
#include <QMetaEnum>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

namespace {

void waitFor(int milliseconds)
{
    const QDeadlineTimer deadline(milliseconds);
    while (!deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(10);
    }
}

bool waitUntil(const std::function<bool()> &condition, int milliseconds)
{
    const QDeadlineTimer deadline(milliseconds);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(10);
    }
    return true;
}

// "SmtpAuthentication" → "smtp-authentication"
QString fileNameOf(const char *key)
{
    QString name;
    for (const char *c = key; *c; ++c) {
        const QChar ch = QLatin1Char(*c);
        if (ch.isUpper() && !name.isEmpty())
            name += QLatin1Char('-');
        name += ch.toLower();
    }
    return name + QStringLiteral(".png");
}

void addSampleOffice(const QString &dataDirectory)
{
    SqlStorage storage(DatabaseUrl::sqliteFile(DataDirectory(dataDirectory).databaseFile()));
    AdminService admin(storage, QStringLiteral("screenshots"));
    FilterAdmin filters(storage, QStringLiteral("screenshots"));
    admin.configSet(QStringLiteral("listen.addresses"), QStringLiteral("127.0.0.1"));
    for (const char *service : {"smtp", "submission", "smtps", "pop3", "pop3s"})
        admin.configSet(QLatin1String(service) + QStringLiteral(".port"), QStringLiteral("0"));
    admin.configSet(QStringLiteral("server.hostname"), QStringLiteral("mail.example-office.test"));
    admin.addDomain(QStringLiteral("example-office.test"));
    for (const auto &[address, name] : {std::pair{"anna@example-office.test", "Anna Berger"},
                                        std::pair{"boris@example-office.test", "Boris Ivanov"},
                                        std::pair{"front-desk@example-office.test", "Front desk"}}) {
        AdminService::NewAccount account;
        account.address = QLatin1String(address);
        account.displayName = QString::fromUtf8(name);
        account.password = QStringLiteral("sample password 1");
        account.quotaBytes = 2LL * 1024 * 1024 * 1024;
        admin.addUser(account);
    }
    admin.addAlias(QStringLiteral("info@example-office.test"),
                   {QStringLiteral("anna@example-office.test"), QStringLiteral("front-desk@example-office.test")});
    admin.addSmtpLogin(QStringLiteral("scanner"), QStringLiteral("scanner password"));
    admin.addTrust(QStringLiteral("192.168.10.0/24"), QStringLiteral("office LAN"));
    admin.addBan(QStringLiteral("203.0.113.7"), 0, QStringLiteral("spam run in March"));
    filters.addFilter(QStringLiteral("cheap watches"), QStringLiteral("subject"), QStringLiteral("reject"));
    filters.addAttachmentFilter(QStringLiteral("*.exe"));
    filters.addAttachmentFilter(QStringLiteral("*.scr"));
}

// What the Queue window and the Outbound Delivery dialog show in the screenshots: a small office's
// queue with a message waiting for a slow server and a report that could not be returned, a smart
// host and one route. The sample engine has an empty queue, so these come from a scripted link.
void addCannedOutbound(ScriptedEngineLink &link)
{
    const auto recipient = [](const char *address, const char *state, const char *error) {
        return QJsonObject{{QStringLiteral("address"), QLatin1String(address)}, {QStringLiteral("state"), QLatin1String(state)},
                           {QStringLiteral("attempts"), 3}, {QStringLiteral("status"), QStringLiteral("4.4.1")},
                           {QStringLiteral("last_error"), QLatin1String(error)},
                           {QStringLiteral("last_attempt"), QStringLiteral("2026-11-30T08:40:00Z")},
                           {QStringLiteral("next_attempt"), QStringLiteral("2026-11-30T09:40:00Z")}};
    };
    const auto message = [](const char *id, const char *sender, int age, const QJsonArray &recipients, const char *error) {
        return QJsonObject{{QStringLiteral("id"), QLatin1String(id)}, {QStringLiteral("sender"), QLatin1String(sender)},
                           {QStringLiteral("size"), 48213}, {QStringLiteral("age_seconds"), age},
                           {QStringLiteral("received_at"), QStringLiteral("2026-11-30T07:10:00Z")},
                           {QStringLiteral("next_attempt"), QStringLiteral("2026-11-30T09:40:00Z")},
                           {QStringLiteral("last_error"), QLatin1String(error)}, {QStringLiteral("recipients"), recipients},
                           {QStringLiteral("headers"), QStringLiteral("From: Anna Berger <anna@example-office.test>\n"
                                                                      "To: orders@supplier.example\nSubject: Order 4711\n")}};
    };
    const QJsonArray messages{
        message("1764486600.M1P2", "anna@example-office.test", 9000,
                {recipient("orders@supplier.example", "queued", "421 4.4.1 mx.supplier.example: try again later"),
                 recipient("billing@supplier.example", "delivered", "")},
                "421 4.4.1 mx.supplier.example: try again later"),
        message("1764490200.M3P2", "boris@example-office.test", 1500,
                {recipient("info@partner.example", "queued", "connection timed out")}, "connection timed out"),
        message("1764492000.M5P2", "", 300, {recipient("spammer@nowhere.example", "failed", "550 5.1.1 no such user")},
                "550 5.1.1 no such user")};
    link.succeed(QStringLiteral("queue.list"), QJsonObject{{QStringLiteral("messages"), messages}});
    link.succeed(QStringLiteral("queue.show"), messages.first());
    QJsonArray settings;
    for (const auto &[key, value] : {std::pair{"outbound.smarthost", "smtp.provider.example:587"},
                                     std::pair{"outbound.smarthost_user", "office@provider.example"},
                                     std::pair{"outbound.smarthost_tls", "required"}, std::pair{"outbound.tls", "opportunistic"},
                                     std::pair{"outbound.ca_file", ""}, std::pair{"outbound.retry_schedule", "5m,15m,30m,1h,2h,4h"},
                                     std::pair{"outbound.max_age_hours", "120"}, std::pair{"outbound.delay_notice_hours", "4"},
                                     std::pair{"outbound.max_per_domain", "5"}, std::pair{"outbound.max_connections", "50"}})
        settings.append(QJsonObject{{QStringLiteral("key"), QLatin1String(key)}, {QStringLiteral("value"), QLatin1String(value)},
                                    {QStringLiteral("default"), QLatin1String(value)}, {QStringLiteral("minimum"), 0.0},
                                    {QStringLiteral("maximum"), 100000.0}});
    link.succeed(QStringLiteral("config.list"), settings);
    link.succeed(QStringLiteral("smarthost.password.exists"), QJsonObject{{QStringLiteral("exists"), true}});
    link.succeed(QStringLiteral("route.list"),
                 QJsonObject{{QStringLiteral("routes"),
                              QJsonArray{QJsonObject{{QStringLiteral("domain"), QStringLiteral("partner.example")},
                                                     {QStringLiteral("host"), QStringLiteral("10.8.0.2")},
                                                     {QStringLiteral("port"), 25}, {QStringLiteral("tls"), QStringLiteral("required")},
                                                     {QStringLiteral("auth_user"), QString()},
                                                     {QStringLiteral("has_password"), false}}}}});
}

}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Postern"));
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 2) {
        std::fprintf(stderr, "usage: postern_screenshooter OUTPUT_DIRECTORY\n");
        return 2;
    }
    const QString output = arguments.at(1);
    QTemporaryDir dataDirectory;
    if (!dataDirectory.isValid() || !QDir().mkpath(output))
        return 1;
    LogHub hub;
    Log::install(&hub);
    addSampleOffice(dataDirectory.path());

    EngineOptions options;
    options.dataDirectory = dataDirectory.path();
    options.ephemeralPorts = true;
    InProcessEngineLink engine(options, hub);
    MainWindow window(engine);
    window.resize(1000, 680);
    window.show();
    window.adminMode().setUnlocked(true);
    engine.startServer();
    if (!waitUntil([&] { return engine.status().running(); }, 20000)) {
        std::fprintf(stderr, "the engine did not start: %s\n", qPrintable(engine.status().error));
        return 1;
    }
    waitFor(1000);

    int failures = 0;
    const auto save = [&](QWidget *widget, const QString &name) {
        if (!widget->grab().save(output + QLatin1Char('/') + name)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(name));
            ++failures;
        }
    };
    save(&window, QStringLiteral("main-window.png"));

    const QMetaEnum dialogs = QMetaEnum::fromType<DialogLauncher::Dialog>();
    for (int i = 0; i < dialogs.keyCount(); ++i) {
        QDialog *dialog = window.dialogs().open(DialogLauncher::Dialog(dialogs.value(i)));
        if (!dialog) {
            std::fprintf(stderr, "no dialog for %s\n", dialogs.key(i));
            ++failures;
            continue;
        }
        waitFor(700);   // the dialog's first admin request is answered
        save(dialog, fileNameOf(dialogs.key(i)));
        dialog->close();
    }

    // The Queue window and Outbound Delivery again, with canned data (the files of the loop above
    // are overwritten): the sample engine's queue is empty.
    {
        ScriptedEngineLink canned;
        addCannedOutbound(canned);
        QueueWindow queue(canned, window.adminMode(), &window);
        queue.resize(1000, 420);
        queue.show();
        waitFor(500);
        if (auto *table = queue.findChild<QTableWidget *>(QStringLiteral("messageTable")))
            table->selectRow(0);
        waitFor(200);
        save(&queue, QStringLiteral("queue.png"));
        queue.showDetails();
        waitFor(500);
        if (auto *details = queue.findChild<QDialog *>(QStringLiteral("QueueDetailsDialog")))
            save(details, QStringLiteral("queue-details.png"));
        else
            ++failures;
        queue.close();
        OutboundDialog outbound(canned, window.adminMode(), &window);
        outbound.show();
        waitFor(500);
        // Every tab: outbound.png is the first (Smart host), then outbound-delivery.png and
        // outbound-routes.png after the tabs' object names.
        auto *tabs = outbound.findChild<QTabWidget *>(QStringLiteral("tabs"));
        if (!tabs)
            ++failures;
        for (int tab = 0; tabs && tab < tabs->count(); ++tab) {
            tabs->setCurrentIndex(tab);
            waitFor(200);
            QString name = tabs->widget(tab)->objectName();   // "deliveryTab"
            if (name.endsWith(QStringLiteral("Tab")))
                name.chop(3);
            save(&outbound, tab == 0 ? QStringLiteral("outbound.png") : QStringLiteral("outbound-%1.png").arg(name.toLower()));
        }
        outbound.close();
    }
    if (auto *viewer = window.findChild<QAction *>(QStringLiteral("logViewerAction"))) {
        viewer->trigger();
        waitFor(700);
        if (auto *logViewer = window.findChild<LogViewer *>())
            save(logViewer, QStringLiteral("log-viewer.png"));
        else
            ++failures;
    }
    // The wizard's first page (it runs by itself only when there is no domain yet).
    {
        FirstRunWizard wizard(engine, &window);
        wizard.show();
        waitFor(700);
        save(&wizard, QStringLiteral("first-run-wizard.png"));
        wizard.close();
    }
    // The tray icon's menu as it pops up (the icon itself needs a tray host: tray_under_xvfb.sh).
    {
        TrayIcon tray(engine, &window);
        if (QMenu *menu = tray.systemTrayIcon()->contextMenu()) {
            menu->popup(QPoint(40, 40));
            waitFor(300);
            save(menu, QStringLiteral("tray-menu.png"));
            menu->hide();
        } else {
            ++failures;
        }
    }
    Log::install(nullptr);
    return failures == 0 ? 0 : 1;
}
