#include "firstrunsummary.h"

#include <QStringList>

namespace {

bool isOn(const QHash<QString, QString> &settings, const char *key)
{
    return settings.value(QLatin1String(key)) == QLatin1String("true");
}

QString bullets(const QStringList &lines)
{
    return QStringLiteral("• ") + lines.join(QStringLiteral("\n• "));
}

}

QString FirstRunSummary::describe(const QHash<QString, QString> &settings, const QString &certificateFile,
                                  qsizetype filters, qsizetype attachmentFilters)
{
    const auto value = [&settings](const char *key) { return settings.value(QLatin1String(key)); };
    QStringList secure;
    secure << tr("Mail to other domains is relayed only for a client that logs in (SMTP AUTH) or comes from a "
                 "trusted address; everyone else may only deliver mail to your own domains.");
    if (isOn(settings, "smtp.auth_use_pop3_accounts"))
        secure << tr("Users log in to send with the same address and password as for POP3.");
    if (isOn(settings, "smtp.require_auth_for_local_senders"))
        secure << tr("A client that has not logged in may not send mail as one of your own addresses.");
    const QString plaintext = value("auth.plaintext");
    if (plaintext == QLatin1String("never"))
        secure << tr("Passwords are accepted only over TLS-encrypted connections.");
    else if (plaintext == QLatin1String("loopback"))
        secure << tr("Passwords are accepted only over TLS-encrypted connections, except from this computer itself.");
    else if (plaintext == QLatin1String("local-networks"))
        secure << tr("Passwords are accepted only over TLS-encrypted connections, except from your office networks (%1).")
                      .arg(value("network.local_ranges"));
    const QString certificate = certificateFile.isEmpty() ? value("tls.cert_file") : certificateFile;
    secure << (certificate.isEmpty() ? tr("TLS is on, with the self-signed certificate Postern made.")
                                     : tr("TLS is on, with the certificate in %1.").arg(certificate));
    if (isOn(settings, "autoban.enabled"))
        secure << tr("Auto-ban is on: an address with %1 failed logins or relay attempts within %2 minutes is "
                     "banned for %3 minutes.")
                      .arg(value("autoban.max_failures"), value("autoban.window_minutes"), value("autoban.ban_minutes"));

    QStringList decide;
    if (plaintext == QLatin1String("always"))
        decide << tr("Passwords are accepted without TLS from anywhere (Security ▸ SMTP Authentication): "
                     "choose a stricter setting unless old mail programs need it.");
    if (!isOn(settings, "autoban.enabled"))
        decide << tr("Auto-ban is off (Security ▸ Auto-ban): addresses that guess passwords are not banned.");
    decide << (isOn(settings, "smtp_after_pop.enabled")
                   ? tr("SMTP after POP is on (Security ▸ SMTP After POP): after a POP3 login, that address may "
                        "relay for %1 minutes without logging in to SMTP.").arg(value("smtp_after_pop.minutes"))
                   : tr("SMTP after POP is off (Security ▸ SMTP After POP): turn it on only for old mail "
                        "programs that cannot log in to SMTP."));
    decide << tr("Sender rules (Security ▸ Sender Rules): logged-in users may send only as their own address: %1; "
                 "relay only for senders in your domains: %2; only for senders with an account: %3.")
                  .arg(isOn(settings, "sender_rules.auth_must_match") ? tr("yes") : tr("no"),
                       isOn(settings, "sender_rules.local_domain_only") ? tr("yes") : tr("no"),
                       isOn(settings, "sender_rules.account_only") ? tr("yes") : tr("no"));
    decide << tr("Filters (Security ▸ Filters, Attachment Filters): %1 word filters and %2 attachment patterns "
                 "so far; add what your office should never receive.")
                  .arg(filters)
                  .arg(attachmentFilters);
    return tr("Secure now:") + QLatin1Char('\n') + bullets(secure) + QStringLiteral("\n\n") + tr("For you to decide:")
           + QLatin1Char('\n') + bullets(decide);
}
