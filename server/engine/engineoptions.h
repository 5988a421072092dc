#pragma once

#include <QString>

// How the engine was started: where its data lives and test-only switches.
struct EngineOptions
{
    QString dataDirectory;
    QString databaseUrl;           // empty: SQLite in the data directory
    bool ephemeralPorts = false;   // port 0 means "any free port" instead of "off" (tests)
    int changePollMs = 1000;       // how often the database is checked for admin changes
    int shutdownGraceMs = 10000;   // how long in-flight work may finish on stop
};
