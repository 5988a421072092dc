#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>

// The addresses of an RFC 5322 §3.4 address field such as From: — display names, quoted strings,
// comments, angle addresses and groups understood — so a rule can check who a message claims to
// come from.
class MailboxList
{
public:
    // Each address as written (addr-spec, without angle brackets), in order; garbage between
    // commas is returned as it stands, for the caller's address check to refuse.
    [[nodiscard]] static QStringList addresses(QByteArrayView fieldValue);
};
