#include "pop3session.h"

#include "authenticator.h"
#include "enginecounters.h"
#include "log.h"
#include "loghub.h"
#include "loginrecorder.h"
#include "logsanitizer.h"
#include "passwordfingerprint.h"
#include "authenticator.h"
#include "pop3command.h"
#include "pop3messagelist.h"
#include "pop3transaction.h"
#include "saslplain.h"
#include "sessiontransport.h"

namespace {

bool looksLikeTlsHandshake(QByteArrayView bytes)
{
    return bytes.size() >= 2 && bytes[0] == 0x16 && bytes[1] == 0x03;
}

// Command lines are logged at debug level only; skip building them otherwise.
bool debugEnabled()
{
    const LogHub *hub = Log::hub();
    return hub && hub->minimumLevel() <= LogLevel::Debug;
}

}

QString Pop3Session::stateName(State state)
{
    switch (state) {
    case State::Authorization: return QStringLiteral("authorization");
    case State::SaslResponse: return QStringLiteral("sasl-response");
    case State::WaitingForAuth: return QStringLiteral("waiting-for-auth");
    case State::StartingTls: return QStringLiteral("starting-tls");
    case State::Transaction: return QStringLiteral("transaction");
    case State::Update: return QStringLiteral("update");
    case State::Closed: return QStringLiteral("closed");
    }
    return QStringLiteral("unknown");
}

Pop3Session::Pop3Session(Pop3SessionConfig config, ClientInfo client, SessionTransport &transport,
                         Authenticator &authenticator, MaildropOpener opener, LoginRecorder &recorder,
                         AuthFailureRecorder &failures)
    : m_config(std::move(config))
    , m_client(std::move(client))
    , m_transport(transport)
    , m_authenticator(authenticator)
    , m_opener(std::move(opener))
    , m_recorder(recorder)
    , m_attempts(m_client, failures, m_config.clock)
{
}

Pop3Session::~Pop3Session() = default;

void Pop3Session::log(const QString &text) const
{
    Log::info(m_client.service, m_client.sessionId, text);
}

void Pop3Session::reply(const QByteArray &line)
{
    m_outbox += line;
    m_outbox += "\r\n";
}

void Pop3Session::badCommand(const QByteArray &line)
{
    if (++m_badCommands > m_config.maxBadCommands) {
        log(QStringLiteral("closing: more than %1 bad commands").arg(m_config.maxBadCommands));
        reply("-ERR too many errors, closing");
        closeSession();
        return;
    }
    reply(line);
}

void Pop3Session::flush()
{
    if (!m_outbox.isEmpty())
        m_transport.send(std::exchange(m_outbox, {}));
}

void Pop3Session::closeSession()
{
    m_state = State::Closed;
    m_producer = nullptr;
    m_transaction.reset();   // releases the maildrop lock; deletes nothing
}

void Pop3Session::start()
{
    m_transport.setIdleTimeout(m_config.idleTimeoutMs);
    reply("+OK Postern ready");
    flush();
}

void Pop3Session::receive(QByteArrayView bytes)
{
    // While the handshake runs nothing is plaintext for us any more (RFC 2595 §4).
    if (m_state == State::Closed || m_state == State::StartingTls)
        return;
    m_input.append(bytes);
    pump();
    if (m_state != State::Closed && m_input.size() > m_config.maxPendingInput) {
        // Only reachable while a reply waits for the client: it sends without reading.
        Log::warning(m_client.service, m_client.sessionId,
                     QStringLiteral("closing: more than %1 bytes of commands pipelined while replies wait")
                         .arg(m_config.maxPendingInput));
        closeSession();
        m_closeSent = true;
        m_transport.close();
    }
}

void Pop3Session::outputDrained()
{
    m_outputProgressed = true;
    if (m_state != State::Closed)
        pump();
}

void Pop3Session::timedOut()
{
    if (m_state == State::Closed)
        return;
    const bool waitingForClient = m_producer || m_transport.queuedOutputBytes() >= kHighWaterBytes;
    if (waitingForClient && m_outputProgressed) {
        m_outputProgressed = false;   // a slow download, not an idle client
        return;
    }
    log(QStringLiteral("timeout in state %1%2").arg(stateName(m_state), m_producer ? QStringLiteral(" during a reply") : QString()));
    // In the middle of a multi-line reply an error line would be taken for message data.
    if (!m_producer)
        reply("-ERR disconnected for inactivity");
    closeSession();
    flush();
    m_closeSent = true;
    m_transport.close();
}

void Pop3Session::disconnected()
{
    if (m_state == State::Transaction)
        log(QStringLiteral("connection lost before QUIT: nothing deleted for %1").arg(m_account));
    closeSession();
    m_closeSent = true;
}

void Pop3Session::pump()
{
    if (m_pumping)
        return;   // re-entered from a synchronous authenticator answer: the loop below goes on
    m_pumping = true;
    while (m_state != State::Closed) {
        if (m_outbox.size() >= kSendBytes)
            flush();
        if (m_transport.queuedOutputBytes() >= kHighWaterBytes)
            break;   // outputDrained() continues
        if (m_producer) {
            const Pop3MessageStream::Status status = m_producer(m_outbox);
            if (status == Pop3MessageStream::Status::More)
                continue;
            m_producer = nullptr;
            if (status == Pop3MessageStream::Status::Failed) {
                Log::error(m_client.service, m_client.sessionId,
                           QStringLiteral("read error while sending a message to %1: closing").arg(m_account));
                closeSession();
            }
            continue;
        }
        if (m_state == State::WaitingForAuth || m_state == State::StartingTls || !takeLine())
            break;
    }
    if (m_inputPos > 0) {
        m_input.remove(0, m_inputPos);
        m_scanFrom -= m_inputPos;
        m_inputPos = 0;
    }
    flush();
    m_pumping = false;
    if (m_state == State::Closed && !m_closeSent) {
        m_closeSent = true;
        m_transport.close();
    }
}

bool Pop3Session::takeLine()
{
    const QByteArrayView pending = QByteArrayView(m_input).sliced(m_inputPos);
    if (pending.isEmpty())
        return false;
    // Checked before looking for a line end: a ClientHello usually contains a 0x0A byte.
    if (!m_sawLine && looksLikeTlsHandshake(pending)) {
        log(QStringLiteral("TLS handshake on a plain-text port: closing"));
        reply("-ERR TLS handshake on a plain-text port");
        closeSession();
        m_inputPos = m_input.size();
        m_scanFrom = m_inputPos;
        return true;
    }
    const qsizetype lf = m_input.indexOf('\n', std::max(m_scanFrom, m_inputPos));
    if (lf < 0) {
        if (pending.size() >= m_config.maxLineLength) {
            // Never buffer an endless line: answer now and drop the rest of it as it comes.
            if (!m_discardingLongLine) {
                if (m_state == State::SaslResponse)
                    m_state = State::Authorization;
                badCommand("-ERR line too long");
            }
            m_discardingLongLine = true;
            m_inputPos = m_input.size();
        }
        m_scanFrom = m_input.size();
        return false;
    }
    QByteArrayView line = QByteArrayView(m_input).sliced(m_inputPos, lf + 1 - m_inputPos);
    m_inputPos = lf + 1;
    m_scanFrom = m_inputPos;
    m_sawLine = true;
    if (m_discardingLongLine || line.size() > m_config.maxLineLength) {
        if (!m_discardingLongLine) {
            if (m_state == State::SaslResponse)
                m_state = State::Authorization;
            badCommand("-ERR line too long");
        }
        m_discardingLongLine = false;
        return true;
    }
    line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    handleLine(line);
    return true;
}

void Pop3Session::handleLine(QByteArrayView line)
{
    const bool logLine = debugEnabled();
    if (m_state == State::SaslResponse) {
        if (logLine)
            Log::debug(m_client.service, m_client.sessionId, QStringLiteral("C: ") + LogSanitizer::redacted());
        m_state = State::Authorization;
        if (line == QByteArrayView("*")) {
            reply("-ERR authentication cancelled");
            return;
        }
        handlePlainResponse(line);
        return;
    }
    if (logLine)
        Log::debug(m_client.service, m_client.sessionId,
                   QStringLiteral("C: ") + LogSanitizer::redactProtocolLine(QString::fromUtf8(line)));
    if (line.contains('\0')) {
        badCommand("-ERR unknown command");
        return;
    }
    const Pop3Command command = Pop3Command::parse(line);
    if (m_state == State::Transaction)
        handleTransaction(command);
    else
        handleAuthorization(command);
}

bool Pop3Session::plaintextAllowed() const
{
    return m_config.plaintextPolicy.allows(m_client.address, m_transport.isEncrypted());
}

bool Pop3Session::refusePlaintext(const QByteArray &keyword)
{
    if (plaintextAllowed())
        return false;
    log(QStringLiteral("%1 refused: %2").arg(QString::fromLatin1(keyword), m_config.plaintextPolicy.refusalReason(m_client.address)));
    if (m_config.counters)
        m_config.counters->refused();
    badCommand("-ERR [AUTH] Plaintext authentication disallowed without TLS");
    return true;
}

void Pop3Session::replyCapabilities()
{
    reply("+OK Capability list follows");
    if (!m_transport.isEncrypted() && m_transport.canStartTls())
        reply("STLS");
    if (plaintextAllowed()) {
        reply("USER");
        reply("SASL PLAIN");
    }
    reply("TOP");
    reply("UIDL");
    reply("RESP-CODES");
    reply("PIPELINING");
    reply("AUTH-RESP-CODE");
    reply("IMPLEMENTATION Postern");
    reply(".");
}

void Pop3Session::handleAuthorization(const Pop3Command &command)
{
    const QByteArray &keyword = command.keyword;
    if (keyword == "CAPA") {
        replyCapabilities();
    } else if (keyword == "STLS") {
        handleStls(command);
    } else if (keyword == "USER") {
        if (refusePlaintext(keyword))
            return;
        if (command.arguments.isEmpty()) {
            badCommand("-ERR Syntax: USER name");
            return;
        }
        // Any name is accepted here, so USER does not tell which accounts exist.
        m_pendingUser = QString::fromUtf8(command.rest).trimmed();
        m_userGiven = true;
        reply("+OK send PASS");
    } else if (keyword == "PASS") {
        if (m_pendingUser.isEmpty()) {
            badCommand("-ERR send USER first");
            return;
        }
        if (command.rest.isEmpty()) {
            badCommand("-ERR Syntax: PASS password");
            return;
        }
        // RFC 1939 §7: the password may contain spaces; everything after the one separator counts.
        beginAuthentication(std::exchange(m_pendingUser, {}), QString::fromUtf8(command.rest), QString(),
                            QStringLiteral("USER"));
    } else if (keyword == "AUTH") {
        handleAuth(command);
    } else if (keyword == "QUIT") {
        reply("+OK Postern signing off");
        closeSession();
    } else if (keyword == "STAT" || keyword == "LIST" || keyword == "RETR" || keyword == "DELE" || keyword == "NOOP"
               || keyword == "RSET" || keyword == "TOP" || keyword == "UIDL") {
        badCommand("-ERR not logged in");
    } else {
        badCommand("-ERR unknown command");
    }
}

void Pop3Session::handleStls(const Pop3Command &command)
{
    if (!command.arguments.isEmpty()) {
        badCommand("-ERR Syntax: STLS");
    } else if (m_transport.isEncrypted()) {
        badCommand("-ERR TLS already active");
    } else if (m_userGiven) {
        badCommand("-ERR STLS only before USER");
    } else if (!m_transport.canStartTls()) {
        log(QStringLiteral("STLS refused: no certificate loaded"));
        reply("-ERR TLS not available");
    } else {
        reply("+OK Begin TLS negotiation");
        // RFC 2595 §4 and CVE-2011-0411: nothing the client sent after STLS is ever executed,
        // and nothing it said before counts afterwards.
        m_inputPos = m_input.size();
        m_scanFrom = m_inputPos;
        m_discardingLongLine = false;
        m_pendingUser.clear();
        m_authUser.clear();
        m_authorizationId.clear();
        m_state = State::StartingTls;
        log(QStringLiteral("STLS: handshake follows"));
        // The +OK must be on its way in clear text before the transport switches to TLS.
        flush();
        m_transport.startTls();
    }
}

void Pop3Session::tlsStarted()
{
    if (m_state != State::StartingTls)
        return;
    m_state = State::Authorization;
    m_userGiven = false;
    m_transport.setIdleTimeout(m_config.idleTimeoutMs);
    log(QStringLiteral("TLS started"));
}

void Pop3Session::handleAuth(const Pop3Command &command)
{
    m_pendingUser.clear();
    if (refusePlaintext(command.keyword))
        return;
    if (command.arguments.isEmpty()) {
        // The pre-CAPA way to ask for the mechanisms (draft of RFC 5034; still sent by some clients).
        reply("+OK");
        reply("PLAIN");
        reply(".");
        return;
    }
    if (command.arguments.first().toUpper() != "PLAIN") {
        badCommand("-ERR unsupported authentication mechanism");
        return;
    }
    if (command.arguments.size() > 2) {
        badCommand("-ERR Syntax: AUTH PLAIN [initial-response]");
        return;
    }
    if (command.arguments.size() == 2) {
        handlePlainResponse(command.arguments.at(1));
        return;
    }
    m_state = State::SaslResponse;
    reply("+ ");
}

void Pop3Session::handlePlainResponse(QByteArrayView base64)
{
    const SaslPlain plain = SaslPlain::decode(base64);
    if (!plain.ok) {
        badCommand("-ERR malformed PLAIN response");
        return;
    }
    beginAuthentication(plain.user, plain.password, plain.authorizationId, QStringLiteral("PLAIN"));
}

void Pop3Session::beginAuthentication(const QString &user, const QString &password, const QString &authorizationId,
                                      const QString &mechanism)
{
    m_state = State::WaitingForAuth;
    m_authUser = user;
    m_authorizationId = authorizationId;
    m_authMechanism = mechanism;
    m_authFingerprint = PasswordFingerprint::of(user, password);
    const quint64 attempt = ++m_authAttempt;
    // The pipeline behind this command waits in the socket, not here.
    m_transport.pauseReading();
    const std::weak_ptr<int> alive = m_alive;
    m_authenticator.authenticate(user, password, [this, alive, attempt](AuthResult result) {
        if (!alive.expired())
            finishAuthentication(attempt, std::move(result));
    });
}

void Pop3Session::finishAuthentication(quint64 attempt, AuthResult result)
{
    if (m_state != State::WaitingForAuth || attempt != m_authAttempt)
        return;
    m_transport.resumeReading();
    switch (m_attempts.conclude(result, m_authUser, m_authorizationId, m_authMechanism, m_authFingerprint)) {
    case LoginAttempts::Verdict::Success:
        openMaildrop(result.account);
        break;
    case LoginAttempts::Verdict::Failure:
        reply("-ERR [AUTH] Authentication failed");
        m_state = State::Authorization;
        break;
    case LoginAttempts::Verdict::TooManyFailures:
        reply("-ERR [AUTH] Too many failed authentication attempts");
        closeSession();
        break;
    case LoginAttempts::Verdict::Temporary:
        // RFC 2449 §8.3: SYS/TEMP tells the client to try again later with the same password.
        reply("-ERR [SYS/TEMP] Temporary authentication failure, try again later");
        m_state = State::Authorization;
        break;
    }
    if (!m_pumping)
        pump();
}

void Pop3Session::openMaildrop(const QString &account)
{
    MaildropOpenResult opened = m_opener ? m_opener(account) : MaildropOpenResult{};
    if (opened.inUse) {
        log(QStringLiteral("login %1 refused: mailbox in use by another session").arg(account));
        reply("-ERR [IN-USE] mailbox locked");
        m_state = State::Authorization;
        return;
    }
    if (!opened.maildrop) {
        Log::error(m_client.service, m_client.sessionId,
                   QStringLiteral("login %1: cannot open the mailbox: %2").arg(account, opened.error));
        reply("-ERR [SYS/TEMP] mailbox unavailable, try again later");
        m_state = State::Authorization;
        return;
    }
    auto messages = std::make_unique<Pop3MessageList>(std::move(opened.maildrop));
    log(QStringLiteral("login %1: %2 messages, %3 octets").arg(account).arg(messages->liveCount()).arg(messages->liveSize()));
    m_transaction = std::make_unique<Pop3Transaction>(std::move(messages), account, m_client);
    m_account = account;
    m_state = State::Transaction;
    m_recorder.recordLogin(m_client.address, account);
    if (m_config.counters)
        m_config.counters->loginSucceeded();
    reply("+OK Logged in, maildrop has " + m_transaction->summary());
}

void Pop3Session::handleTransaction(const Pop3Command &command)
{
    const QByteArray &keyword = command.keyword;
    if (keyword == "CAPA") {
        replyCapabilities();
        return;
    }
    if (keyword == "USER" || keyword == "PASS" || keyword == "AUTH" || keyword == "APOP" || keyword == "STLS") {
        badCommand("-ERR already logged in");
        return;
    }
    if (keyword == "QUIT")
        m_state = State::Update;
    Pop3Transaction::Reply answer = m_transaction->handle(command);
    if (answer.badCommand)
        badCommand(answer.line);
    else
        reply(answer.line);
    if (answer.rest)
        m_producer = std::move(answer.rest);
    if (answer.close)
        closeSession();
    else if (m_state == State::Update)
        m_state = State::Transaction;   // QUIT with an argument is only a syntax error
}
