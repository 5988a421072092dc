#pragma once

#include <QByteArrayView>

class PolicyDecision;
class RecipientDirectory;
class RelayStanding;
struct PolicySettings;

// sender_rules.auth_must_match on the message itself: every address in every From: field of a
// message from an authenticated login must be the login's own or an alias that delivers to it,
// since mail programs show From:, not MAIL FROM. Pure: header block in, decision out.
class HeaderFromCheck
{
public:
    // headerBlock: the message's top-level header lines, without the empty line after them.
    [[nodiscard]] static PolicyDecision check(const PolicySettings &settings, const RelayStanding &standing,
                                              const RecipientDirectory &directory, QByteArrayView headerBlock);
};
