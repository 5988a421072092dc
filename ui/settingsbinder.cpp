#include "settingsbinder.h"

#include <cmath>
#include <limits>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QSpinBox>

#include "adminmode.h"
#include "enginelink.h"

namespace {

// A decimal spin box's value as settings store decimals: "0.5", "4", never "4.000".
QString decimalText(const QDoubleSpinBox *spin)
{
    QString text = QString::number(spin->value(), 'f', spin->decimals());
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    return text;
}

}

SettingsBinder::SettingsBinder(EngineLink &engine, AdminMode &mode, QWidget *dialog)
    : QObject(dialog), m_engine(engine), m_mode(mode), m_dialog(dialog)
{
    connect(&m_mode, &AdminMode::unlockedChanged, this, &SettingsBinder::applyMode);
}

void SettingsBinder::bind(const QString &key, QWidget *editor)
{
    m_editors.insert(key, editor);
    editor->setEnabled(m_mode.isUnlocked());
}

void SettingsBinder::bindScaled(const QString &key, QSpinBox *editor, qint64 unit)
{
    Q_ASSERT(unit > 0);
    m_units.insert(key, unit);
    bind(key, editor);
}

void SettingsBinder::load()
{
    m_engine.call(AdminRequest{QStringLiteral("config.list"), {}}, this, [this](const AdminReply &reply) {
        if (!reply.ok()) {
            Q_EMIT failed(reply.message);
            return;
        }
        for (const QJsonValue &setting : reply.result.toArray()) {
            const QString key = setting[QStringLiteral("key")].toString();
            m_defaults.insert(key, setting[QStringLiteral("default")].toString());
            m_stored.insert(key, setting[QStringLiteral("value")].toString());
            if (!m_editors.contains(key))
                continue;
            applySchema(key, setting);
            m_loaded.insert(key, setting[QStringLiteral("value")].toString());
            fill(key, m_loaded.value(key));
        }
        m_isLoaded = true;
        Q_EMIT loaded();
    });
}

void SettingsBinder::applySchema(const QString &key, const QJsonValue &setting)
{
    QWidget *editor = m_editors.value(key);
    if (editor->toolTip().isEmpty())
        editor->setToolTip(setting[QStringLiteral("description")].toString());
    if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        // The schema's limits are qint64 (message.max_size reaches 4 GiB); a spin box holds int.
        const auto bounded = [](double value) { return int(qBound(0.0, value, double(std::numeric_limits<int>::max()))); };
        const double scale = double(unit(key));
        spin->setRange(bounded(std::ceil(setting[QStringLiteral("minimum")].toDouble() / scale)),
                       bounded(std::floor(setting[QStringLiteral("maximum")].toDouble() / scale)));
    } else if (auto *decimal = qobject_cast<QDoubleSpinBox *>(editor)) {
        decimal->setRange(setting[QStringLiteral("minimum")].toDouble(), setting[QStringLiteral("maximum")].toDouble());
    }
}

void SettingsBinder::fill(const QString &key, const QString &value)
{
    QWidget *editor = m_editors.value(key);
    if (auto *box = qobject_cast<QCheckBox *>(editor))
        box->setChecked(value == QStringLiteral("true"));
    else if (auto *spin = qobject_cast<QSpinBox *>(editor))
        spin->setValue(int(std::llround(double(value.toLongLong()) / double(unit(key)))));
    else if (auto *decimal = qobject_cast<QDoubleSpinBox *>(editor))
        decimal->setValue(value.toDouble());
    else if (auto *line = qobject_cast<QLineEdit *>(editor))
        line->setText(value);
    else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const int index = combo->findData(value);
        combo->setCurrentIndex(index >= 0 ? index : combo->findText(value));
    }
}

QString SettingsBinder::editedValue(const QString &key) const
{
    QWidget *editor = m_editors.value(key);
    if (auto *box = qobject_cast<QCheckBox *>(editor))
        return box->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        const qint64 scale = unit(key);
        const QString loaded = m_loaded.value(key);
        // Untouched, a value shown rounded is sent back as stored, not as the rounded number.
        if (scale != 1 && m_loaded.contains(key) && std::llround(double(loaded.toLongLong()) / double(scale)) == spin->value())
            return loaded;
        return QString::number(qint64(spin->value()) * scale);
    }
    if (auto *decimal = qobject_cast<QDoubleSpinBox *>(editor)) {
        // Untouched, the stored text goes back as it was ("0.50" stays, a finer value than the
        // box shows is not rounded away).
        const QString loaded = m_loaded.value(key);
        const double step = std::pow(10.0, decimal->decimals());
        if (m_loaded.contains(key) && std::llround(loaded.toDouble() * step) == std::llround(decimal->value() * step))
            return loaded;
        return decimalText(decimal);
    }
    if (auto *line = qobject_cast<QLineEdit *>(editor))
        return line->text().trimmed();
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        return combo->currentData().isValid() ? combo->currentData().toString() : combo->currentText();
    return {};
}

bool SettingsBinder::hasChanges() const
{
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        if (m_loaded.contains(it.key()) && editedValue(it.key()) != m_loaded.value(it.key()))
            return true;
    }
    return false;
}

void SettingsBinder::save()
{
    QJsonObject values;
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        if (m_loaded.contains(it.key()) && editedValue(it.key()) != m_loaded.value(it.key()))
            values.insert(it.key(), editedValue(it.key()));
    }
    if (values.isEmpty()) {
        Q_EMIT saved(QString());
        return;
    }
    if (!m_mode.isUnlocked()) {
        Q_EMIT failed(tr("Enter administration mode to change settings."));
        return;
    }
    m_engine.call(AdminRequest{QStringLiteral("config.set-many"), {{QStringLiteral("values"), values}}}, this,
                  [this, values](const AdminReply &reply) {
                      if (!reply.ok()) {
                          Q_EMIT failed(reply.message);
                          return;
                      }
                      for (auto it = values.constBegin(); it != values.constEnd(); ++it)
                          m_loaded.insert(it.key(), it.value().toString());
                      Q_EMIT saved(reply.message);
                  });
}

void SettingsBinder::applyMode()
{
    for (QWidget *editor : std::as_const(m_editors))
        editor->setEnabled(m_mode.isUnlocked());
}
