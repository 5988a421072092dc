#include "passwordtwicedialog.h"

#include "ui_passwordtwicedialog.h"

#include <QDialogButtonBox>

PasswordTwiceDialog::PasswordTwiceDialog(QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::PasswordTwiceDialog>())
{
    m_ui->setupUi(this);
    m_ui->errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_ui->errorLabel->hide();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &PasswordTwiceDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

PasswordTwiceDialog::~PasswordTwiceDialog() = default;

QString PasswordTwiceDialog::password() const
{
    return m_ui->passwordEdit->text();
}

void PasswordTwiceDialog::accept()
{
    const QString why = problem(m_ui->passwordEdit->text(), m_ui->confirmEdit->text(), false);
    m_ui->errorLabel->setText(why);
    m_ui->errorLabel->setVisible(!why.isEmpty());
    if (why.isEmpty())
        QDialog::accept();
}

QString PasswordTwiceDialog::problem(const QString &password, const QString &again, bool optional)
{
    if (password.isEmpty() && again.isEmpty())
        return optional ? QString() : tr("Type the password in both fields.");
    if (password != again)
        return tr("The two typings differ: type the same password in both fields.");
    // It goes on an AUTH line as given: a line break or NUL would break the exchange.
    for (const QChar c : password) {
        if (c.category() == QChar::Other_Control)
            return tr("The password contains a control character, which cannot be sent in a login.");
    }
    return {};
}
