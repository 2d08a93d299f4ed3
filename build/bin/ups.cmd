@echo off
rem `ups` on PATH for an installed Ultimate Plex Stack (docs/decisions.md#d29): runs the CLI bundled in the app with the
rem app's own runtime, so no Node.js is needed. `--` ends Chromium's switch parsing: every argument goes to ups.
rem A batch file waits for the app (a GUI-subsystem exe) to exit, and the app attaches to this console for output.
setlocal
"%~dp0..\Ultimate Plex Stack.exe" --ups-cli -- %*
exit /b %ERRORLEVEL%
