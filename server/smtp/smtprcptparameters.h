#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

#include "queuerecords.h"

// The parameters of one RCPT TO (RFC 5321 §4.1.2): NOTIFY and ORCPT of the DSN extension
// (RFC 3461 §4.1, §4.2). They travel with a remote recipient into the queue.
struct SmtpRcptParameters
{
    std::optional<DsnNotify> notify;   // nullopt: not given (failure and delay, §6.1)
    QString originalRecipient;         // ORCPT as "addr-type;decoded address", empty: none

    QByteArray error;                  // the refusal; empty when the parameters are fine
    bool badCommand = false;

    [[nodiscard]] bool ok() const { return error.isEmpty(); }

    // `extended`: the client said EHLO (DSN was offered).
    [[nodiscard]] static SmtpRcptParameters parse(const QList<QPair<QByteArray, QByteArray>> &params, bool extended);
};
