#include "guirunner.h"

#include "adminsocketlink.h"
#include "inprocessenginelink.h"
#include "mainwindow.h"
#include "signalwatcher.h"

#include <QApplication>

#include <memory>

int runGui(const EngineOptions &options, LogHub &hub)
{
    // A headless Postern (the service) already serving this data directory: attach to it
    // rather than start a second engine; Start and Stop then act on that process.
    std::unique_ptr<EngineLink> engine = AdminSocketLink::tryAttach(options.dataDirectory, 3000);
    const bool attached = bool(engine);
    if (!attached)
        engine = std::make_unique<InProcessEngineLink>(options, hub);
    SignalWatcher signalWatcher;
    MainWindow window(*engine);
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &window, &MainWindow::close);
    window.show();
    if (!attached)
        engine->startServer();
    return QApplication::exec();
}
