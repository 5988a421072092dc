#pragma once

#include <QDialog>
#include <QJsonObject>

#include <memory>

namespace Ui {
class QueueDetailsDialog;
}

// The Queue window's Details: one queued message as queue.show gives it: sender, size, when it
// came in, each recipient's state with its attempts and last error, and the message's headers.
class QueueDetailsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit QueueDetailsDialog(const QJsonObject &message, QWidget *parent = nullptr);
    ~QueueDetailsDialog() override;

private:
    std::unique_ptr<Ui::QueueDetailsDialog> m_ui;
};
