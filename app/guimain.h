#pragma once

/// guiMain runs every mode of raftviz that uses Qt: the window, --screenshot and
/// --bench-render. main() calls it after handing --headless and --bench to the core.
int guiMain(int argc, char *argv[]);
