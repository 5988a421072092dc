#include "listeditor.h"
#include "ui_listeditor.h"

#include <algorithm>

#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QJsonArray>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>

#include "adminmode.h"
#include "adminrequestqueue.h"
#include "enginelink.h"
#include "entrychanges.h"
#include "listadapter.h"

ListEditor::ListEditor(QWidget *parent) : QWidget(parent), m_ui(new Ui::ListEditor)
{
    m_ui->setupUi(this);
    m_ui->messageLabel->hide();
}

ListEditor::~ListEditor()
{
    delete m_ui;
}

void ListEditor::setup(EngineLink &engine, AdminMode &mode, ListAdapter &adapter, QDialog *dialog,
                       QDialogButtonBox *buttons, QWidget *fields)
{
    m_engine = &engine;
    m_mode = &mode;
    m_adapter = &adapter;
    m_dialog = dialog;
    m_buttons = buttons;
    m_fields = fields;
    m_queue = new AdminRequestQueue(engine, this);
    m_ui->entryTable->setColumnCount(int(adapter.headers().size()));
    m_ui->entryTable->setHorizontalHeaderLabels(adapter.headers());
    // Enter in the entry fields adds the entry rather than pressing OK with it half typed.
    m_ui->addButton->setDefault(true);

    connect(m_ui->addButton, &QPushButton::clicked, this, &ListEditor::addFromFields);
    connect(m_ui->replaceButton, &QPushButton::clicked, this, &ListEditor::replaceFromFields);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &ListEditor::removeSelected);
    connect(m_ui->importButton, &QPushButton::clicked, this, &ListEditor::chooseImportFile);
    connect(m_ui->exportButton, &QPushButton::clicked, this, &ListEditor::chooseExportFile);
    connect(m_ui->entryTable, &QTableWidget::itemSelectionChanged, this, &ListEditor::showSelection);
    connect(buttons->button(QDialogButtonBox::Ok), &QPushButton::clicked, this, [this] { apply(true); });
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, [this] { apply(false); });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(m_queue, &AdminRequestQueue::finished, this, [this] { onApplied(true, {}, m_closeAfterApply); });
    connect(m_queue, &AdminRequestQueue::failed, this, [this](int, const AdminReply &reply) {
        onApplied(false, reply.message, m_closeAfterApply);
    });
    connect(&mode, &AdminMode::unlockedChanged, this, &ListEditor::applyMode);
    // Shown again after Cancel or a change made elsewhere (the CLI, auto-ban): read the list anew.
    dialog->installEventFilter(this);
    applyMode();
    showSelection();
}

void ListEditor::setRemoveText(const QString &text)
{
    m_ui->removeButton->setText(text);
}

bool ListEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_dialog && event->type() == QEvent::Show)
        reload();
    return QWidget::eventFilter(watched, event);
}

void ListEditor::reload()
{
    m_ui->messageLabel->hide();
    fetch(false, [](bool) {});
}

void ListEditor::fetch(bool keepStaged, const std::function<void(bool)> &then)
{
    m_engine->call({m_adapter->group() + QStringLiteral(".list"), {}}, this, [this, keepStaged, then](const AdminReply &reply) {
        if (!reply.ok()) {
            showMessage(tr("Could not read the list: %1").arg(reply.message), true);
            then(false);
            return;
        }
        m_loaded.clear();
        for (const QJsonValue &value : reply.result.toArray())
            m_loaded << value.toObject();
        if (!keepStaged)
            m_staged = m_loaded;
        showEntries();
        Q_EMIT loaded();
        then(true);
    });
}

void ListEditor::showEntries()
{
    QTableWidget *table = m_ui->entryTable;
    table->clearContents();
    table->setRowCount(int(m_staged.size()));
    for (int row = 0; row < m_staged.size(); ++row) {
        const QStringList cells = m_adapter->cells(m_staged.at(row));
        for (int column = 0; column < cells.size(); ++column)
            table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    table->resizeColumnsToContents();
    showSelection();
}

void ListEditor::showSelection()
{
    const QList<int> rows = selectedRows();
    const bool editable = m_mode && m_mode->isUnlocked() && !m_queue->isRunning();
    m_ui->replaceButton->setEnabled(editable && rows.size() == 1);
    m_ui->removeButton->setEnabled(editable && !rows.isEmpty());
    if (rows.size() == 1) {
        m_ui->detailsLabel->setText(m_adapter->details(m_staged.at(rows.first())));
        m_adapter->showInFields(m_staged.at(rows.first()));
    } else {
        m_ui->detailsLabel->setText(rows.isEmpty() ? tr("Select an entry to see its details.")
                                                   : tr("%n entries selected.", nullptr, int(rows.size())));
    }
}

void ListEditor::showMessage(const QString &text, bool error)
{
    m_ui->messageLabel->setText(text);
    m_ui->messageLabel->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    m_ui->messageLabel->setVisible(!text.isEmpty());
}

void ListEditor::applyMode()
{
    const bool unlocked = m_mode->isUnlocked();
    for (QWidget *widget : {static_cast<QWidget *>(m_ui->addButton), static_cast<QWidget *>(m_ui->importButton), m_fields})
        widget->setEnabled(unlocked);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(unlocked);
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(unlocked);
    m_ui->lockedLabel->setVisible(!unlocked);
    showSelection();
}

QList<int> ListEditor::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_ui->entryTable->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

int ListEditor::rowOf(const QString &identity) const
{
    for (int row = 0; row < m_staged.size(); ++row) {
        if (m_adapter->identity(m_staged.at(row)) == identity)
            return row;
    }
    return -1;
}

QString ListEditor::refusal(QJsonObject &entry, int replacedRow) const
{
    if (const QString error = m_adapter->check(entry); !error.isEmpty())
        return error;
    const int existing = rowOf(m_adapter->identity(entry));
    if (existing >= 0 && existing != replacedRow)
        return tr("\"%1\" is already in the list; select it to change it.")
            .arg(m_staged.at(existing).value(m_adapter->keyField()).toString());
    return {};
}

bool ListEditor::addFromFields()
{
    if (!m_mode->isUnlocked())
        return false;
    QJsonObject entry = m_adapter->entryFromFields();
    if (const QString error = refusal(entry, -1); !error.isEmpty()) {
        showMessage(error, true);
        return false;
    }
    m_staged << entry;
    showEntries();
    m_ui->entryTable->selectRow(int(m_staged.size()) - 1);
    showMessage(tr("Added; press Apply or OK to save the list."), false);
    return true;
}

bool ListEditor::replaceFromFields()
{
    const QList<int> rows = selectedRows();
    if (!m_mode->isUnlocked())
        return false;
    if (rows.size() != 1) {
        showMessage(tr("Select the one entry to replace."), true);
        return false;
    }
    QJsonObject entry = m_adapter->entryFromFields();
    if (const QString error = refusal(entry, rows.first()); !error.isEmpty()) {
        showMessage(error, true);
        return false;
    }
    m_staged[rows.first()] = entry;
    showEntries();
    m_ui->entryTable->selectRow(rows.first());
    showMessage(tr("Replaced; press Apply or OK to save the list."), false);
    return true;
}

void ListEditor::removeSelected()
{
    const QList<int> rows = selectedRows();
    // Several rows at once is where a slip costs most: ask once for all of them.
    if (rows.size() > 1
        && QMessageBox::question(this, tr("Remove entries"), tr("Remove the %n selected entries?", nullptr, int(rows.size())))
               != QMessageBox::Yes)
        return;
    removeRows(rows);
}

void ListEditor::removeRows(const QList<int> &rows)
{
    if (!m_mode->isUnlocked())
        return;
    const bool atOnce = m_removeAppliesAtOnce && !hasChanges();
    for (auto it = rows.crbegin(); it != rows.crend(); ++it)
        m_staged.removeAt(*it);
    showEntries();
    if (atOnce)
        apply(false);
    else
        showMessage(tr("Removed; press Apply or OK to save the list."), false);
}

void ListEditor::apply(bool close)
{
    if (!m_mode->isUnlocked() || m_queue->isRunning())
        return;
    m_closeAfterApply = close;
    m_queue->clear();   // what a refusal left unsent is staged still, and sent again from it
    for (const AdminStep &step : EntryChanges::steps(*m_adapter, m_loaded, m_staged))
        m_queue->add(step.request, 0, step.undo);
    m_queue->run();
    showSelection();
}

void ListEditor::onApplied(bool ok, const QString &message, bool close)
{
    // Read the list back: after a refusal the entries taken so far are in it and the rest stay
    // staged, so Apply can be pressed again once the entry is mended.
    fetch(!ok, [this, ok, message, close](bool) {
        if (!ok) {
            showMessage(tr("The server refused a change: %1").arg(message), true);
            Q_EMIT failed(message);
            return;
        }
        showMessage({}, false);
        Q_EMIT applied();
        if (close)
            m_dialog->accept();
    });
}

void ListEditor::chooseImportFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import entries"), {}, tr("Text files (*.txt);;All files (*)"));
    if (!path.isEmpty())
        importFrom(path);
}

void ListEditor::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export entries"), {}, tr("Text files (*.txt);;All files (*)"));
    if (!path.isEmpty())
        exportTo(path);
}

bool ListEditor::importFrom(const QString &path)
{
    if (!m_mode->isUnlocked())
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        showMessage(tr("Could not read %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    QStringList errors;
    QList<QJsonObject> entries;
    QSet<QString> seen;
    for (int row = 0; row < m_staged.size(); ++row)
        seen.insert(m_adapter->identity(m_staged.at(row)));
    int skipped = 0;
    for (int number = 1; number <= lines.size(); ++number) {
        const QString line = lines.at(number - 1).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        QJsonObject entry = m_adapter->fromLine(line);
        if (const QString error = m_adapter->check(entry); !error.isEmpty()) {
            errors << tr("line %1: %2").arg(number).arg(error);
        } else if (seen.contains(m_adapter->identity(entry))) {
            ++skipped;   // listed already (or twice in the file): importing an export again is harmless
        } else {
            seen.insert(m_adapter->identity(entry));
            entries << entry;
        }
    }
    if (!errors.isEmpty()) {
        showMessage(tr("Nothing was imported; mend these lines and import again:\n%1").arg(errors.join(QLatin1Char('\n'))), true);
        return false;
    }
    m_staged << entries;
    showEntries();
    showMessage(tr("%n entries imported (%1 already listed); press Apply or OK to save the list.", nullptr, int(entries.size()))
                    .arg(skipped),
                false);
    return true;
}

bool ListEditor::exportTo(const QString &path)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        QStringList lines{QStringLiteral("# Postern %1 list, exported %2")
                              .arg(m_adapter->group(), QDateTime::currentDateTimeUtc().toString(Qt::ISODate))};
        for (const QJsonObject &entry : m_staged)
            lines << m_adapter->toLine(entry);
        file.write((lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
        if (file.commit()) {
            showMessage(tr("%n entries exported to %1.", nullptr, int(m_staged.size())).arg(path), false);
            return true;
        }
    }
    showMessage(tr("Could not write %1: %2").arg(path, file.errorString()), true);
    return false;
}
