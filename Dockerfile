# syntax=docker/dockerfile:1
# Multi-stage build: the SDK image (plus Node for the front-end bundle) builds and publishes; the runtime image
# runs as the non-root "app" user with its data (SQLite, keys, uploads) on a volume.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props SalesCrm.sln ./
COPY src/SalesCrm.Core/SalesCrm.Core.csproj src/SalesCrm.Core/
COPY src/SalesCrm.Migrations.Sqlite/SalesCrm.Migrations.Sqlite.csproj src/SalesCrm.Migrations.Sqlite/
COPY src/SalesCrm.Migrations.Postgres/SalesCrm.Migrations.Postgres.csproj src/SalesCrm.Migrations.Postgres/
COPY src/SalesCrm.Web/SalesCrm.Web.csproj src/SalesCrm.Web/
RUN dotnet restore src/SalesCrm.Web/SalesCrm.Web.csproj
COPY wwwroot-assets/package.json wwwroot-assets/package-lock.json wwwroot-assets/
RUN cd wwwroot-assets && npm ci --no-audit --no-fund
COPY wwwroot-assets/ wwwroot-assets/
COPY src/ src/
RUN dotnet publish src/SalesCrm.Web/SalesCrm.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /data && chown app:app /data
# A production image: no demo workspace and no self-registration (create the first owner with
# `docker exec <container> dotnet SalesCrm.Web.dll accounts create-owner --email … --name … --workspace …`).
# Behind a proxy that ends TLS, add -e ForwardedHeaders__Enabled=true -e ForwardedHeaders__KnownNetworks__0=<proxy network>.
ENV ASPNETCORE_URLS=http://+:8080 \
    Storage__DataPath=/data \
    Demo__Enabled=false \
    Auth__AllowSelfRegistration=false
VOLUME ["/data"]
EXPOSE 8080
USER app
# The runtime image has no curl: the app's own `healthcheck` command asks the readiness endpoint (database included).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["dotnet", "SalesCrm.Web.dll", "healthcheck", "http://localhost:8080/health/ready"]
ENTRYPOINT ["dotnet", "SalesCrm.Web.dll"]
