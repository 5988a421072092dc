#include "tlscontextprovider.h"

TlsContext TlsContextProvider::current() const
{
    const QMutexLocker lock(&m_mutex);
    return m_current;
}

bool TlsContextProvider::hasContext() const
{
    const QMutexLocker lock(&m_mutex);
    return !m_current.isNull();
}

void TlsContextProvider::setCurrent(TlsContext context)
{
    {
        const QMutexLocker lock(&m_mutex);
        std::swap(m_current, context);
    }
    // `context` now holds the old one, released here outside the lock: freeing an SSL_CTX
    // takes a moment that the worker threads should not wait for.
}
