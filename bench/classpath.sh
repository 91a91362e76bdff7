# Sourced by the bench scripts: compiles main and test classes and sets $java (a JDK 21+) and $cp.
./mvnw -B -q -ntp -DskipFrontend test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test > /dev/null
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
java=${JAVA:-}
if [ -z "$java" ]; then
  for jdk in /usr/lib/jvm/*; do
    if "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then java=$jdk/bin/java; break; fi
  done
fi
