#include "headlessrunner.h"

#include "enginecontroller.h"
#include "log.h"
#include "signalwatcher.h"

#include <QCoreApplication>

#include <cstdio>

int runHeadless(const EngineOptions &options)
{
    EngineController controller(options);
    SignalWatcher signalWatcher;
    int exitCode = 0;
    // Stopped through the admin socket (the GUI's Stop), the process stays so the GUI can start
    // it again; only a signal, or a first start that fails, ends it.
    bool terminating = false;
    bool everStarted = false;
    QObject::connect(&controller, &EngineController::started, &controller, [&] { everStarted = true; });

    QObject::connect(&controller, &EngineController::startFailed, &controller, [&](const QString &reason) {
        Log::error(QStringLiteral("engine"), QStringLiteral("-"), QStringLiteral("cannot start: %1").arg(reason));
        std::fprintf(stderr, "postern: error: %s\n", qPrintable(reason));
        if (everStarted && !terminating)
            return;
        exitCode = 1;
        QCoreApplication::exit(1);
    });
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &controller, [&](int signalNumber) {
        Log::info(QStringLiteral("engine"), QStringLiteral("-"),
                  QStringLiteral("signal %1 received: shutting down").arg(signalNumber));
        terminating = true;
        // A signal can come while the engine is still starting: its stop is queued behind the start.
        if (controller.isActive())
            controller.stop();
        else
            QCoreApplication::exit(exitCode);
    });
    QObject::connect(&controller, &EngineController::stopped, &controller, [&] {
        if (terminating) {
            QCoreApplication::exit(exitCode);
            return;
        }
        Log::info(QStringLiteral("engine"), QStringLiteral("-"),
                  QStringLiteral("stopped through the admin socket; start it again from the GUI, or send SIGTERM to exit"));
    });

    controller.start();
    return QCoreApplication::exec() == 0 ? exitCode : 1;
}
