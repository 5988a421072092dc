#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

#include "queuerecords.h"

// The parameters of one MAIL FROM (RFC 5321 §4.1.2): SIZE (RFC 1870), BODY (RFC 6152),
// SMTPUTF8 (RFC 6531), AUTH (RFC 4954 §5) and RET / ENVID (RFC 3461 §4.3, §4.4), checked
// against what this session offers.
struct SmtpMailParameters
{
    qint64 declaredSize = 0;
    bool smtpUtf8 = false;
    // AUTH=: the xtext-decoded mailbox the message was originally submitted by, "<>" for
    // unknown (RFC 4954 §5). Only logged: a client we do not trust could claim anyone.
    std::optional<QString> submitter;
    DsnReturn ret = DsnReturn::Unspecified;
    QString envelopeId;   // ENVID, xtext-decoded; empty: none

    // Set when the parameters are refused: the reply, whether it counts as a bad command, and
    // for the log why (empty: a plain syntax error, not worth a line).
    QByteArray error;
    bool badCommand = false;
    QString logDetail;

    [[nodiscard]] bool ok() const { return error.isEmpty(); }

    // `extended`: the client said EHLO (the extensions were offered); `maxMessageSize` 0 = none.
    [[nodiscard]] static SmtpMailParameters parse(const QList<QPair<QByteArray, QByteArray>> &params, bool extended,
                                                  qint64 maxMessageSize);
};
