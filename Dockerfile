# Tarjim: build stage with the Maven wrapper, runtime stage on a JRE 17.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY frontend frontend
# registry.json and the demo models are packed into the jar (classpath models/).
COPY models models
RUN ./mvnw -B -q package -DskipTests -Dtarjim.cds.skip=true

FROM eclipse-temurin:17-jre
RUN groupadd --system tarjim && useradd --system --gid tarjim --home /app tarjim
WORKDIR /app
COPY --from=build /src/target/tarjim.jar /app/tarjim.jar
RUN mkdir -p /app/data /app/djl-cache && chown -R tarjim:tarjim /app
USER tarjim
# Fast start: the jar extracted and a class data sharing archive made by this image's JVM in one training start
# that stops once the app context is ready (offline, on a scratch data folder that is then removed).
RUN java -Djarmode=tools -jar /app/tarjim.jar extract --destination /app/extracted \
 && DJL_OFFLINE=true java -XX:ArchiveClassesAtExit=/app/extracted/tarjim.jsa -Dspring.context.exit=onRefresh \
      -jar /app/extracted/tarjim.jar --server.port=0 --tarjim.data-dir=/tmp/cds-training \
      --tarjim.pipeline.offline=true --tarjim.pipeline.warm-up=false > /dev/null 2>&1 \
 && rm -rf /tmp/cds-training
# Downloaded models live under the data volume (data/models), next to the database: one volume keeps both.
ENV TARJIM_DATA_DIR=/app/data \
    DJL_CACHE_DIR=/app/djl-cache \
    DJL_OFFLINE=true
VOLUME ["/app/data"]
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/extracted/tarjim.jsa", "-jar", "/app/extracted/tarjim.jar"]
