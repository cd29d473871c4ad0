# BK017 SecretsUsedInArgOrEnv: names that say they hold a secret. (BuildKit's own cases.)
FROM alpine:3.20
# expect: BK017:5
ARG SECRET_PASSPHRASE
# expect: BK017:5
ENV SUPER_Secret=foo
# expect: BK017:5, BK017:18
ENV password=bar secret=baz
# expect: BK017:5, BK017:34
ARG super_duper_secret_token=foo auth=bar
# expect: BK017:5
ENV apikey=bar sunflower=foo
# expect: BK017:5
ENV git_key=
ENV PUBLIC_KEY=
ARG public_token
ARG SECRET_PASSPHRASE_FILE
ENV password_file=bar secret_File=baz
ARG AUTH_MODULE_VERSION
ENV KEYBOARD=us TOKENIZER=bpe
# check=skip=SecretsUsedInArgOrEnv // allow secret in environment
ENV password=bar
# check=skip=all // is local to only this instruction
ARG alternate_password
