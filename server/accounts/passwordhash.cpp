#include "passwordhash.h"

#include <limits>
#include <optional>
#include <stdexcept>

#include <QList>
#include <QStringView>
#include <QtGlobal>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace {

constexpr QLatin1String SchemeName("pbkdf2-sha256");
// The longest well-formed string is about 90 characters; anything much longer is refused before
// it is split, so hostile input cannot make us allocate.
constexpr qsizetype MaxStoredLength = 256;

struct ParsedHash
{
    int iterations = 0;
    QByteArray salt;
    QByteArray hash;
};

// Zeroes a temporary copy of secret material before it goes back to the allocator.
void cleanse(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), static_cast<size_t>(bytes.size()));
}

void checkIterations(int iterations)
{
    if (iterations < PasswordHash::MinIterations || iterations > PasswordHash::MaxIterations)
        throw std::invalid_argument("PasswordHash: iteration count out of range");
}

[[nodiscard]] bool isBase64Char(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')
        || u == u'+' || u == u'/';
}

[[nodiscard]] QString encode(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::OmitTrailingEquals));
}

// Accepts only the one canonical unpadded spelling of exactly expectedBytes bytes, so a stored hash
// has a single textual form and junk never reaches the KDF.
[[nodiscard]] std::optional<QByteArray> decode(QStringView text, qsizetype expectedBytes)
{
    const qsizetype expectedChars = (expectedBytes * 4 + 2) / 3;
    if (text.size() != expectedChars)
        return std::nullopt;
    for (const QChar c : text) {
        if (!isBase64Char(c))
            return std::nullopt;
    }
    const QByteArray ascii = text.toLatin1();
    QByteArray padded = ascii;
    while (padded.size() % 4 != 0)
        padded.append('=');
    const auto result = QByteArray::fromBase64Encoding(padded, QByteArray::AbortOnBase64DecodingErrors);
    if (!result || result.decoded.size() != expectedBytes)
        return std::nullopt;
    // Unused low bits in the last character must be zero, otherwise two spellings decode alike.
    if (result.decoded.toBase64(QByteArray::OmitTrailingEquals) != ascii)
        return std::nullopt;
    return result.decoded;
}

[[nodiscard]] std::optional<int> parseIterations(QStringView text)
{
    // Plain decimal only: no sign, spaces, leading zeros or hex, and short enough not to overflow.
    if (text.isEmpty() || text.size() > 8 || text.front() == u'0')
        return std::nullopt;
    int value = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < u'0' || u > u'9')
            return std::nullopt;
        value = value * 10 + (u - u'0');
    }
    if (value < PasswordHash::MinIterations || value > PasswordHash::MaxIterations)
        return std::nullopt;
    return value;
}

[[nodiscard]] std::optional<ParsedHash> parse(const QString &stored)
{
    if (stored.size() > MaxStoredLength)
        return std::nullopt;
    const QList<QStringView> parts = QStringView(stored).split(u'$');
    if (parts.size() != 5 || !parts.at(0).isEmpty() || parts.at(1) != SchemeName)
        return std::nullopt;
    const auto iterations = parseIterations(parts.at(2));
    auto salt = decode(parts.at(3), PasswordHash::SaltBytes);
    auto hash = decode(parts.at(4), PasswordHash::HashBytes);
    if (!iterations || !salt || !hash)
        return std::nullopt;
    return ParsedHash{*iterations, std::move(*salt), std::move(*hash)};
}

[[nodiscard]] std::optional<QByteArray> derive(const QString &password, int iterations, const QByteArray &salt)
{
    QByteArray utf8 = password.toUtf8();
    if (utf8.size() > std::numeric_limits<int>::max())
        return std::nullopt;
    QByteArray key(PasswordHash::HashBytes, Qt::Uninitialized);
    const int ok = PKCS5_PBKDF2_HMAC(utf8.constData(), static_cast<int>(utf8.size()),
                                     reinterpret_cast<const unsigned char *>(salt.constData()),
                                     static_cast<int>(salt.size()), iterations, EVP_sha256(),
                                     static_cast<int>(key.size()), reinterpret_cast<unsigned char *>(key.data()));
    cleanse(utf8);
    if (ok != 1)
        return std::nullopt;
    return key;
}

}

QString PasswordHash::create(const QString &password, int iterations)
{
    checkIterations(iterations);
    QByteArray salt(SaltBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), SaltBytes) != 1)
        throw std::runtime_error("PasswordHash: RAND_bytes failed, no salt available");
    return createWithSalt(password, iterations, salt);
}

QString PasswordHash::createWithSalt(const QString &password, int iterations, const QByteArray &salt)
{
    checkIterations(iterations);
    if (salt.size() != SaltBytes)
        throw std::invalid_argument("PasswordHash: salt must be 16 bytes");
    auto key = derive(password, iterations, salt);
    if (!key)
        throw std::runtime_error("PasswordHash: PKCS5_PBKDF2_HMAC failed");
    const QString stored = QLatin1Char('$') + SchemeName + QLatin1Char('$') + QString::number(iterations)
        + QLatin1Char('$') + encode(salt) + QLatin1Char('$') + encode(*key);
    cleanse(*key);
    return stored;
}

bool PasswordHash::verify(const QString &stored, const QString &password)
{
    const auto parsed = parse(stored);
    if (!parsed)
        return false;
    auto key = derive(password, parsed->iterations, parsed->salt);
    if (!key)
        return false;
    // Constant time, so response timing does not reveal how many leading bytes were right.
    const bool equal = CRYPTO_memcmp(key->constData(), parsed->hash.constData(), HashBytes) == 0;
    cleanse(*key);
    return equal;
}

bool PasswordHash::needsRehash(const QString &stored, int iterations)
{
    const auto parsed = parse(stored);
    return !parsed || parsed->iterations < iterations;
}

bool PasswordHash::isValid(const QString &stored)
{
    return parse(stored).has_value();
}

int PasswordHash::defaultIterations()
{
    // A function-local static is initialised exactly once even with concurrent first callers.
    static const int iterations = [] {
        bool ok = false;
        const int fromEnvironment = qEnvironmentVariableIntValue("POSTERN_PBKDF2_ITERATIONS", &ok);
        if (ok && fromEnvironment >= MinIterations && fromEnvironment <= MaxIterations)
            return fromEnvironment;
        return BuiltInIterations;
    }();
    return iterations;
}
