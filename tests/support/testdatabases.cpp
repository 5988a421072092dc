#include "testdatabases.h"

#include "pgcluster.h"

#include <QTemporaryDir>

TestDatabases::TestDatabases()
    : m_sqliteDir(std::make_unique<QTemporaryDir>())
{
}

TestDatabases::~TestDatabases() = default;

QString TestDatabases::freshUrl(const QString &dialect, QString *skipReason, QString *failure)
{
    const QString name = QStringLiteral("test%1").arg(++m_counter);
    if (dialect == QStringLiteral("sqlite"))
        return m_sqliteDir->filePath(name + QStringLiteral(".db"));

    if (!m_clusterTried) {
        m_clusterTried = true;
        const QString unavailable = PgCluster::unavailableReason();
        if (!unavailable.isEmpty()) {
            m_clusterProblem = unavailable;
        } else {
            m_cluster = std::make_unique<PgCluster>();
            QString whyNot;
            if (!m_cluster->start(&whyNot)) {
                m_startFailure = QStringLiteral("PostgreSQL is installed but the test cluster did not start: %1").arg(whyNot);
                m_cluster.reset();
            }
        }
    }
    if (!m_startFailure.isEmpty()) {
        *failure = m_startFailure;
        return {};
    }
    if (!m_cluster) {
        *skipReason = m_clusterProblem.isEmpty() ? QStringLiteral("PostgreSQL cluster unavailable") : m_clusterProblem;
        return {};
    }
    QString error;
    if (!m_cluster->createDatabase(name, &error)) {
        *failure = error;
        return {};
    }
    return m_cluster->url(name);
}
