#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// The SASL side of one SMTP AUTH command (RFC 4954) for the mechanisms Postern offers, PLAIN
// (RFC 4616) and LOGIN: decodes the initial response and the client's answers to the 334
// challenges into a user name and password, or says which error reply ends the exchange.
// CRAM-MD5 and DIGEST-MD5 are not offered: they need passwords stored reversibly. Pure.
class SmtpAuthExchange
{
public:
    struct Step
    {
        enum class Kind {
            Challenge,     // send `reply` (a 334 line) and pass the client's next line to respond()
            Credentials,   // authorizationId, user and password are set
            Failed,        // send `reply`; the exchange is over
        };
        Kind kind = Kind::Failed;
        QByteArray reply;
        QString authorizationId;   // PLAIN's authzid; empty: the user itself
        QString user;
        QString password;
    };

    // What EHLO advertises after "AUTH ".
    static constexpr const char *kMechanisms = "PLAIN LOGIN";

    // Whether this is one of kMechanisms (any case).
    [[nodiscard]] static bool offers(QByteArrayView mechanism);
    // The AUTH command's argument: "<mechanism> [initial-response]"; "=" is an empty response.
    [[nodiscard]] Step start(QByteArrayView argument);
    // One line from the client after a Challenge; "*" cancels.
    [[nodiscard]] Step respond(QByteArrayView line);
    // The mechanism of the exchange, upper-case, for the log ("" before start()).
    [[nodiscard]] QString mechanism() const { return m_mechanism; }

private:
    enum class Expecting { Nothing, PlainResponse, LoginUser, LoginPassword };

    [[nodiscard]] Step accept(Expecting expecting, QByteArrayView response);
    [[nodiscard]] Step challenge(Expecting next, const QByteArray &text);
    [[nodiscard]] Step fail(const QByteArray &reply);

    Expecting m_expecting = Expecting::Nothing;
    QString m_mechanism;
    QString m_user;   // LOGIN's user name while its password is asked for
};
