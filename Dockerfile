# One image for both services: the site (src/Archive.Web) and the `archive` command (src/Archive.Cli).
# Build:  docker compose build      Run: docker compose up

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so the package layer is cached across code changes.
COPY Archive.sln Directory.Build.props Directory.Packages.props ./
COPY src/Archive.Core/Archive.Core.csproj src/Archive.Core/
COPY src/Archive.Web/Archive.Web.csproj src/Archive.Web/
COPY src/Archive.Cli/Archive.Cli.csproj src/Archive.Cli/
RUN dotnet restore src/Archive.Web/Archive.Web.csproj && dotnet restore src/Archive.Cli/Archive.Cli.csproj
COPY src/ src/
RUN dotnet publish src/Archive.Web/Archive.Web.csproj -c Release --no-restore -o /out/web \
 && dotnet publish src/Archive.Cli/Archive.Cli.csproj -c Release --no-restore -o /out/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /out/web ./web
COPY --from=build /out/cli ./cli
# The seed pages become the initial content of the `pages` volume (Docker copies an image folder into an
# empty named volume the first time it is mounted there).
COPY seeds/ /data/pages/
RUN mkdir -p /data/index /data/logs && chown -R "$APP_UID" /data
USER $APP_UID
ENV Archive__PagesPath=/data/pages \
    Archive__IndexPath=/data/index \
    ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
WORKDIR /app/web
ENTRYPOINT ["dotnet", "/app/web/Archive.Web.dll"]
