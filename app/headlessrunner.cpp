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

    QObject::connect(&controller, &EngineController::startFailed, &controller, [&](const QString &reason) {
        Log::error(QStringLiteral("engine"), QStringLiteral("-"), QStringLiteral("cannot start: %1").arg(reason));
        std::fprintf(stderr, "postern: error: %s\n", qPrintable(reason));
        exitCode = 1;
        QCoreApplication::exit(1);
    });
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &controller, [&](int signalNumber) {
        Log::info(QStringLiteral("engine"), QStringLiteral("-"),
                  QStringLiteral("signal %1 received: shutting down").arg(signalNumber));
        // A signal can come while the engine is still starting: its stop is queued behind the start.
        if (controller.isActive())
            controller.stop();
        else
            QCoreApplication::exit(exitCode);
    });
    QObject::connect(&controller, &EngineController::stopped, &controller, [&] { QCoreApplication::exit(exitCode); });

    controller.start();
    return QCoreApplication::exec() == 0 ? exitCode : 1;
}
