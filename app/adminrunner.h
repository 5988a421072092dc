#pragma once

class CommandLine;
class DatabaseUrl;
class QString;

// Runs one admin command (domain, user, alias, config, tls) and returns the process exit code.
// dataDirectory: where the server keeps its files (the generated certificate).
int runAdminCommand(const CommandLine &command, const DatabaseUrl &databaseUrl, const QString &dataDirectory);
