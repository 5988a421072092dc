#pragma once

#include <QString>

#include "dnsresult.h"

// Turns a c-ares query outcome (status code and raw answer) into a DnsResult.
class CaresAnswer
{
public:
    [[nodiscard]] static DnsResult parse(DnsQueryType type, const QString &name, int status,
                                         const unsigned char *answer, int length);
    // The smallest TTL among the answer-section records of a raw DNS message; 0 when none.
    [[nodiscard]] static quint32 minimumAnswerTtl(const unsigned char *answer, int length);
};
