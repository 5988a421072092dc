#pragma once

class Settings;

// The security policy's settings as one immutable value: built from the settings whenever the
// admin changes something and shared as a `std::shared_ptr<const PolicySettings>`, so a rule
// evaluated on any thread sees one consistent set. A plain value type on purpose: the rules read
// it, nothing changes it after it is built. Defaults are the settings' defaults.
struct PolicySettings
{
    // SMTP Authentication: an unauthenticated, untrusted client may not claim a local sender.
    bool requireAuthForLocalSenders = true;
    // SMTP After POP: minutes a POP3 login opens relaying for its address (0 = off).
    int smtpAfterPopMinutes = 0;
    // Sender Rules.
    bool senderLocalDomainOnly = false;
    bool senderAccountOnly = false;
    bool senderAuthMustMatch = true;
    // Address Verification.
    bool verifySenderDomain = true;
    bool assumeBlankFromValid = true;
    bool verifyHeloSyntax = false;
    bool verifyReverseDns = false;
    // Send Limits: messages one login may send per hour (0 = off).
    int messagesPerHourPerAccount = 500;

    [[nodiscard]] static PolicySettings fromSettings(const Settings &settings);
};
