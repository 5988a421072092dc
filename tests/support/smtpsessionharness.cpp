#include "smtpsessionharness.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

namespace SmtpSessionTest {

namespace {

QDateTime fixedClock()
{
    return QDateTime(QDate(2026, 11, 24), QTime(10, 20, 59), QTimeZone(3600));
}

}

void addLogins(FakeAuthenticator &authenticator, bool accounts)
{
    if (accounts) {
        for (const char *user : {"alice", "bob", "full"})
            authenticator.addAccount(QLatin1String(user) + QStringLiteral("@example.test"), kPassword);
    }
    authenticator.addAccount(kScanner, kScannerPassword);
}

SmtpSessionConfig testConfig()
{
    SmtpSessionConfig config;
    config.hostName = QStringLiteral("mail.example.test");
    config.commandTimeoutMs = kCommandTimeoutMs;
    config.dataTimeoutMs = kDataTimeoutMs;
    config.clock = fixedClock;
    return config;
}

QByteArrayList linesOf(const QByteArray &sent)
{
    QByteArrayList lines = sent.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    return lines;
}

}

SmtpSessionHarness::SmtpSessionHarness(SmtpSessionConfig config, bool tls, const QHostAddress &address,
                                       FakeAuthenticator::Mode mode)
    : m_authenticator(mode)
    , m_failures(std::chrono::hours(1), 10000, 100,
                 [clock = config.clock] { return clock ? clock().toUTC() : QDateTime::currentDateTimeUtc(); })
{
    SmtpSessionTest::addLogins(m_authenticator);
    m_transport.setEncrypted(tls);
    ClientInfo client;
    client.address = address;
    client.port = 40000;
    client.service = QStringLiteral("smtp");
    client.sessionId = QStringLiteral("unit");
    client.tls = tls;
    m_session = std::make_unique<SmtpSession>(std::move(config), client, m_transport, m_directory, m_store, m_authenticator,
                                              m_failures);
    m_session->start();
    m_greeting = m_transport.takeSent();
}

QByteArrayList SmtpSessionHarness::send(QByteArrayView bytes)
{
    m_session->receive(bytes);
    return SmtpSessionTest::linesOf(m_transport.takeSent());
}

void SmtpSessionHarness::ehlo()
{
    const QByteArrayList lines = send(SmtpSessionTest::kEhlo);
    // Eight lines, one more with STARTTLS, one more with AUTH.
    QVERIFY(lines.size() >= 8 && lines.size() <= 10);
    QCOMPARE(lines.first(), QByteArray("250-mail.example.test"));
    QCOMPARE(lines.last(), QByteArray("250 SMTPUTF8"));
}
