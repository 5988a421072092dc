#pragma once

#include <QString>

#include <memory>

class PgCluster;
class QTemporaryDir;

// Fresh, empty databases for storage tests, one per call: SQLite files in a temp dir always,
// PostgreSQL databases in one throwaway cluster started on first use.
class TestDatabases
{
public:
    TestDatabases();
    ~TestDatabases();

    // A URL for SqlStorage / DatabaseUrl::parse, or empty with *skipReason set when the dialect
    // cannot run here (PostgreSQL binaries missing). A start failure with PostgreSQL installed
    // is reported through *failure instead, so it fails the test rather than skipping it.
    [[nodiscard]] QString freshUrl(const QString &dialect, QString *skipReason, QString *failure);

private:
    std::unique_ptr<QTemporaryDir> m_sqliteDir;
    std::unique_ptr<PgCluster> m_cluster;
    bool m_clusterTried = false;
    QString m_clusterProblem;
    QString m_startFailure;
    int m_counter = 0;
};

// QFETCH the "dialect" column, get a fresh URL into `url`, skipping or failing as fits.
#define POSTERN_FRESH_DATABASE(databases, dialect, url)                              \
    QString url;                                                                     \
    do {                                                                             \
        QString skipReason_, failure_;                                               \
        url = (databases).freshUrl((dialect), &skipReason_, &failure_);              \
        if (!skipReason_.isEmpty())                                                  \
            QSKIP(qPrintable(skipReason_));                                          \
        QVERIFY2(failure_.isEmpty(), qPrintable(failure_));                          \
    } while (false)
