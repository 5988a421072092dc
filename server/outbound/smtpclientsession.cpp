#include "smtpclientsession.h"

#include <utility>

#include "dotstuffer.h"
#include "smtpclientcommands.h"
#include "smtpclienttransaction.h"
#include "smtpextensions.h"
#include "smtpreplyparser.h"

namespace {

// Where the conversation is. One value, never a cluster of flags (STYLE.md rule 3).
enum class Phase {
    Greeting, Ehlo, Helo, StartTls, TlsHandshake, AuthPlain, AuthLogin, AuthLoginUser, AuthLoginPassword,
    Downgrade, Rset, Transaction, Body, Idle, Quit, Closed,
};

constexpr int Minute = 60 * 1000;

}

struct SmtpClientSession::State
{
    SmtpClientOptions options;
    OutboundEnvelope envelope;
    Phase phase = Phase::Greeting;
    SmtpReplyParser parser;
    SmtpExtensions extensions;
    SmtpClientTransaction transaction;
    DotStuffer stuffer;
    QByteArray output;
    QList<RecipientResult> results;   // published once every outcome is known
    QString hostFailure;
    QString peerName;
    double timeoutScale = 1.0;
    bool usedTls = false;
    bool tlsDeclined = false;         // STARTTLS refused and options.tls lets us go on in plaintext
    bool authenticated = false;
    bool downgraded = false;
    bool transactionOpen = false;     // the last transaction did not complete: RSET first

    void send(const QByteArray &line) { output += line; }
    [[nodiscard]] QString peer() const { return peerName.isEmpty() ? QStringLiteral("the server") : peerName; }
    [[nodiscard]] QString stage() const;

    void handle(const SmtpReply &reply);
    void greeted(const SmtpReply &reply);
    void helloAnswered(const SmtpReply &reply);
    void startTlsAnswered(const SmtpReply &reply);
    void afterHello();
    void authAnswered(const SmtpReply &reply);
    void beginMessage();
    void continueMessage();
    void transactionAnswered(const SmtpReply &reply);
    void finishMessage();
    void refuseMessage(const QString &statusCode, const QString &reason);
    // Every undecided recipient Temporary; a host failure when `hostTrouble` and something was
    // undecided; QUIT; Closing.
    void fail(const QString &reason, bool hostTrouble, const SmtpReply *reply = nullptr);
    void protocolError(const QString &what);
    void dropped(const QString &reason, const QString &statusCode);
};

QString SmtpClientSession::State::stage() const
{
    switch (phase) {
    case Phase::Greeting: return QStringLiteral("before the greeting");
    case Phase::Ehlo: return QStringLiteral("after EHLO");
    case Phase::Helo: return QStringLiteral("after HELO");
    case Phase::StartTls: return QStringLiteral("after STARTTLS");
    case Phase::TlsHandshake: return QStringLiteral("during the TLS handshake");
    case Phase::AuthPlain:
    case Phase::AuthLogin:
    case Phase::AuthLoginUser:
    case Phase::AuthLoginPassword: return QStringLiteral("after AUTH");
    case Phase::Downgrade: return QStringLiteral("before MAIL");
    case Phase::Rset: return QStringLiteral("after RSET");
    case Phase::Transaction: return transaction.stage();
    case Phase::Body: return QStringLiteral("while sending the message");
    case Phase::Idle: return QStringLiteral("between messages");
    case Phase::Quit: return QStringLiteral("after QUIT");
    case Phase::Closed: break;
    }
    return QStringLiteral("after the session ended");
}

void SmtpClientSession::State::fail(const QString &reason, bool hostTrouble, const SmtpReply *reply)
{
    const bool open = transaction.undecided() && phase != Phase::Idle;
    if (hostTrouble && open && hostFailure.isEmpty())
        hostFailure = reason;
    if (open) {
        // Temporary whatever the reply said: the message is tried again (another host, later).
        QString status = reply ? reply->statusCode() : QString();
        status = status.isEmpty() ? QStringLiteral("4.4.0") : QLatin1Char('4') + status.mid(1);
        transaction.decideUndecided(SmtpClientTransaction::result(RecipientResult::Kind::Temporary, reply ? reply->code() : 0,
                                                                  status, reply ? reply->text() : reason));
        results = transaction.results();
    }
    send("QUIT\r\n");
    phase = Phase::Quit;
}

void SmtpClientSession::State::protocolError(const QString &what)
{
    fail(QStringLiteral("protocol error with %1 %2: %3").arg(peer(), stage(), what), true);
}

void SmtpClientSession::State::dropped(const QString &reason, const QString &statusCode)
{
    if (phase != Phase::Idle && phase != Phase::Quit && phase != Phase::Closed) {
        if (!transaction.mailAnswered() && transaction.undecided() && hostFailure.isEmpty())
            hostFailure = reason;
        transaction.decideUndecided(SmtpClientTransaction::result(RecipientResult::Kind::Temporary, 0, statusCode, reason));
        results = transaction.results();
    }
    phase = Phase::Closed;
}

void SmtpClientSession::State::handle(const SmtpReply &reply)
{
    if (reply.code() == 421 && phase != Phase::Quit) {
        fail(QStringLiteral("%1 is closing the connection: %2").arg(peer(), reply.text()), !transaction.mailAnswered(),
             &reply);
        return;
    }
    switch (phase) {
    case Phase::Greeting: greeted(reply); return;
    case Phase::Ehlo:
    case Phase::Helo: helloAnswered(reply); return;
    case Phase::StartTls: startTlsAnswered(reply); return;
    case Phase::AuthPlain:
    case Phase::AuthLogin:
    case Phase::AuthLoginUser:
    case Phase::AuthLoginPassword: authAnswered(reply); return;
    case Phase::Rset:
        if (reply.kind() != 2) {
            fail(QStringLiteral("%1 refused RSET: %2").arg(peer(), reply.text()), true, &reply);
            return;
        }
        transactionOpen = false;
        phase = Phase::Transaction;
        transaction.begin(envelope, extensions, envelope.eightBit && !downgraded, output);
        return;
    case Phase::Transaction: transactionAnswered(reply); return;
    case Phase::Quit: phase = Phase::Closed; return;
    case Phase::TlsHandshake:
    case Phase::Downgrade:
    case Phase::Body:
    case Phase::Idle:
    case Phase::Closed: break;
    }
    protocolError(QStringLiteral("unexpected reply \"%1\"").arg(reply.text()));
}

void SmtpClientSession::State::greeted(const SmtpReply &reply)
{
    if (reply.code() != 220) {
        fail(QStringLiteral("%1 greeted with \"%2\"").arg(peer(), reply.text()), true, &reply);
        return;
    }
    const QByteArray first = reply.texts().first().trimmed();
    const qsizetype space = first.indexOf(' ');
    peerName = QString::fromUtf8(space < 0 ? first : first.left(space)).left(255);
    send("EHLO " + options.heloName.toUtf8() + "\r\n");
    phase = Phase::Ehlo;
}

void SmtpClientSession::State::helloAnswered(const SmtpReply &reply)
{
    if (reply.kind() == 2) {
        extensions = phase == Phase::Ehlo ? SmtpExtensions::parse(reply.texts()) : SmtpExtensions();
        afterHello();
        return;
    }
    // RFC 5321 §3.2: a server that does not know EHLO answers 5xx; HELO then, without extensions.
    if (phase == Phase::Ehlo && reply.kind() == 5) {
        send("HELO " + options.heloName.toUtf8() + "\r\n");
        phase = Phase::Helo;
        return;
    }
    const QString verb = phase == Phase::Ehlo ? QStringLiteral("EHLO") : QStringLiteral("HELO");
    fail(QStringLiteral("%1 refused %2: %3").arg(peer(), verb, reply.text()), true, &reply);
}

void SmtpClientSession::State::startTlsAnswered(const SmtpReply &reply)
{
    if (reply.code() == 220) {
        phase = Phase::TlsHandshake;
        return;
    }
    if (options.tls != OutboundTls::Opportunistic) {
        fail(QStringLiteral("TLS required but %1 refused STARTTLS: %2").arg(peer(), reply.text()), true, &reply);
        return;
    }
    tlsDeclined = true;
    afterHello();
}

void SmtpClientSession::State::afterHello()
{
    const bool wantTls = options.tls != OutboundTls::None && !usedTls && !tlsDeclined;
    if (wantTls) {
        if (extensions.has(QStringLiteral("STARTTLS"))) {
            send("STARTTLS\r\n");
            phase = Phase::StartTls;
            return;
        }
        if (options.tls != OutboundTls::Opportunistic) {
            fail(QStringLiteral("TLS required but %1 does not offer STARTTLS").arg(peer()), true);
            return;
        }
    }
    if (!options.authUser.isEmpty() && !authenticated) {
        const QStringList mechanisms = extensions.authMechanisms();
        if (!usedTls) {
            fail(QStringLiteral("will not log in to %1 without TLS").arg(peer()), true);
        } else if (mechanisms.contains(QStringLiteral("PLAIN"))) {
            send(SmtpClientCommands::authPlain(options.authUser, options.authPassword));
            phase = Phase::AuthPlain;
        } else if (mechanisms.contains(QStringLiteral("LOGIN"))) {
            send("AUTH LOGIN\r\n");
            phase = Phase::AuthLogin;
        } else if (mechanisms.isEmpty()) {
            fail(QStringLiteral("a login is configured but %1 does not offer AUTH").arg(peer()), true);
        } else {
            fail(QStringLiteral("%1 offers no AUTH mechanism we use (PLAIN, LOGIN), only %2")
                     .arg(peer(), mechanisms.join(QLatin1Char(' '))),
                 true);
        }
        return;
    }
    beginMessage();
}

void SmtpClientSession::State::authAnswered(const SmtpReply &reply)
{
    const bool done = reply.code() == 235 && (phase == Phase::AuthPlain || phase == Phase::AuthLoginPassword);
    if (done) {
        authenticated = true;
        beginMessage();
        return;
    }
    if (reply.code() == 334 && phase == Phase::AuthLogin) {
        send(options.authUser.toUtf8().toBase64() + "\r\n");
        phase = Phase::AuthLoginUser;
        return;
    }
    if (reply.code() == 334 && phase == Phase::AuthLoginUser) {
        send(options.authPassword.toUtf8().toBase64() + "\r\n");
        phase = Phase::AuthLoginPassword;
        return;
    }
    // Never a bounce: a wrong password is the admin's to fix, the message waits in the queue.
    fail(QStringLiteral("the smart host refused the login as %1: %2").arg(options.authUser, reply.text()), true, &reply);
}

void SmtpClientSession::State::beginMessage()
{
    const qint64 limit = extensions.has(QStringLiteral("SIZE")) ? extensions.sizeLimit() : 0;
    if (envelope.recipients.isEmpty()) {
        finishMessage();
    } else if (envelope.smtpUtf8 && !extensions.has(QStringLiteral("SMTPUTF8"))) {
        refuseMessage(QStringLiteral("5.6.7"), QStringLiteral("the message needs SMTPUTF8, which %1 does not support").arg(peer()));
    } else if (limit > 0 && envelope.size > limit) {
        refuseMessage(QStringLiteral("5.3.4"), QStringLiteral("the message (%1 octets) is larger than %2 accepts (%3 octets)")
                                                   .arg(envelope.size)
                                                   .arg(peer())
                                                   .arg(limit));
    } else if (envelope.eightBit && !downgraded && !extensions.has(QStringLiteral("8BITMIME"))) {
        phase = Phase::Downgrade;
    } else {
        continueMessage();
    }
}

void SmtpClientSession::State::continueMessage()
{
    if (transactionOpen) {
        send("RSET\r\n");
        phase = Phase::Rset;
        return;
    }
    phase = Phase::Transaction;
    transaction.begin(envelope, extensions, envelope.eightBit && !downgraded, output);
}

void SmtpClientSession::State::transactionAnswered(const SmtpReply &reply)
{
    switch (transaction.handle(reply, output)) {
    case SmtpClientTransaction::Next::Waiting: return;
    case SmtpClientTransaction::Next::SendBody:
        stuffer = DotStuffer();
        phase = Phase::Body;
        return;
    case SmtpClientTransaction::Next::Done: finishMessage(); return;
    }
}

void SmtpClientSession::State::refuseMessage(const QString &statusCode, const QString &reason)
{
    transaction.decideUndecided(SmtpClientTransaction::result(RecipientResult::Kind::Permanent, 0, statusCode, reason));
    finishMessage();
}

void SmtpClientSession::State::finishMessage()
{
    transactionOpen = transaction.open();
    results = transaction.results();
    phase = Phase::Idle;
}

SmtpClientSession::SmtpClientSession(SmtpClientOptions options, OutboundEnvelope envelope)
    : d(std::make_unique<State>())
{
    d->options = std::move(options);
    d->usedTls = d->options.implicitTls;
    d->envelope = std::move(envelope);
    d->transaction = SmtpClientTransaction(d->envelope.recipients.size());
}

SmtpClientSession::~SmtpClientSession() = default;

void SmtpClientSession::receive(QByteArrayView bytes)
{
    if (d->phase == Phase::Closed)
        return;
    // RFC 3207 §4.2 (and CVE-2011-0411 the other way round): nothing read before the
    // handshake may count as said under TLS.
    if (d->phase == Phase::TlsHandshake)
        return;
    d->parser.feed(bytes);
    while (d->phase != Phase::Closed && d->phase != Phase::TlsHandshake) {
        SmtpReply reply;
        const SmtpReplyParser::Status status = d->parser.next(reply);
        if (status == SmtpReplyParser::Status::NeedMore)
            return;
        if (status == SmtpReplyParser::Status::Error) {
            // Waiting for QUIT's reply, anything will do; otherwise the peer is broken.
            if (d->phase == Phase::Quit)
                d->phase = Phase::Closed;
            else
                d->protocolError(d->parser.error());
            return;
        }
        d->handle(reply);
    }
    if (d->phase == Phase::TlsHandshake)
        d->parser.clear();
}

QByteArray SmtpClientSession::takeOutput()
{
    return std::exchange(d->output, {});
}

SmtpClientSession::Step SmtpClientSession::step() const
{
    switch (d->phase) {
    case Phase::TlsHandshake: return Step::StartTls;
    case Phase::Downgrade: return Step::Downgrade;
    case Phase::Body: return Step::SendBody;
    case Phase::Idle: return Step::Idle;
    case Phase::Quit: return Step::Closing;
    case Phase::Closed: return Step::Closed;
    default: return Step::Waiting;
    }
}

int SmtpClientSession::timeoutMs() const
{
    int ms = 0;
    switch (d->phase) {
    case Phase::Greeting:
    case Phase::Ehlo:
    case Phase::Helo:
    case Phase::StartTls:
    case Phase::AuthPlain:
    case Phase::AuthLogin:
    case Phase::AuthLoginUser:
    case Phase::AuthLoginPassword:
    case Phase::Rset: ms = 5 * Minute; break;
    case Phase::Transaction: ms = d->transaction.timeoutMs(); break;
    case Phase::Body: ms = 3 * Minute; break;
    case Phase::Quit: ms = 1 * Minute; break;
    case Phase::TlsHandshake:
    case Phase::Downgrade:
    case Phase::Idle:
    case Phase::Closed: return 0;
    }
    return qMax(1, qRound(ms * d->timeoutScale));
}

void SmtpClientSession::setTimeoutScale(double scale)
{
    d->timeoutScale = scale > 0 ? scale : 1.0;
}

void SmtpClientSession::tlsStarted(bool ok, const QString &error)
{
    if (d->phase != Phase::TlsHandshake)
        return;
    d->parser.clear();
    if (!ok) {
        const QString reason = QStringLiteral("TLS with %1 failed: %2").arg(d->peer(), error);
        d->dropped(reason, QStringLiteral("4.7.5"));
        return;
    }
    // RFC 3207 §4.2: forget what was learned in plaintext and ask again.
    d->usedTls = true;
    d->extensions = SmtpExtensions();
    d->send("EHLO " + d->options.heloName.toUtf8() + "\r\n");
    d->phase = Phase::Ehlo;
}

void SmtpClientSession::downgradeReady(bool ok, const QString &why)
{
    if (d->phase != Phase::Downgrade)
        return;
    if (ok) {
        d->downgraded = true;
        d->continueMessage();
        return;
    }
    const QString reason = why.isEmpty() ? QStringLiteral("the 8-bit message cannot be converted for %1, which lacks 8BITMIME")
                                               .arg(d->peer())
                                         : why;
    d->refuseMessage(QStringLiteral("5.6.3"), reason);
}

void SmtpClientSession::bodyBytes(QByteArrayView raw)
{
    if (d->phase == Phase::Body)
        d->stuffer.stuff(raw, d->output);
}

void SmtpClientSession::bodyDone()
{
    if (d->phase != Phase::Body)
        return;
    d->stuffer.finish(d->output);
    d->transaction.endOfDataSent();
    d->phase = Phase::Transaction;
}

void SmtpClientSession::startNext(OutboundEnvelope envelope)
{
    if (d->phase != Phase::Idle)
        return;
    d->envelope = std::move(envelope);
    d->transaction = SmtpClientTransaction(d->envelope.recipients.size());
    d->results.clear();
    d->hostFailure.clear();
    d->downgraded = false;
    d->beginMessage();
}

void SmtpClientSession::quit()
{
    if (d->phase == Phase::Quit || d->phase == Phase::Closed)
        return;
    d->fail(QStringLiteral("the session was ended %1").arg(d->stage()), false);
}

void SmtpClientSession::connectionLost(const QString &why)
{
    const QString reason = QStringLiteral("connection lost %1").arg(d->stage());
    d->dropped(why.isEmpty() ? reason : reason + QStringLiteral(": ") + why, QStringLiteral("4.4.2"));
}

void SmtpClientSession::timedOut()
{
    d->dropped(QStringLiteral("timed out %1").arg(d->stage()), QStringLiteral("4.4.7"));
}

const QList<RecipientResult> &SmtpClientSession::results() const
{
    return d->results;
}

QString SmtpClientSession::hostFailure() const
{
    return d->hostFailure;
}

QStringList SmtpClientSession::peerExtensions() const
{
    return d->extensions.keywords();
}

bool SmtpClientSession::usedTls() const
{
    return d->usedTls;
}

QString SmtpClientSession::peerName() const
{
    return d->peerName;
}
