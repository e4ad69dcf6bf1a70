# Not a build spec: a note that mentions the command.
# ok: amplify/pipeline-deploy
echo "see npx ampx pipeline-deploy"
