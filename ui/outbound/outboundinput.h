#pragma once

#include <QCoreApplication>
#include <QString>

// The checks of the Outbound Delivery dialog's typed values, made before anything is sent so a
// mistake is named in the dialog: empty when the value is acceptable, else what is wrong with it.
class OutboundInput
{
    Q_DECLARE_TR_FUNCTIONS(OutboundInput)

public:
    OutboundInput() = delete;

    // Empty or host:port ([v6]:port for an IPv6 address), port 1 to 65535.
    [[nodiscard]] static QString smartHostProblem(const QString &text);
    // Waits separated by commas: a positive number with s, m, h or d (or none) after it.
    [[nodiscard]] static QString retryScheduleProblem(const QString &text);
};
