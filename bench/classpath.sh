# Sourced by the bench scripts: compiles main and test classes and sets $java (a JDK 21+) and $cp.
./mvnw -B -q -ntp -DskipFrontend test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test > /dev/null
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
source bench/lib.sh
find_java
