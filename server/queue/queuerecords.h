#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

// The outbound queue's value types: one message waiting to leave (the file in DATA_DIR/queue/new
// plus its envelope) and the state of each of its remote recipients. Stored by QueueStorage.

// RFC 3461 §4.1 NOTIFY: which outcomes the sender wants a report about. No NOTIFY parameter
// means failure and delay (§6.1); NEVER is none of the three.
struct DsnNotify
{
    bool success = false;
    bool failure = true;
    bool delay = true;

    [[nodiscard]] static DsnNotify never() { return {false, false, false}; }
    bool operator==(const DsnNotify &) const = default;
};

// RFC 3461 §4.3 RET: how much of the message a failure report carries back.
enum class DsnReturn {
    Unspecified,   // no RET: the headers (our choice, as Postfix does)
    Full,          // RET=FULL: the whole message
    Headers,       // RET=HDRS
};

enum class QueuedRecipientState {
    Queued,      // waiting for its next attempt (nextAttempt)
    Delivered,   // the next hop answered 250 to the end of data (for this recipient)
    Failed,      // permanently: a 5xx, null MX, expired, or returned by the admin
};

// What the sender still has to be told about one recipient.
enum class ReportState {
    None,   // nothing (yet, or NOTIFY did not ask)
    Due,    // a report (failure, or success when NOTIFY=SUCCESS) must be sent
    Sent,   // sent (or recorded as not wanted); final
};

struct QueuedRecipient
{
    qint64 id = 0;                  // storage row id; 0 before insert
    QString address;                // the forward-path as given to the next hop (canonical)
    QString originalRecipient;      // ORCPT, "rfc822;bob@example.org" decoded from xtext; empty = none
    DsnNotify notify;
    QueuedRecipientState state = QueuedRecipientState::Queued;
    int attempts = 0;
    QDateTime nextAttempt;          // UTC; when a Queued recipient is due
    QDateTime lastAttempt;          // UTC; null before the first attempt
    QString lastError;              // for the admin: "mx.example.org[192.0.2.1] said: 450 4.2.0 ..."
    QString statusCode;             // RFC 3463 status of the last outcome, "4.4.1", "5.1.1", "2.0.0"
    QString diagnostic;             // the remote reply for Diagnostic-Code, "550 5.1.1 User unknown"
    QString remoteMta;              // the host that answered last, for Remote-MTA
    ReportState report = ReportState::None;
    bool delayReported = false;     // a delay notice went out already

    // A recipient whose mailbox here took the message at acceptance and who asked for
    // NOTIFY=SUCCESS: queued only so that the delivery agent sends that report durably.
    [[nodiscard]] static QueuedRecipient deliveredLocally(const QString &address, const QString &originalRecipient,
                                                          const DsnNotify &notify);
    // Such a recipient: delivered, and never attempted by the agent (which counts each attempt).
    [[nodiscard]] bool isDeliveredLocally() const
    {
        return state == QueuedRecipientState::Delivered && attempts == 0;
    }
    [[nodiscard]] bool isFinal() const { return state != QueuedRecipientState::Queued; }
    // A message can leave the queue once every recipient is final and nothing is left to report.
    [[nodiscard]] bool isSettled() const { return isFinal() && report != ReportState::Due; }
};

struct QueuedMessage
{
    QString id;                     // the queue id the SMTP session logged (12 hex digits), unique
    QString fileName;               // the file's name inside DATA_DIR/queue/new
    QString sender;                 // reverse-path, canonical; empty = null sender "<>"
    QString envelopeId;             // ENVID (decoded), empty = none
    DsnReturn ret = DsnReturn::Unspecified;
    qint64 size = 0;                // bytes of the file (CRLF line ends)
    bool eightBit = false;          // the content has bytes >= 0x80
    bool smtpUtf8 = false;          // accepted with SMTPUTF8; the next hop must offer it
    QDateTime receivedAt;           // UTC, whole seconds
    QString origin;                 // who gave it to us, for the log and Received-From-MTA: "dns; [192.0.2.7]"
    QList<QueuedRecipient> recipients;

    // Reports (null sender) are never answered by another report (RFC 3461 §6.2, no loops).
    [[nodiscard]] bool isBounceable() const { return !sender.isEmpty(); }
    [[nodiscard]] bool isSettled() const
    {
        for (const QueuedRecipient &recipient : recipients) {
            if (!recipient.isSettled())
                return false;
        }
        return true;
    }
};

[[nodiscard]] QString queuedRecipientStateName(QueuedRecipientState state);   // "queued", "delivered", "failed"
