#pragma once

#include <QHash>
#include <QHostAddress>
#include <QMutex>

enum class Admission { Admitted, TooManyTotal, TooManyFromAddress };

// Counts open connections in total and per client address and decides whether one more may
// be served. Shared by the acceptor thread (tryAdmit) and the worker threads (release).
class ConnectionLimits
{
public:
    // A limit of 0 or less means "no limit".
    ConnectionLimits(int maxTotal, int maxPerAddress);

    // Applies to the next tryAdmit; connections already open are not cut.
    void setLimits(int maxTotal, int maxPerAddress);

    // On Admitted a slot is taken and must be given back with release() with the same address.
    [[nodiscard]] Admission tryAdmit(const QHostAddress &address);
    void release(const QHostAddress &address);

    [[nodiscard]] int total() const;
    [[nodiscard]] int fromAddress(const QHostAddress &address) const;
    [[nodiscard]] int maxTotal() const;
    [[nodiscard]] int maxPerAddress() const;
    // How many addresses hold at least one slot; the table never keeps zero entries.
    [[nodiscard]] int addressCount() const;

    // One client, one key: an IPv4-mapped IPv6 address (::ffff:192.0.2.1) is its IPv4 address,
    // and the scope id of a link-local address does not make a second client.
    [[nodiscard]] static QHostAddress canonical(const QHostAddress &address);

private:
    mutable QMutex m_mutex;
    int m_maxTotal;
    int m_maxPerAddress;
    int m_total = 0;
    QHash<QHostAddress, int> m_perAddress;
};
