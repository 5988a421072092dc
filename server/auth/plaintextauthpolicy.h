#pragma once

#include <optional>

#include <QList>
#include <QString>

#include "cidrrange.h"

class QHostAddress;
class Settings;

// Where a password may cross the network in clear text (auth.plaintext): over TLS always; without
// TLS only from the clients the mode covers. A value, copied into every session's configuration;
// allows() is a pure function of it.
class PlaintextAuthPolicy
{
public:
    enum class Mode { Never, Loopback, LocalNetworks, Always };
    // How the policy sees a client address.
    enum class Network { Loopback, Local, Other };

    // Mode Loopback, the default local ranges and the real loopback ranges.
    PlaintextAuthPolicy();
    PlaintextAuthPolicy(Mode mode, QList<CidrRange> localRanges, QList<CidrRange> loopbackRanges = defaultLoopbackRanges());

    // auth.plaintext and network.local_ranges; loopbackRanges as the engine found them at start.
    [[nodiscard]] static PlaintextAuthPolicy fromSettings(const Settings &settings, const QList<CidrRange> &loopbackRanges);
    [[nodiscard]] static std::optional<Mode> parseMode(const QString &text);
    [[nodiscard]] static QString modeName(Mode mode);

    // 127.0.0.0/8 and ::1.
    [[nodiscard]] static QList<CidrRange> defaultLoopbackRanges();
    // Test-only: POSTERN_TEST_LOOPBACK_RANGES (e.g. "127.0.0.1/32") narrows what counts as
    // loopback, so a test can play a non-local client from 127.0.0.2 without leaving the machine.
    // Only ranges inside the real loopback ranges are taken; anything else is ignored and named in
    // *warning, so the variable can never make a real outside address count as loopback. Without
    // the variable (or with nothing usable in it): defaultLoopbackRanges().
    [[nodiscard]] static QList<CidrRange> loopbackRangesFromEnvironment(QString *warning);
    static constexpr const char *kTestLoopbackVariable = "POSTERN_TEST_LOOPBACK_RANGES";

    [[nodiscard]] Network classify(const QHostAddress &client) const;
    // Whether a client at this address may send a password now.
    [[nodiscard]] bool allows(const QHostAddress &client, bool encrypted) const;
    // For the log line of a refusal: "auth.plaintext is loopback and 192.0.2.7 is not loopback".
    [[nodiscard]] QString refusalReason(const QHostAddress &client) const;
    [[nodiscard]] Mode mode() const { return m_mode; }

private:
    Mode m_mode = Mode::Loopback;
    QList<CidrRange> m_localRanges;
    QList<CidrRange> m_loopbackRanges;
};
