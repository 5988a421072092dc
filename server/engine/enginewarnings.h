#pragma once

#include "enginestatus.h"
#include "listenerstate.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

// What the engine knows that may need the admin, gathered once a second (Engine::activity).
struct EngineWarningFacts
{
    bool certificateLoaded = false;
    bool certificateSelfSigned = false;           // subject == issuer: clients warn or refuse
    std::optional<qint64> certificateDaysLeft;    // negative once expired
    bool blankSenderAccepted = true;              // verify.assume_blank_from_valid
    QList<ListenerState> listeners;
    bool senderDomainChecked = false;             // verify.sender_domain
    bool lastDnsLookupFailed = false;             // the last sender-domain MX lookup timed out or failed
};

// Turns the facts into the warnings the main window shows, each with its kind (the GUI picks
// the dialog that fixes it by kind). Pure, so every rule is tested without an engine.
class EngineWarnings
{
    Q_DECLARE_TR_FUNCTIONS(EngineWarnings)

public:
    static constexpr int kExpiryWarningDays = 14;   // as TlsReloader, which logs the same

    [[nodiscard]] static QList<EngineWarning> compute(const EngineWarningFacts &facts);
};
