#include "passwordfingerprint.h"

#include <array>
#include <stdexcept>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

namespace {

// 16 bytes of the 32 tell a repetition from a new guess with no practical chance of a collision.
constexpr int kFingerprintBytes = 16;

const std::array<unsigned char, 32> &processKey()
{
    // Made on first use, once (thread-safe static initialisation).
    static const std::array<unsigned char, 32> key = [] {
        std::array<unsigned char, 32> bytes{};
        if (RAND_bytes(bytes.data(), int(bytes.size())) != 1)
            throw std::runtime_error("RAND_bytes failed: no key for password fingerprints");
        return bytes;
    }();
    return key;
}

}

QByteArray PasswordFingerprint::of(const QString &user, const QString &password)
{
    QByteArray message = user.toLower().toUtf8();
    message.append('\0');
    message.append(password.toUtf8());
    const std::array<unsigned char, 32> &key = processKey();
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    const unsigned char *ok = HMAC(EVP_sha256(), key.data(), int(key.size()),
                                   reinterpret_cast<const unsigned char *>(message.constData()), size_t(message.size()),
                                   digest.data(), &length);
    // The message held the password: do not leave it in freed memory.
    OPENSSL_cleanse(message.data(), size_t(message.size()));
    if (!ok || length < unsigned(kFingerprintBytes))
        throw std::runtime_error("HMAC-SHA256 failed");
    return QByteArray(reinterpret_cast<const char *>(digest.data()), kFingerprintBytes);
}
