#pragma once

#include <QString>

#include <optional>

// A next hop as the admin writes it: "mail.example.net:587", "192.0.2.1:25" or "[2001:db8::1]:25"
// (outbound.smarthost, postern route add). The port is required: a relay's port is a choice.
struct HostPort
{
    QString host;       // lower-case ACE name, or an IPv4/IPv6 address without brackets
    quint16 port = 0;

    // nullopt with *error (when given) saying what is wrong.
    [[nodiscard]] static std::optional<HostPort> parse(const QString &text, QString *error = nullptr);
    // The canonical text; an IPv6 address in brackets.
    [[nodiscard]] QString toString() const;
    [[nodiscard]] bool isAddress() const;

    bool operator==(const HostPort &other) const = default;
};
