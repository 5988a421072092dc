#pragma once

#include <QString>

// How the engine was started: where its data lives and test-only switches.
struct EngineOptions
{
    QString dataDirectory;
    QString databaseUrl;           // empty: SQLite in the data directory
    bool ephemeralPorts = false;   // port 0 means "any free port" instead of "off" (tests)
    // How often the database is checked for admin changes (one cheap read of the generation):
    // the CLI and other processes change the database, and an admin's "retry now" should not wait.
    int changePollMs = 250;
    int housekeepingMs = 1000;     // certificate files, expired bans, the status snapshot
    int shutdownGraceMs = 10000;   // how long in-flight work may finish on stop
};
