#pragma once

#include <memory>

#include <QString>

class LogHub;

// Installs a LogHub of its own for as long as it lives, so a unit test can read what the code
// under test logged; uninstalls it again when destroyed.
class CapturedLog
{
public:
    CapturedLog();
    ~CapturedLog();
    CapturedLog(const CapturedLog &) = delete;
    CapturedLog &operator=(const CapturedLog &) = delete;

    // Every line logged so far, each ending in '\n'.
    [[nodiscard]] QString text() const;

private:
    std::unique_ptr<LogHub> m_hub;
};
