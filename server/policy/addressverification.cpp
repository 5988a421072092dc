#include "addressverification.h"

#include <algorithm>

const QString AddressVerification::kRule = QStringLiteral("Address Verification");

namespace {

PolicyDecision refuseSender(const QString &domain, const QString &fact, const QString &text)
{
    return PolicyDecision(PolicyDecision::Action::Reject, 550, QStringLiteral("5.1.8"),
                          QStringLiteral("Sender address rejected: domain %1 %2").arg(domain, text),
                          AddressVerification::kRule, QStringLiteral("%1: %2").arg(domain, fact));
}

PolicyDecision deferSender(const QString &domain, const DnsResult &result)
{
    QString fact = dnsStatusName(result.status);
    if (!result.error.isEmpty())
        fact += QStringLiteral(", ") + result.error;
    return PolicyDecision(PolicyDecision::Action::Tempfail, 451, QStringLiteral("4.4.3"),
                          QStringLiteral("Sender domain %1 could not be verified, try again later").arg(domain),
                          AddressVerification::kRule, QStringLiteral("%1: %2 %3").arg(domain, dnsQueryTypeName(result.type), fact));
}

bool isHostLabel(QByteArrayView label)
{
    if (label.isEmpty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
        return false;
    return std::all_of(label.begin(), label.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    });
}

bool isAddressLiteral(QByteArrayView argument)
{
    if (argument.size() < 3 || argument.front() != '[' || argument.back() != ']')
        return false;
    const QByteArrayView inner = argument.sliced(1, argument.size() - 2);
    const bool v6 = inner.size() > 5 && QByteArrayView(inner.first(5)).compare("IPv6:", Qt::CaseInsensitive) == 0;
    const QString text = QString::fromLatin1(v6 ? inner.sliced(5) : inner);
    QHostAddress address;
    if (!address.setAddress(text))
        return false;
    if (v6)
        return address.protocol() == QAbstractSocket::IPv6Protocol;
    // A bare IPv4 literal must be a dotted quad; QHostAddress also takes "1" or "0x7f.1".
    return address.protocol() == QAbstractSocket::IPv4Protocol && address.toString() == text;
}

}

std::optional<PolicyDecision> AddressVerification::senderDomainAfterMx(const QString &domain, const DnsResult &mx)
{
    switch (mx.status) {
    case DnsStatus::Found:
        return PolicyDecision::accept(kRule, QStringLiteral("%1: MX %2").arg(domain, mx.mx.value(0).exchange));
    case DnsStatus::NxDomain:
        return refuseSender(domain, QStringLiteral("NXDOMAIN"), QStringLiteral("does not exist"));
    case DnsStatus::NullMx:
        return refuseSender(domain, QStringLiteral("null MX"), QStringLiteral("accepts no mail (null MX)"));
    case DnsStatus::NoData:
        return std::nullopt;
    case DnsStatus::ServerFailure:
    case DnsStatus::Timeout:
        return deferSender(domain, mx);
    }
    return deferSender(domain, mx);
}

PolicyDecision AddressVerification::senderDomainAfterAddresses(const QString &domain, const DnsResult &a, const DnsResult &aaaa)
{
    for (const DnsResult *result : {&a, &aaaa}) {
        if (result->status == DnsStatus::Found) {
            return PolicyDecision::accept(kRule, QStringLiteral("%1: no MX, %2 %3").arg(domain, dnsQueryTypeName(result->type),
                                                                                      result->addresses.value(0).toString()));
        }
    }
    for (const DnsResult *result : {&a, &aaaa}) {
        if (result->isTemporaryFailure())
            return deferSender(domain, *result);
    }
    // The MX query said the name exists; NXDOMAIN here means it vanished in between.
    return refuseSender(domain, QStringLiteral("no MX, A or AAAA record"), QStringLiteral("has no mail server (no MX, A or AAAA record)"));
}

PolicyDecision AddressVerification::blankSender()
{
    return PolicyDecision(PolicyDecision::Action::Reject, 550, QStringLiteral("5.7.1"),
                          QStringLiteral("Null sender <> not accepted here"), kRule,
                          QStringLiteral("blank MAIL FROM, verify.assume_blank_from_valid off"));
}

PolicyDecision AddressVerification::reverseDns(const QHostAddress &client, const DnsResult &ptr)
{
    const QString address = client.toString();
    switch (ptr.status) {
    case DnsStatus::Found:
        return PolicyDecision::accept(kRule, QStringLiteral("%1: PTR %2").arg(address, ptr.hostNames.value(0)));
    case DnsStatus::NxDomain:
    case DnsStatus::NoData:
    case DnsStatus::NullMx:
        break;
    case DnsStatus::ServerFailure:
    case DnsStatus::Timeout:
        return PolicyDecision(PolicyDecision::Action::Tempfail, 451, QStringLiteral("4.4.3"),
                              QStringLiteral("Reverse DNS of %1 could not be checked, try again later").arg(address), kRule,
                              QStringLiteral("%1: PTR %2 %3").arg(address, dnsStatusName(ptr.status), ptr.error));
    }
    // RFC 7372 §3.3: 4.7.25, temporary, since the client's operator can add the record.
    return PolicyDecision(PolicyDecision::Action::Tempfail, 450, QStringLiteral("4.7.25"),
                          QStringLiteral("Client host %1 has no reverse DNS (PTR) record").arg(address), kRule,
                          QStringLiteral("%1: no PTR record, %2").arg(address, dnsStatusName(ptr.status)));
}

PolicyDecision AddressVerification::helo(QByteArrayView argument)
{
    if (isValidHeloName(argument))
        return PolicyDecision::accept(kRule);
    return PolicyDecision(PolicyDecision::Action::Reject, 501, QStringLiteral("5.5.4"),
                          QStringLiteral("HELO/EHLO needs a valid host name or address literal"), kRule,
                          QStringLiteral("not a host name or address literal, verify.helo_syntax on"));
}

bool AddressVerification::isValidHeloName(QByteArrayView argument)
{
    if (argument.startsWith('['))
        return isAddressLiteral(argument);
    if (argument.isEmpty() || argument.size() > 253)
        return false;
    const QList<QByteArray> labels = argument.toByteArray().split('.');
    if (labels.size() < 2 || !std::all_of(labels.begin(), labels.end(), [](const QByteArray &label) { return isHostLabel(label); }))
        return false;
    // RFC 1123 §2.1: a top-level label is alphabetic, which also keeps a bare IP address out.
    const QByteArray &top = labels.last();
    return !std::all_of(top.begin(), top.end(), [](char c) { return c >= '0' && c <= '9'; });
}
