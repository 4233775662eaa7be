# Builds SignalDesk from the repository and runs it on a JRE 25. Configured only by environment
# variables (see README.md); docker-compose.yml wires it to PostgreSQL.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -Pimage dependency:go-offline
COPY src src
COPY db db
COPY bot-commands bot-commands
# -Pimage: the jar without the embedded PostgreSQL's binaries (the compose file brings PostgreSQL); no test
# library is in a packaged jar. Then unpacked into layers, dependencies first, so a code change rebuilds one small layer.
RUN ./mvnw -B -Pimage package -DskipTests \
 && java -Djarmode=tools -jar target/signaldesk-*.jar extract --layers --launcher --destination /src/extracted

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 --home-dir /app signaldesk && mkdir -p /app/data && chown signaldesk /app/data
WORKDIR /app
COPY --from=build /src/extracted/dependencies/ ./
COPY --from=build /src/extracted/spring-boot-loader/ ./
COPY --from=build /src/extracted/snapshot-dependencies/ ./
COPY --from=build /src/extracted/application/ ./
USER signaldesk
ENV SERVER_PORT=8080 SIGNALDESK_DATA_DIR=/app/data
EXPOSE 8080
# /health on the main port (ops.PublicHealth), asked with bash alone (the JRE image has no curl).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=4 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT}; printf "GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3; head -n 1 <&3 | grep -q " 200 "'
# exec form: java is PID 1 and gets SIGTERM itself, so the graceful shutdown runs (compose gives it 45 s).
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
