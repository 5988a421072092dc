#pragma once

class PolicyDecision;
class QString;
class RelayStanding;
struct PolicySettings;
struct SenderFacts;

// The rules a sender address meets, at MAIL FROM and for each address of the From: header:
// SMTP Authentication's local-sender rule, the seed's two Sender Rules for relaying clients, and
// sender_rules.auth_must_match for authenticated ones. Pure: settings and facts in, decision out.
class SenderRules
{
public:
    // MAIL FROM. Accepts with the rule and facts that allowed it (for `policy explain`).
    [[nodiscard]] static PolicyDecision mailFrom(const PolicySettings &settings, const RelayStanding &standing,
                                                 const SenderFacts &sender);
    // One address of the From: header of a message from an authenticated login.
    [[nodiscard]] static PolicyDecision headerFrom(const PolicySettings &settings, const RelayStanding &standing,
                                                   const SenderFacts &sender);

private:
    [[nodiscard]] static PolicyDecision loginMayUse(const RelayStanding &standing, const SenderFacts &sender,
                                                    const QString &where);
};
