#include "guirunner.h"

#include "firstrunwizard.h"
#include "inprocessenginelink.h"
#include "mainwindow.h"
#include "signalwatcher.h"

#include <QApplication>

int runGui(const EngineOptions &options, LogHub &hub)
{
    InProcessEngineLink engine(options, hub);
    SignalWatcher signalWatcher;
    MainWindow window(engine);
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &window, &MainWindow::close);
    window.show();
    engine.startServer();
    FirstRunWizard::openIfNoDomain(engine, &window);
    return QApplication::exec();
}
