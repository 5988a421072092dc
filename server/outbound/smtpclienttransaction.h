#pragma once

#include "smtpclientsession.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

class SmtpExtensions;
class SmtpReply;

// One message's transaction for SmtpClientSession: MAIL, RCPT, DATA (all in one write with
// PIPELINING, RFC 2920, else one at a time), the end of data, and what each recipient got.
class SmtpClientTransaction
{
public:
    enum class Next {
        Waiting,    // more replies are owed
        SendBody,   // 354: stream the body, then endOfDataSent()
        Done,       // every recipient has its outcome
    };

    explicit SmtpClientTransaction(qsizetype recipients = 0);

    // Sends MAIL (and with PIPELINING every RCPT and DATA) to `out`.
    void begin(const OutboundEnvelope &envelope, const SmtpExtensions &peer, bool eightBit, QByteArray &out);
    // The next reply owed; may append the next command to `out`.
    [[nodiscard]] Next handle(const SmtpReply &reply, QByteArray &out);
    void endOfDataSent();

    [[nodiscard]] bool mailAnswered() const { return m_mailAnswered; }
    // MAIL was accepted but no end of data was answered: the server still holds a transaction.
    [[nodiscard]] bool open() const { return m_open; }
    [[nodiscard]] bool undecided() const;
    void decideUndecided(const RecipientResult &result);
    // Every outcome, undecided ones as Temporary (only reached through a bug).
    [[nodiscard]] QList<RecipientResult> results() const;
    // "after RCPT", for the reason of a lost connection.
    [[nodiscard]] QString stage() const;
    // RFC 5321 §4.5.3.2 for the reply owed first.
    [[nodiscard]] int timeoutMs() const;

    [[nodiscard]] static RecipientResult result(RecipientResult::Kind kind, int code, const QString &statusCode,
                                                const QString &reply);
    // 2xx: `success`; 5xx: Permanent; anything else: Temporary.
    [[nodiscard]] static RecipientResult result(const SmtpReply &reply,
                                                RecipientResult::Kind success = RecipientResult::Kind::Delivered);

private:
    struct Pending
    {
        enum class Kind { Mail, Rcpt, Data, EndOfData, DiscardedData } kind;
        int index = 0;   // the recipient, for Rcpt
    };

    void sendRcpt(int index, QByteArray &out);
    [[nodiscard]] Next advanceLockStep(QByteArray &out);
    void decideAccepted(const SmtpReply &reply);

    const OutboundEnvelope *m_envelope = nullptr;
    const SmtpExtensions *m_peer = nullptr;
    QList<Pending> m_pending;
    QList<std::optional<RecipientResult>> m_outcomes;
    QList<bool> m_accepted;    // RCPT answered 2xx
    int m_nextRcpt = 0;        // lock-step: the next RCPT to send
    bool m_mailAnswered = false;
    bool m_mailRefused = false;
    bool m_open = false;
};
