#include "guirunner.h"

#include "adminsocketlink.h"
#include "firstrunwizard.h"
#include "guipreferences.h"
#include "inprocessenginelink.h"
#include "mainwindow.h"
#include "signalwatcher.h"
#include "translationloader.h"
#include "trayicon.h"

#include <QApplication>
#include <QIcon>

#include <memory>

int runGui(const EngineOptions &options, LogHub &hub)
{
    // Options > Language, read once before the first window: widgets do not retranslate while open.
    TranslationLoader::install(*qApp, GuiPreferences(options.dataDirectory).language());
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/postern.svg")));

    // A headless Postern (the service) already serving this data directory: attach to it rather
    // than start a second engine; Start and Stop then act on that process.
    std::unique_ptr<EngineLink> engine = AdminSocketLink::tryAttach(options.dataDirectory, 3000);
    const bool attached = bool(engine);
    if (!attached)
        engine = std::make_unique<InProcessEngineLink>(options, hub);
    SignalWatcher signalWatcher;
    MainWindow window(*engine);
    // With a tray, closing the window only hides it; quitting is explicit (menu, tray, signal).
    QApplication::setQuitOnLastWindowClosed(false);
    TrayIcon tray(*engine, &window);
    QObject::connect(&tray, &TrayIcon::quitRequested, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    QObject::connect(&tray, &TrayIcon::logViewerRequested, &window, &MainWindow::openLogViewer);
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, qApp, &QCoreApplication::quit);
    window.show();
    if (!attached)
        engine->startServer();
    FirstRunWizard::openIfNoDomain(*engine, &window);
    return QApplication::exec();
}
