#include "adminpasswordprompt.h"

#include "ui_adminpasswordprompt.h"

#include "adminmode.h"
#include "enginelink.h"

#include <QPushButton>

AdminPasswordPrompt::AdminPasswordPrompt(EngineLink &engine, AdminMode &mode, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::AdminPasswordPrompt>()), m_engine(engine), m_mode(mode)
{
    m_ui->setupUi(this);
    m_ui->errorLabel->hide();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AdminPasswordPrompt::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

AdminPasswordPrompt::~AdminPasswordPrompt() = default;

void AdminPasswordPrompt::enter(EngineLink &engine, AdminMode &mode, QWidget *parent)
{
    if (mode.isUnlocked())
        return;
    engine.call(AdminRequest{QStringLiteral("admin.password.exists"), {}}, parent,
                [&engine, &mode, parent](const AdminReply &reply) {
                    // Without a password (or when the engine cannot say), nothing guards the mode but
                    // the desktop login, as in ArgoSoft; a failed check still needs the password.
                    if (reply.ok() && !reply.result.toBool()) {
                        mode.setUnlocked(true);
                        return;
                    }
                    auto *prompt = new AdminPasswordPrompt(engine, mode, parent);
                    prompt->setAttribute(Qt::WA_DeleteOnClose);
                    prompt->open();
                });
}

void AdminPasswordPrompt::accept()
{
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(false);
    const QString password = m_ui->passwordEdit->text();
    m_engine.call(AdminRequest{QStringLiteral("admin.password.check"), {{QStringLiteral("password"), password}}}, this,
                  [this](const AdminReply &reply) {
                      m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(true);
                      if (reply.ok()) {
                          m_mode.setUnlocked(true);
                          QDialog::accept();
                          return;
                      }
                      m_ui->passwordEdit->clear();
                      m_ui->passwordEdit->setFocus();
                      m_ui->errorLabel->setText(reply.status == AdminReply::Status::Denied
                                                    ? tr("Wrong password. The attempt has been logged.")
                                                    : reply.message);
                      m_ui->errorLabel->show();
                  });
}
