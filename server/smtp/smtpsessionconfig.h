#pragma once

#include <QDateTime>
#include <QString>

#include "plaintextauthpolicy.h"

#include <functional>
#include <memory>

class AccountSendCounter;
class AddressLists;
class AuthFailureRecorder;
class EngineCounters;
class FilterListHolder;
class LoginRecorder;
class PolicySettingsHolder;
class Resolver;
struct PolicySettings;

// The settings one SMTP session runs with, taken from the settings snapshot when it starts.
struct SmtpSessionConfig
{
    QString hostName = QStringLiteral("localhost");
    qint64 maxMessageSize = 26214400;        // bytes; 0 = unlimited
    int maxRecipients = 100;                 // smtp.max_recipients
    int maxLineLength = 2048;                // command line, with CRLF
    int maxBadCommands = 20;
    int commandTimeoutMs = 5 * 60 * 1000;    // RFC 5321 §4.5.3.2.7
    int dataTimeoutMs = 3 * 60 * 1000;       // RFC 5321 §4.5.3.2.6
    bool normalizeBareNewlines = false;      // smtp.bare_newlines = normalize (default: reject)
    PlaintextAuthPolicy plaintextPolicy;     // auth.plaintext, network.local_ranges
    bool requireAuthentication = false;      // the submission service (RFC 6409): no MAIL before AUTH
    const AddressLists *addressLists = nullptr;   // Trusted IP Addresses; null: nobody is trusted
    // The security policy's settings in force, read afresh at every command; null: the defaults.
    const PolicySettingsHolder *policy = nullptr;
    // SMTP after POP: POP3 logins by client address (the window is in the policy settings).
    const LoginRecorder *popLogins = nullptr;
    // Filters and Attachment Filters, checked at the end of every message; null: none.
    const FilterListHolder *filterLists = nullptr;
    // Send limit per account: what each login sent in the last hour.
    AccountSendCounter *sendCounter = nullptr;
    // Where refused relay attempts are counted for auto-ban; null: not counted.
    AuthFailureRecorder *relayAttempts = nullptr;
    // Address Verification's DNS: this worker thread's resolver; null: no DNS checks are made.
    Resolver *resolver = nullptr;
    // Today's counts for the main window (messages stored, logins, refusals); null: not counted.
    EngineCounters *counters = nullptr;
    std::function<QDateTime()> clock;        // empty: QDateTime::currentDateTime (SmtpSession fills it in)

    // The policy settings for the command being handled now.
    [[nodiscard]] std::shared_ptr<const PolicySettings> currentPolicy() const;
};
