#include "attachmentfiltersdialog.h"
#include "ui_attachmentfiltersdialog.h"

#include "filteradmin.h"

namespace {

const QString kPattern = QStringLiteral("pattern");

}

AttachmentFiltersDialog::AttachmentFiltersDialog(EngineLink &engine, AdminMode &mode, QWidget *parent)
    : QDialog(parent), m_ui(new Ui::AttachmentFiltersDialog)
{
    m_ui->setupUi(this);
    m_ui->listEditor->setup(engine, mode, *this, this, m_ui->buttonBox, m_ui->entryGroup);
}

AttachmentFiltersDialog::~AttachmentFiltersDialog()
{
    delete m_ui;
}

QStringList AttachmentFiltersDialog::headers() const
{
    return {tr("Pattern"), tr("Added")};
}

QStringList AttachmentFiltersDialog::cells(const QJsonObject &entry) const
{
    return {entry.value(kPattern).toString(), localTime(entry.value(QStringLiteral("created")), tr("on Apply"))};
}

QString AttachmentFiltersDialog::details(const QJsonObject &entry) const
{
    return tr("Mail with an attachment named like \"%1\" is refused with 550 5.7.1, whatever the size limit. Added: %2.")
        .arg(entry.value(kPattern).toString(), localTime(entry.value(QStringLiteral("created")), tr("not yet (on Apply)")));
}

QString AttachmentFiltersDialog::check(QJsonObject &entry) const
{
    const QString pattern = entry.value(kPattern).toString().trimmed();
    if (const QString error = FilterAdmin::checkPattern(pattern); !error.isEmpty())
        return error;
    entry.insert(kPattern, pattern);
    return {};
}

QJsonObject AttachmentFiltersDialog::entryFromFields() const
{
    return {{kPattern, m_ui->patternEdit->text()}};
}

void AttachmentFiltersDialog::showInFields(const QJsonObject &entry)
{
    m_ui->patternEdit->setText(entry.value(kPattern).toString());
}

QString AttachmentFiltersDialog::toLine(const QJsonObject &entry) const
{
    return entry.value(kPattern).toString();
}

QJsonObject AttachmentFiltersDialog::fromLine(const QString &line) const
{
    return {{kPattern, line}};
}

QJsonObject AttachmentFiltersDialog::addArguments(const QJsonObject &entry) const
{
    return {{kPattern, entry.value(kPattern)}};
}
