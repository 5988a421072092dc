// One session's login attempts: verdicts, the close after more than three failures, temporary
// failures that do not count, proxy logins refused, every failure logged (address, claimed user,
// mechanism) and recorded for the brute-force rules.

#include "authenticator.h"
#include "clientinfo.h"
#include "inmemoryauthfailurerecorder.h"
#include "log.h"
#include "loghub.h"
#include "loginattempts.h"

#include <QtTest>

using namespace std::chrono_literals;

class TestLoginAttempts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void moreThanThreeFailuresClose();
    void successDoesNotCount();
    void temporaryDoesNotCount();
    void proxyLoginRefused();
    void failuresAreLoggedAndRecorded();

private:
    ClientInfo m_client;
    std::unique_ptr<LogHub> m_hub;
    std::unique_ptr<InMemoryAuthFailureRecorder> m_recorder;
};

namespace {

AuthResult failed(const char *reason)
{
    AuthResult result;
    result.reason = QLatin1String(reason);
    return result;
}

AuthResult succeeded(const char *account)
{
    AuthResult result;
    result.ok = true;
    result.account = QLatin1String(account);
    return result;
}

QString logText(LogHub &hub)
{
    QString text;
    for (const LogEntry &entry : hub.ring().entriesAfter(0))
        text += entry.text + QLatin1Char('\n');
    return text;
}

}

void TestLoginAttempts::init()
{
    m_client.address = QHostAddress(QStringLiteral("192.0.2.7"));
    m_client.service = QStringLiteral("submission");
    m_client.sessionId = QStringLiteral("test");
    m_hub = std::make_unique<LogHub>();
    Log::install(m_hub.get());
    m_recorder = std::make_unique<InMemoryAuthFailureRecorder>();
}

void TestLoginAttempts::cleanup()
{
    Log::install(nullptr);
    m_hub.reset();
}

void TestLoginAttempts::moreThanThreeFailuresClose()
{
    LoginAttempts attempts(m_client, *m_recorder);
    for (int i = 1; i <= LoginAttempts::kMaxFailures; ++i) {
        QCOMPARE(attempts.conclude(failed("wrong password"), QStringLiteral("alice"), {}, QStringLiteral("PLAIN"), {}),
                 LoginAttempts::Verdict::Failure);
        QCOMPARE(attempts.failures(), i);
    }
    QCOMPARE(attempts.conclude(failed("wrong password"), QStringLiteral("alice"), {}, QStringLiteral("LOGIN"), {}),
             LoginAttempts::Verdict::TooManyFailures);
    QCOMPARE(attempts.failures(), 4);
}

void TestLoginAttempts::successDoesNotCount()
{
    LoginAttempts attempts(m_client, *m_recorder);
    QCOMPARE(attempts.conclude(failed("wrong password"), QStringLiteral("alice"), {}, QStringLiteral("PLAIN"), {}),
             LoginAttempts::Verdict::Failure);
    QCOMPARE(attempts.conclude(succeeded("alice@example.test"), QStringLiteral("ALICE@example.test"), {}, QStringLiteral("PLAIN"), {}),
             LoginAttempts::Verdict::Success);
    QCOMPARE(attempts.failures(), 1);
    QCOMPARE(m_recorder->failureCount(m_client.address, 1h), 1);
}

void TestLoginAttempts::temporaryDoesNotCount()
{
    LoginAttempts attempts(m_client, *m_recorder);
    AuthResult busy;
    busy.temporary = true;
    busy.reason = QStringLiteral("password checks overloaded");
    for (int i = 0; i < 10; ++i)
        QCOMPARE(attempts.conclude(busy, QStringLiteral("alice"), {}, QStringLiteral("PLAIN"), {}), LoginAttempts::Verdict::Temporary);
    QCOMPARE(attempts.failures(), 0);
    QCOMPARE(m_recorder->failureCount(m_client.address, 1h), 0);
    QVERIFY(logText(*m_hub).contains(QStringLiteral("try again later")));
}

void TestLoginAttempts::proxyLoginRefused()
{
    LoginAttempts attempts(m_client, *m_recorder);
    // The authorization identity may name the login itself, in any spelling ...
    QCOMPARE(attempts.conclude(succeeded("alice@example.test"), QStringLiteral("alice@example.test"),
                               QStringLiteral("Alice@EXAMPLE.test"), QStringLiteral("PLAIN"), {}),
             LoginAttempts::Verdict::Success);
    QCOMPARE(attempts.conclude(succeeded("scanner"), QStringLiteral("scanner"), QStringLiteral("SCANNER"), QStringLiteral("PLAIN"), {}),
             LoginAttempts::Verdict::Success);
    // ... but never someone else, even with the right password.
    QCOMPARE(attempts.conclude(succeeded("alice@example.test"), QStringLiteral("alice@example.test"),
                               QStringLiteral("bob@example.test"), QStringLiteral("PLAIN"), {}),
             LoginAttempts::Verdict::Failure);
    QVERIFY(logText(*m_hub).contains(QStringLiteral("authorization identity \"bob@example.test\" is not the user")));
}

void TestLoginAttempts::failuresAreLoggedAndRecorded()
{
    LoginAttempts attempts(m_client, *m_recorder);
    (void)attempts.conclude(failed("unknown user"), QStringLiteral("mallory@example.test"), {}, QStringLiteral("LOGIN"),
                            QByteArray(16, 'f'));
    const QString text = logText(*m_hub);
    QVERIFY2(text.contains(QStringLiteral("authentication failed for \"mallory@example.test\" from 192.0.2.7 via LOGIN: unknown user")),
             qPrintable(text));
    const QList<AuthFailure> recorded = m_recorder->failures(m_client.address, 1h);
    QCOMPARE(recorded.size(), 1);
    QCOMPARE(recorded.first().user, QStringLiteral("mallory@example.test"));
    QCOMPARE(recorded.first().mechanism, QStringLiteral("LOGIN"));
    QCOMPARE(recorded.first().service, QStringLiteral("submission"));
    QCOMPARE(recorded.first().kind, AuthFailure::Kind::Login);
    QCOMPARE(recorded.first().passwordFingerprint, QByteArray(16, 'f'));
}

QTEST_GUILESS_MAIN(TestLoginAttempts)
#include "tst_loginattempts.moc"
