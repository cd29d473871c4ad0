#!/bin/bash
# Constructs that are valid bash but easy for a parser to get wrong. No finding is expected.
name=$(case "$1" in prod) echo 'production' ;; *) echo "staging" ;; esac)
echo "${name:-"un named"}" $(( (1 + 2) * 3 )) <<< "here string" '#not a comment' \" ${#name}
echo ${name//\//_} "${name^^}" $'tab\there' "nested $(echo "inner $(echo 'deep')")"
cat <<-EOF
	a body with an ' apostrophe and a " quote
	EOF
cat <<'EOF'
$( not a substitution in a quoted here-document
EOF
arr=(one two "three four")
for item in "${arr[@]}"; do printf '%s\n' "$item"; done
(( count = ${#arr[@]} << 1 ))
[[ $name =~ ^prod(uction)?$ ]] && echo matched
echo `echo \`whoami\``
f() { echo "it's fine"; }  # an apostrophe in a comment: don't
docker run --rm \
  -e "GREETING=it's" \
  alpine:3.20 echo done
