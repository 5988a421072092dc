// The SASL side of SMTP AUTH on its own: PLAIN's authzid/authcid/passwd split, LOGIN's two
// prompts, initial responses, "=" for empty, "*" to cancel, base64 and UTF-8 errors, and the
// mechanisms offered.

#include "smtpauthexchange.h"

#include <QtTest>

using Step = SmtpAuthExchange::Step;

class TestSmtpAuthExchange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainInitialResponse_data();
    void plainInitialResponse();
    void plainAfterChallenge();
    void loginPrompts();
    void loginInitialResponse();
    void refusals_data();
    void refusals();
    void cancel_data();
    void cancel();
    void offers();
    void passwordKeptExactly();
};

namespace {

QByteArray b64(QByteArrayView text)
{
    return text.toByteArray().toBase64();
}

}

void TestSmtpAuthExchange::plainInitialResponse_data()
{
    QTest::addColumn<QByteArray>("message");   // before base64
    QTest::addColumn<QString>("authzid");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::newRow("no authzid") << QByteArray("\0alice@example.test\0password123", 31) << QString()
                                << QStringLiteral("alice@example.test") << QStringLiteral("password123");
    QTest::newRow("authzid") << QByteArray("boss\0alice\0pw", 13) << QStringLiteral("boss") << QStringLiteral("alice")
                             << QStringLiteral("pw");
    QTest::newRow("empty password") << QByteArray("\0alice\0", 7) << QString() << QStringLiteral("alice") << QString();
    QTest::newRow("utf-8") << QByteArray("\0j\xc3\xb6rg\0p\xc3\xa4ss", 12) << QString() << QStringLiteral("jörg")
                           << QStringLiteral("päss");
    QTest::newRow("spaces kept") << QByteArray("\0alice\0 two words ", 18) << QString() << QStringLiteral("alice")
                                 << QStringLiteral(" two words ");
}

void TestSmtpAuthExchange::plainInitialResponse()
{
    QFETCH(QByteArray, message);
    QFETCH(QString, authzid);
    QFETCH(QString, user);
    QFETCH(QString, password);
    SmtpAuthExchange exchange;
    const Step step = exchange.start("PLAIN " + b64(message));
    QCOMPARE(step.kind, Step::Kind::Credentials);
    QCOMPARE(step.authorizationId, authzid);
    QCOMPARE(step.user, user);
    QCOMPARE(step.password, password);
    QCOMPARE(exchange.mechanism(), QStringLiteral("PLAIN"));
}

void TestSmtpAuthExchange::plainAfterChallenge()
{
    SmtpAuthExchange exchange;
    const Step challenge = exchange.start("plain");
    QCOMPARE(challenge.kind, Step::Kind::Challenge);
    QCOMPARE(challenge.reply, QByteArray("334 "));   // an empty challenge: nothing after the space
    const Step done = exchange.respond(b64(QByteArray("\0bob\0secret", 11)));
    QCOMPARE(done.kind, Step::Kind::Credentials);
    QCOMPARE(done.user, QStringLiteral("bob"));
    QCOMPARE(done.password, QStringLiteral("secret"));
    // The exchange is over: another line is not a response.
    QCOMPARE(exchange.respond(b64("x")).kind, Step::Kind::Failed);
}

void TestSmtpAuthExchange::loginPrompts()
{
    SmtpAuthExchange exchange;
    const Step user = exchange.start("LOGIN");
    QCOMPARE(user.kind, Step::Kind::Challenge);
    QCOMPARE(user.reply, QByteArray("334 VXNlcm5hbWU6"));
    QCOMPARE(QByteArray::fromBase64(user.reply.mid(4)), QByteArray("Username:"));
    const Step password = exchange.respond(b64("alice@example.test"));
    QCOMPARE(password.kind, Step::Kind::Challenge);
    QCOMPARE(password.reply, QByteArray("334 UGFzc3dvcmQ6"));
    QCOMPARE(QByteArray::fromBase64(password.reply.mid(4)), QByteArray("Password:"));
    const Step done = exchange.respond(b64("password123"));
    QCOMPARE(done.kind, Step::Kind::Credentials);
    QCOMPARE(done.user, QStringLiteral("alice@example.test"));
    QCOMPARE(done.password, QStringLiteral("password123"));
    QVERIFY(done.authorizationId.isEmpty());
    QCOMPARE(exchange.mechanism(), QStringLiteral("LOGIN"));
}

void TestSmtpAuthExchange::loginInitialResponse()
{
    SmtpAuthExchange exchange;
    const Step password = exchange.start("LOGIN " + b64("scanner"));
    QCOMPARE(password.kind, Step::Kind::Challenge);
    QCOMPARE(password.reply, QByteArray("334 UGFzc3dvcmQ6"));
    // An empty password ("=") is a password like any other; the authenticator refuses it.
    const Step done = exchange.respond("=");
    QCOMPARE(done.kind, Step::Kind::Credentials);
    QCOMPARE(done.user, QStringLiteral("scanner"));
    QVERIFY(done.password.isEmpty());
}

void TestSmtpAuthExchange::refusals_data()
{
    QTest::addColumn<QByteArray>("argument");
    QTest::addColumn<QByteArray>("response");   // empty: the refusal comes at start()
    QTest::addColumn<QByteArray>("reply");
    const QByteArray syntax = "501 5.5.4 Syntax: AUTH mechanism [initial-response]";
    const QByteArray base64 = "501 5.5.2 Cannot decode response";
    QTest::newRow("no mechanism") << QByteArray() << QByteArray() << syntax;
    QTest::newRow("three words") << QByteArray("PLAIN a b") << QByteArray() << syntax;
    QTest::newRow("cram-md5") << QByteArray("CRAM-MD5") << QByteArray() << QByteArray("504 5.5.4 Unrecognized authentication type");
    QTest::newRow("digest-md5") << QByteArray("DIGEST-MD5") << QByteArray() << QByteArray("504 5.5.4 Unrecognized authentication type");
    QTest::newRow("xoauth2") << QByteArray("XOAUTH2 abc") << QByteArray() << QByteArray("504 5.5.4 Unrecognized authentication type");
    QTest::newRow("plain bad base64") << QByteArray("PLAIN !!!") << QByteArray() << base64;
    QTest::newRow("plain bad padding") << QByteArray("PLAIN AGFsaWNl=x") << QByteArray() << base64;
    QTest::newRow("plain response bad base64") << QByteArray("PLAIN") << QByteArray("not base64") << base64;
    QTest::newRow("plain empty") << QByteArray("PLAIN =") << QByteArray() << QByteArray("501 5.5.2 Malformed PLAIN response");
    QTest::newRow("plain one nul") << QByteArray("PLAIN " + b64(QByteArray("alice\0pw", 8))) << QByteArray()
                                   << QByteArray("501 5.5.2 Malformed PLAIN response");
    QTest::newRow("plain three nuls") << QByteArray("PLAIN " + b64(QByteArray("\0a\0b\0c", 6))) << QByteArray()
                                      << QByteArray("501 5.5.2 Malformed PLAIN response");
    QTest::newRow("plain empty user") << QByteArray("PLAIN " + b64(QByteArray("\0\0pw", 4))) << QByteArray()
                                      << QByteArray("501 5.5.2 Malformed PLAIN response");
    QTest::newRow("plain bad utf-8") << QByteArray("PLAIN " + b64(QByteArray("\0\xff\xfe\0pw", 6))) << QByteArray()
                                     << QByteArray("501 5.5.2 Malformed PLAIN response");
    QTest::newRow("login empty user") << QByteArray("LOGIN =") << QByteArray() << QByteArray("501 5.5.2 Malformed LOGIN user name");
    QTest::newRow("login user with nul") << QByteArray("LOGIN " + b64(QByteArray("a\0b", 3))) << QByteArray()
                                         << QByteArray("501 5.5.2 Malformed LOGIN user name");
    QTest::newRow("login empty response line") << QByteArray("LOGIN") << QByteArray("") << base64;
}

void TestSmtpAuthExchange::refusals()
{
    QFETCH(QByteArray, argument);
    QFETCH(QByteArray, response);
    QFETCH(QByteArray, reply);
    SmtpAuthExchange exchange;
    Step step = exchange.start(argument);
    if (step.kind == Step::Kind::Challenge)
        step = exchange.respond(response);
    QCOMPARE(step.kind, Step::Kind::Failed);
    QCOMPARE(step.reply, reply);
    QVERIFY(step.user.isEmpty() && step.password.isEmpty());
}

void TestSmtpAuthExchange::cancel_data()
{
    QTest::addColumn<QByteArray>("argument");
    QTest::addColumn<int>("answers");   // good answers before the "*"
    QTest::newRow("plain") << QByteArray("PLAIN") << 0;
    QTest::newRow("login user") << QByteArray("LOGIN") << 0;
    QTest::newRow("login password") << QByteArray("LOGIN") << 1;
    QTest::newRow("login password after initial") << QByteArray("LOGIN " + b64("alice")) << 0;
}

void TestSmtpAuthExchange::cancel()
{
    QFETCH(QByteArray, argument);
    QFETCH(int, answers);
    SmtpAuthExchange exchange;
    QCOMPARE(exchange.start(argument).kind, Step::Kind::Challenge);
    for (int i = 0; i < answers; ++i)
        QCOMPARE(exchange.respond(b64("alice")).kind, Step::Kind::Challenge);
    const Step cancelled = exchange.respond("*");
    QCOMPARE(cancelled.kind, Step::Kind::Failed);
    QCOMPARE(cancelled.reply, QByteArray("501 5.0.0 Authentication cancelled"));
}

void TestSmtpAuthExchange::offers()
{
    QCOMPARE(QByteArray(SmtpAuthExchange::kMechanisms), QByteArray("PLAIN LOGIN"));
    QVERIFY(SmtpAuthExchange::offers("PLAIN"));
    QVERIFY(SmtpAuthExchange::offers("login"));
    QVERIFY(!SmtpAuthExchange::offers("CRAM-MD5"));
    QVERIFY(!SmtpAuthExchange::offers(""));
}

void TestSmtpAuthExchange::passwordKeptExactly()
{
    // No trimming or case change: a password is compared byte for byte by the KDF.
    SmtpAuthExchange exchange;
    (void)exchange.start("LOGIN");
    (void)exchange.respond(b64("Alice"));
    const Step done = exchange.respond(b64("  PassWord\t"));
    QCOMPARE(done.user, QStringLiteral("Alice"));
    QCOMPARE(done.password, QStringLiteral("  PassWord\t"));
}

QTEST_GUILESS_MAIN(TestSmtpAuthExchange)
#include "tst_smtpauthexchange.moc"
