# Sourced by ./spotter, .ci/run and README's test command: exports JAVA_HOME pointing at a JDK >= 21.
# Why: the machine default `java` is 17, and Spotter is built for Java 21.
# Order: an existing JAVA_HOME if it is >= 21, then `java` on PATH, then every JDK under /usr/lib/jvm (newest first).
_spotter_java_major() { # prints the feature version of the java binary $1, or 0
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -1)
  case "$v" in 1.*) v=${v#1.}; v=${v%%.*};; esac
  [[ "$v" =~ ^[0-9]+$ ]] && echo "$v" || echo 0
}
_spotter_find_jdk() {
  local c
  for c in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    c=${c%/}
    [[ -n "$c" && -x "$c/bin/java" && -x "$c/bin/javac" ]] || continue
    if (( $(_spotter_java_major "$c/bin/java") >= 21 )); then echo "$c"; return 0; fi
  done
  return 1
}
if _SPOTTER_JDK=$(_spotter_find_jdk); then
  export JAVA_HOME="$_SPOTTER_JDK"
  export PATH="$JAVA_HOME/bin:$PATH"
else
  echo "spotter: no JDK >= 21 found (checked JAVA_HOME, PATH and /usr/lib/jvm); install one, e.g. apt-get install openjdk-21-jdk-headless" >&2
  return 2 2>/dev/null || exit 2
fi
unset _SPOTTER_JDK
