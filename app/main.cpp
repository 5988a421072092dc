// postern: chooses between an admin command, the headless server and the GUI.

#include "adminrunner.h"
#include "admincommands.h"
#include "commandline.h"
#include "databaseurl.h"
#include "datadirectory.h"
#include "engineoptions.h"
#include "headlessrunner.h"
#include "log.h"
#include "loghub.h"
#include "storageerror.h"
#include "guirunner.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>
#include <memory>
#include <sys/stat.h>

namespace {

int usageError(const QString &message)
{
    std::fprintf(stderr, "postern: %s\n\n%s", qPrintable(message), qPrintable(CommandLine::usage()));
    return AdminCommands::UsageError;
}

bool displayAvailable()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
           || qEnvironmentVariable("QT_QPA_PLATFORM") == QStringLiteral("offscreen");
}

}

int main(int argc, char *argv[])
{
    // Mail, the database and logs are private to the server's user, whatever the caller's umask.
    ::umask(0077);
    // Without TZ, glibc re-reads /etc/localtime for every local timestamp (several per message).
    if (qEnvironmentVariableIsEmpty("TZ"))
        qputenv("TZ", ":/etc/localtime");
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const CommandLine command = CommandLine::parse(arguments);
    if (!command.error().isEmpty())
        return usageError(command.error());
    if (command.hasFlag(QStringLiteral("help"))) {
        std::fputs(qPrintable(CommandLine::usage()), stdout);
        return 0;
    }
    if (command.hasFlag(QStringLiteral("version"))) {
        std::printf("postern %s\n", POSTERN_VERSION);
        return 0;
    }
    if (command.isAdminCommand()) {
        if (const QString problem = AdminCommands::checkUsage(command); !problem.isEmpty())
            return usageError(problem);
    }

    const DataDirectory dataDir(command.hasOption(QStringLiteral("data-dir")) ? command.option(QStringLiteral("data-dir"))
                                                                             : DataDirectory::defaultPath());
    const QString databaseText = command.hasOption(QStringLiteral("database")) ? command.option(QStringLiteral("database"))
                                                                              : qEnvironmentVariable("POSTERN_DATABASE");
    DatabaseUrl databaseUrl;
    try {
        databaseUrl = databaseText.isEmpty() ? DatabaseUrl::sqliteFile(dataDir.databaseFile()) : DatabaseUrl::parse(databaseText);
    } catch (const StorageError &error) {
        return usageError(error.message());
    }
    if (QString error; !dataDir.ensureExists(&error)) {
        std::fprintf(stderr, "postern: error: %s\n", qPrintable(error));
        return 1;
    }

    const bool gui = !command.isAdminCommand() && !command.hasFlag(QStringLiteral("headless")) && displayAvailable();
    std::unique_ptr<QCoreApplication> app = gui ? std::make_unique<QApplication>(argc, argv)
                                                : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Postern"));
    QCoreApplication::setApplicationVersion(QStringLiteral(POSTERN_VERSION));

    LogHub hub;
    // Retention 0 prunes nothing here: the engine applies log.retention_days once it has read it.
    hub.openFiles(dataDir.logDirectory(), 0);
    hub.setEcho(!command.isAdminCommand() && !gui);
    Log::install(&hub);
    struct Uninstall { ~Uninstall() { Log::install(nullptr); } } uninstall;

    if (command.isAdminCommand())
        return runAdminCommand(command, databaseUrl, dataDir.path());

    EngineOptions options;
    options.dataDirectory = dataDir.path();
    options.databaseUrl = databaseText;
    options.ephemeralPorts = command.hasFlag(QStringLiteral("ephemeral-ports"));
    return gui ? runGui(options, hub) : runHeadless(options);
}
