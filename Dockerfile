# Builds SignalDesk from the repository and runs it on a JRE 25. Configured only by environment
# variables (see README.md); docker-compose.yml wires it to PostgreSQL.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B dependency:go-offline
COPY src src
COPY db db
COPY bot-commands bot-commands
RUN ./mvnw -B package -DskipTests

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 --home-dir /app signaldesk && mkdir -p /app/data && chown signaldesk /app/data
WORKDIR /app
COPY --from=build /src/target/signaldesk-*.jar /app/signaldesk.jar
USER signaldesk
ENV SERVER_PORT=8080 SIGNALDESK_DATA_DIR=/app/data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/signaldesk.jar"]
