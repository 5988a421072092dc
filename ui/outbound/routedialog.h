#pragma once

#include <QDialog>
#include <QJsonObject>

#include <memory>

namespace Ui {
class RouteDialog;
}

// One route of the Outbound Delivery dialog, added or edited: the domain, the server and port its
// mail goes to, TLS, and an optional login whose password is typed twice. Checks the input on OK;
// the dialog that opened it stages the result.
class RouteDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RouteDialog(QWidget *parent = nullptr);
    ~RouteDialog() override;

    // Fills the editors from a route.list entry. A route with a stored password needs it typed
    // again, since an edit stores the route anew (route.remove, then route.add).
    void setRoute(const QJsonObject &route);
    // domain, host, port, tls, auth_user, and password when one was typed: route.add's arguments.
    [[nodiscard]] QJsonObject route() const;
    // What is wrong with the input; empty when OK may close the dialog.
    [[nodiscard]] QString problem() const;

    void accept() override;

private:
    std::unique_ptr<Ui::RouteDialog> m_ui;
    bool m_passwordRequired = false;
};
