# Fivetran Kafka Bridge as a layered, non-root image (the last stage, built by default).
#   docker build -t fivetran-kafka-bridge .
#   docker run -p 8080:8080 -p 8081:8081 -e KAFKA_BOOTSTRAP_SERVERS=... fivetran-kafka-bridge
# The Fivetran sandbox, for trials without a Fivetran account, as an image of its own (the
# stage `sandbox`; docker-compose.yml's `sandbox` profile and k8s/overlays/dev run it):
#   docker build --target sandbox -t fivetran-sandbox .
#   docker run -p 127.0.0.1:8099:8099 -e FTBRIDGE_SANDBOX_API_KEY=... -e FTBRIDGE_SANDBOX_API_SECRET=... fivetran-sandbox
# Tests are not run here: CI runs them (./mvnw verify) before an image is built.

# ---- build: the Maven wrapper on a full JDK -------------------------------------------
# JDK 25, the runtime's major: the jar is still Java 17 bytecode (maven.compiler.release),
# but Spring AOT (process-aot, in package) decides conditions on the JVM that builds, and
# on 17 it would leave out what 21+ enables (virtual request threads).
FROM eclipse-temurin:25.0.3_9-jdk-noble AS build
WORKDIR /workspace
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY topics/ topics/
# Every module's pom (the reactor needs them all), and the main sources of the service and
# what it is built with; the command line and the local run are not built here.
COPY ftbridge-contract/pom.xml ftbridge-contract/
COPY ftbridge-contract/src/main/ ftbridge-contract/src/main/
COPY fivetran-sandbox/pom.xml fivetran-sandbox/
COPY fivetran-sandbox/src/main/ fivetran-sandbox/src/main/
COPY ftbridge-service/pom.xml ftbridge-service/
COPY ftbridge-service/src/main/ ftbridge-service/src/main/
COPY ftbridge-cli/pom.xml ftbridge-cli/
COPY ftbridge-local/pom.xml ftbridge-local/
# The cache mount keeps the Maven repository between builds without putting it in a layer.
# Only main sources are copied: no test is compiled or run here. The sandbox's runnable jar
# is for the `sandbox` stage only; it is not in the service's jar (a test checks the jar).
# The AOT training run's script and the pom of its throwaway broker (used by the last stage, not in it).
COPY ops/aot/ ops/aot/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -pl ftbridge-service,fivetran-sandbox -am -DskipTests package \
 && ./mvnw -B -ntp -f ops/aot/broker-pom.xml dependency:copy-dependencies -DoutputDirectory=/workspace/aot-broker \
 && cp ftbridge-service/target/ftbridge-service-*-exec.jar app.jar \
 && cp fivetran-sandbox/target/fivetran-sandbox-*-exec.jar sandbox.jar \
 && java -Djarmode=tools -jar app.jar extract --layers --destination extracted

# ---- sandbox: the Fivetran stand-in on its own (docker build --target sandbox) -----------
# SandboxMain, no Spring context: settings from FTBRIDGE_SANDBOX_* (port, time scale,
# limits, webhook URL and secret; see SandboxMain). It refuses to start without
# FTBRIDGE_SANDBOX_API_KEY and FTBRIDGE_SANDBOX_API_SECRET, which clients must send.
FROM eclipse-temurin:17.0.16_8-jre-noble AS sandbox
RUN groupadd --system --gid 10001 ftbridge \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin ftbridge
WORKDIR /app
COPY --from=build /workspace/sandbox.jar ./
USER 10001:10001
# On every interface of the container (its own default is 127.0.0.1, for runs on a
# workstation), so that other containers and a published port reach it.
ENV FTBRIDGE_SANDBOX_HOST=0.0.0.0 FTBRIDGE_SANDBOX_PORT=8099
EXPOSE 8099
VOLUME ["/tmp"]
# Every path, /sandbox/health too, asks for the API key and secret; a 401 still shows that
# the sandbox answers, and the check needs no credentials.
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${FTBRIDGE_SANDBOX_PORT} && printf 'GET /sandbox/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q '^HTTP/1\\.[01] [0-9][0-9][0-9]'"]
# It stops on SIGTERM (docker stop, Kubernetes): a shutdown hook closes the server.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp", \
  "-jar", "sandbox.jar"]

# ---- runtime: a JRE, the bridge in Boot's layers (the default target) ------------------
# Java 25 for its AOT cache (JEP 483/514/515: classes loaded and linked, and method
# profiles, from the training run); the jar itself runs on 17 too.
FROM eclipse-temurin:25.0.3_9-jre-noble AS bridge
# A fixed numeric user and group, so that Kubernetes' runAsNonRoot/runAsUser can check it.
RUN groupadd --system --gid 10001 ftbridge \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin ftbridge
WORKDIR /app
# Least to most often changed, so that a code change rebuilds only the last layer. The
# files stay owned by root: the application cannot change its own code.
# Boot's extracted layout without its launcher: app.jar, whose manifest names lib/*.jar, so
# that the JVM's own class loader reads every class and the AOT cache can hold them.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
# A training run writes the AOT cache, and it is a real start (ops/aot/train-aot-cache.sh): a throwaway
# Kafka broker on loopback (its jars bind-mounted from the build stage, so they are in no layer), the bridge
# started against it with the options of the ENTRYPOINT until its readiness probe answers, then stopped
# with SIGTERM; the cache is written as the JVM exits. Every start maps the cache instead of loading,
# verifying and linking the classes again (also the Kafka clients', the web servers' and the consumers',
# which a run stopped at the context's refresh would leave out), and runs the context from Spring AOT's
# generated code (-Dspring.aot.enabled=true: no configuration class parsing or condition evaluation at
# start). Together they need less than half the CPU of the plain start (see README, "Start-up").
RUN --mount=type=bind,from=build,source=/workspace/aot-broker,target=/tmp/aot-broker \
    --mount=type=bind,from=build,source=/workspace/ops/aot,target=/tmp/aot \
    bash /tmp/aot/train-aot-cache.sh java app.jar app.aot "/tmp/aot-broker/*" \
      -Dspring.aot.enabled=true -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp
USER 10001:10001
# Webhooks only on 8080; actuator (health, /actuator/prometheus) on 8081.
EXPOSE 8080 8081
# The JVM and Tomcat write only temporary files, to /tmp; everything else can be read-only
# (docker run --read-only, Kubernetes readOnlyRootFilesystem with an emptyDir at /tmp).
VOLUME ["/tmp"]
# /actuator/health/liveness and /readiness outside Kubernetes too (Boot enables them only
# when it detects Kubernetes).
ENV MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED=true
# The JRE image has no curl or wget, but it has bash: /dev/tcp speaks enough HTTP for a
# health check, and costs no second JVM every interval. Assumes the default management
# port 8081.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8081 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# More JVM options through JAVA_TOOL_OPTIONS; application arguments after the image name.
# Spring AOT fixes at build time what conditions decide, e.g. that actuator has a port of
# its own (set MANAGEMENT_SERVER_PORT to another port if you like, but neither the server's
# port nor -1); everything else is read from the environment at start as usual.
ENTRYPOINT ["java", "-XX:AOTCache=app.aot", "-Dspring.aot.enabled=true", "-XX:MaxRAMPercentage=75", \
  "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp", "-jar", "app.jar"]
