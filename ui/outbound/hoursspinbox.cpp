#include "hoursspinbox.h"

HoursSpinBox::HoursSpinBox(QWidget *parent) : QDoubleSpinBox(parent)
{
    setDecimals(3);   // a thousandth of an hour, as the setting stores it
}

QString HoursSpinBox::textFromValue(double value) const
{
    QString text = locale().toString(value, 'f', decimals());
    const QString point = locale().decimalPoint();
    if (!text.contains(point))
        return text;
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    if (text.endsWith(point))
        text.chop(point.size());
    return text;
}
