#!/usr/bin/env pwsh
# Build tasks, one dotnet call each. Usage: dotnet pwsh ./build.ps1 [restore|build|test|sample|pack|publish|spark]
# PowerShell comes from the repository's tool manifest: `dotnet tool restore` once, then `dotnet pwsh ./build.ps1 TARGET`
# (or ./build.ps1 TARGET where pwsh is on PATH). Outputs go to artifacts/ (git-ignored).
# pack: the .NET tool packages (artifacts/sessionizer*.nupkg): dotnet tool install --global sessionizer --add-source ./artifacts
# publish: one self-contained linux-x64 executable, artifacts/sessionizer/sessionizer, for machines without .NET.
# spark: the Spark runner (src/Sessionizer.Spark, not in Sessionizer.sln nor CI); needs nuget.org for Microsoft.Spark.
param([ValidateSet('restore', 'build', 'test', 'sample', 'pack', 'publish', 'spark')][string]$Target = 'test')
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

switch ($Target) {
    'restore' { dotnet restore Sessionizer.sln }
    'build'   { dotnet build Sessionizer.sln -c Release }
    'test'    { dotnet test -c Release }
    'sample'  { dotnet run -c Release --project src/Sessionizer.Cli -- run --from 2026-11-20T10 --to 2026-11-20T12 --input samples/logs --output out --no-previous-state }
    'pack'    { dotnet pack src/Sessionizer.Cli -c Release -o artifacts }
    'publish' {
        dotnet publish src/Sessionizer.Cli -c Release -r linux-x64 --self-contained -p:PublishSingleFile=true `
            -p:IncludeNativeLibrariesForSelfExtract=true -p:PublishReadyToRun=true -o artifacts/sessionizer
    }
    'spark'   { dotnet publish src/Sessionizer.Spark -c Release -o artifacts/sessionizer-spark }
}
exit $LASTEXITCODE
