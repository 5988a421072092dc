// The real POP3 authenticator: accounts from a credentials table, passwords through the
// PasswordVerifier pool, failures of every kind alike in reply and timing, answers in the
// caller's thread, and a session that keeps serving others while one login is delayed.

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include "accountauthenticator.h"
#include "credentialstable.h"
#include "inmemoryauthfailurerecorder.h"
#include "inmemoryloginrecorder.h"
#include "memorymailstore.h"
#include "passwordhash.h"
#include "passwordverifier.h"
#include "pop3session.h"
#include "recordingtransport.h"

namespace {

struct Attempt
{
    AuthResult result;
    bool done = false;
    QThread *thread = nullptr;
    QElapsedTimer clock;
    qint64 elapsedMs = -1;
};

void start(Authenticator &authenticator, const QString &user, const QString &password, Attempt &attempt)
{
    attempt.clock.start();
    authenticator.authenticate(user, password, [&attempt](AuthResult result) {
        attempt.result = std::move(result);
        attempt.done = true;
        attempt.thread = QThread::currentThread();
        attempt.elapsedMs = attempt.clock.elapsed();
    });
}

}

class TestAccountAuthenticator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void success();
    void caseInsensitiveUser();
    void failuresLookAlike();
    void failureDoesNotBlockOthers();
    void answeredInCallerThread();
    void tableReplacementApplies();
    void loginNamesAndAddresses();
    void overloadIsTemporary();
    void sessionWaitsWithoutBlocking();

private:
    CredentialsTable m_table;
    std::unique_ptr<PasswordVerifier> m_verifier;
    std::unique_ptr<AccountAuthenticator> m_authenticator;
};

void TestAccountAuthenticator::initTestCase()
{
    qputenv("POSTERN_PBKDF2_ITERATIONS", "1000");
    CredentialsTable::Map accounts;
    accounts.insert(QStringLiteral("alice@example.test"), AccountCredentials{PasswordHash::create(QStringLiteral("password123")), true});
    accounts.insert(QStringLiteral("carol@example.test"), AccountCredentials{PasswordHash::create(QStringLiteral("password789")), false});
    m_table.replace(accounts);
    QCOMPARE(m_table.size(), 2);
}

void TestAccountAuthenticator::init()
{
    m_verifier = std::make_unique<PasswordVerifier>();
    m_authenticator = std::make_unique<AccountAuthenticator>(*m_verifier, m_table.lookupFunction());
}

void TestAccountAuthenticator::cleanup()
{
    m_authenticator.reset();
    m_verifier.reset();
}

void TestAccountAuthenticator::success()
{
    Attempt attempt;
    start(*m_authenticator, QStringLiteral("alice@example.test"), QStringLiteral("password123"), attempt);
    QVERIFY(!attempt.done);   // never inside authenticate(): the KDF runs on the pool
    QTRY_VERIFY_WITH_TIMEOUT(attempt.done, 10000);
    QVERIFY(attempt.result.ok);
    QCOMPARE(attempt.result.account, QStringLiteral("alice@example.test"));
    QVERIFY2(attempt.elapsedMs < 1000, qPrintable(QString::number(attempt.elapsedMs)));
}

void TestAccountAuthenticator::caseInsensitiveUser()
{
    Attempt attempt;
    start(*m_authenticator, QStringLiteral("ALICE@Example.TEST"), QStringLiteral("password123"), attempt);
    QTRY_VERIFY_WITH_TIMEOUT(attempt.done, 10000);
    QVERIFY(attempt.result.ok);
    QCOMPARE(attempt.result.account, QStringLiteral("alice@example.test"));
}

void TestAccountAuthenticator::failuresLookAlike()
{
    // Started together, so the test waits for the delay once.
    Attempt wrong, unknown, disabled, malformed, wrongCase;
    start(*m_authenticator, QStringLiteral("alice@example.test"), QStringLiteral("password124"), wrong);
    start(*m_authenticator, QStringLiteral("nobody@example.test"), QStringLiteral("password123"), unknown);
    start(*m_authenticator, QStringLiteral("carol@example.test"), QStringLiteral("password789"), disabled);
    start(*m_authenticator, QStringLiteral("alice"), QStringLiteral("password123"), malformed);
    start(*m_authenticator, QStringLiteral("alice@example.test"), QStringLiteral("PASSWORD123"), wrongCase);
    const QList<Attempt *> attempts = {&wrong, &unknown, &disabled, &malformed, &wrongCase};
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(attempts.begin(), attempts.end(), [](Attempt *a) { return a->done; }), 15000);
    for (Attempt *attempt : attempts) {
        QVERIFY(!attempt->result.ok);
        QVERIFY(attempt->result.account.isEmpty());
        QVERIFY2(attempt->elapsedMs >= 1000, qPrintable(QString::number(attempt->elapsedMs)));
    }
    QVERIFY2(qAbs(wrong.elapsedMs - unknown.elapsedMs) < 500,
             qPrintable(QStringLiteral("%1 vs %2").arg(wrong.elapsedMs).arg(unknown.elapsedMs)));
    // Only the log learns the difference.
    QCOMPARE(wrong.result.reason, QStringLiteral("wrong password"));
    QCOMPARE(unknown.result.reason, QStringLiteral("unknown user"));
    QCOMPARE(disabled.result.reason, QStringLiteral("account disabled"));
}

void TestAccountAuthenticator::failureDoesNotBlockOthers()
{
    Attempt failing, succeeding;
    start(*m_authenticator, QStringLiteral("alice@example.test"), QStringLiteral("guess"), failing);
    start(*m_authenticator, QStringLiteral("alice@example.test"), QStringLiteral("password123"), succeeding);
    QTRY_VERIFY_WITH_TIMEOUT(succeeding.done, 10000);
    QVERIFY(succeeding.result.ok);
    QVERIFY(!failing.done);
    QTRY_VERIFY_WITH_TIMEOUT(failing.done, 10000);
    QVERIFY(!failing.result.ok);
}

void TestAccountAuthenticator::answeredInCallerThread()
{
    QThread thread;
    thread.start();
    QObject context;
    context.moveToThread(&thread);
    Attempt ok, failed;
    QMetaObject::invokeMethod(&context, [&] {
        start(*m_authenticator, QStringLiteral("alice@example.test"), QStringLiteral("password123"), ok);
        start(*m_authenticator, QStringLiteral("alice@example.test"), QStringLiteral("nope"), failed);
    });
    QTRY_VERIFY_WITH_TIMEOUT(ok.done && failed.done, 15000);
    QCOMPARE(ok.thread, &thread);
    QCOMPARE(failed.thread, &thread);
    thread.quit();
    QVERIFY(thread.wait(10000));
}

void TestAccountAuthenticator::tableReplacementApplies()
{
    CredentialsTable table;
    AccountAuthenticator authenticator(*m_verifier, table.lookupFunction(), 10);
    Attempt before;
    start(authenticator, QStringLiteral("dave@example.test"), QStringLiteral("password000"), before);
    QTRY_VERIFY_WITH_TIMEOUT(before.done, 10000);
    QVERIFY(!before.result.ok);
    table.replace({{QStringLiteral("dave@example.test"), AccountCredentials{PasswordHash::create(QStringLiteral("password000")), true}}});
    Attempt after;
    start(authenticator, QStringLiteral("dave@example.test"), QStringLiteral("password000"), after);
    QTRY_VERIFY_WITH_TIMEOUT(after.done, 10000);
    QVERIFY(after.result.ok);
}

void TestAccountAuthenticator::loginNamesAndAddresses()
{
    // An SMTP-only login name is matched without regard to case; what is neither a login name nor
    // an address is refused after the same delay as any other failure.
    CredentialsTable table;
    table.replace({{QStringLiteral("scanner-2"), AccountCredentials{PasswordHash::create(QStringLiteral("scan-secret")), true}}});
    AccountAuthenticator authenticator(*m_verifier, table.lookupFunction(), 10);
    Attempt byName, invalid;
    start(authenticator, QStringLiteral("Scanner-2"), QStringLiteral("scan-secret"), byName);
    start(authenticator, QStringLiteral("scanner 2"), QStringLiteral("scan-secret"), invalid);
    QTRY_VERIFY_WITH_TIMEOUT(byName.done && invalid.done, 10000);
    QVERIFY(byName.result.ok);
    QCOMPARE(byName.result.account, QStringLiteral("scanner-2"));
    QVERIFY(!invalid.result.ok);
    QVERIFY(!invalid.result.temporary);
    QCOMPARE(invalid.result.reason, QStringLiteral("not a valid user name"));
}

void TestAccountAuthenticator::overloadIsTemporary()
{
    // A pool with room for one pending check: the second is refused for overload and answered at
    // once as temporary, neither ok nor a failed login.
    PasswordVerifier verifier(1, 1);
    AccountAuthenticator authenticator(verifier, m_table.lookupFunction());
    Attempt first, second;
    start(authenticator, QStringLiteral("alice@example.test"), QStringLiteral("password123"), first);
    start(authenticator, QStringLiteral("alice@example.test"), QStringLiteral("wrong-password"), second);
    QTRY_VERIFY_WITH_TIMEOUT(first.done && second.done, 10000);
    QVERIFY(first.result.ok);
    QVERIFY(!second.result.ok);
    QVERIFY(second.result.temporary);
    QVERIFY2(second.elapsedMs < 1000, qPrintable(QString::number(second.elapsedMs)));
}

void TestAccountAuthenticator::sessionWaitsWithoutBlocking()
{
    MemoryMailStore store;
    InMemoryLoginRecorder recorder;
    InMemoryAuthFailureRecorder failures;
    ClientInfo client;
    client.address = QHostAddress(QStringLiteral("127.0.0.1"));
    client.service = QStringLiteral("pop3");
    RecordingTransport slowTransport;
    Pop3Session slow(Pop3SessionConfig(), client, slowTransport, *m_authenticator, store.opener(), recorder, failures);
    RecordingTransport otherTransport;
    Pop3Session other(Pop3SessionConfig(), client, otherTransport, *m_authenticator, store.opener(), recorder, failures);
    slow.start();
    other.start();
    QCOMPARE(slowTransport.takeSent(), QByteArray("+OK Postern ready\r\n"));
    QCOMPARE(otherTransport.takeSent(), QByteArray("+OK Postern ready\r\n"));

    QElapsedTimer clock;
    clock.start();
    slow.receive("USER alice@example.test\r\nPASS wrong\r\n");
    QCOMPARE(slowTransport.takeSent(), QByteArray("+OK send PASS\r\n"));
    QVERIFY(slowTransport.paused());
    other.receive("CAPA\r\n");
    QVERIFY(otherTransport.takeSent().startsWith("+OK Capability list follows"));
    QVERIFY(clock.elapsed() < 500);

    QByteArray reply;
    QTRY_VERIFY_WITH_TIMEOUT(!(reply += slowTransport.takeSent()).isEmpty(), 10000);
    QCOMPARE(reply, QByteArray("-ERR [AUTH] Authentication failed\r\n"));
    QVERIFY(clock.elapsed() >= 1000);
    QVERIFY(!slowTransport.paused());
    QCOMPARE(slow.state(), Pop3Session::State::Authorization);
}

QTEST_GUILESS_MAIN(TestAccountAuthenticator)
#include "tst_accountauthenticator.moc"
