#pragma once

#include <QString>

// "No such file or directory (ENOENT)": an errno value as an admin-readable text with its name.
[[nodiscard]] QString systemErrorText(int error);
