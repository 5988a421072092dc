// EngineWarnings::compute: each fact gives its warning kind, and nothing else does.

#include "enginewarnings.h"

#include <QtTest>

Q_DECLARE_METATYPE(EngineWarningFacts)

class TestEngineWarnings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compute_data();
    void compute();
    void listenerWarningNamesThePort();
};

namespace {

EngineWarningFacts healthy()
{
    EngineWarningFacts facts;
    facts.certificateLoaded = true;
    facts.certificateSelfSigned = false;
    facts.certificateDaysLeft = 200;
    facts.blankSenderAccepted = true;
    ListenerState smtp;
    smtp.service = QStringLiteral("smtp");
    smtp.address = QStringLiteral("0.0.0.0");
    smtp.configuredPort = smtp.port = 25;
    facts.listeners = {smtp};
    facts.senderDomainChecked = true;
    facts.lastDnsLookupFailed = false;
    return facts;
}

QStringList kinds(const QList<EngineWarning> &warnings)
{
    QStringList result;
    for (const EngineWarning &warning : warnings) {
        if (warning.text.isEmpty())
            result << QStringLiteral("(no text)");
        result << warning.kind;
    }
    return result;
}

}

void TestEngineWarnings::compute_data()
{
    QTest::addColumn<EngineWarningFacts>("facts");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("healthy") << healthy() << QStringList();
    EngineWarningFacts facts = healthy();
    facts.certificateSelfSigned = true;
    QTest::newRow("self-signed") << facts << QStringList{QStringLiteral("self-signed-certificate")};
    facts = healthy();
    facts.certificateDaysLeft = 13;
    QTest::newRow("expires in 13 days") << facts << QStringList{QStringLiteral("certificate-expiring")};
    facts.certificateDaysLeft = 14;
    QTest::newRow("expires in 14 days") << facts << QStringList();
    facts.certificateDaysLeft = -2;
    QTest::newRow("expired") << facts << QStringList{QStringLiteral("certificate-expiring")};
    facts = healthy();
    facts.certificateLoaded = false;
    facts.certificateSelfSigned = true;
    facts.certificateDaysLeft = 1;
    QTest::newRow("no certificate: nothing about it") << facts << QStringList();
    facts = healthy();
    facts.blankSenderAccepted = false;
    QTest::newRow("blank sender refused") << facts << QStringList{QStringLiteral("blank-sender-refused")};
    facts = healthy();
    ListenerState failed = facts.listeners.first();
    failed.service = QStringLiteral("pop3");
    failed.configuredPort = 110;
    failed.port = 0;
    failed.status = ListenerState::Status::Failed;
    failed.error = QStringLiteral("address in use");
    facts.listeners << failed;
    QTest::newRow("listener failed") << facts << QStringList{QStringLiteral("listener-failed")};
    facts = healthy();
    facts.lastDnsLookupFailed = true;
    QTest::newRow("dns failing") << facts << QStringList{QStringLiteral("dns-unreachable")};
    facts.senderDomainChecked = false;
    QTest::newRow("dns failing, sender domain not checked") << facts << QStringList();
    facts = healthy();
    facts.certificateSelfSigned = true;
    facts.blankSenderAccepted = false;
    facts.lastDnsLookupFailed = true;
    QTest::newRow("several") << facts
                             << QStringList{QStringLiteral("self-signed-certificate"), QStringLiteral("blank-sender-refused"),
                                            QStringLiteral("dns-unreachable")};
}

void TestEngineWarnings::compute()
{
    QFETCH(EngineWarningFacts, facts);
    QFETCH(QStringList, expected);
    QCOMPARE(kinds(EngineWarnings::compute(facts)), expected);
}

void TestEngineWarnings::listenerWarningNamesThePort()
{
    EngineWarningFacts facts = healthy();
    facts.listeners.first().status = ListenerState::Status::Failed;
    facts.listeners.first().error = QStringLiteral("permission denied");
    const QList<EngineWarning> warnings = EngineWarnings::compute(facts);
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().text.contains(QStringLiteral("25")), qPrintable(warnings.first().text));
    QVERIFY2(warnings.first().text.contains(QStringLiteral("permission denied")), qPrintable(warnings.first().text));
}

QTEST_GUILESS_MAIN(TestEngineWarnings)
#include "tst_enginewarnings.moc"
