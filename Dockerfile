# syntax=docker/dockerfile:1
# Multi-stage build of the CaseLedger API. Restores from the default package source (every package restores from it)
# and pre-generates the Wolverine/Marten code so that production starts without compiling anything at run time.

ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
ARG BUILD_CONFIGURATION=Release
WORKDIR /src

# Restore first, from the project files alone, so source edits reuse the restored layer.
COPY nuget.config Directory.Build.props Directory.Packages.props ./
COPY src/CaseLedger.Api/CaseLedger.Api.csproj src/CaseLedger.Api/
RUN dotnet restore src/CaseLedger.Api/CaseLedger.Api.csproj

COPY src/ src/

# Code generation only reads configuration: the connection string is parsed, never opened, and the Development
# environment lends it the development token settings (the image itself runs as Production and refuses them).
RUN ASPNETCORE_ENVIRONMENT=Development \
    ConnectionStrings__CaseLedger="Host=codegen;Database=codegen;Username=codegen" \
    dotnet run --project src/CaseLedger.Api -c "$BUILD_CONFIGURATION" --no-restore -- codegen write \
 && test -n "$(ls -A src/CaseLedger.Api/Internal/Generated)"

RUN dotnet publish src/CaseLedger.Api -c "$BUILD_CONFIGURATION" --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "CaseLedger.Api.dll"]
