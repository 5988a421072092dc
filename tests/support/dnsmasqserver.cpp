#include "dnsmasqserver.h"

#include <algorithm>

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QUdpSocket>

namespace {

// A port free for both UDP and TCP on 127.0.0.1 right now (dnsmasq binds both).
quint16 freePort(bool alsoIpv6)
{
    for (int attempt = 0; attempt < 20; ++attempt) {
        QUdpSocket udp;
        if (!udp.bind(QHostAddress::LocalHost, 0))
            continue;
        const quint16 port = udp.localPort();
        QTcpServer tcp;
        if (!tcp.listen(QHostAddress::LocalHost, port))
            continue;
        if (alsoIpv6) {
            QUdpSocket udp6;
            QTcpServer tcp6;
            if (!udp6.bind(QHostAddress::LocalHostIPv6, port) || !tcp6.listen(QHostAddress::LocalHostIPv6, port))
                continue;
        }
        return port;
    }
    return 0;
}

}

DnsmasqServer::DnsmasqServer() = default;

DnsmasqServer::~DnsmasqServer()
{
    stop();
}

QString DnsmasqServer::binary()
{
    QString path = QStandardPaths::findExecutable(QStringLiteral("dnsmasq"));
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(QStringLiteral("dnsmasq"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    return path;
}

QString DnsmasqServer::unavailableReason()
{
    if (binary().isEmpty())
        return QStringLiteral("dnsmasq is not installed (apt-get install dnsmasq; see installer/debian-build-deps.txt)");
    return QString();
}

QStringList DnsmasqServer::baseRecords(int ttl)
{
    return {QStringLiteral("--local=/test/"), QStringLiteral("--local=/in-addr.arpa/"), QStringLiteral("--local=/ip6.arpa/"),
            QStringLiteral("--local-ttl=%1").arg(ttl)};
}

bool DnsmasqServer::start(const QStringList &records, QString *whyNot, bool alsoIpv6)
{
    stop();
    const QString program = binary();
    if (program.isEmpty()) {
        *whyNot = unavailableReason();
        return false;
    }
    // Another test may take the port between our probe and dnsmasq's bind: try a few.
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = freePort(alsoIpv6);
        if (m_port == 0) {
            *whyNot = QStringLiteral("no free loopback port for dnsmasq");
            return false;
        }
        QStringList arguments {QStringLiteral("--no-daemon"), QStringLiteral("--no-resolv"), QStringLiteral("--no-hosts"),
                               QStringLiteral("--conf-file=/dev/null"), QStringLiteral("--bind-interfaces"),
                               QStringLiteral("--log-facility=-"), QStringLiteral("--log-queries"),
                               QStringLiteral("--cache-size=0"), QStringLiteral("--port=%1").arg(m_port),
                               QStringLiteral("--listen-address=127.0.0.1")};
        if (alsoIpv6)
            arguments << QStringLiteral("--listen-address=::1");
        arguments << records;
        m_log.clear();
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->start(program, arguments);
        if (!m_process->waitForStarted(5000)) {
            *whyNot = QStringLiteral("dnsmasq did not start: %1").arg(m_process->errorString());
            m_process.reset();
            return false;
        }
        // "started, version ..." comes after the sockets are bound; exiting means it failed.
        const QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired() && m_process->state() == QProcess::Running && !m_log.contains(QStringLiteral("started, version"))) {
            m_process->waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
            m_log += QString::fromLocal8Bit(m_process->readAll());
        }
        if (m_process->state() == QProcess::Running && m_log.contains(QStringLiteral("started, version")))
            return true;
        m_process->waitForFinished(2000);
        m_log += QString::fromLocal8Bit(m_process->readAll());
        const bool portTaken = m_log.contains(QStringLiteral("in use"));
        stop();
        if (!portTaken) {
            *whyNot = QStringLiteral("dnsmasq failed: %1").arg(m_log.trimmed());
            return false;
        }
    }
    *whyNot = QStringLiteral("dnsmasq found no free port: %1").arg(m_log.trimmed());
    return false;
}

bool DnsmasqServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString DnsmasqServer::server() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}

QString DnsmasqServer::ipv6Server() const
{
    return QStringLiteral("[::1]:%1").arg(m_port);
}

QString DnsmasqServer::log()
{
    if (m_process)
        m_log += QString::fromLocal8Bit(m_process->readAll());
    return m_log;
}

int DnsmasqServer::queriesFor(const QString &name)
{
    const QRegularExpression line(QStringLiteral("query\\[[A-Z]+\\] %1 from").arg(QRegularExpression::escape(name)));
    return int(log().count(line));
}

void DnsmasqServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_log += QString::fromLocal8Bit(m_process->readAll());
    m_process.reset();
}
