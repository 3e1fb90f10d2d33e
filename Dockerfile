# nqpf-kg in a container: `kg serve` (JSON facade on 8080, SPARQL endpoint on 3030) over a TDB2 store in /data.
# Built and run by docker-compose.yml; see "Run with Docker" in the README.

# --- Stage 1: build the shaded jar with Maven and a full JDK 17 ------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# The local repository lives in the build folder, so the layer below keeps what it downloads whatever the base
# image says about /root/.m2.
ENV MAVEN_OPTS="-Dmaven.repo.local=/build/.m2"

# Dependencies first, in a layer of their own: it is rebuilt only when a pom changes, not on every source edit.
# go-offline leaves out the reactor's own modules (the server's dependency on the loader). It is a cache: should it
# miss something, `package` below fetches it, so a failure here is reported but does not stop the build.
COPY pom.xml ./
COPY loader/pom.xml loader/
COPY server/pom.xml server/
RUN mvn -B -q dependency:go-offline \
    || echo "warning: dependency:go-offline failed; the package step resolves dependencies itself" >&2

# The sources, and the data folders the build bundles into the jar (ontology/ by the loader, queries/ by the server).
COPY loader/src loader/src
COPY server/src server/src
COPY ontology ontology
COPY queries queries
RUN mvn -B clean package -DskipTests

# --- Stage 2: a Java 17 runtime, no build tools, not root -----------------------------------------------------
# Temurin's JRE on Ubuntu 24.04 (noble). It ships wget, which the HEALTHCHECK uses; the RUN below checks that
# it is still there, so a base image without it fails the build instead of giving an always-unhealthy container.
FROM eclipse-temurin:17-jre-noble
RUN command -v wget >/dev/null \
    && groupadd --system --gid 10001 kg \
    && useradd --system --uid 10001 --gid kg --home-dir /app --no-create-home --shell /usr/sbin/nologin kg \
    && mkdir -p /data/store \
    && chown -R kg:kg /data

WORKDIR /app
COPY --from=build /build/server/target/nqpf-kg.jar /app/nqpf-kg.jar
# What `kg serve` reads from its working folder at run time: seeds/, loaded into an empty store. ontology/ and
# queries/ are bundled in the jar (the build copies them in), and kg uses the bundled copy when the folder is
# absent; mount a folder at /app/ontology or /app/queries to override them without rebuilding.
COPY seeds /app/seeds

# The store (TDB2 and its text index) on a volume; KG_STORE also reaches `kg load`, `kg validate` and
# `kg query` run in this container. KG_HOST is --host's default: kg serve binds loopback unless told otherwise,
# and a container reached only on its own loopback cannot be reached at all, so every interface here, also when
# a `docker run` or compose `command:` replaces the CMD below without --host.
ENV KG_STORE=/data/store \
    KG_HOST=0.0.0.0
VOLUME ["/data"]

EXPOSE 8080 3030
USER 10001:10001

# /api/health answers 200 once the store is open and both servers listen (after the first start's seed load,
# hence the long start period).
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD wget -q -O /dev/null "http://127.0.0.1:${KG_PORT:-8080}/api/health" || exit 1

# The heap follows the container's memory limit; add JVM options with JDK_JAVA_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/nqpf-kg.jar"]
# --host said outright as well, so the command shows where it listens.
CMD ["serve", "--host", "0.0.0.0"]
