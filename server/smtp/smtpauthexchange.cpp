#include "smtpauthexchange.h"

#include <optional>

#include <QList>
#include <QStringDecoder>

#include "saslplain.h"

namespace {

const QByteArray kCancelled = "501 5.0.0 Authentication cancelled";
const QByteArray kBadBase64 = "501 5.5.2 Cannot decode response";
const QByteArray kSyntax = "501 5.5.4 Syntax: AUTH mechanism [initial-response]";
const QByteArray kUnknownMechanism = "504 5.5.4 Unrecognized authentication type";

// The base64 of a response line; "=" is the empty response (RFC 4954 §4). nullopt when the text
// is not base64.
std::optional<QByteArray> decodeResponse(QByteArrayView text)
{
    if (text == QByteArrayView("="))
        return QByteArray();
    if (text.isEmpty())
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(text.toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return decoded.decoded;
}

std::optional<QString> utf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError() || text.contains(QChar(0)))
        return std::nullopt;
    return text;
}

}

SmtpAuthExchange::Step SmtpAuthExchange::fail(const QByteArray &reply)
{
    m_expecting = Expecting::Nothing;
    m_user.clear();
    Step step;
    step.kind = Step::Kind::Failed;
    step.reply = reply;
    return step;
}

SmtpAuthExchange::Step SmtpAuthExchange::challenge(Expecting next, const QByteArray &text)
{
    m_expecting = next;
    Step step;
    step.kind = Step::Kind::Challenge;
    step.reply = "334 " + text.toBase64();
    return step;
}

bool SmtpAuthExchange::offers(QByteArrayView mechanism)
{
    const QByteArray name = mechanism.toByteArray().toUpper();
    return name == "PLAIN" || name == "LOGIN";
}

SmtpAuthExchange::Step SmtpAuthExchange::start(QByteArrayView argument)
{
    m_expecting = Expecting::Nothing;
    m_user.clear();
    const QList<QByteArray> words = argument.toByteArray().split(' ');
    const QByteArray name = words.value(0).toUpper();
    m_mechanism = QString::fromLatin1(name);
    if (name.isEmpty() || words.size() > 2)
        return fail(kSyntax);
    if (name == "PLAIN")
        return words.size() == 2 ? accept(Expecting::PlainResponse, words.at(1)) : challenge(Expecting::PlainResponse, {});
    if (name == "LOGIN")
        return words.size() == 2 ? accept(Expecting::LoginUser, words.at(1)) : challenge(Expecting::LoginUser, "Username:");
    return fail(kUnknownMechanism);
}

SmtpAuthExchange::Step SmtpAuthExchange::respond(QByteArrayView line)
{
    if (m_expecting == Expecting::Nothing)
        return fail(kSyntax);
    if (line == QByteArrayView("*"))
        return fail(kCancelled);
    return accept(m_expecting, line);
}

SmtpAuthExchange::Step SmtpAuthExchange::accept(Expecting expecting, QByteArrayView response)
{
    const std::optional<QByteArray> decoded = decodeResponse(response);
    if (!decoded)
        return fail(kBadBase64);
    Step done;
    done.kind = Step::Kind::Credentials;
    switch (expecting) {
    case Expecting::PlainResponse: {
        const SaslPlain plain = SaslPlain::fromMessage(*decoded);
        if (!plain.ok)
            return fail("501 5.5.2 Malformed PLAIN response");
        done.authorizationId = plain.authorizationId;
        done.user = plain.user;
        done.password = plain.password;
        break;
    }
    case Expecting::LoginUser: {
        const std::optional<QString> user = utf8(*decoded);
        if (!user || user->isEmpty())
            return fail("501 5.5.2 Malformed LOGIN user name");
        m_user = *user;
        return challenge(Expecting::LoginPassword, "Password:");
    }
    case Expecting::LoginPassword: {
        const std::optional<QString> password = utf8(*decoded);
        if (!password)
            return fail("501 5.5.2 Malformed LOGIN password");
        done.user = std::exchange(m_user, {});
        done.password = *password;
        break;
    }
    case Expecting::Nothing:
        return fail(kSyntax);
    }
    m_expecting = Expecting::Nothing;
    return done;
}
