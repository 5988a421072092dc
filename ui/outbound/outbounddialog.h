#pragma once

#include <QDialog>
#include <QHash>
#include <QJsonObject>

#include <memory>

#include "routechanges.h"

class AdminMode;
class AdminRequestQueue;
class EngineLink;
class SettingsBinder;

namespace Ui {
class OutboundDialog;
}

// Options ▸ Outbound Delivery: the smart host (server, login, password, TLS), TLS and trusted
// authorities for direct delivery over MX, the retry schedule and its limits, connection limits,
// and per-domain routes. The outbound.* settings go through a SettingsBinder (one config.set-many);
// route and password changes are staged and sent after them on Apply or OK, so Cancel sends
// nothing. Passwords are only ever sent, never read back: the dialog shows whether one is stored.
// Read-only while administration mode is locked; refusals are shown in the dialog's error line.
class OutboundDialog : public QDialog
{
    Q_OBJECT

public:
    OutboundDialog(EngineLink &engine, AdminMode &mode, QWidget *parent = nullptr);
    ~OutboundDialog() override;

    [[nodiscard]] SettingsBinder &binder() const { return *m_binder; }
    // The settings, the routes and the password state have all been read since the last load().
    [[nodiscard]] bool isLoaded() const { return m_pendingLoads == 0; }
    [[nodiscard]] const RouteChanges &routes() const { return m_routes; }

    // Reads everything again, dropping staged edits.
    void load();
    // Sends what changed; saved() or failed() follows, and with `close` the dialog is accepted.
    void apply(bool close);
    // The work of Set password…, Clear and the route buttons once their dialogs have answered.
    void stageSmartHostPassword(const QString &password);
    void stageSmartHostPasswordClear();
    // false (and the reason shown) when another route has that domain already.
    bool stageRoute(const QJsonObject &route, const QString &replacing = {});
    void stageRouteRemoval(const QString &domain);

Q_SIGNALS:
    void loaded();
    void saved();
    void failed(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    enum class PasswordChange { Keep, Set, Clear };

    void bindSettings();
    void connectButtons();
    void loadRoutes();
    void loadPasswordState();
    void loadDone();
    void sendStaged();
    void finishSave();
    [[nodiscard]] QString validate() const;
    void findUnknownKeys();
    void askPassword();
    void editRoute(bool adding);
    void showRoutes();
    void showPasswordState();
    void applyMode();
    void showError(const QString &text);

    std::unique_ptr<Ui::OutboundDialog> m_ui;
    EngineLink &m_engine;
    AdminMode &m_mode;
    SettingsBinder *m_binder;
    AdminRequestQueue *m_queue;
    QHash<QString, QWidget *> m_editors;   // setting key → its editor
    QStringList m_unknownKeys;              // outbound.* keys this engine does not list
    RouteChanges m_routes;
    PasswordChange m_passwordChange = PasswordChange::Keep;
    QString m_newPassword;
    bool m_passwordStored = false;
    int m_pendingLoads = 0;
    bool m_saving = false;
    bool m_closeAfterSave = false;
    bool m_reloadOnShow = false;
};
