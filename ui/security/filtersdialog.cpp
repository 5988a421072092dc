#include "filtersdialog.h"
#include "ui_filtersdialog.h"

#include "filteradmin.h"

namespace {

// The engine's words, in the order of the dialog's combo boxes.
const QStringList kScopes{QStringLiteral("subject"), QStringLiteral("headers"), QStringLiteral("body"), QStringLiteral("all")};
const QStringList kActions{QStringLiteral("reject"), QStringLiteral("discard")};

QString field(const QJsonObject &entry, const char *name)
{
    return entry.value(QLatin1String(name)).toString();
}

}

FiltersDialog::FiltersDialog(EngineLink &engine, AdminMode &mode, QWidget *parent)
    : QDialog(parent), m_ui(new Ui::FiltersDialog)
{
    m_ui->setupUi(this);
    m_ui->scopeCombo->setCurrentIndex(int(kScopes.indexOf(QStringLiteral("all"))));
    m_ui->listEditor->setup(engine, mode, *this, this, m_ui->buttonBox, m_ui->entryGroup);
}

FiltersDialog::~FiltersDialog()
{
    delete m_ui;
}

QStringList FiltersDialog::headers() const
{
    return {tr("Text"), tr("Look in"), tr("Action"), tr("Added")};
}

QString FiltersDialog::scopeText(const QString &scope) const
{
    if (scope == QLatin1String("subject"))
        return tr("subject");
    if (scope == QLatin1String("headers"))
        return tr("headers");
    if (scope == QLatin1String("body"))
        return tr("body");
    return tr("everywhere");
}

QStringList FiltersDialog::cells(const QJsonObject &entry) const
{
    return {field(entry, "text"), scopeText(field(entry, "scope")),
            field(entry, "action") == QLatin1String("discard") ? tr("discard") : tr("reject"),
            localTime(entry.value(QStringLiteral("created")), tr("on Apply"))};
}

QString FiltersDialog::details(const QJsonObject &entry) const
{
    const QString action = field(entry, "action") == QLatin1String("discard")
                               ? tr("accepted and thrown away")
                               : tr("refused with 550 5.7.1 while the sender is connected");
    return tr("Mail with \"%1\" in its %2 is %3. Added: %4.")
        .arg(field(entry, "text"), scopeText(field(entry, "scope")), action,
             localTime(entry.value(QStringLiteral("created")), tr("not yet (on Apply)")));
}

QString FiltersDialog::check(QJsonObject &entry) const
{
    return FilterAdmin::checkFilter(field(entry, "text"), field(entry, "scope"), field(entry, "action"));
}

QJsonObject FiltersDialog::entryFromFields() const
{
    return {{QStringLiteral("text"), m_ui->textEdit->text()},
            {QStringLiteral("scope"), kScopes.value(m_ui->scopeCombo->currentIndex())},
            {QStringLiteral("action"), kActions.value(m_ui->actionCombo->currentIndex())}};
}

void FiltersDialog::showInFields(const QJsonObject &entry)
{
    m_ui->textEdit->setText(field(entry, "text"));
    m_ui->scopeCombo->setCurrentIndex(int(qMax(qsizetype(0), kScopes.indexOf(field(entry, "scope")))));
    m_ui->actionCombo->setCurrentIndex(int(qMax(qsizetype(0), kActions.indexOf(field(entry, "action")))));
}

QString FiltersDialog::toLine(const QJsonObject &entry) const
{
    return QStringList{field(entry, "text"), field(entry, "scope"), field(entry, "action")}.join(QLatin1Char('\t'));
}

QJsonObject FiltersDialog::fromLine(const QString &line) const
{
    const QStringList parts = line.split(QLatin1Char('\t'));
    return {{QStringLiteral("text"), parts.value(0)},
            {QStringLiteral("scope"), parts.size() > 1 ? parts.at(1).trimmed().toLower() : QStringLiteral("all")},
            {QStringLiteral("action"), parts.size() > 2 ? parts.at(2).trimmed().toLower() : QStringLiteral("reject")}};
}

QJsonObject FiltersDialog::addArguments(const QJsonObject &entry) const
{
    return {{QStringLiteral("text"), field(entry, "text")}, {QStringLiteral("scope"), field(entry, "scope")},
            {QStringLiteral("action"), field(entry, "action")}};
}
