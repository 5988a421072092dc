#pragma once

#include <QString>
#include <QStringList>

#include <memory>

class QProcess;

// Runs dnsmasq on 127.0.0.1 (and ::1 when asked) with fixture records, so DNS code can be tested
// against a real server without touching outside DNS: it has no upstream, answers only from its
// command line and is authoritative (NXDOMAIN) for the zones given with `--local`.
class DnsmasqServer
{
public:
    DnsmasqServer();
    ~DnsmasqServer();
    DnsmasqServer(const DnsmasqServer &) = delete;
    DnsmasqServer &operator=(const DnsmasqServer &) = delete;

    // The dnsmasq executable (PATH, then /usr/sbin), or empty when it is not installed.
    [[nodiscard]] static QString binary();
    // Empty, or why dnsmasq cannot run here at all; callers QSKIP with it.
    [[nodiscard]] static QString unavailableReason();
    // Options for every fixture: answers with a TTL of `ttl` seconds, NXDOMAIN for unknown names
    // under test. and the reverse zones.
    [[nodiscard]] static QStringList baseRecords(int ttl = 300);

    // Starts dnsmasq with `records` (dnsmasq options such as --mx-host=...) on a free port; waits
    // until it serves. On failure returns false with *whyNot set.
    [[nodiscard]] bool start(const QStringList &records, QString *whyNot, bool alsoIpv6 = false);
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] quint16 port() const { return m_port; }
    // "127.0.0.1:PORT", the dns.servers entry for it.
    [[nodiscard]] QString server() const;
    [[nodiscard]] QString ipv6Server() const;
    // Everything dnsmasq has logged so far (with --log-queries, one "query[...]" line per question).
    [[nodiscard]] QString log();
    [[nodiscard]] int queriesFor(const QString &name);
    // Idempotent; also run by the destructor.
    void stop();

private:
    std::unique_ptr<QProcess> m_process;
    QString m_log;
    quint16 m_port = 0;
};
