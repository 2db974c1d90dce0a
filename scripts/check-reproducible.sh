#!/usr/bin/env bash
# Builds the published modules (lamina-parent, lamina-runtime, lamina-processor, lamina-maven-plugin) twice from
# clean and compares what a release deploys: every jar (classes, sources, javadoc) and pom must be
# byte-identical (project.build.outputTimestamp fixes the times inside the archives). Then
# maven-artifact-plugin's compare checks the second build against the first one's deployed
# repository, as rebuilders of a Central release would (it writes a .buildcompare file).
#
#   scripts/check-reproducible.sh            # exit 0: reproducible; 1: a file differs (listed)
#
# Writes only a new temporary directory (printed; the builds' clean would wipe target/) and the
# modules' target/ folders, which every build cleans anyway.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
work="$(mktemp -d "${TMPDIR:-/tmp}/lamina-reproducible.XXXXXX")"
echo "check-reproducible: builds, logs and their repositories in $work" >&2
modules=runtime,processor,maven-plugin

build() { # $1: name of the run; deploys into $work/$1/repo
  echo "check-reproducible: build $1 (mvn clean deploy -pl $modules -am -DskipTests) ..." >&2
  mvn -B -q clean deploy -pl "$modules" -am -DskipTests -Dlamina.it.deploy.skip=true -Dmaven.install.skip=true \
      -DaltDeploymentRepository="reproducible::file:$work/$1/repo" >"$work/$1.log" 2>&1 \
    || { echo "check-reproducible: build $1 failed, see $work/$1.log" >&2; exit 2; }
  mkdir -p "$work/$1/files"
  cp runtime/target/lamina-runtime-*.jar processor/target/lamina-processor-*.jar \
     maven-plugin/target/lamina-maven-plugin-*.jar "$work/$1/files/"
}
build first
build second

status=0
count=0
for first in "$work"/first/files/*; do
  name="$(basename "$first")"
  count=$((count + 1))
  if cmp -s "$first" "$work/second/files/$name"; then
    echo "same      $(sha256sum "$first" | cut -c1-16)  $name"
  else
    echo "DIFFERENT $name" && status=1
  fi
done

# The same comparison by maven-artifact-plugin, against the first build's deployed repository
# (snapshot versions included). It runs with a local repository of its own: in ~/.m2 an installed
# Lamina of the same version (anyone's) would be taken as the reference instead. Third-party
# releases come from ~/.m2 through a file:// repository (releases only, so no Lamina snapshot).
echo "check-reproducible: artifact:compare against the first build's repository ..." >&2
m2="$(mvn -B -q help:evaluate -Dexpression=settings.localRepository -DforceStdout 2>/dev/null \
  | sed 's/\x1b\[[0-9;]*m//g')"
[ -d "$m2" ] || m2="$HOME/.m2/repository"
cat >"$work/settings.xml" <<XML
<settings>
  <profiles><profile><id>m2</id>
    <repositories><repository><id>m2</id><url>file://$m2</url>
      <snapshots><enabled>false</enabled></snapshots></repository></repositories>
    <pluginRepositories><pluginRepository><id>m2</id><url>file://$m2</url>
      <snapshots><enabled>false</enabled></snapshots></pluginRepository></pluginRepositories>
  </profile></profiles>
  <activeProfiles><activeProfile>m2</activeProfile></activeProfiles>
</settings>
XML
if mvn -B -q -s "$work/settings.xml" -Dmaven.repo.local="$work/m2" verify artifact:compare \
    -pl "$modules" -am -DskipTests -Dlamina.it.deploy.skip=true \
    -Dreference.repo="file://$work/first/repo" >"$work/compare.log" 2>&1; then
  for module in runtime processor; do
    echo "artifact:compare, $module/target/*.buildcompare: $(grep -h -E '^(ok|ko|okFiles)=' $module/target/*.buildcompare | tr '\n' ' ')"
  done
else
  echo "check-reproducible: artifact:compare failed, see $work/compare.log" >&2
  status=1
fi
echo "check-reproducible: $count files compared: $([ $status = 0 ] && echo reproducible || echo NOT reproducible)"
exit $status
