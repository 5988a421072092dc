#pragma once

#include <QWidget>

#include <functional>
#include <memory>

class LogFileModel;
class LogFilterProxy;
class LogModel;
class LogRingBuffer;
class QTimer;

namespace Ui {
class LogViewer;
}

// The admin's log browser: the engine's newest lines as they arrive, or any day's file in the
// log directory, filtered by level, service, client, login, text or one session; selected lines
// can be copied or exported.
class LogViewer : public QWidget
{
    Q_OBJECT

public:
    // `ring` may be null (no engine in this process): then only the files are offered.
    LogViewer(LogRingBuffer *ring, QString logDirectory, QWidget *parent = nullptr);
    ~LogViewer() override;

    // Lists the day files again (a new day may have started since the window opened).
    void refreshDays();
    // Shows the file at `path`, or the live lines for an empty path.
    void showSource(const QString &path);
    [[nodiscard]] LogFilterProxy *proxy() const { return m_proxy; }
    [[nodiscard]] LogFileModel *fileModel() const { return m_fileModel; }

    // The selected lines as the file has them, oldest first; all shown lines when none are
    // selected.
    [[nodiscard]] QStringList selectedLines() const;
    void copySelection();
    // False (with *error) when the file cannot be written.
    bool exportSelection(const QString &path, QString *error = nullptr);
    void showSessionOfCurrentLine();
    void showAllSessions();

private:
    void chooseDay(int comboIndex);
    void applyFilters();
    // Runs `change` (which sets proxy filters) so that a file is refiltered in batches.
    void refilter(const std::function<void()> &change);
    void exportWithDialog();
    void onRowsInserted();
    void updateStatus();

    std::unique_ptr<Ui::LogViewer> m_ui;
    LogRingBuffer *m_ring;
    QString m_directory;
    LogModel *m_liveModel = nullptr;
    LogFileModel *m_fileModel = nullptr;
    LogFilterProxy *m_proxy = nullptr;
    // Typing in a filter box re-filters once the admin pauses, not on every key.
    QTimer *m_filterDelay = nullptr;
};
