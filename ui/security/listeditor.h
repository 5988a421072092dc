#pragma once

#include <QJsonObject>
#include <QList>
#include <QWidget>

#include <functional>

class AdminRequestQueue;
class AdminMode;
class EngineLink;
class ListAdapter;
class QDialog;
class QDialogButtonBox;
namespace Ui {
class ListEditor;
}

// The list part of the Security menu's list dialogs (Filters, Attachment Filters, Banned and
// Trusted Addresses): the table, add/replace/remove, import and export, the details of the
// selected entry and the messages. Edits are staged here and sent on Apply or OK, so Cancel
// discards them; the list is read again after each Apply and whenever the dialog is shown.
class ListEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ListEditor(QWidget *parent = nullptr);
    ~ListEditor() override;

    // Wires the editor to its list and its dialog: OK applies and closes, Apply applies, Cancel
    // discards; `fields` (the dialog's entry editor) is disabled with the editor while locked.
    void setup(EngineLink &engine, AdminMode &mode, ListAdapter &adapter, QDialog *dialog,
               QDialogButtonBox *buttons, QWidget *fields);
    void setRemoveText(const QString &text);
    // Remove sends at once when nothing else is staged (Banned Addresses: unban in one click);
    // with other edits pending it stays staged like them, so Apply sends them together.
    void setRemoveAppliesAtOnce(bool atOnce) { m_removeAppliesAtOnce = atOnce; }

    void reload();
    // Sends the staged edits; applied() or failed() follows, and with close the dialog is
    // accepted once they are all taken.
    void apply(bool close);
    // The editor buttons' work, for the buttons and the tests; false when refused (message shown).
    bool addFromFields();
    bool replaceFromFields();
    void removeRows(const QList<int> &rows);
    // One entry per line; blank lines and lines starting with # are skipped on import. A file
    // with any bad line imports nothing, and each bad line is named with its number.
    bool importFrom(const QString &path);
    bool exportTo(const QString &path);

    [[nodiscard]] QList<QJsonObject> stagedEntries() const { return m_staged; }
    [[nodiscard]] bool hasChanges() const { return m_staged != m_loaded; }

Q_SIGNALS:
    void loaded();
    void applied();
    void failed(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fetch(bool keepStaged, const std::function<void(bool)> &then);
    void showEntries();
    void showSelection();
    void showMessage(const QString &text, bool error);
    void applyMode();
    void removeSelected();
    void chooseImportFile();
    void chooseExportFile();
    void onApplied(bool ok, const QString &message, bool close);
    [[nodiscard]] QString refusal(QJsonObject &entry, int replacedRow) const;
    [[nodiscard]] int rowOf(const QString &identity) const;
    [[nodiscard]] QList<int> selectedRows() const;

    Ui::ListEditor *m_ui;
    EngineLink *m_engine = nullptr;
    AdminMode *m_mode = nullptr;
    ListAdapter *m_adapter = nullptr;
    QDialog *m_dialog = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QWidget *m_fields = nullptr;
    AdminRequestQueue *m_queue = nullptr;
    QList<QJsonObject> m_loaded;
    QList<QJsonObject> m_staged;
    bool m_closeAfterApply = false;
    bool m_removeAppliesAtOnce = false;
};
