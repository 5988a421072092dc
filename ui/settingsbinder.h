#pragma once

#include "adminrequest.h"

#include <QHash>
#include <QObject>
#include <QString>

class AdminMode;
class EngineLink;
class QJsonValue;
class QSpinBox;
class QWidget;

// Binds a dialog's editors to setting keys: load() fills them from the engine's config.list,
// save() sends what changed as one config.set-many (every value checked before any is written)
// and reports the reply. Editors: QCheckBox (boolean), QSpinBox (integer), QDoubleSpinBox
// (decimal hours), QLineEdit (text), QComboBox (choice: item data or text). Spin boxes take their
// range from the schema, so the dialog cannot offer a value the engine would refuse; editors
// without a tool tip get the setting's description. Editors are read-only while administration
// mode is locked. Lives as long as its dialog.
class SettingsBinder : public QObject
{
    Q_OBJECT

public:
    SettingsBinder(EngineLink &engine, AdminMode &mode, QWidget *dialog);

    void bind(const QString &key, QWidget *editor);
    // A spin box showing the setting in larger units (bytes as MB: unit 1048576). A stored value
    // that is no whole number of units is shown rounded and stays as stored until edited.
    void bindScaled(const QString &key, QSpinBox *editor, qint64 unit);
    // Asks the engine for the current values; loaded() follows.
    void load();
    // Sends the edited values that differ from what was loaded; saved() or failed() follows.
    // With nothing changed, saved() follows at once.
    void save();

    [[nodiscard]] bool hasChanges() const;
    // Whether a load has answered since the binder was made.
    [[nodiscard]] bool isLoaded() const { return m_isLoaded; }
    [[nodiscard]] QString loadedValue(const QString &key) const { return m_loaded.value(key); }
    [[nodiscard]] QString defaultValue(const QString &key) const { return m_defaults.value(key); }
    // Any setting's value from the last load, bound or not (for read-only display).
    [[nodiscard]] QString storedValue(const QString &key) const { return m_stored.value(key); }
    // The editor's value as the engine stores it ("true"/"false", digits, text).
    [[nodiscard]] QString editedValue(const QString &key) const;

Q_SIGNALS:
    void loaded();
    void saved(const QString &message);
    void failed(const QString &message);

private:
    void fill(const QString &key, const QString &value);
    void applySchema(const QString &key, const QJsonValue &setting);
    [[nodiscard]] qint64 unit(const QString &key) const { return m_units.value(key, 1); }
    void applyMode();

    EngineLink &m_engine;
    AdminMode &m_mode;
    QWidget *m_dialog;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QString> m_loaded;
    QHash<QString, QString> m_defaults;
    QHash<QString, QString> m_stored;
    QHash<QString, qint64> m_units;
    bool m_isLoaded = false;
};
