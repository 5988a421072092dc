#pragma once

#include "adminrequest.h"

#include <QHash>
#include <QObject>
#include <QString>

class AdminMode;
class EngineLink;
class QWidget;

// Binds a dialog's editors to setting keys: load() fills them from the engine's config.list,
// save() sends what changed as one config.set-many (every value checked before any is written)
// and reports the reply. Editors: QCheckBox (boolean), QSpinBox (integer), QLineEdit (text),
// QComboBox (choice: item data or text). Editors are read-only while administration mode is
// locked. Lives as long as its dialog.
class SettingsBinder : public QObject
{
    Q_OBJECT

public:
    SettingsBinder(EngineLink &engine, AdminMode &mode, QWidget *dialog);

    void bind(const QString &key, QWidget *editor);
    // Asks the engine for the current values; loaded() follows.
    void load();
    // Sends the edited values that differ from what was loaded; saved() or failed() follows.
    // With nothing changed, saved() follows at once.
    void save();

    [[nodiscard]] bool hasChanges() const;
    [[nodiscard]] QString loadedValue(const QString &key) const { return m_loaded.value(key); }
    [[nodiscard]] QString defaultValue(const QString &key) const { return m_defaults.value(key); }
    // The editor's value as the engine stores it ("true"/"false", digits, text).
    [[nodiscard]] QString editedValue(const QString &key) const;

Q_SIGNALS:
    void loaded();
    void saved(const QString &message);
    void failed(const QString &message);

private:
    void fill(const QString &key, const QString &value);
    void applyMode();

    EngineLink &m_engine;
    AdminMode &m_mode;
    QWidget *m_dialog;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QString> m_loaded;
    QHash<QString, QString> m_defaults;
};
