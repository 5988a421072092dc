#pragma once

class CommandLine;
class DatabaseUrl;

// Runs one admin command (domain, user, alias, config) and returns the process exit code.
int runAdminCommand(const CommandLine &command, const DatabaseUrl &databaseUrl);
