#pragma once

class LogHub;
struct EngineOptions;

// Runs the engine in-process with the main window; returns the exit code.
int runGui(const EngineOptions &options, LogHub &hub);
