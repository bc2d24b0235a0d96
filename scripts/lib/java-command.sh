# Sourced by ./nsfx and scripts/screenshots: the java command line that runs the app. The window
# loads JavaFX as modules, as OpenJFX documents ("--module-path … --add-modules javafx.controls"):
# on the class path JavaFX prints "Unsupported JavaFX configuration: classes were loaded from
# 'unnamed module'" when its toolkit starts. The headless commands never start the toolkit, so they
# run with every jar on the class path: a JVM given a module path resolves its module graph at every
# start (110-120 ms here), one without takes it from the JDK's class-data archive (under 5 ms).
# Plain bash 3.2 (macOS's): no mapfile, no ${var,,}, no GNU-only flags.
#
#   nsfx_java_command ROOT [gui|cli]
#                             sets the array nsfx_java_args: everything after "java" up to the main
#                             class; gui (the default): JavaFX on the module path with the flags
#                             ControlsFX needs, the rest on the class path; cli: all on the class path
#   nsfx_cds_args ARCHIVE     sets the array nsfx_cds_args: the JVM flags that use the class-data
#                             sharing archive ARCHIVE (docs/PERFORMANCE.md, "Startup"), quietly: a
#                             JVM that cannot use it (another JDK, rebuilt jars) starts without it;
#                             plus the lines of ARCHIVE.flags, the flags the launcher found this
#                             java takes when it made the archive

nsfx_java_command() {
  local root="$1" form="${2:-gui}" entry jar
  local -a entries modules=() classes=()
  # The app's jar rather than its classes directory when the jar is up to date: the JVM archives
  # classes for a faster start from jars only ("Cannot have non-empty directory in paths").
  jar="$(nsfx_app_jar "$root")"
  if [ -n "$jar" ]; then classes=("$jar"); else classes=("$root/app/target/classes"); fi
  IFS=: read -r -a entries <<<"$(cat "$root/app/target/classpath.txt")"
  for entry in "${entries[@]}"; do
    case "$form:${entry##*/}" in
      gui:javafx-*.jar) modules+=("$entry") ;;   # javafx-base-21.0.9-linux.jar and the like
      *) classes+=("$entry") ;;
    esac
  done
  nsfx_java_args=()
  if [ "${#modules[@]}" -gt 0 ]; then
    local IFS=:
    nsfx_java_args+=(--module-path "${modules[*]}" --add-modules javafx.controls)
    # ControlsFX (NotificationPane) is on the class path and reaches into JavaFX internals.
    nsfx_java_args+=(
      --add-exports javafx.base/com.sun.javafx.event=ALL-UNNAMED
      --add-exports javafx.controls/com.sun.javafx.scene.control=ALL-UNNAMED
      --add-exports javafx.controls/com.sun.javafx.scene.control.behavior=ALL-UNNAMED
      --add-exports javafx.graphics/com.sun.javafx.scene=ALL-UNNAMED
      --add-exports javafx.graphics/com.sun.javafx.scene.traversal=ALL-UNNAMED
      --add-opens javafx.controls/javafx.scene.control.skin=ALL-UNNAMED
    )
  fi
  local IFS=:
  nsfx_java_args+=(-cp "${classes[*]}")
}

# Prints app/target/nsfx-app-*.jar when it holds what app/target/classes holds (no class or
# resource there is newer), else nothing.
nsfx_app_jar() {
  local root="$1" jar
  for jar in "$root"/app/target/nsfx-app-*.jar; do
    case "$jar" in *-sources.jar|*-tests.jar|*'*'*) continue ;; esac
    [ -f "$jar" ] || continue
    if [ -z "$(find "$root/app/target/classes" -newer "$jar" -type f -print 2>/dev/null | head -n 1)" ]; then
      printf '%s\n' "$jar"
    fi
    return 0
  done
}

nsfx_cds_args() {
  local line
  nsfx_cds_args=(-XX:SharedArchiveFile="$1" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
  if [ -f "$1.flags" ]; then
    while IFS= read -r line; do [ -z "$line" ] || nsfx_cds_args+=("$line"); done <"$1.flags"
  fi
}
