// README's user project as README tells a user to set it up before a public release: README's
// complete pom.xml with README's <repositories> block added after </properties>, its URL the
// repository the reactor deployed to (lamina.it.repository: parent, runtime, processor), and
// README's Bad model with README's fix. The local repository starts empty.
def readmeFile = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/Readme.groovy'))
def text = readmeFile.newInstance(new File(readme))

String repositories = text.repositories()
def url = (repositories =~ /<url>([^<]*)<\/url>/)
assert url.find(): "README's <repositories> block has a <url>"
String deployed = new File(laminaRepository).toURI().toString()
String pom = text.pom()
assert pom.contains('  </properties>\n'): "README's pom.xml has a <properties> block"
pom = pom.replace('  </properties>\n', '  </properties>\n\n' + repositories.replace(url.group(1), deployed))
readmeFile.writeProject(new File(basedir, 'user'), pom, text.badModel(true))

// Nothing of an earlier run: every artifact is downloaded again (about 23 MB from Central).
File local = new File(localRepositoryPath.toString())
if (local.exists()) {
    assert local.deleteDir(): "cannot empty ${local}"
}
local.mkdirs()
return true
