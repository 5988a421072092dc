#pragma once

struct EngineOptions;

// Runs the engine without a window until SIGTERM or SIGINT; returns the exit code.
int runHeadless(const EngineOptions &options);
