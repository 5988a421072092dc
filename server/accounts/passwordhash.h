#pragma once

#include <QByteArray>
#include <QString>

// Creates and checks PBKDF2-HMAC-SHA256 password hashes stored as
// "$pbkdf2-sha256$<iterations>$<salt>$<hash>" (standard base64 without '=' padding), so the cost
// is kept with each hash and can be raised later. Every function is pure and thread-safe.
class PasswordHash
{
public:
    PasswordHash() = delete;

    // The cost chosen for this project: about 55 ms per hash on the reference machine (AMD EPYC,
    // OpenSSL 3.0); see defaultIterations() for the test override.
    static constexpr int BuiltInIterations = 250'000;
    // Stored costs outside this range are refused: below it the hash is too weak to trust, above it
    // a planted string could make one login burn seconds of CPU.
    static constexpr int MinIterations = 1'000;
    static constexpr int MaxIterations = 10'000'000;
    static constexpr int SaltBytes = 16;
    static constexpr int HashBytes = 32;

    // Throws std::runtime_error when the system cannot supply random bytes or the KDF fails, and
    // std::invalid_argument when iterations is outside [MinIterations, MaxIterations].
    [[nodiscard]] static QString create(const QString &password, int iterations = defaultIterations());

    // False for a wrong password and for any stored text that is not exactly our format.
    [[nodiscard]] static bool verify(const QString &stored, const QString &password);

    // True when the stored cost is below the wanted one or the text is not our format, so the
    // caller should store a fresh create() after the next successful login.
    [[nodiscard]] static bool needsRehash(const QString &stored, int iterations = defaultIterations());

    // True when the stored text parses as our format (it says nothing about any password).
    [[nodiscard]] static bool isValid(const QString &stored);

    // BuiltInIterations unless POSTERN_PBKDF2_ITERATIONS holds a number in
    // [MinIterations, MaxIterations]; test suites set it to 1000 so they stay fast. The variable is
    // read once per process, on the first call.
    [[nodiscard]] static int defaultIterations();

    // create() with a caller-chosen salt of SaltBytes bytes. Only for known-answer tests: a real
    // hash must always get a fresh random salt. Throws like create().
    [[nodiscard]] static QString createWithSalt(const QString &password, int iterations, const QByteArray &salt);
};
