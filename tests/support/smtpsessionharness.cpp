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

SmtpSessionHarness::SmtpSessionHarness(SmtpSessionConfig config, bool tls, const QHostAddress &address)
{
    ClientInfo client;
    client.address = address;
    client.port = 40000;
    client.service = QStringLiteral("smtp");
    client.sessionId = QStringLiteral("unit");
    client.tls = tls;
    m_session = std::make_unique<SmtpSession>(std::move(config), client, m_transport, m_directory, m_store);
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
    QCOMPARE(lines.size(), 7);
    QCOMPARE(lines.last(), QByteArray("250 SMTPUTF8"));
}
