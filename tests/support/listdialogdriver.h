#pragma once

// Drives one of the Security menu's list dialogs the way an admin does (fields, buttons, the
// table) for the tst_gui_* tests. Header-only on purpose: postern_testsupport does not link
// Qt Widgets, and only the GUI tests (which link postern_ui) include this.

#include "adminmode.h"
#include "inprocessenginelink.h"
#include "liveenginefixture.h"
#include "security/listeditor.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTimer>

class ListDialogDriver
{
public:
    explicit ListDialogDriver(QDialog &dialog) : m_dialog(dialog), m_editor(dialog.findChild<ListEditor *>()) {}

    [[nodiscard]] ListEditor *editor() const { return m_editor; }
    [[nodiscard]] QTableWidget *table() const { return m_dialog.findChild<QTableWidget *>(QStringLiteral("entryTable")); }
    template <typename Widget>
    [[nodiscard]] Widget *find(const char *name) const { return m_dialog.findChild<Widget *>(QLatin1String(name)); }

    // Shows the dialog and waits for its list to be read from the engine.
    [[nodiscard]] bool show()
    {
        QSignalSpy loaded(m_editor, &ListEditor::loaded);
        m_dialog.show();
        return loaded.wait(5000);
    }
    void type(const char *lineEdit, const QString &text) { find<QLineEdit>(lineEdit)->setText(text); }
    void click(const char *button) { find<QPushButton>(button)->click(); }
    [[nodiscard]] QPushButton *dialogButton(QDialogButtonBox::StandardButton which) const
    {
        return find<QDialogButtonBox>("buttonBox")->button(which);
    }
    // Presses Apply (or OK) and waits for the engine to have taken every staged edit.
    [[nodiscard]] bool apply(QDialogButtonBox::StandardButton which = QDialogButtonBox::Apply)
    {
        QSignalSpy applied(m_editor, &ListEditor::applied);
        dialogButton(which)->click();
        return applied.wait(10000);
    }
    [[nodiscard]] QString message() const
    {
        const auto *label = find<QLabel>("messageLabel");
        return label->isVisibleTo(&m_dialog) ? label->text() : QString();
    }
    [[nodiscard]] int rows() const { return table()->rowCount(); }
    [[nodiscard]] QString cell(int row, int column) const
    {
        const QTableWidgetItem *item = table()->item(row, column);
        return item ? item->text() : QString();
    }
    [[nodiscard]] int rowWith(const QString &text, int column = 0) const
    {
        for (int row = 0; row < rows(); ++row) {
            if (cell(row, column) == text)
                return row;
        }
        return -1;
    }
    void selectRows(const QList<int> &rows)
    {
        table()->clearSelection();
        for (int row : rows)
            table()->selectionModel()->select(table()->model()->index(row, 0),
                                              QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    // What a locked dialog still lets the admin change (empty when everything is read-only and
    // the line saying how to enter administration mode shows).
    [[nodiscard]] QStringList editableWhileLocked() const
    {
        QStringList problems;
        if (!find<QLabel>("lockedLabel")->isVisible())
            problems << QStringLiteral("no locked line");
        if (find<QWidget>("entryGroup")->isEnabled())
            problems << QStringLiteral("entryGroup");
        for (const char *button : {"addButton", "replaceButton", "removeButton", "importButton"}) {
            if (find<QPushButton>(button)->isEnabled())
                problems << QLatin1String(button);
        }
        for (const auto which : {QDialogButtonBox::Ok, QDialogButtonBox::Apply}) {
            if (dialogButton(which)->isEnabled())
                problems << dialogButton(which)->text();
        }
        if (!find<QPushButton>("exportButton")->isEnabled())
            problems << QStringLiteral("export disabled (reading is allowed)");
        return problems;
    }
    // Answers the next question box (the confirmation of a multi-row removal) with `button`.
    static void answerNextQuestion(QMessageBox::StandardButton button)
    {
        QTimer::singleShot(0, [button] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->button(button)->click();
        });
    }

private:
    QDialog &m_dialog;
    ListEditor *m_editor;
};

// The mailbox that OpenListDialog's engine has, for mail delivered to it in a test.
inline const QString kListDialogMailbox = QStringLiteral("user@example.test");

// A real engine with a list dialog on it, in administration mode unless told otherwise: the
// setup every list dialog test starts with. The engine has the mailbox kListDialogMailbox and
// makes no DNS lookups of the (loopback) senders' domains. Members are built in order, the
// engine first.
template <typename Dialog>
class OpenListDialog
{
public:
    explicit OpenListDialog(bool unlocked = true) : m_dialog(m_engine.link(), m_mode), m_driver(m_dialog)
    {
        m_engine.addMailbox(kListDialogMailbox, QStringLiteral("secret-password"));
        m_mode.setUnlocked(unlocked);
    }

    // Starts the engine (unless a test did already) and shows the dialog with its list read.
    [[nodiscard]] bool show() { return (m_engine.link().status().running() || m_engine.start()) && m_driver.show(); }
    [[nodiscard]] LiveEngineFixture &engine() { return m_engine; }
    [[nodiscard]] AdminMode &mode() { return m_mode; }
    [[nodiscard]] Dialog &dialog() { return m_dialog; }
    [[nodiscard]] ListDialogDriver &driver() { return m_driver; }

private:
    LiveEngineFixture m_engine{{{QStringLiteral("verify.sender_domain"), QStringLiteral("false")}}};
    AdminMode m_mode;
    Dialog m_dialog;
    ListDialogDriver m_driver;
};
