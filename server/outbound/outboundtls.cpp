#include "outboundtls.h"

QString outboundTlsName(OutboundTls tls)
{
    switch (tls) {
    case OutboundTls::None:
        return QStringLiteral("none");
    case OutboundTls::Opportunistic:
        return QStringLiteral("opportunistic");
    case OutboundTls::Required:
        return QStringLiteral("required");
    case OutboundTls::Verify:
        return QStringLiteral("verify");
    }
    return QStringLiteral("required");
}

std::optional<OutboundTls> parseOutboundTls(const QString &name)
{
    for (OutboundTls tls : {OutboundTls::None, OutboundTls::Opportunistic, OutboundTls::Required, OutboundTls::Verify}) {
        if (name.compare(outboundTlsName(tls), Qt::CaseInsensitive) == 0)
            return tls;
    }
    return std::nullopt;
}
