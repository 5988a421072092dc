#pragma once

#include "outboundtls.h"
#include "queuerecords.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

// One message's envelope as the client sends it.
struct OutboundEnvelope
{
    QString reversePath;                 // empty: "<>"
    struct Recipient
    {
        QString address;
        DsnNotify notify;
        bool notifyGiven = false;        // send NOTIFY= only when the sender gave one
        QString originalRecipient;       // ORCPT value (decoded), empty = none
    };
    QList<Recipient> recipients;
    qint64 size = 0;
    bool eightBit = false;
    bool smtpUtf8 = false;
    QString envelopeId;                  // ENVID, empty = none
    DsnReturn ret = DsnReturn::Unspecified;
};

// What the next hop did with one recipient.
struct RecipientResult
{
    enum class Kind {
        Delivered,   // 250 after the end of data
        Temporary,   // 4xx, or the connection/transaction failed before an answer: retry later
        Permanent,   // 5xx: report the failure
    };
    Kind kind = Kind::Temporary;
    int code = 0;               // the SMTP reply code, 0 when there was none (connection lost, timeout)
    QString statusCode;         // RFC 3463, from the reply or chosen: "4.4.2" lost, "4.4.7" timeout, "5.6.3" ...
    QString reply;              // the reply's text lines joined with ' ' ("550 5.1.1 <x>: User unknown"), or why
};

// Settings for one connection.
struct SmtpClientOptions
{
    QString heloName;           // server.hostname
    OutboundTls tls = OutboundTls::Opportunistic;
    bool implicitTls = false;   // the driver started TLS before the greeting
    QString authUser;           // empty: never AUTH
    QString authPassword;
};

// The client side of RFC 5321 as a pure state machine, like SmtpSession on the server side:
// fed the peer's bytes (plaintext; TLS sits around it), it emits commands and tells the driver
// when to do what it cannot (start TLS, stream the body, downgrade 8-bit content, close).
// EHLO with fallback to HELO; SIZE, PIPELINING (RFC 2920: MAIL, every RCPT and DATA in one go),
// 8BITMIME, SMTPUTF8, DSN (RFC 3461: NOTIFY, ORCPT, RET, ENVID only when the peer offers DSN),
// STARTTLS per options.tls (RFC 3207: EHLO again afterwards), AUTH PLAIN or LOGIN (RFC 4954)
// only over TLS. Several messages may go over one connection (startNext).
class SmtpClientSession
{
public:
    enum class Step {
        Waiting,      // for the peer: feed receive(); the driver arms timeoutMs()
        StartTls,     // run the TLS handshake now, then call tlsStarted()
        Downgrade,    // the body is 8-bit and the peer lacks 8BITMIME: call downgradeReady()
        SendBody,     // stream the message: bodyBytes() for each chunk of the file, then bodyDone()
        Idle,         // this message is finished and the connection may carry another: startNext() or quit()
        Closing,      // QUIT sent (or a fatal reply): send what is left, then close the connection
        Closed,       // nothing more; results() is complete
    };

    SmtpClientSession(SmtpClientOptions options, OutboundEnvelope envelope);
    ~SmtpClientSession();

    // The peer's bytes, in any chunking.
    void receive(QByteArrayView bytes);
    // Commands (and body bytes) to send, in order.
    [[nodiscard]] QByteArray takeOutput();
    [[nodiscard]] Step step() const;

    // RFC 5321 §4.5.3.2 for what is being waited for: 5 min greeting, MAIL and RCPT, 2 min DATA
    // initiation, 3 min per data block, 10 min after the end of data. 0 while not waiting.
    [[nodiscard]] int timeoutMs() const;
    // Lets tests (and the outbound.timeout_scale_percent setting) shorten every timeout.
    void setTimeoutScale(double scale);

    // After StartTls: `ok` false (handshake failed, or Verify and the certificate did not
    // pass, `error` says why) fails this host (hostFailure()), the driver tries the next one.
    void tlsStarted(bool ok, const QString &error);
    // After Downgrade: true when the driver will stream a 7-bit version; false refuses the
    // message for every recipient (5.6.3) and the session moves on (Idle or Closing).
    void downgradeReady(bool ok, const QString &why = {});
    // After SendBody: raw message bytes (CRLF lines, not dot-stuffed); returns nothing, output
    // grows (dot-stuffed, RFC 5321 §4.5.2). bodyDone() ends the data with CRLF.CRLF.
    void bodyBytes(QByteArrayView raw);
    void bodyDone();
    // From Idle: the next message over the same connection (RSET is not needed after a
    // completed transaction). From Idle: QUIT.
    void startNext(OutboundEnvelope envelope);
    void quit();

    // The connection dropped, or the driver's timer for timeoutMs() fired: every recipient
    // without a result gets a Temporary one ("4.4.2" lost / "4.4.7" timed out).
    void connectionLost(const QString &why);
    void timedOut();

    // One result per recipient of the current message, in envelope order, once it is decided
    // (Idle, Closing or Closed); empty before.
    [[nodiscard]] const QList<RecipientResult> &results() const;
    // Set when the trouble is the host, not the message (no greeting, 4xx/5xx greeting, TLS
    // required but not offered or failed, lost before MAIL was answered): the driver tries the
    // next target for the same message. Empty otherwise.
    [[nodiscard]] QString hostFailure() const;
    // What the peer offered after the (last) EHLO: "SIZE", "PIPELINING", "8BITMIME", "DSN", ...
    [[nodiscard]] QStringList peerExtensions() const;
    [[nodiscard]] bool usedTls() const;
    // The peer's greeting host name (the first word after 220), for Remote-MTA.
    [[nodiscard]] QString peerName() const;

private:
    struct State;
    std::unique_ptr<State> d;
};
