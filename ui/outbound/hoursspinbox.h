#pragma once

#include <QDoubleSpinBox>

// Hours with up to three decimals, shown the way an admin writes them: "120 h", "0.5 h", never
// "120.000 h" (outbound.max_age_hours and delay_notice_hours take decimal hours).
class HoursSpinBox : public QDoubleSpinBox
{
    Q_OBJECT

public:
    explicit HoursSpinBox(QWidget *parent = nullptr);

    [[nodiscard]] QString textFromValue(double value) const override;
};
