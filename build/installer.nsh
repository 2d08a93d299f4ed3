; Ultimate Plex Stack additions to electron-builder's NSIS installer (electron-builder.yml `nsis.include`).
; Install: an opt-in page puts `ups` on the user's PATH. Uninstall: removes the login item and our PATH entry, offers to
; stop the stack and to delete the app's settings and logs; the user's media and the stack's install folder are never
; deleted (docs/decisions.md#d29, #d24). Nothing here runs when the (un)installer is part of an update (`--updated`):
; electron-builder passes that flag to the old uninstaller on every upgrade (app-builder-lib 26.17
; templates/nsis/include/installUtil.nsh, uninstallOldVersion), and an update must keep the user's choices.
; The hook names are electron-builder's (templates/nsis: assistedInstaller.nsh customPageAfterChangeDir and
; customUnWelcomePage, installer.nsi customInit, installSection.nsh customInstall, uninstaller.nsh customUnInit and
; customUnInstall). Pages and functions are defined inside the hooks, so they are compiled after the templates' own
; definitions (isUpdated) and only into the build that uses them: makensis runs with -WX, an unused one would fail it.

!include LogicLib.nsh
!include nsDialogs.nsh
!include WinMessages.nsh

; Electron's login item: HKCU Run + StartupApproved\Run, value named after the AppUserModelID (main.ts sets it to the
; appId); electron shell/browser/browser_win.cc, Browser::SetLoginItemSettings.
!define UPS_RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"
!define UPS_STARTUP_APPROVED_KEY "Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"

; Adds or removes $INSTDIR\bin (only ups.cmd lives there) on the user's PATH with build/ups-path.ps1, then tells
; Explorer and new terminals the environment changed. A failure is logged, never fatal: `ups` is optional.
!macro upsEditPath ACTION
  Push $0
  InitPluginsDir
  File "/oname=$PLUGINSDIR\ups-path.ps1" "${PROJECT_DIR}\build\ups-path.ps1"
  nsExec::ExecToLog '"$SYSDIR\WindowsPowerShell\v1.0\powershell.exe" -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "$PLUGINSDIR\ups-path.ps1" -Action ${ACTION} -Dir "$INSTDIR\bin"'
  Pop $0
  ${if} $0 != 0
    DetailPrint "Could not ${ACTION} $INSTDIR\bin on PATH (PowerShell answered $0)."
  ${endif}
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
  Pop $0
!macroend

!ifndef BUILD_UNINSTALLER
  ; "1": put ups on PATH; "0": take it off; "": leave PATH alone (silent install without the option, or an update).
  Var upsOnPath
  Var upsOnPathBox

  !macro customInit
    StrCpy $upsOnPath ""
    ${GetParameters} $R0
    ClearErrors
    ${GetOptions} $R0 "--add-ups-to-path" $R1
    ${ifNot} ${Errors}
      StrCpy $upsOnPath "1"
    ${endif}
  !macroend

  !macro customPageAfterChangeDir
    Page custom upsPathPage upsPathPageLeave

    Function upsPathPage
      ${if} ${isUpdated}
        Abort
      ${endif}
      !insertmacro MUI_HEADER_TEXT "Command line" "Use Ultimate Plex Stack from a terminal too (optional)."
      nsDialogs::Create 1018
      Pop $0
      ${NSD_CreateLabel} 0 0 100% 40u "The ups command does what the app does, from PowerShell or a Command Prompt. It runs on the app's own runtime: Node.js is not needed. Uninstalling removes it from PATH again."
      Pop $0
      ${NSD_CreateCheckbox} 0 48u 100% 12u "&Add the ups command to PATH for this user"
      Pop $upsOnPathBox
      ${if} $upsOnPath == "1"
        ${NSD_Check} $upsOnPathBox
      ${endif}
      nsDialogs::Show
    FunctionEnd

    Function upsPathPageLeave
      ${NSD_GetState} $upsOnPathBox $0
      ${if} $0 == ${BST_CHECKED}
        StrCpy $upsOnPath "1"
      ${else}
        StrCpy $upsOnPath "0"
      ${endif}
    FunctionEnd
  !macroend

  !macro customInstall
    ${ifNot} ${isUpdated}
      ${if} $upsOnPath == "1"
        !insertmacro upsEditPath "add"
      ${elseif} $upsOnPath == "0"
        !insertmacro upsEditPath "remove"
      ${endif}
    ${endif}
  !macroend
!else
  ; "1" when ticked on the page, or given as --stop-stack on a silent uninstall. App data: the page's box, or
  ; electron-builder's own --delete-app-data (uninstaller.nsh) on a silent one.
  Var upsStopStack
  Var upsDeleteAppData
  Var upsStopBox
  Var upsDeleteBox

  !macro customUnInit
    StrCpy $upsStopStack "0"
    StrCpy $upsDeleteAppData "0"
    ${GetParameters} $R0
    ClearErrors
    ${GetOptions} $R0 "--stop-stack" $R1
    ${ifNot} ${Errors}
      StrCpy $upsStopStack "1"
    ${endif}
  !macroend

  !macro customUnWelcomePage
    !insertmacro MUI_UNPAGE_WELCOME
    UninstPage custom un.upsKeepPage un.upsKeepPageLeave

    Function un.upsKeepPage
      ${if} ${isUpdated}
        Abort
      ${endif}
      !insertmacro MUI_HEADER_TEXT "What to keep" "Your media library is never deleted."
      nsDialogs::Create 1018
      Pop $0
      ${NSD_CreateLabel} 0 0 100% 30u "Uninstalling removes the app and its ups command. Your media, the stack's install folder and the settings of its services stay where they are."
      Pop $0
      ${NSD_CreateCheckbox} 0 36u 100% 12u "&Stop the media stack's containers now"
      Pop $upsStopBox
      ${NSD_CreateCheckbox} 0 54u 100% 12u "&Delete the app's own settings and logs"
      Pop $upsDeleteBox
      nsDialogs::Show
    FunctionEnd

    Function un.upsKeepPageLeave
      ${NSD_GetState} $upsStopBox $0
      ${if} $0 == ${BST_CHECKED}
        StrCpy $upsStopStack "1"
      ${endif}
      ${NSD_GetState} $upsDeleteBox $0
      ${if} $0 == ${BST_CHECKED}
        StrCpy $upsDeleteAppData "1"
      ${endif}
    FunctionEnd
  !macroend

  !macro customUnInstall
    ${ifNot} ${isUpdated}
      DeleteRegValue HKCU "${UPS_RUN_KEY}" "${APP_ID}"
      DeleteRegValue HKCU "${UPS_STARTUP_APPROVED_KEY}" "${APP_ID}"
      ${if} $upsStopStack == "1"
        DetailPrint "Stopping the media stack..."
        Push $0
        ExecWait '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" --ups-cli -- stop' $0
        ${if} $0 != 0
          DetailPrint "The stack did not stop (ups stop answered $0); stop it from Docker Desktop."
        ${endif}
        Pop $0
      ${endif}
      !insertmacro upsEditPath "remove"
      ${if} $upsDeleteAppData == "1"
        ; The app's per-user folder (%APPDATA%\<productName>: settings, logs, install pointer, wizard progress) and
        ; Electron's folder named after the package; secrets stay in Windows Credential Manager.
        SetShellVarContext current
        RMDir /r "$APPDATA\${PRODUCT_FILENAME}"
        RMDir /r "$APPDATA\${APP_PACKAGE_NAME}"
        RMDir /r "$LOCALAPPDATA\${APP_PACKAGE_NAME}-updater"
      ${endif}
    ${endif}
  !macroend
!endif
