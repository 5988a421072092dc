#pragma once

#include <QString>

#include <optional>

// How one next hop must use TLS (outbound.tls, outbound.smarthost_tls, a route's --tls).
enum class OutboundTls {
    None,           // never STARTTLS (only for routes the admin set so)
    Opportunistic,  // STARTTLS when offered, certificate not checked; plaintext otherwise
    Required,       // STARTTLS (or implicit TLS) must succeed; certificate not checked
    Verify,         // as Required, and the certificate must chain to the CA store and match the host
};

[[nodiscard]] QString outboundTlsName(OutboundTls tls);                        // "none", "opportunistic", ...
[[nodiscard]] std::optional<OutboundTls> parseOutboundTls(const QString &name);
