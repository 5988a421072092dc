#include "enginewarnings.h"

QList<EngineWarning> EngineWarnings::compute(const EngineWarningFacts &facts)
{
    QList<EngineWarning> warnings;
    if (facts.certificateLoaded && facts.certificateSelfSigned) {
        warnings.append({QStringLiteral("self-signed-certificate"),
                         tr("The server uses a self-signed certificate: mail programs warn about it or refuse it. "
                            "Install a certificate from a certificate authority.")});
    }
    if (facts.certificateLoaded && facts.certificateDaysLeft && *facts.certificateDaysLeft < kExpiryWarningDays) {
        const qint64 days = *facts.certificateDaysLeft;
        warnings.append({QStringLiteral("certificate-expiring"),
                         days < 0 ? tr("The server's certificate has expired: mail programs refuse it. Install a new one.")
                                  : tr("The server's certificate expires in %1 days. Install a new one before then.")
                                        .arg(days)});
    }
    if (!facts.blankSenderAccepted) {
        warnings.append({QStringLiteral("blank-sender-refused"),
                         tr("Mail with a blank sender (MAIL FROM:<>) is refused: bounces and delivery reports "
                            "to your users are lost.")});
    }
    for (const ListenerState &listener : facts.listeners) {
        if (listener.status != ListenerState::Status::Failed)
            continue;
        warnings.append({QStringLiteral("listener-failed"),
                         tr("%1 is not listening on %2 port %3: %4")
                             .arg(listener.service, listener.address)
                             .arg(listener.configuredPort)
                             .arg(listener.error)});
    }
    if (facts.senderDomainChecked && facts.lastDnsLookupFailed) {
        warnings.append({QStringLiteral("dns-unreachable"),
                         tr("The DNS servers did not answer the last sender domain check: senders are told to try "
                            "again later. Check dns.servers and the network.")});
    }
    return warnings;
}
