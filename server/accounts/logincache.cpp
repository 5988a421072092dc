#include "logincache.h"

#include <stdexcept>

#include <QMutexLocker>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

namespace {

constexpr int SecretBytes = 32;

}

LoginCache::LoginCache(std::chrono::seconds ttl, int capacity, Clock clock)
    : m_ttl(ttl)
    , m_capacity(capacity)
    , m_clock(clock ? std::move(clock) : Clock([] { return std::chrono::steady_clock::now(); }))
    , m_secret(SecretBytes, Qt::Uninitialized)
{
    if (RAND_bytes(reinterpret_cast<unsigned char *>(m_secret.data()), SecretBytes) != 1)
        throw std::runtime_error("LoginCache: RAND_bytes failed, no secret available");
}

LoginCache::~LoginCache()
{
    OPENSSL_cleanse(m_secret.data(), static_cast<size_t>(m_secret.size()));
}

QByteArray LoginCache::keyFor(const QString &address, const QString &password) const
{
    // The NUL separates the fields, so ("ab", "c") and ("a", "bc") give different keys.
    QByteArray secretPart = password.toUtf8();
    QByteArray message = address.toUtf8();
    message.append('\0');
    message.append(secretPart);
    OPENSSL_cleanse(secretPart.data(), static_cast<size_t>(secretPart.size()));
    QByteArray key(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    const bool ok = HMAC(EVP_sha256(), m_secret.constData(), SecretBytes,
                         reinterpret_cast<const unsigned char *>(message.constData()),
                         static_cast<size_t>(message.size()), reinterpret_cast<unsigned char *>(key.data()),
                         &length) != nullptr;
    OPENSSL_cleanse(message.data(), static_cast<size_t>(message.size()));
    // An empty key never equals a stored one (remember() refuses to store it), so a failure is a
    // cache miss, which only costs a KDF run.
    if (!ok)
        return {};
    key.truncate(static_cast<qsizetype>(length));
    return key;
}

bool LoginCache::isExpired(const Entry &entry, TimePoint now) const
{
    return now - entry.rememberedAt >= m_ttl;
}

void LoginCache::remember(const QString &address, const QString &password, const QString &storedHash)
{
    if (m_capacity < 1 || m_ttl <= std::chrono::steady_clock::duration::zero())
        return;
    QByteArray key = keyFor(address, password);
    if (key.isEmpty())
        return;
    const TimePoint now = m_clock();
    QMutexLocker locker(&m_mutex);
    if (!m_entries.contains(address))
        makeRoomLocked(now);
    m_entries.insert(address, Entry{std::move(key), storedHash, now});
}

bool LoginCache::matches(const QString &address, const QString &password, const QString &storedHash) const
{
    // Computed before locking: the HMAC needs only the immutable secret.
    const QByteArray key = keyFor(address, password);
    if (key.isEmpty())
        return false;
    const TimePoint now = m_clock();
    QMutexLocker locker(&m_mutex);
    const auto it = m_entries.constFind(address);
    if (it == m_entries.cend() || isExpired(*it, now) || it->storedHash != storedHash
        || it->key.size() != key.size())
        return false;
    return CRYPTO_memcmp(it->key.constData(), key.constData(), static_cast<size_t>(key.size())) == 0;
}

void LoginCache::forget(const QString &address)
{
    QMutexLocker locker(&m_mutex);
    m_entries.remove(address);
}

void LoginCache::clear()
{
    QMutexLocker locker(&m_mutex);
    m_entries.clear();
}

int LoginCache::size() const
{
    QMutexLocker locker(&m_mutex);
    return static_cast<int>(m_entries.size());
}

void LoginCache::makeRoomLocked(TimePoint now)
{
    if (m_entries.size() < m_capacity)
        return;
    // Linear scans only happen when the cache is full; at 10,000 entries that is microseconds,
    // small beside the KDF run that preceded every remember().
    m_entries.removeIf([this, now](const auto &it) { return isExpired(it.value(), now); });
    while (m_entries.size() >= m_capacity) {
        auto oldest = m_entries.begin();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if (it->rememberedAt < oldest->rememberedAt)
                oldest = it;
        }
        m_entries.erase(oldest);
    }
}
