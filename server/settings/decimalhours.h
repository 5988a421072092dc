#pragma once

#include <optional>

#include <QString>

// A number of hours with at most three decimals ("4", "0.5", "0.002"), kept exactly as whole
// thousandths of an hour (3.6 s each) so that a stored value reads back unchanged. Pure.
class DecimalHours
{
public:
    static constexpr qint64 kPerHour = 1000;   // thousandths in an hour

    // Thousandths of an hour, or nothing (with *why set) for garbage, signs, exponents or more
    // than three decimals.
    [[nodiscard]] static std::optional<qint64> parse(const QString &text, QString *why = nullptr);
    // The canonical text: no trailing zeros, no trailing point ("0.5", "4").
    [[nodiscard]] static QString toText(qint64 thousandths);
    // The duration in seconds, rounded to the nearest (0.002 h = 7.2 s -> 7).
    [[nodiscard]] static qint64 toSeconds(qint64 thousandths);
};
