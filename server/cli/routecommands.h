#pragma once

#include <QString>
#include <QStringList>

#include <functional>

class CommandLine;
class RouteAdmin;
class QTextStream;

// `postern route …` and `postern smarthost-password …`: per-domain routes for outbound mail and
// the smart host's password. Bad input exits 2 with a message naming it; removing a route that
// is not there exits 1. Passwords come from standard input only and are never printed.
class RouteCommands
{
public:
    RouteCommands(RouteAdmin &admin, QTextStream &out, QTextStream &err, std::function<QString()> readPassword);

    // The checks that need no storage, for AdminCommands::checkUsage; empty when fine.
    [[nodiscard]] static QString checkArguments(const QString &group, const QString &verb, const QStringList &args,
                                                const CommandLine &command);

    // group is "route" (add, remove, list) or "smarthost-password" (set, clear). Throws StorageError.
    int run(const QString &group, const QString &verb, const QStringList &args, const CommandLine &command);

private:
    int runRoute(const QString &verb, const QStringList &args, const CommandLine &command);
    int runSmartHostPassword(const QString &verb);

    RouteAdmin &m_admin;
    QTextStream &m_out;
    QTextStream &m_err;
    std::function<QString()> m_readPassword;
};
