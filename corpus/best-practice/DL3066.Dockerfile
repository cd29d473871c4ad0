# DL3066: USER with a name where a numeric uid would do.
FROM node:22.11.0 AS build
# expect: DL3066:6
USER node
# expect: DL3066:6
USER node:node
# expect: DL3066:6
USER "builder"
USER 1000
USER 1000:1000
# Values from build arguments or the environment are not judged.
ARG APP_UID=1000
USER ${APP_UID}
USER $APP_UID:$APP_UID

FROM mcr.microsoft.com/windows/servercore:ltsc2022
USER ContainerUser
ONBUILD USER app
USER 1001
