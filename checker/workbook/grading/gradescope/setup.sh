#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image from this zip (in
# $AUTOGRADER_ROOT/source, /autograder/source by default). Everything but a Java runtime is in the zip:
# the grader in lib/, PostgreSQL 14 inside one of its jars, the exercise set in course/. Nothing is
# fetched at grading time.
set -euo pipefail

root=${AUTOGRADER_ROOT:-/autograder}
source_dir=$root/source
state=$source_dir/course/.workbook

# A Java runtime from Ubuntu's packages, of the release the grader was compiled for (java-release).
# Skipped when a java that new is already there: an image that has one, or a test run of this script.
release=$(cat "$source_dir/java-release")
have=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' || true)
have=${have#1.}  # Java 8 and older say 1.8
case $have in ''|*[!0-9]*) have=0 ;; esac
if [ "$have" -lt "$release" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "openjdk-$release-jre-headless"
fi

# PostgreSQL refuses to run as root, and user namespaces (unshare -U) are often not allowed in the
# container: as root, the grader (its JVM and its PostgreSQL) runs as an ordinary user. wbgrader is made
# for it; where useradd is missing, nobody does. WORKBOOK_GRADER_USER names another (tests use nobody).
user=${WORKBOOK_GRADER_USER:-wbgrader}
mkdir -p "$state"
if [ "$(id -u)" = 0 ]; then
  if ! id "$user" >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home --shell /usr/sbin/nologin "$user" >/dev/null 2>&1 || user=nobody
  fi
  chown -R "$user:$(id -gn "$user")" "$state"
fi
printf '%s\n' "$user" > "$source_dir/grader-user"

# Grades the reference solutions as a submission is graded: PostgreSQL is unpacked and a fresh cluster
# kept to copy, so each submission's run does neither, and the image is proven to grade (setup fails
# otherwise). The JVM's classes are archived on the way (class data sharing): each run starts faster.
"$source_dir/run_autograder" --setup
