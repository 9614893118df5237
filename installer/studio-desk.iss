; Inno Setup script for the Windows installer of Studio Desk (委员工作室履职台账).
; Build the bundle first (python scripts\build_installer.py), then compile this file with
; Inno Setup 6 (ISCC.exe installer\studio-desk.iss). The result is build\installer\StudioDesk-Setup-<version>.exe.
;
; Per-user install (no administrator rights needed on an office PC). The clerk's data lives in
; %LOCALAPPDATA%\StudioDesk and is never touched by the uninstaller.

#define AppName "委员工作室履职台账"
#define AppVersion "0.1.0"
#define AppExe "StudioDesk.exe"

[Setup]
AppId={{6F1D2B7E-6A3C-4A9E-9A53-7D1F0C2B5E41}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Studio Desk
DefaultDirName={localappdata}\Programs\StudioDesk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
OutputDir=..\build\installer
OutputBaseFilename=StudioDesk-Setup-{#AppVersion}
SetupIconFile=..\resources\app\studio-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
WizardStyle=modern

[Languages]
; Inno Setup's Chinese (Simplified) messages file, when installed with Inno Setup, gives a Chinese
; wizard: replace the line below with
;   Name: "chs"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "default"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "快捷方式："

[Files]
Source: "..\build\dist\StudioDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{#AppName}（演示数据）"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"
Name: "{group}\卸载{#AppName}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "立即打开{#AppName}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] for the data folder: records, backups and logs in %LOCALAPPDATA%\StudioDesk
; stay when the program is removed, so a reinstall finds them again.
