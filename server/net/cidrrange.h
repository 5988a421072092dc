#pragma once

#include <optional>

#include <QHostAddress>
#include <QList>
#include <QString>

// An IPv4 or IPv6 network in CIDR notation ("10.0.0.0/8", "fc00::/7"; a bare address is a single
// host): the parsed form of network.local_ranges and of the address lists the policy rules use.
class CidrRange
{
public:
    CidrRange() = default;

    // nullopt with *error set (naming the text) when it is not an address with an optional
    // /prefix in range. Host bits past the prefix are cleared: "10.1.2.3/8" is 10.0.0.0/8.
    [[nodiscard]] static std::optional<CidrRange> parse(const QString &text, QString *error = nullptr);
    // Ranges separated by commas and/or white space; nullopt with *error at the first bad one.
    [[nodiscard]] static std::optional<QList<CidrRange>> parseList(const QString &text, QString *error = nullptr);

    // An IPv4-mapped IPv6 address counts as its IPv4 address.
    [[nodiscard]] bool contains(const QHostAddress &address) const;
    // Whether every address of `other` is in this range.
    [[nodiscard]] bool covers(const CidrRange &other) const;
    [[nodiscard]] bool isValid() const { return m_prefixLength >= 0; }
    [[nodiscard]] QHostAddress network() const { return m_network; }
    [[nodiscard]] int prefixLength() const { return m_prefixLength; }
    // "network/prefix", the canonical stored form.
    [[nodiscard]] QString toString() const;

    bool operator==(const CidrRange &other) const = default;

private:
    CidrRange(QHostAddress network, int prefixLength);

    QHostAddress m_network;
    int m_prefixLength = -1;
};
