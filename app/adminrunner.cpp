#include "adminrunner.h"

#include "admincommands.h"
#include "adminservice.h"
#include "commandline.h"
#include "databaseurl.h"
#include "queuestorage.h"
#include "queuestorageopen.h"
#include "sqlstorage.h"
#include "storageerror.h"

#include <QTextStream>

#include <iostream>
#include <string>

int runAdminCommand(const CommandLine &command, const DatabaseUrl &databaseUrl, const QString &dataDirectory)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    try {
        SqlStorage storage(databaseUrl);
        AdminService admin(storage, QStringLiteral("cli"));
        AdminCommands commands(admin, out, err, [] {
            std::string line;
            std::getline(std::cin, line);
            return QString::fromStdString(line);
        }, dataDirectory);
        commands.setQueueStorageOpener([&databaseUrl] { return openQueueStorage(databaseUrl); });
        return commands.run(command);
    } catch (const StorageError &error) {
        err << "postern: error: " << error.message() << Qt::endl;
        return AdminCommands::RuntimeFailure;
    }
}
