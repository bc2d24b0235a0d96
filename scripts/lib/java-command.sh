# Sourced by ./nsfx and scripts/screenshots: the java command line that runs the app, with JavaFX
# loaded as modules, as OpenJFX documents ("--module-path … --add-modules javafx.controls"). On the
# class path JavaFX prints "Unsupported JavaFX configuration: classes were loaded from 'unnamed
# module'" at every start. The app's own classes and every other library stay on the class path.
#
#   nsfx_java_command ROOT    sets the array nsfx_java_args: everything after "java" up to the main
#                             class (module path, modules, the flags ControlsFX needs, class path)

nsfx_java_command() {
  local root="$1" entry
  local -a entries modules=() classes=("$root/app/target/classes")
  IFS=: read -r -a entries <<<"$(cat "$root/app/target/classpath.txt")"
  for entry in "${entries[@]}"; do
    case "${entry##*/}" in
      javafx-*.jar) modules+=("$entry") ;;   # javafx-base-21.0.9-linux.jar and the like
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
