#pragma once

#include "records.h"
#include "routeplanner.h"

#include <QList>
#include <QStringList>

class SecretStore;
class Settings;

// Builds the RoutingTable the planner works by from the outbound.* settings, the routes table
// and the stored passwords. Whatever cannot be used is left out and said in `problems` (for the
// log), never a password.
class RoutingTableLoader
{
public:
    [[nodiscard]] static RoutingTable build(const Settings &settings, const QList<RouteRecord> &routes,
                                            const SecretStore &secrets, QStringList *problems = nullptr);
};
