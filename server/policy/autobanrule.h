#pragma once

#include <optional>

#include <QDateTime>
#include <QHostAddress>
#include <QList>

#include "authfailurerecorder.h"
#include "autobandecision.h"
#include "autobansettings.h"

// The auto-ban decision as a pure function: given the settings, one address's recent failures and
// the time, whether to ban it and why. Failed logins with the same user and password count once
// (a phone with a stale password is not an attack); each relay attempt counts.
class AutoBanRule
{
public:
    [[nodiscard]] static std::optional<AutoBanDecision> decide(const AutoBanSettings &settings, const QHostAddress &client,
                                                               const QList<AuthFailure> &failures, const QDateTime &now);
    // The failures within the window once repetitions are folded, as the rule counts them.
    [[nodiscard]] static QList<AuthFailure> counted(const QList<AuthFailure> &failures, const QDateTime &since,
                                                    const QDateTime &now);
};
