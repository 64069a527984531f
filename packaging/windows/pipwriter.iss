; Inno Setup script (needs Inno Setup 6.3 or later) for PiP Writer: Windows 10 1809 or later, 64-bit.
;
; Build it with   python packaging/build.py --installer   (on Windows, after the PyInstaller
; build). That passes the version, names and folders as /D defines read from
; pipwriter/__init__.py: no version number is ever written in this file.
;
; Per-user install: no administrator rights are needed (hospital laptops). The app goes to
; %LOCALAPPDATA%\Programs\PiP Writer, with a Start menu shortcut and the .pipw file type.
; IT departments can install for all users with:  setup.exe /ALLUSERS /VERYSILENT

#ifndef AppVersion
  #error AppVersion is not defined: build with "python packaging/build.py --installer"
#endif
#ifndef AppNumericVersion
  #define AppNumericVersion "0.0.0.0"
#endif
#ifndef AppName
  #define AppName "PiP Writer"
#endif
#ifndef FileExt
  #define FileExt ".pipw"
#endif
#ifndef AppExeName
  #define AppExeName "pipwriter.exe"
#endif
#ifndef BundleDir
  #define BundleDir SourcePath + "..\..\dist\pipwriter"
#endif
#ifndef OutputDir
  #define OutputDir SourcePath + "..\..\dist\installer"
#endif
#ifndef OutputBase
  #define OutputBase StringChange(AppName, " ", "") + "-" + AppVersion + "-windows-setup"
#endif
#define ProgId StringChange(AppName, " ", "") + ".Article"
; Where the program folder goes: {autopf} is %LOCALAPPDATA%\Programs for a per-user install and
; Program Files with /ALLUSERS. Only the Wine test (tests/test_installer_windows.py) changes it:
; Wine 8 cannot look up the per-user Programs folder, so it passes the same folder spelt
; /DProgramsRoot={localappdata}\Programs. Releases never pass it.
#ifndef ProgramsRoot
  #define ProgramsRoot "{autopf}"
#endif

[Setup]
; The AppId identifies the app for upgrades and the uninstaller: never change it.
AppId={{1427E85A-C724-4658-A57B-512D13551EC1}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=PiP Writer developers
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductName={#AppName}
DefaultDirName={#ProgramsRoot}\{#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
ChangesAssociations=yes
CloseApplications=yes
SetupIconFile={#SourcePath}..\..\resources\icons\pipwriter.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
OutputDir={#OutputDir}
OutputBaseFilename={#OutputBase}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole runtime folder, so no file of an older version is left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Comment: "Write a Partnership in Practice article with your co-authors"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Registry]
; The .pipw file type: "PiP Writer article", with the app's icon, opened by double-click.
; HKA = the current user's classes in a per-user install, the machine's with /ALLUSERS.
; The uninstaller takes its values out of the .pipw key, and the key only if nothing else is left.
Root: HKA; Subkey: "Software\Classes\{#FileExt}"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\{#FileExt}\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{#AppName} article"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExeName},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExeName}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExeName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExeName}\SupportedTypes"; ValueType: string; ValueName: "{#FileExt}"; ValueData: ""

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent

; The uninstaller removes only what this installer put in the program folder. It never deletes
; the user's articles (saved wherever they chose, usually Documents) nor the app's own data in
; %LOCALAPPDATA%\pipwriter (settings, personal dictionary, recovery copies): reinstalling or
; upgrading finds them again. So there is deliberately no [UninstallDelete] section.
