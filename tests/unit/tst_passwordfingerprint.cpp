// The keyed hash that lets auto-ban count a repeated password once without keeping it.

#include "passwordfingerprint.h"

#include <QtTest>

class TestPasswordFingerprint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameInputSameFingerprint();
    void differsByPasswordAndUser();
    void doesNotContainThePassword();
};

void TestPasswordFingerprint::sameInputSameFingerprint()
{
    const QByteArray a = PasswordFingerprint::of(QStringLiteral("bob@example.com"), QStringLiteral("secret"));
    QCOMPARE(a.size(), 16);
    QCOMPARE(PasswordFingerprint::of(QStringLiteral("bob@example.com"), QStringLiteral("secret")), a);
    // User names are compared without case, as logins are.
    QCOMPARE(PasswordFingerprint::of(QStringLiteral("BOB@example.com"), QStringLiteral("secret")), a);
}

void TestPasswordFingerprint::differsByPasswordAndUser()
{
    const QByteArray a = PasswordFingerprint::of(QStringLiteral("bob"), QStringLiteral("secret"));
    QVERIFY(PasswordFingerprint::of(QStringLiteral("bob"), QStringLiteral("Secret")) != a);
    QVERIFY(PasswordFingerprint::of(QStringLiteral("alice"), QStringLiteral("secret")) != a);
    // The separator keeps "bo" + "bsecret" apart from "bob" + "secret".
    QVERIFY(PasswordFingerprint::of(QStringLiteral("bo"), QStringLiteral("bsecret")) != a);
}

void TestPasswordFingerprint::doesNotContainThePassword()
{
    const QString password = QStringLiteral("0123456789abcdef");
    const QByteArray fingerprint = PasswordFingerprint::of(QStringLiteral("bob"), password);
    QVERIFY(!fingerprint.contains(password.toUtf8().left(4)));
    // Not the unkeyed SHA-256 either: the key is random per process.
    const QByteArray plain = QCryptographicHash::hash(QByteArray("bob") + '\0' + password.toUtf8(), QCryptographicHash::Sha256);
    QVERIFY(fingerprint != plain.left(16));
}

QTEST_GUILESS_MAIN(TestPasswordFingerprint)
#include "tst_passwordfingerprint.moc"
