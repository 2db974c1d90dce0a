// With -Dlamina.it.deploy.skip=true (needed offline: Maven refuses to deploy with -o) nothing was
// deployed, so there is no repository to build from: the project is reported as skipped.
if (deploySkipped == 'true') {
    println 'readme-from-repository: skipped, -Dlamina.it.deploy.skip=true deployed nothing'
    return false
}
return true
