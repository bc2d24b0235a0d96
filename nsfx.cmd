@echo off
rem NetStreamFX launcher for Windows (cmd.exe), from a clone: what ./nsfx does on Linux and macOS.
rem   nsfx.cmd                 plays the bundled demo clip
rem   nsfx.cmd play FILE^|URL   headless player, events as JSON lines
rem   nsfx.cmd probe FILE^|URL  describe a file or URL as JSON
rem Builds once with Maven when app\target holds no build (no build stamp or classpath.txt), or when
rem NSFX_REBUILD=1 (after changing or pulling the sources: cmd.exe has no cheap "is any source newer"
rem test, so this launcher does not look). NSFX_SKIP_BUILD=1 never builds. NSFX_JAVA_OPTS replaces
rem the JVM options of resources\jvm.options.
rem
rem app\target\classpath.txt is written by Maven with the platform's separator, ";" on Windows. As
rem scripts/lib/java-command.sh does for bash, the JavaFX jars go on the module path and the rest on
rem the class path. No class-data sharing archive here (the bash launcher's): not made on Windows.
rem Not run on the project's machines (Linux only): checked by reading.
setlocal EnableExtensions EnableDelayedExpansion
set "ROOT=%~dp0"
if "%ROOT:~-1%"=="\" set "ROOT=%ROOT:~0,-1%"
set "TARGET=%ROOT%\app\target"
set "STAMP=%TARGET%\nsfx-build.stamp"
set "CPFILE=%TARGET%\classpath.txt"

set "BUILD="
if not exist "%STAMP%" set "BUILD=1"
if not exist "%CPFILE%" set "BUILD=1"
if "%NSFX_REBUILD%"=="1" set "BUILD=1"
if "%NSFX_SKIP_BUILD%"=="1" set "BUILD="
if not defined BUILD goto run
where mvn >nul 2>nul
if errorlevel 1 (
  echo nsfx: Maven ^(mvn^) is needed to build; install it and put it on the PATH 1>&2
  exit /b 1
)
echo nsfx: building ^(once; later runs start at once^)... 1>&2
set "LOG=%TEMP%\nsfx-build-%RANDOM%.log"
pushd "%ROOT%"
call mvn -q -B -DskipTests -pl app -am package >"%LOG%" 2>&1
set "RC=!ERRORLEVEL!"
popd
if not "!RC!"=="0" (
  type "%LOG%" 1>&2
  echo nsfx: the build failed ^(full log: %LOG%^) 1>&2
  exit /b 1
)
del "%LOG%" >nul 2>nul
type nul >"%STAMP%"

:run
if not exist "%CPFILE%" (
  echo nsfx: %CPFILE% is missing: build with "mvn -DskipTests -pl app -am package" 1>&2
  exit /b 1
)
rem One line; "for /f" reads up to 8191 characters where "set /p" stops at 1023.
set "CP="
for /f "usebackq delims=" %%L in ("%CPFILE%") do set "CP=%%L"
set "MODS="
set "CLS=%TARGET%\classes"
for %%E in ("%CP:;=" "%") do (
  set "NAME=%%~nxE"
  if /i "!NAME:~0,7!"=="javafx-" (
    set "MODS=!MODS!;%%~E"
  ) else if not "%%~E"=="" (
    set "CLS=!CLS!;%%~E"
  )
)

set "JOPTS="
if defined NSFX_JAVA_OPTS (
  set "JOPTS=!NSFX_JAVA_OPTS!"
) else (
  for /f "usebackq eol=# tokens=* delims=" %%O in ("%ROOT%\resources\jvm.options") do set "JOPTS=!JOPTS! %%O"
)

set "FX="
if defined MODS set FX=--module-path "!MODS:~1!" --add-modules javafx.controls ^
 --add-exports javafx.base/com.sun.javafx.event=ALL-UNNAMED ^
 --add-exports javafx.controls/com.sun.javafx.scene.control=ALL-UNNAMED ^
 --add-exports javafx.controls/com.sun.javafx.scene.control.behavior=ALL-UNNAMED ^
 --add-exports javafx.graphics/com.sun.javafx.scene=ALL-UNNAMED ^
 --add-exports javafx.graphics/com.sun.javafx.scene.traversal=ALL-UNNAMED ^
 --add-opens javafx.controls/javafx.scene.control.skin=ALL-UNNAMED

rem The arguments pass through untouched: no delayed expansion (a "!" in a URL stays).
setlocal DisableDelayedExpansion
java %JOPTS% "-Dnsfx.home=%ROOT%" %FX% -cp "%CLS%" org.netstreamfx.app.Main %*
exit /b %ERRORLEVEL%
