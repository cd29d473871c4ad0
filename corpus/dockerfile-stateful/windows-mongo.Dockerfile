# escape=`
FROM mongo:8.0-windowsservercore-ltsc2022
SHELL ["powershell", "-Command"]
COPY mongod.cfg C:\mongo\mongod.cfg
VOLUME C:\backup
CMD ["mongod", "--config", "C:\\mongo\\mongod.cfg"]
