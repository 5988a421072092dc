#pragma once

#include "queuerecords.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

// A delivery status notification (RFC 3464) to build: who is told what about which recipients.
struct DsnReport
{
    enum class Action { Failed, Delayed, Delivered, Relayed };   // RFC 3464 §2.3.3
    struct Recipient
    {
        QString finalRecipient;      // "bob@example.org" (written as "rfc822;bob@example.org")
        QString originalRecipient;   // ORCPT as given ("rfc822;Bob@Example.org"), empty = none
        Action action = Action::Failed;
        QString statusCode;          // "5.1.1", "4.4.1", "2.0.0"
        QString remoteMta;           // host name or empty
        QString diagnostic;          // the remote reply, written as "smtp; 550 5.1.1 ..."; empty = none
        QDateTime lastAttempt;       // UTC; null = none
        QDateTime willRetryUntil;    // for Delayed; null = none
    };

    QString reportingMta;            // our server.hostname
    QString recipientOfReport;       // the original sender (the report's To: and RCPT)
    QString envelopeId;              // ENVID, empty = none
    QDateTime arrivalDate;           // when we accepted the original, UTC
    QString receivedFromMta;         // QueuedMessage::origin, empty = none
    DsnReturn ret = DsnReturn::Unspecified;
    QList<Recipient> recipients;
};

// Writes a DSN as a complete message (CRLF line ends): From MAILER-DAEMON@reportingMta, To the
// original sender, Subject saying what happened in plain words, Date, Message-ID,
// Auto-Submitted: auto-replied, MIME-Version, and a multipart/report; report-type=
// delivery-status body with (1) a text/plain part an office user understands, (2) the
// message/delivery-status part (per-message and per-recipient fields of RFC 3464 §2.2/2.3)
// and (3) the original: text/rfc822-headers (RET=HDRS or none) or message/rfc822 (RET=FULL).
// `original` is the queued file's bytes (headers alone suffice unless RET=FULL). Pure.
class DsnBuilder
{
public:
    [[nodiscard]] static QByteArray build(const DsnReport &report, const QByteArray &original, const QDateTime &now);
    // The reply's "5.1.1"-style status from an SMTP reply text, or `fallback` when it has none.
    [[nodiscard]] static QString statusFromReply(const QString &reply, int code, const QString &fallback);
};
