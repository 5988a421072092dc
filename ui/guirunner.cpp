#include "guirunner.h"

#include "enginecontroller.h"
#include "mainwindow.h"
#include "signalwatcher.h"

#include <QApplication>

int runGui(const EngineOptions &options, LogHub &hub)
{
    EngineController controller(options);
    SignalWatcher signalWatcher;
    MainWindow window(controller, hub);
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &window, &MainWindow::close);
    window.show();
    controller.start();
    return QApplication::exec();
}
