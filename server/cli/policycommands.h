#pragma once

#include <QString>

class AdminService;
class CommandLine;
class QTextStream;

// `postern policy explain --ip IP [--auth USER] --from ADDR --to ADDR`: prints, without sending
// anything, the rules a session with those facts would meet and what each decides.
class PolicyCommands
{
public:
    PolicyCommands(AdminService &admin, QTextStream &out, QString dataDirectory);

    // The checks that need no storage: --ip an address, --from and --to given.
    [[nodiscard]] static QString checkUsage(const CommandLine &command);
    // Returns the process exit code (AdminCommands::ExitCode).
    int explain(const CommandLine &command);

private:
    AdminService &m_admin;
    QTextStream &m_out;
    QString m_dataDirectory;
};
