#pragma once

#include <QList>
#include <QString>

#include <optional>

// The waits between delivery attempts (outbound.retry_schedule): "5m,15m,30m,1h,2h,4h", each a
// whole number with a unit s, m, h or d; the last step repeats until the message is too old.
class RetrySchedule
{
public:
    static constexpr int kMaxSteps = 20;

    RetrySchedule();   // the default, 5m,15m,30m,1h,2h,4h

    // nullopt with *error set (when given) for an empty list, a step below one second, an
    // unknown unit, or more than kMaxSteps steps.
    [[nodiscard]] static std::optional<RetrySchedule> parse(const QString &text, QString *error = nullptr);

    // Seconds to wait after `attempts` failed attempts (1 = after the first); below 1 counts as 1.
    [[nodiscard]] qint64 delayAfter(int attempts) const;
    [[nodiscard]] QList<qint64> steps() const { return m_steps; }
    // The canonical text: each step in its largest whole unit ("90s" stays, "3600s" is "1h").
    [[nodiscard]] QString toString() const;

    bool operator==(const RetrySchedule &other) const = default;

private:
    explicit RetrySchedule(QList<qint64> steps) : m_steps(std::move(steps)) {}

    QList<qint64> m_steps;   // seconds, never empty
};
