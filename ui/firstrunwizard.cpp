#include "firstrunwizard.h"
#include "ui_firstrunwizard.h"

#include "accounts/accountinput.h"
#include "adminrequestqueue.h"
#include "enginelink.h"
#include "firstrunsummary.h"
#include "mailaddress.h"
#include "tlscontext.h"

#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

FirstRunWizard::FirstRunWizard(EngineLink &engine, QWidget *parent)
    : QWizard(parent), m_ui(std::make_unique<Ui::FirstRunWizard>()), m_engine(engine),
      m_queue(new AdminRequestQueue(engine, this))
{
    m_ui->setupUi(this);
    for (int page = HostnamePage; page <= SummaryPage; ++page) {
        errorLabel(page)->setStyleSheet(QStringLiteral("color: #b00020;"));
        errorLabel(page)->clear();
    }
    m_ui->summaryLabel->setTextFormat(Qt::PlainText);
    m_ui->certificateFilesPanel->setEnabled(false);
    connect(m_ui->chooseCertificateRadio, &QRadioButton::toggled, m_ui->certificateFilesPanel, &QWidget::setEnabled);
    connect(m_ui->certBrowseButton, &QPushButton::clicked, this, [this] { browse(true); });
    connect(m_ui->keyBrowseButton, &QPushButton::clicked, this, [this] { browse(false); });
    connect(m_queue, &AdminRequestQueue::stepDone, this, [this](int page) { m_stored.insert(page); });
    connect(m_queue, &AdminRequestQueue::finished, this, [this] {
        Q_EMIT setupStored();
        QWizard::accept();
    });
    connect(m_queue, &AdminRequestQueue::failed, this, &FirstRunWizard::showRefusal);
    // The name the engine uses now (this machine's name until one is set) is the suggestion.
    m_engine.call(AdminRequest{QStringLiteral("config.get"), {{QStringLiteral("key"), QStringLiteral("server.hostname")}}},
                  this, [this](const AdminReply &reply) {
                      if (reply.ok() && m_ui->hostnameEdit->text().isEmpty())
                          m_ui->hostnameEdit->setText(reply.result.toString());
                  });
}

FirstRunWizard::~FirstRunWizard() = default;

void FirstRunWizard::openIfNoDomain(EngineLink &engine, QWidget *parent,
                                    const std::function<void(FirstRunWizard *)> &opened)
{
    QObject *context = parent ? static_cast<QObject *>(parent) : &engine;
    engine.call(AdminRequest{QStringLiteral("domain.list"), {}}, context, [&engine, parent, opened](const AdminReply &reply) {
        // A database that cannot be read is not a first run: the main window shows the problem.
        if (!reply.ok() || !reply.result.toArray().isEmpty()) {
            if (opened)
                opened(nullptr);
            return;
        }
        auto *wizard = new FirstRunWizard(engine, parent);
        wizard->setAttribute(Qt::WA_DeleteOnClose);
        wizard->open();
        if (opened)
            opened(wizard);
    });
}

QLabel *FirstRunWizard::errorLabel(int page) const
{
    switch (page) {
    case HostnamePage: return m_ui->hostnameError;
    case DomainPage: return m_ui->domainError;
    case AccountPage: return m_ui->accountError;
    case CertificatePage: return m_ui->certificateError;
    case AdminPasswordPage: return m_ui->adminPasswordError;
    default: return m_ui->summaryError;
    }
}

bool FirstRunWizard::validateCurrentPage()
{
    const QString problem = pageProblem(currentId());
    errorLabel(currentId())->setText(problem);
    return problem.isEmpty();
}

QString FirstRunWizard::pageProblem(int page)
{
    switch (page) {
    case HostnamePage:
        return AccountInput::hostNameProblem(m_ui->hostnameEdit->text(), &m_hostname);
    case DomainPage:
        return AccountInput::hostNameProblem(m_ui->domainEdit->text(), &m_domain);
    case AccountPage: {
        const QString typed = m_ui->localPartEdit->text().trimmed() + QLatin1Char('@') + m_domain;
        const MailAddress address = MailAddress::parse(typed);
        if (m_ui->localPartEdit->text().trimmed().isEmpty())
            return tr("Type the first part of the address, for example alice.");
        if (!address.isValid())
            return tr("\"%1\" is not a valid address: %2").arg(typed, address.error());
        return AccountInput::passwordProblem(m_ui->passwordEdit->text(), m_ui->confirmEdit->text());
    }
    case CertificatePage: {
        if (m_ui->keepCertificateRadio->isChecked())
            return {};
        const QFileInfo certificate(m_ui->certFileEdit->text().trimmed());
        const QFileInfo key(m_ui->keyFileEdit->text().trimmed());
        if (!certificate.isFile() || !certificate.isReadable())
            return tr("The certificate file \"%1\" cannot be read.").arg(certificate.filePath());
        if (!key.isFile() || !key.isReadable())
            return tr("The private key file \"%1\" cannot be read.").arg(key.filePath());
        // The same check the server makes when it loads them: PEM, unencrypted, matching, in date.
        QString error;
        if (TlsContext::loadServer(certificate.absoluteFilePath(), key.absoluteFilePath(), QDateTime::currentDateTimeUtc(),
                                   &error).isNull())
            return tr("These files cannot be used: %1").arg(error);
        return {};
    }
    case AdminPasswordPage:
        return AccountInput::passwordProblem(m_ui->adminPasswordEdit->text(), m_ui->adminConfirmEdit->text(), true);
    default:
        return {};
    }
}

void FirstRunWizard::initializePage(int id)
{
    QWizard::initializePage(id);
    if (id == AccountPage)
        m_ui->accountDomainLabel->setText(QLatin1Char('@') + m_domain);
    if (id == SummaryPage)
        loadSummary();
}

void FirstRunWizard::loadSummary()
{
    m_ui->summaryLabel->setText(tr("Reading the server's settings…"));
    m_engine.call(AdminRequest{QStringLiteral("config.list"), {}}, this, [this](const AdminReply &settingsReply) {
        m_engine.call(AdminRequest{QStringLiteral("filter.list"), {}}, this, [this, settingsReply](const AdminReply &filters) {
            m_engine.call(AdminRequest{QStringLiteral("attachment-filter.list"), {}}, this,
                          [this, settingsReply, filters](const AdminReply &attachments) {
                              if (!settingsReply.ok()) {
                                  m_ui->summaryLabel->setText(settingsReply.message);
                                  return;
                              }
                              QHash<QString, QString> settings;
                              for (const QJsonValue &setting : settingsReply.result.toArray())
                                  settings.insert(setting[QStringLiteral("key")].toString(), setting[QStringLiteral("value")].toString());
                              const QString certificate = m_ui->chooseCertificateRadio->isChecked()
                                                              ? QFileInfo(m_ui->certFileEdit->text().trimmed()).absoluteFilePath()
                                                              : QString();
                              m_ui->summaryLabel->setText(FirstRunSummary::describe(
                                  settings, certificate, filters.result.toArray().size(), attachments.result.toArray().size()));
                          });
        });
    });
}

void FirstRunWizard::browse(bool certificate)
{
    const QString file = QFileDialog::getOpenFileName(this, certificate ? tr("Certificate file") : tr("Private key file"), {},
                                                      tr("PEM files (*.pem *.crt *.key);;All files (*)"));
    if (!file.isEmpty())
        (certificate ? m_ui->certFileEdit : m_ui->keyFileEdit)->setText(file);
}

void FirstRunWizard::accept()
{
    if (m_queue->isRunning())
        return;
    // Checked again: a page can be reached by Back and changed without pressing Next.
    for (int page = HostnamePage; page < SummaryPage; ++page) {
        const QString problem = m_stored.contains(page) ? QString() : pageProblem(page);
        if (!problem.isEmpty()) {
            showRefusal(page, AdminReply::failure(AdminReply::Status::Invalid, problem));
            return;
        }
    }
    m_queue->clear();
    for (int page = HostnamePage; page < SummaryPage; ++page) {
        if (!m_stored.contains(page))
            stagePage(page);
    }
    m_ui->summaryError->clear();
    m_queue->run();
}

void FirstRunWizard::stagePage(int page)
{
    switch (page) {
    case HostnamePage:
        m_queue->add(AdminRequest{QStringLiteral("config.set"), {{QStringLiteral("key"), QStringLiteral("server.hostname")},
                                                                 {QStringLiteral("value"), m_hostname}}},
                     page);
        break;
    case DomainPage:
        m_queue->add(AdminRequest{QStringLiteral("domain.add"), {{QStringLiteral("domain"), m_domain}}}, page);
        break;
    case AccountPage:
        m_queue->add(AdminRequest{QStringLiteral("user.add"),
                                  {{QStringLiteral("address"), m_ui->localPartEdit->text().trimmed() + QLatin1Char('@') + m_domain},
                                   {QStringLiteral("password"), m_ui->passwordEdit->text()},
                                   {QStringLiteral("displayName"), m_ui->displayNameEdit->text().trimmed()}}},
                     page);
        break;
    case CertificatePage:
        if (m_ui->chooseCertificateRadio->isChecked()) {
            const QJsonObject files{
                {QStringLiteral("tls.cert_file"), QFileInfo(m_ui->certFileEdit->text().trimmed()).absoluteFilePath()},
                {QStringLiteral("tls.key_file"), QFileInfo(m_ui->keyFileEdit->text().trimmed()).absoluteFilePath()}};
            m_queue->add(AdminRequest{QStringLiteral("config.set-many"), {{QStringLiteral("values"), files}}}, page);
            m_queue->add(AdminRequest{QStringLiteral("tls.reload"), {}}, page);
        }
        break;
    case AdminPasswordPage:
        if (!m_ui->adminPasswordEdit->text().isEmpty())
            stageAdminPassword(m_ui->adminPasswordEdit->text());
        break;
    default:
        break;
    }
}

void FirstRunWizard::stageAdminPassword(const QString &password)
{
    m_queue->add(AdminRequest{QStringLiteral("admin.password.set"), {{QStringLiteral("password"), password}}},
                 AdminPasswordPage);
}

void FirstRunWizard::showRefusal(int page, const AdminReply &reply)
{
    // Pages before the refused one are stored; Finish sends the rest again after a correction.
    for (int other = HostnamePage; other < SummaryPage; ++other) {
        if (other < page)
            m_stored.insert(other);
        else
            m_stored.remove(other);
    }
    m_queue->clear();
    while (currentId() > page && currentId() != -1)
        back();
    errorLabel(page)->setText(reply.status == AdminReply::Status::UnknownOperation
                                  ? tr("This server cannot store that yet (%1). Leave the fields empty to go on.").arg(reply.message)
                                  : reply.message);
}
