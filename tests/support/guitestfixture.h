#pragma once

#include "adminrequest.h"
#include "engineoptions.h"
#include "loghub.h"

#include <QMap>
#include <QTemporaryDir>

class EngineLink;

// The fixture of the GUI tests that drive dialogs against a real engine: a temporary data
// directory whose services listen on 127.0.0.1 at ephemeral ports, a LogHub installed for as
// long as it lives, and bounded helpers to ask the engine and read its log.
class GuiTestFixture
{
public:
    GuiTestFixture();
    ~GuiTestFixture();
    GuiTestFixture(const GuiTestFixture &) = delete;
    GuiTestFixture &operator=(const GuiTestFixture &) = delete;

    [[nodiscard]] bool isValid() const { return m_dir.isValid(); }
    [[nodiscard]] QString dataDirectory() const { return m_dir.path(); }
    [[nodiscard]] const EngineOptions &options() const { return m_options; }
    [[nodiscard]] LogHub &hub() { return m_hub; }

    // Writes settings straight to the database, as the CLI would.
    void configure(const QMap<QString, QString> &settings);
    // Runs one admin request through the link and waits (at most 10 s) for its reply.
    [[nodiscard]] static AdminReply call(EngineLink &link, const QString &operation, const QJsonObject &arguments = {});
    // config.list through the link: key → value.
    [[nodiscard]] static QMap<QString, QString> settings(EngineLink &link);
    // A port nobody listens on right now.
    [[nodiscard]] static quint16 freePort();
    // Log lines so far that contain `text`.
    [[nodiscard]] QStringList logLines(const QString &text);

private:
    QTemporaryDir m_dir;
    LogHub m_hub;
    EngineOptions m_options;
};
