#include "retryschedule.h"

#include <QStringList>

namespace {

struct Unit
{
    QChar letter;
    qint64 seconds;
};

// Largest first, for toString.
constexpr Unit kUnits[] = {{u'd', 86400}, {u'h', 3600}, {u'm', 60}, {u's', 1}};

// Bounds each step to a year so the sum of the steps cannot overflow a date.
constexpr qint64 kMaxStepSeconds = qint64(366) * 86400;

}

RetrySchedule::RetrySchedule() : m_steps({5 * 60, 15 * 60, 30 * 60, 3600, 2 * 3600, 4 * 3600})
{
}

std::optional<RetrySchedule> RetrySchedule::parse(const QString &text, QString *error)
{
    const auto fail = [&](const QString &why) -> std::optional<RetrySchedule> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QStringList parts = text.split(QLatin1Char(','));
    if (text.trimmed().isEmpty())
        return fail(QStringLiteral("at least one wait is needed, such as 5m,15m,1h"));
    if (parts.size() > kMaxSteps)
        return fail(QStringLiteral("at most %1 waits").arg(kMaxSteps));
    QList<qint64> steps;
    for (const QString &raw : parts) {
        const QString part = raw.trimmed().toLower();
        if (part.size() < 2)
            return fail(QStringLiteral("\"%1\" is not a wait: use a number and a unit s, m, h or d (30m)").arg(raw.trimmed()));
        const QChar letter = part.back();
        qint64 unitSeconds = 0;
        for (const Unit &unit : kUnits) {
            if (unit.letter == letter)
                unitSeconds = unit.seconds;
        }
        bool ok = false;
        const qint64 number = part.chopped(1).toLongLong(&ok);
        if (unitSeconds == 0 || !ok || !part.at(0).isDigit())
            return fail(QStringLiteral("\"%1\" is not a wait: use a number and a unit s, m, h or d (30m)").arg(raw.trimmed()));
        if (number < 1)
            return fail(QStringLiteral("\"%1\": each wait must be at least 1 second").arg(raw.trimmed()));
        if (number > kMaxStepSeconds / unitSeconds)
            return fail(QStringLiteral("\"%1\": each wait must be at most 366 days").arg(raw.trimmed()));
        steps.append(number * unitSeconds);
    }
    return RetrySchedule(std::move(steps));
}

qint64 RetrySchedule::delayAfter(int attempts) const
{
    const qsizetype index = qBound(qsizetype(0), qsizetype(attempts) - 1, m_steps.size() - 1);
    return m_steps.at(index);
}

QString RetrySchedule::toString() const
{
    QStringList texts;
    for (const qint64 step : m_steps) {
        for (const Unit &unit : kUnits) {
            if (step % unit.seconds == 0) {
                texts << QString::number(step / unit.seconds) + unit.letter;
                break;
            }
        }
    }
    return texts.join(QLatin1Char(','));
}
