#pragma once

#include "smtpclientsession.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// The SmtpClientSession tests' transcript language: "S: line" is what the peer says, "C: line"
// what the session must send next (exactly), "! action" is the driver's part (tls ok|fail WHY,
// downgrade ok|fail WHY, body TEXT, next ENVELOPE, quit, lost WHY, timeout) and "= Step" checks
// the step. Header-only: tests/unit builds one executable per tst_*.cpp and no other source.
namespace ClientTranscript {

enum class Feed { Lines, Bytes, Chunks };

inline SmtpClientOptions optionsFrom(const QString &spec)
{
    SmtpClientOptions options;
    options.heloName = QStringLiteral("me.example");
    for (const QString &word : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (word.startsWith(QLatin1String("tls=")))
            options.tls = parseOutboundTls(word.mid(4)).value();
        else if (word == QLatin1String("implicit"))
            options.implicitTls = true;
        else if (word.startsWith(QLatin1String("auth="))) {
            options.authUser = word.mid(5).section(QLatin1Char(':'), 0, 0);
            options.authPassword = word.mid(5).section(QLatin1Char(':'), 1);
        }
    }
    return options;
}

// Two recipients, 1000 octets, 7-bit; the words change that.
inline OutboundEnvelope envelopeFrom(const QString &spec)
{
    OutboundEnvelope envelope;
    envelope.reversePath = QStringLiteral("alice@example.org");
    envelope.size = 1000;
    QStringList recipients{QStringLiteral("bob@example.net"), QStringLiteral("carol@example.net")};
    for (const QString &word : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (word.startsWith(QLatin1String("rcpts=")))
            recipients = word.mid(6).split(QLatin1Char(','), Qt::SkipEmptyParts);
        else if (word.startsWith(QLatin1String("size=")))
            envelope.size = word.mid(5).toLongLong();
        else if (word == QLatin1String("8bit"))
            envelope.eightBit = true;
        else if (word == QLatin1String("utf8"))
            envelope.smtpUtf8 = true;
        else if (word == QLatin1String("null"))
            envelope.reversePath.clear();
    }
    for (const QString &address : std::as_const(recipients))
        envelope.recipients.append({address, {}, false, {}});
    return envelope;
}

inline QString stepName(SmtpClientSession::Step step)
{
    switch (step) {
    case SmtpClientSession::Step::Waiting: return QStringLiteral("Waiting");
    case SmtpClientSession::Step::StartTls: return QStringLiteral("StartTls");
    case SmtpClientSession::Step::Downgrade: return QStringLiteral("Downgrade");
    case SmtpClientSession::Step::SendBody: return QStringLiteral("SendBody");
    case SmtpClientSession::Step::Idle: return QStringLiteral("Idle");
    case SmtpClientSession::Step::Closing: return QStringLiteral("Closing");
    case SmtpClientSession::Step::Closed: return QStringLiteral("Closed");
    }
    return {};
}

// "D 250 2.0.0|T 451 4.3.0|P 0 5.3.4"
inline QString summary(const QList<RecipientResult> &results)
{
    QStringList parts;
    for (const RecipientResult &result : results) {
        const QChar kind = result.kind == RecipientResult::Kind::Delivered   ? QLatin1Char('D')
                           : result.kind == RecipientResult::Kind::Temporary ? QLatin1Char('T')
                                                                             : QLatin1Char('P');
        parts << QStringLiteral("%1 %2 %3").arg(kind).arg(result.code).arg(result.statusCode);
    }
    return parts.join(QLatin1Char('|'));
}

inline QByteArray unescape(const QString &text)
{
    return text.toUtf8().replace("\\r", "\r").replace("\\n", "\n");
}

// Replays `script` against `session`; returns "" or what went wrong (line number and why).
// The output is checked line by line against the C: lines; none may be left over at the end.
inline QString replay(SmtpClientSession &session, const QStringList &script, Feed feed)
{
    QByteArray sent;
    QByteArray chunk;
    const auto flush = [&] {
        if (chunk.isEmpty())
            return;
        if (feed == Feed::Bytes) {
            for (const char c : std::as_const(chunk))
                session.receive(QByteArrayView(&c, 1));
        } else {
            session.receive(chunk);
        }
        chunk.clear();
    };
    for (qsizetype n = 0; n < script.size(); ++n) {
        const QString &line = script[n];
        const QString rest = line.mid(3);
        if (line.startsWith(QLatin1String("S: "))) {
            chunk += unescape(rest) + "\r\n";
            if (feed != Feed::Chunks)
                flush();
            continue;
        }
        flush();
        sent += session.takeOutput();
        const QString where = QStringLiteral("line %1 (%2): ").arg(n + 1).arg(line);
        if (line.startsWith(QLatin1String("C: "))) {
            const QByteArray expected = rest.toUtf8() + "\r\n";
            const QByteArray actual = sent.left(qMax(expected.size(), sent.indexOf('\n') + 1));
            if (!sent.startsWith(expected))
                return where + QStringLiteral("sent \"%1\"").arg(QString::fromUtf8(actual.left(200)));
            sent.remove(0, expected.size());
        } else if (line.startsWith(QLatin1String("= "))) {
            if (stepName(session.step()) != line.mid(2))
                return where + QStringLiteral("step is %1").arg(stepName(session.step()));
        } else if (line.startsWith(QLatin1String("! "))) {
            const QString verb = line.mid(2).section(QLatin1Char(' '), 0, 0);
            const QString arg = line.mid(2).section(QLatin1Char(' '), 1);
            if (verb == QLatin1String("tls"))
                session.tlsStarted(arg == QLatin1String("ok"), arg.section(QLatin1Char(' '), 1));
            else if (verb == QLatin1String("downgrade"))
                session.downgradeReady(arg == QLatin1String("ok"), arg.section(QLatin1Char(' '), 1));
            else if (verb == QLatin1String("body")) {
                session.bodyBytes(unescape(arg));
                session.bodyDone();
            } else if (verb == QLatin1String("next"))
                session.startNext(envelopeFrom(arg));
            else if (verb == QLatin1String("quit"))
                session.quit();
            else if (verb == QLatin1String("lost"))
                session.connectionLost(arg);
            else if (verb == QLatin1String("timeout"))
                session.timedOut();
            else
                return where + QStringLiteral("unknown action");
        } else {
            return where + QStringLiteral("unknown line");
        }
    }
    flush();
    sent += session.takeOutput();
    if (!sent.isEmpty())
        return QStringLiteral("sent more: \"%1\"").arg(QString::fromUtf8(sent.left(200)));
    return {};
}

}
