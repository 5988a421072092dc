#include "routedialog.h"

#include "ui_routedialog.h"

#include <QDialogButtonBox>
#include <QHostAddress>

#include "accounts/accountinput.h"
#include "passwordtwicedialog.h"
#include "tlschoice.h"

RouteDialog::RouteDialog(QWidget *parent) : QDialog(parent), m_ui(std::make_unique<Ui::RouteDialog>())
{
    m_ui->setupUi(this);
    TlsChoice::attach(m_ui->tlsCombo, true);
    m_ui->tlsCombo->setCurrentIndex(m_ui->tlsCombo->findData(QStringLiteral("required")));
    m_ui->errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_ui->errorLabel->hide();
    m_ui->passwordNote->hide();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &RouteDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

RouteDialog::~RouteDialog() = default;

void RouteDialog::setRoute(const QJsonObject &route)
{
    setWindowTitle(tr("Edit Route"));
    m_ui->domainEdit->setText(route.value(QStringLiteral("domain")).toString());
    m_ui->hostEdit->setText(route.value(QStringLiteral("host")).toString());
    m_ui->portSpin->setValue(route.value(QStringLiteral("port")).toInt(25));
    const int tls = m_ui->tlsCombo->findData(route.value(QStringLiteral("tls")).toString());
    if (tls >= 0)
        m_ui->tlsCombo->setCurrentIndex(tls);
    m_ui->userEdit->setText(route.value(QStringLiteral("auth_user")).toString());
    m_passwordRequired = route.value(QStringLiteral("has_password")).toBool();
    m_ui->passwordNote->setVisible(m_passwordRequired);
}

QJsonObject RouteDialog::route() const
{
    QJsonObject route{{QStringLiteral("domain"), m_ui->domainEdit->text().trimmed().toLower()},
                      {QStringLiteral("host"), m_ui->hostEdit->text().trimmed()},
                      {QStringLiteral("port"), m_ui->portSpin->value()},
                      {QStringLiteral("tls"), m_ui->tlsCombo->currentData().toString()},
                      {QStringLiteral("auth_user"), m_ui->userEdit->text().trimmed()}};
    if (!m_ui->passwordEdit->text().isEmpty())
        route.insert(QStringLiteral("password"), m_ui->passwordEdit->text());
    return route;
}

QString RouteDialog::problem() const
{
    QString ace;
    if (const QString why = AccountInput::hostNameProblem(m_ui->domainEdit->text().trimmed(), &ace); !why.isEmpty())
        return tr("Domain: %1").arg(why);
    // A partner's server is often reached by address (over a VPN), not only by name.
    const QString host = m_ui->hostEdit->text().trimmed();
    if (const QString why = AccountInput::hostNameProblem(host, &ace); !why.isEmpty() && QHostAddress(host).isNull())
        return tr("Server: %1").arg(why);
    const bool login = !m_ui->userEdit->text().trimmed().isEmpty();
    const QString password = m_ui->passwordEdit->text();
    const QString again = m_ui->confirmEdit->text();
    if (!login && !(password.isEmpty() && again.isEmpty()))
        return tr("A password needs a login: fill in the login or leave both passwords empty.");
    if (login && m_passwordRequired && password.isEmpty())
        return tr("Type the route's password again: an edited route is stored anew.");
    return PasswordTwiceDialog::problem(password, again, true);
}

void RouteDialog::accept()
{
    const QString why = problem();
    m_ui->errorLabel->setText(why);
    m_ui->errorLabel->setVisible(!why.isEmpty());
    if (why.isEmpty())
        QDialog::accept();
}
