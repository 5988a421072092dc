#include "caresanswer.h"

#include <algorithm>
#include <limits>

#include <ares.h>
#include <arpa/inet.h>
#include <netdb.h>

#include <QHostAddress>

namespace {

QString hostName(const char *name)
{
    QString text = QString::fromLatin1(name).toLower();
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

// Skips a possibly compressed name starting at `offset`; returns the offset after it or -1.
int skipName(const unsigned char *message, int length, int offset)
{
    while (offset < length) {
        const unsigned char label = message[offset];
        if (label == 0)
            return offset + 1;
        if ((label & 0xc0) == 0xc0)
            return offset + 2 <= length ? offset + 2 : -1;
        if ((label & 0xc0) != 0)
            return -1;
        offset += 1 + label;
    }
    return -1;
}

void parseMx(DnsResult *result, const unsigned char *answer, int length)
{
    ares_mx_reply *replies = nullptr;
    const int status = ares_parse_mx_reply(answer, length, &replies);
    if (status != ARES_SUCCESS) {
        result->status = status == ARES_ENODATA ? DnsStatus::NoData : DnsStatus::ServerFailure;
        result->error = QString::fromLatin1(ares_strerror(status));
        return;
    }
    for (const ares_mx_reply *mx = replies; mx; mx = mx->next)
        result->mx.append(MxRecord{mx->priority, hostName(mx->host)});
    ares_free_data(replies);
    std::stable_sort(result->mx.begin(), result->mx.end(),
                     [](const MxRecord &a, const MxRecord &b) { return a.preference < b.preference; });
    // RFC 7505 §3: a single MX of preference 0 with the root as exchange. c-ares gives the root as "".
    if (result->mx.size() == 1 && result->mx.first().preference == 0 && result->mx.first().exchange.isEmpty())
        result->status = DnsStatus::NullMx;
    else
        result->status = result->mx.isEmpty() ? DnsStatus::NoData : DnsStatus::Found;
}

void parseAddresses(DnsResult *result, const unsigned char *answer, int length)
{
    constexpr int MaxAddresses = 64;
    int count = MaxAddresses;
    int status = ARES_SUCCESS;
    if (result->type == DnsQueryType::A) {
        ares_addrttl records[MaxAddresses];
        status = ares_parse_a_reply(answer, length, nullptr, records, &count);
        for (int i = 0; status == ARES_SUCCESS && i < count; ++i)
            result->addresses.append(QHostAddress(ntohl(records[i].ipaddr.s_addr)));
    } else {
        ares_addr6ttl records[MaxAddresses];
        status = ares_parse_aaaa_reply(answer, length, nullptr, records, &count);
        for (int i = 0; status == ARES_SUCCESS && i < count; ++i)
            result->addresses.append(QHostAddress(records[i].ip6addr._S6_un._S6_u8));
    }
    if (status != ARES_SUCCESS && status != ARES_ENODATA) {
        result->status = DnsStatus::ServerFailure;
        result->error = QString::fromLatin1(ares_strerror(status));
        return;
    }
    result->status = result->addresses.isEmpty() ? DnsStatus::NoData : DnsStatus::Found;
}

void parsePtr(DnsResult *result, const unsigned char *answer, int length)
{
    hostent *host = nullptr;
    // The address only fills hostent's address list, which we do not read.
    const unsigned char placeholder[16] = {};
    const int status = ares_parse_ptr_reply(answer, length, placeholder, 4, AF_INET, &host);
    if (status != ARES_SUCCESS) {
        result->status = status == ARES_ENODATA ? DnsStatus::NoData : DnsStatus::ServerFailure;
        result->error = QString::fromLatin1(ares_strerror(status));
        return;
    }
    for (char **alias = host->h_aliases; alias && *alias; ++alias) {
        const QString name = hostName(*alias);
        if (!name.isEmpty() && !result->hostNames.contains(name))
            result->hostNames << name;
    }
    if (result->hostNames.isEmpty() && host->h_name)
        result->hostNames << hostName(host->h_name);
    ares_free_hostent(host);
    result->status = result->hostNames.isEmpty() ? DnsStatus::NoData : DnsStatus::Found;
}

}

quint32 CaresAnswer::minimumAnswerTtl(const unsigned char *answer, int length)
{
    if (!answer || length < 12)
        return 0;
    const int questions = (answer[4] << 8) | answer[5];
    const int answers = (answer[6] << 8) | answer[7];
    int offset = 12;
    for (int i = 0; i < questions && offset >= 0; ++i) {
        offset = skipName(answer, length, offset);
        if (offset >= 0)
            offset += 4; // type, class
    }
    quint32 minimum = std::numeric_limits<quint32>::max();
    for (int i = 0; i < answers && offset >= 0; ++i) {
        offset = skipName(answer, length, offset);
        if (offset < 0 || offset + 10 > length)
            break;
        const quint32 ttl = (quint32(answer[offset + 4]) << 24) | (quint32(answer[offset + 5]) << 16)
                          | (quint32(answer[offset + 6]) << 8) | quint32(answer[offset + 7]);
        const int dataLength = (answer[offset + 8] << 8) | answer[offset + 9];
        minimum = std::min(minimum, ttl);
        offset += 10 + dataLength;
    }
    return minimum == std::numeric_limits<quint32>::max() ? 0 : minimum;
}

DnsResult CaresAnswer::parse(DnsQueryType type, const QString &name, int status, const unsigned char *answer, int length)
{
    DnsResult result;
    result.type = type;
    result.name = name;
    switch (status) {
    case ARES_SUCCESS:
        break;
    case ARES_ENOTFOUND:
        result.status = DnsStatus::NxDomain;
        return result;
    case ARES_ENODATA:
        result.status = DnsStatus::NoData;
        return result;
    case ARES_ETIMEOUT:
        result.status = DnsStatus::Timeout;
        result.error = QString::fromLatin1(ares_strerror(status));
        return result;
    default:
        result.status = DnsStatus::ServerFailure;
        result.error = QString::fromLatin1(ares_strerror(status));
        return result;
    }
    switch (type) {
    case DnsQueryType::Mx:
        parseMx(&result, answer, length);
        break;
    case DnsQueryType::A:
    case DnsQueryType::Aaaa:
        parseAddresses(&result, answer, length);
        break;
    case DnsQueryType::Ptr:
        parsePtr(&result, answer, length);
        break;
    }
    if (result.status == DnsStatus::Found || result.status == DnsStatus::NullMx)
        result.ttlSeconds = minimumAnswerTtl(answer, length);
    return result;
}
