#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "pgcluster.h"

namespace {

// Opens the URL the way storage code will (host, port, user and database taken from it), runs a
// one-value query and closes the connection again, so no connection outlives the cluster.
[[nodiscard]] QString queryValue(const QString &url, const QString &sql, QString *error)
{
    const QUrl parsed(url);
    const QString connection = QStringLiteral("tst_pgcluster_") + parsed.path().mid(1);
    QString value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(parsed.host());
        db.setPort(parsed.port());
        db.setUserName(parsed.userName());
        db.setDatabaseName(parsed.path().mid(1));
        db.setConnectOptions(QStringLiteral("connect_timeout=10"));
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                value = query.value(0).toString();
            else
                *error = query.lastError().text();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return value;
}

} // namespace

// Checks the throwaway PostgreSQL cluster the storage tests rely on.
class TestPgCluster : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void urlNamesLoopbackServer();
    void acceptsQueries();
    void createsDatabases();
    void stopReleasesPortAndDirectory();
    void reportsMissingBinaries();
    void cleanupTestCase();

private:
    PgCluster m_cluster;
    bool m_started = false;
    QString m_whyNot;
    QString m_skipReason;
};

void TestPgCluster::initTestCase()
{
    m_started = m_cluster.start(&m_whyNot);
    // Missing software is a skip; where PostgreSQL can run, a failed start is a bug in PgCluster
    // (or the CI image), which each test reports as a failure.
    m_skipReason = PgCluster::unavailableReason();
    if (!m_skipReason.isEmpty())
        QCOMPARE(m_whyNot, m_skipReason);
    else if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        m_skipReason = QStringLiteral("Qt's QPSQL driver (Debian: libqt6sql6-psql) is not installed");
}

void TestPgCluster::urlNamesLoopbackServer()
{
    if (!m_skipReason.isEmpty())
        QSKIP(qPrintable(m_skipReason));
    QVERIFY2(m_started, qPrintable(m_whyNot));
    QVERIFY(m_cluster.isRunning());
    QVERIFY(m_cluster.port() > 0);
    QCOMPARE(m_cluster.url(),
             QStringLiteral("postgresql://postern@127.0.0.1:%1/postern").arg(m_cluster.port()));
    QCOMPARE(m_cluster.url(QStringLiteral("other")),
             QStringLiteral("postgresql://postern@127.0.0.1:%1/other").arg(m_cluster.port()));
}

void TestPgCluster::acceptsQueries()
{
    if (!m_skipReason.isEmpty())
        QSKIP(qPrintable(m_skipReason));
    QVERIFY2(m_started, qPrintable(m_whyNot));
    QString error;
    QCOMPARE(queryValue(m_cluster.url(), QStringLiteral("SELECT 1"), &error), QStringLiteral("1"));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Storage code stores mail text; a SQL_ASCII cluster would hide encoding bugs.
    QCOMPARE(queryValue(m_cluster.url(), QStringLiteral("SHOW server_encoding"), &error), QStringLiteral("UTF8"));
}

void TestPgCluster::createsDatabases()
{
    if (!m_skipReason.isEmpty())
        QSKIP(qPrintable(m_skipReason));
    QVERIFY2(m_started, qPrintable(m_whyNot));
    QString error;
    QVERIFY2(m_cluster.createDatabase(QStringLiteral("second"), &error), qPrintable(error));
    QCOMPARE(queryValue(m_cluster.url(QStringLiteral("second")), QStringLiteral("SELECT current_database()"), &error),
             QStringLiteral("second"));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!m_cluster.createDatabase(QStringLiteral("second"), &error));
    QVERIFY(error.contains(QLatin1String("already exists")));
}

void TestPgCluster::stopReleasesPortAndDirectory()
{
    if (!m_skipReason.isEmpty())
        QSKIP(qPrintable(m_skipReason));
    QVERIFY2(m_started, qPrintable(m_whyNot));
    const quint16 port = m_cluster.port();
    const QString directory = m_cluster.directory();
    QVERIFY(QFileInfo::exists(directory));

    m_cluster.stop();
    QVERIFY(!m_cluster.isRunning());
    QVERIFY(m_cluster.directory().isEmpty());
    QVERIFY2(!QFileInfo::exists(directory), qPrintable(directory));

    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    QVERIFY2(!socket.waitForConnected(3'000), "the port still accepts connections after stop()");

    QString error;
    QVERIFY(!m_cluster.createDatabase(QStringLiteral("third"), &error));
    m_cluster.stop(); // idempotent
}

void TestPgCluster::reportsMissingBinaries()
{
    // A directory without initdb stands in for a machine without PostgreSQL.
    const QTemporaryDir empty;
    QVERIFY(empty.isValid());
    const QByteArray saved = qgetenv("POSTERN_PG_BINDIR");
    const bool wasSet = qEnvironmentVariableIsSet("POSTERN_PG_BINDIR");
    qputenv("POSTERN_PG_BINDIR", QFile::encodeName(empty.path()));

    PgCluster cluster;
    QString whyNot;
    const bool started = cluster.start(&whyNot);
    const QString binDirectory = PgCluster::binDirectory();
    const QString unavailable = PgCluster::unavailableReason();

    if (wasSet)
        qputenv("POSTERN_PG_BINDIR", saved);
    else
        qunsetenv("POSTERN_PG_BINDIR");

    QVERIFY(binDirectory.isEmpty());
    QVERIFY(!started);
    QVERIFY2(whyNot.contains(QLatin1String("not found")), qPrintable(whyNot));
    QCOMPARE(whyNot, unavailable);
    QVERIFY(!cluster.isRunning());
    QVERIFY(cluster.directory().isEmpty());
}

void TestPgCluster::cleanupTestCase()
{
    m_cluster.stop();
}

QTEST_GUILESS_MAIN(TestPgCluster)
#include "tst_pgcluster.moc"
