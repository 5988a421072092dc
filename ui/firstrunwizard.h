#pragma once

#include <QSet>
#include <QWizard>

#include <functional>
#include <memory>

class AdminRequestQueue;
class EngineLink;
class QLabel;
struct AdminReply;

namespace Ui {
class FirstRunWizard;
}

// The first start of a server with no domain: its name, the first domain and user, the
// certificate, an optional administration password, then what is secure and what is left to
// decide. Finish stores the choices in page order; a refusal is shown on the page it concerns.
class FirstRunWizard : public QWizard
{
    Q_OBJECT

public:
    enum Page { HostnamePage, DomainPage, AccountPage, CertificatePage, AdminPasswordPage, SummaryPage };

    explicit FirstRunWizard(EngineLink &engine, QWidget *parent = nullptr);
    ~FirstRunWizard() override;

    // Asks the engine for its domains; when there is none, opens the wizard (deleted on close).
    // `opened` gets the wizard, or nullptr when it was not needed.
    static void openIfNoDomain(EngineLink &engine, QWidget *parent,
                               const std::function<void(FirstRunWizard *)> &opened = {});

    [[nodiscard]] bool validateCurrentPage() override;
    void initializePage(int id) override;
    void accept() override;

Q_SIGNALS:
    // Every choice was stored by the engine.
    void setupStored();

private:
    // What is wrong with a page's input, in the admin's words; empty when it may be stored.
    [[nodiscard]] QString pageProblem(int page);
    [[nodiscard]] QLabel *errorLabel(int page) const;
    void stagePage(int page);
    // Sends admin.password.set (implemented with Options' administration mode); a refusal,
    // including a server that does not know the operation yet, is shown on its page.
    void stageAdminPassword(const QString &password);
    void showRefusal(int page, const AdminReply &reply);
    void loadSummary();
    void browse(bool certificate);

    std::unique_ptr<Ui::FirstRunWizard> m_ui;
    EngineLink &m_engine;
    AdminRequestQueue *m_queue;
    QSet<int> m_stored;   // pages whose steps the engine accepted
    QString m_hostname;
    QString m_domain;
};
