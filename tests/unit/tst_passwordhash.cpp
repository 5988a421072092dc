#include <algorithm>
#include <limits>
#include <stdexcept>
#include <thread>
#include <vector>

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

#include "passwordhash.h"

namespace {

// Vectors computed independently with Python:
//   hashlib.pbkdf2_hmac('sha256', password.encode('utf-8'), bytes(range(16)), iterations, 32)
// and base64.b64encode(...).rstrip('='), so both the algorithm and the text format are pinned.
QByteArray fixedSalt()
{
    QByteArray salt;
    for (char i = 0; i < 16; ++i)
        salt.append(i);
    return salt;
}

const QString KnownGood = QStringLiteral(
    "$pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw$ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4");
const QString KnownPassword = QStringLiteral("correct horse battery staple");

QString nonAsciiPassword()
{
    return QStringLiteral("p\u00e4ssw\u00f6rd \u2713 \u5bc6\u7801");
}

}

class TestPasswordHash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void defaultIterationsFromEnvironment();
    void roundTrip_data();
    void roundTrip();
    void wrongPassword_data();
    void wrongPassword();
    void malformed_data();
    void malformed();
    void saltMakesHashesDiffer();
    void formatMatches();
    void needsRehash_data();
    void needsRehash();
    void knownAnswer_data();
    void knownAnswer();
    void nonAsciiIsUtf8();
    void rejectsBadArguments();
    void concurrentUse();
    void costOfBuiltInIterations();
};

void TestPasswordHash::initTestCase()
{
    // Read once per process, so it must be set before the first defaultIterations() call.
    qputenv("POSTERN_PBKDF2_ITERATIONS", "1000");
}

void TestPasswordHash::defaultIterationsFromEnvironment()
{
    QCOMPARE(PasswordHash::defaultIterations(), 1000);
}

void TestPasswordHash::roundTrip_data()
{
    QTest::addColumn<QString>("password");
    QTest::newRow("ascii") << KnownPassword;
    QTest::newRow("empty") << QString();
    QTest::newRow("non-ascii") << nonAsciiPassword();
    QTest::newRow("dollar signs") << QStringLiteral("$pbkdf2-sha256$1000$");
    QTest::newRow("embedded nul") << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b"));
    QTest::newRow("long") << QString(5000, QLatin1Char('x'));
}

void TestPasswordHash::roundTrip()
{
    QFETCH(QString, password);
    const QString stored = PasswordHash::create(password);
    QVERIFY(PasswordHash::isValid(stored));
    QVERIFY(PasswordHash::verify(stored, password));
}

void TestPasswordHash::wrongPassword_data()
{
    QTest::addColumn<QString>("password");
    QTest::newRow("case") << QStringLiteral("Correct horse battery staple");
    QTest::newRow("trailing space") << QStringLiteral("correct horse battery staple ");
    QTest::newRow("prefix") << QStringLiteral("correct horse");
    QTest::newRow("empty") << QString();
    QTest::newRow("after nul") << QString(KnownPassword + QChar(0) + QStringLiteral("x"));
}

void TestPasswordHash::wrongPassword()
{
    QFETCH(QString, password);
    QVERIFY(!PasswordHash::verify(KnownGood, password));
    QVERIFY(!PasswordHash::verify(PasswordHash::create(KnownPassword), password));
}

void TestPasswordHash::malformed_data()
{
    QTest::addColumn<QString>("stored");
    const QString salt = QStringLiteral("AAECAwQFBgcICQoLDA0ODw");
    const QString hash = QStringLiteral("ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4");
    const auto make = [&](const QString &scheme, const QString &iterations, const QString &s, const QString &h) {
        return QStringLiteral("$%1$%2$%3$%4").arg(scheme, iterations, s, h);
    };
    const QString scheme = QStringLiteral("pbkdf2-sha256");
    const QString cost = QStringLiteral("1000");

    QTest::newRow("empty") << QString();
    QTest::newRow("garbage") << QStringLiteral("garbage");
    QTest::newRow("only dollars") << QStringLiteral("$$$$");
    QTest::newRow("plain password") << KnownPassword;
    QTest::newRow("no leading dollar") << KnownGood.mid(1);
    QTest::newRow("other scheme") << make(QStringLiteral("pbkdf2-sha1"), cost, salt, hash);
    QTest::newRow("upper-case scheme") << make(QStringLiteral("PBKDF2-SHA256"), cost, salt, hash);
    QTest::newRow("bcrypt") << QStringLiteral("$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234");
    QTest::newRow("missing field") << QStringLiteral("$pbkdf2-sha256$1000$") + salt;
    QTest::newRow("extra field") << KnownGood + QStringLiteral("$x");
    QTest::newRow("trailing dollar") << KnownGood + QLatin1Char('$');
    QTest::newRow("trailing newline") << KnownGood + QLatin1Char('\n');
    QTest::newRow("leading space") << QLatin1Char(' ') + KnownGood;
    QTest::newRow("iterations 999") << make(scheme, QStringLiteral("999"), salt, hash);
    QTest::newRow("iterations 0") << make(scheme, QStringLiteral("0"), salt, hash);
    QTest::newRow("iterations too high") << make(scheme, QStringLiteral("10000001"), salt, hash);
    QTest::newRow("iterations huge") << make(scheme, QStringLiteral("99999999999999999999"), salt, hash);
    QTest::newRow("iterations negative") << make(scheme, QStringLiteral("-1000"), salt, hash);
    QTest::newRow("iterations plus") << make(scheme, QStringLiteral("+1000"), salt, hash);
    QTest::newRow("iterations leading zero") << make(scheme, QStringLiteral("01000"), salt, hash);
    QTest::newRow("iterations space") << make(scheme, QStringLiteral(" 1000"), salt, hash);
    QTest::newRow("iterations hex") << make(scheme, QStringLiteral("0x3e8"), salt, hash);
    QTest::newRow("iterations exponent") << make(scheme, QStringLiteral("1e4"), salt, hash);
    QTest::newRow("iterations empty") << make(scheme, QString(), salt, hash);
    QTest::newRow("iterations arabic digits") << make(scheme, QStringLiteral("\u0661\u0660\u0660\u0660"), salt, hash);
    QTest::newRow("salt empty") << make(scheme, cost, QString(), hash);
    QTest::newRow("salt short") << make(scheme, cost, salt.left(21), hash);
    QTest::newRow("salt long") << make(scheme, cost, salt + QLatin1Char('A'), hash);
    QTest::newRow("salt padded") << make(scheme, cost, salt + QStringLiteral("=="), hash);
    QTest::newRow("salt bad char") << make(scheme, cost, QLatin1Char('*') + salt.mid(1), hash);
    QTest::newRow("salt url-safe alphabet") << make(scheme, cost, QLatin1Char('-') + salt.mid(1), hash);
    QTest::newRow("salt non-ascii") << make(scheme, cost, QStringLiteral("\u00c4") + salt.mid(1), hash);
    QTest::newRow("salt trailing bits") << make(scheme, cost, salt.left(21) + QLatin1Char('x'), hash);
    QTest::newRow("hash empty") << make(scheme, cost, salt, QString());
    QTest::newRow("hash short") << make(scheme, cost, salt, hash.left(42));
    QTest::newRow("hash long") << make(scheme, cost, salt, hash + QStringLiteral("AAAA"));
    QTest::newRow("hash padded") << make(scheme, cost, salt, hash + QLatin1Char('='));
    QTest::newRow("hash bad char") << make(scheme, cost, salt, hash.left(42) + QLatin1Char('!'));
    QTest::newRow("hash trailing bits") << make(scheme, cost, salt, hash.left(42) + QLatin1Char('5'));
    QTest::newRow("hash nul") << make(scheme, cost, salt, hash.left(42) + QChar(0));
    QTest::newRow("very long") << KnownGood + QString(100000, QLatin1Char('A'));
}

void TestPasswordHash::malformed()
{
    QFETCH(QString, stored);
    // The right password is offered, so only the malformation can make these fail.
    QVERIFY(!PasswordHash::isValid(stored));
    QVERIFY(!PasswordHash::verify(stored, KnownPassword));
    QVERIFY(PasswordHash::needsRehash(stored));
}

void TestPasswordHash::saltMakesHashesDiffer()
{
    const QString first = PasswordHash::create(KnownPassword);
    const QString second = PasswordHash::create(KnownPassword);
    QVERIFY(first != second);
    QVERIFY(first.section(QLatin1Char('$'), 3, 3) != second.section(QLatin1Char('$'), 3, 3));
    QVERIFY(PasswordHash::verify(first, KnownPassword));
    QVERIFY(PasswordHash::verify(second, KnownPassword));
}

void TestPasswordHash::formatMatches()
{
    static const QRegularExpression format(
        QStringLiteral("^\\$pbkdf2-sha256\\$(\\d+)\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$"));
    const QRegularExpressionMatch match = format.match(PasswordHash::create(KnownPassword, 4321));
    QVERIFY(match.hasMatch());
    QCOMPARE(match.captured(1), QStringLiteral("4321"));
    QVERIFY(format.match(PasswordHash::create(KnownPassword)).hasMatch());
}

void TestPasswordHash::needsRehash_data()
{
    QTest::addColumn<int>("storedCost");
    QTest::addColumn<int>("wantedCost");
    QTest::addColumn<bool>("expected");
    QTest::newRow("equal") << 1000 << 1000 << false;
    QTest::newRow("stored lower") << 1000 << 2000 << true;
    QTest::newRow("stored higher") << 5000 << 1000 << false;
    QTest::newRow("wanted below minimum") << 1000 << 10 << false;
}

void TestPasswordHash::needsRehash()
{
    QFETCH(int, storedCost);
    QFETCH(int, wantedCost);
    QFETCH(bool, expected);
    const QString stored = PasswordHash::createWithSalt(KnownPassword, storedCost, fixedSalt());
    QCOMPARE(PasswordHash::needsRehash(stored, wantedCost), expected);
    // With the default wanted cost (1000 here) nothing made at 1000 or more needs work.
    QVERIFY(!PasswordHash::needsRehash(stored));
}

void TestPasswordHash::knownAnswer_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("iterations");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ascii") << KnownPassword << 1000 << KnownGood;
    QTest::newRow("non-ascii") << nonAsciiPassword() << 1000
                               << QStringLiteral("$pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw$"
                                                 "RrGFRmMzw0ZJnqpPZ7YO2oJ7nq0aAZg9zEI1kuNVh7I");
    QTest::newRow("empty") << QString() << 1000
                           << QStringLiteral("$pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw$"
                                             "xbMBsf1hvO1j8AZCojBOxnRRn7182DxLyD2v4XQ/mFU");
    QTest::newRow("built-in cost") << KnownPassword << 250000
                                   << QStringLiteral("$pbkdf2-sha256$250000$AAECAwQFBgcICQoLDA0ODw$"
                                                     "5D5dJLM0M0E9tUSFjz5wLE+liaYJC/AZhe0dC0NrZUA");
}

void TestPasswordHash::knownAnswer()
{
    QFETCH(QString, password);
    QFETCH(int, iterations);
    QFETCH(QString, expected);
    QCOMPARE(PasswordHash::createWithSalt(password, iterations, fixedSalt()), expected);
    QVERIFY(PasswordHash::verify(expected, password));
}

void TestPasswordHash::nonAsciiIsUtf8()
{
    const QString stored = PasswordHash::create(nonAsciiPassword());
    QVERIFY(PasswordHash::verify(stored, nonAsciiPassword()));
    // The same bytes read as Latin-1 are a different password: the encoding is part of the format.
    const QString mojibake = QString::fromLatin1(nonAsciiPassword().toUtf8());
    QVERIFY(!PasswordHash::verify(stored, mojibake));
    // No Unicode normalisation happens: precomposed and decomposed forms are different passwords.
    const QString precomposed = QStringLiteral("caf\u00e9");
    const QString decomposed = QStringLiteral("cafe\u0301");
    QVERIFY(!PasswordHash::verify(PasswordHash::create(precomposed), decomposed));
}

void TestPasswordHash::rejectsBadArguments()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, [] { (void)PasswordHash::create(KnownPassword, 999); }());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             [] { (void)PasswordHash::create(KnownPassword, PasswordHash::MaxIterations + 1); }());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             [] { (void)PasswordHash::createWithSalt(KnownPassword, 1000, QByteArray(15, 'x')); }());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             [] { (void)PasswordHash::createWithSalt(KnownPassword, 1000, QByteArray()); }());
}

void TestPasswordHash::concurrentUse()
{
    std::vector<std::thread> threads;
    std::vector<int> failures(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([t, &failures] {
            const QString password = QStringLiteral("thread %1").arg(t);
            for (int i = 0; i < 20; ++i) {
                const QString stored = PasswordHash::create(password);
                if (!PasswordHash::verify(stored, password) || PasswordHash::verify(stored, KnownPassword)
                    || !PasswordHash::verify(KnownGood, KnownPassword))
                    ++failures[t];
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    QCOMPARE(failures, std::vector<int>(4, 0));
}

void TestPasswordHash::costOfBuiltInIterations()
{
    // Not a pass/fail timing check (machines differ); it keeps the figure behind
    // BuiltInIterations visible in the test log.
    constexpr int runs = 5;
    qint64 best = std::numeric_limits<qint64>::max();
    qint64 total = 0;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const QString stored = PasswordHash::create(KnownPassword, PasswordHash::BuiltInIterations);
        const qint64 elapsed = timer.nsecsElapsed();
        QVERIFY(stored.startsWith(QStringLiteral("$pbkdf2-sha256$250000$")));
        best = std::min(best, elapsed);
        total += elapsed;
    }
    qInfo("PBKDF2-HMAC-SHA256 at %d iterations: best %.1f ms, mean %.1f ms over %d runs",
          PasswordHash::BuiltInIterations, double(best) / 1e6, double(total) / runs / 1e6, runs);
}

QTEST_GUILESS_MAIN(TestPasswordHash)
#include "tst_passwordhash.moc"
