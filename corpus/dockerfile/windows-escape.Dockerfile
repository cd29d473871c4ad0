# escape=`

# Windows images use a backtick as the escape character, so backslashes in paths stay literal.
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
WORKDIR C:\app
COPY app\ C:\app\
RUN New-Item -ItemType Directory -Path C:\data | Out-Null; `
    Write-Host 'created C:\data'
ENTRYPOINT ["C:\\app\\server.exe"]
