#pragma once

#include <QMutex>

#include "tlscontext.h"

// The server certificate in force, shared by the engine thread, which replaces it on a reload,
// and the worker threads, which take it when a connection starts TLS. A connection keeps the
// context it took, so a reload never disturbs a handshake or a session in progress.
class TlsContextProvider
{
public:
    // Null while no certificate is loaded: STARTTLS is then not offered and implicit-TLS
    // connections are closed.
    [[nodiscard]] TlsContext current() const;
    [[nodiscard]] bool hasContext() const;
    void setCurrent(TlsContext context);

private:
    mutable QMutex m_mutex;
    TlsContext m_current;
};
