#pragma once

#include <optional>

#include <QByteArrayView>
#include <QHostAddress>
#include <QString>

#include "dnsresult.h"
#include "policydecision.h"

// Security rule 6, "Address Verification", as pure decisions from what DNS and the client said;
// SmtpSenderVerification does the lookups and asks here. Every refusal names the rule and the
// facts for the log.
class AddressVerification
{
public:
    static const QString kRule;   // "Address Verification"

    // Only clients we know nothing about are checked: an authenticated or trusted client skips
    // every part of the rule (issue 7, rule 8).
    [[nodiscard]] static bool applies(bool authenticated, bool trusted) { return !authenticated && !trusted; }

    // RFC 5321 §5.1: the MX records decide; nullopt means there are none (NODATA) and the
    // implicit MX, the domain's own A/AAAA records, must be looked up.
    [[nodiscard]] static std::optional<PolicyDecision> senderDomainAfterMx(const QString &domain, const DnsResult &mx);
    // The implicit MX: accepted when either A or AAAA was found.
    [[nodiscard]] static PolicyDecision senderDomainAfterAddresses(const QString &domain, const DnsResult &a,
                                                                   const DnsResult &aaaa);
    // MAIL FROM:<> with verify.assume_blank_from_valid off.
    [[nodiscard]] static PolicyDecision blankSender();
    // The client's PTR lookup (verify.reverse_dns).
    [[nodiscard]] static PolicyDecision reverseDns(const QHostAddress &client, const DnsResult &ptr);
    // HELO/EHLO argument with verify.helo_syntax on.
    [[nodiscard]] static PolicyDecision helo(QByteArrayView argument);

    // RFC 1123 §2.1 host name (letters, digits and inner hyphens, labels of 1 to 63, at most 253
    // in all, at least two labels, the last not all digits), or an RFC 5321 §4.1.3 address
    // literal ([192.0.2.1], [IPv6:2001:db8::1]). A dotless name ("localhost", "PC01") does not
    // pass: it cannot name a host on the Internet, and a client that sends one to a server it
    // does not trust is either misconfigured or lying.
    [[nodiscard]] static bool isValidHeloName(QByteArrayView argument);
};
