// README's user project builds with an empty local repository, Maven Central and the repository
// `mvn deploy` made from this checkout, and every Lamina artifact it used came from that repository.
// The repository itself has what Maven Central requires of a release (besides signatures, which
// only a release with a key makes; docs/releasing.md): checksums, sources, javadoc, complete poms.
def build = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/LaminaBuild.groovy')).newInstance(basedir)

build.check(build.log.contains('BUILD SUCCESS'), 'README\'s user project builds from the deployed repository')
File jar = new File(basedir, 'user/target/my-models-1.0.jar')
build.expectFile(jar)
def entries = new java.util.zip.ZipFile(jar).withCloseable { z -> z.entries().collect { it.name } }
build.check(entries.contains('com/example/BadNet.class'), "the processor ran: the jar holds BadNet.class")

// Where each Lamina artifact came from: Maven Resolver's _remote.repositories in the local
// repository names the repository id of every downloaded file (README's block says "lamina").
File local = new File(localRepositoryPath.toString(), 'dev/lamina')
List<String> origins = []
local.eachFileRecurse(groovy.io.FileType.FILES) { file ->
    if (file.name == '_remote.repositories') {
        file.readLines().findAll { !it.startsWith('#') && it.contains('>') }.each { origins << it }
    }
}
['lamina-parent', 'lamina-runtime', 'lamina-processor'].each { artifact ->
    build.check(origins.any { it.startsWith(artifact + '-') }, "${artifact} was downloaded: ${origins}")
}
build.check(origins.every { it.endsWith('>lamina=') }, "every Lamina file came from the deployed repository: ${origins}")

// The layout: for each published module, its pom (and jar, sources, javadoc) with .md5 and .sha1
// that match, and the pom elements Central requires (in the module's pom or inherited from
// lamina-parent's, which Central reads too).
File repo = new File(laminaRepository, 'dev/lamina')
def parentPom = null
def checksum = { File file, String algorithm ->
    java.security.MessageDigest.getInstance(algorithm).digest(file.bytes).encodeHex().toString()
}
[['lamina-parent', ['.pom']], ['lamina-runtime', ['.pom', '.jar', '-sources.jar', '-javadoc.jar']],
 ['lamina-processor', ['.pom', '.jar', '-sources.jar', '-javadoc.jar']]].each { artifact, suffixes ->
    File dir = new File(repo, "${artifact}/${laminaVersion}")
    String prefix
    if (laminaVersion.endsWith('-SNAPSHOT')) {
        def metadata = new groovy.xml.XmlSlurper().parse(new File(dir, 'maven-metadata.xml'))
        prefix = "${artifact}-${laminaVersion - '-SNAPSHOT'}-${metadata.versioning.snapshot.timestamp}-${metadata.versioning.snapshot.buildNumber}"
    } else {
        prefix = "${artifact}-${laminaVersion}"
    }
    suffixes.each { suffix ->
        File file = new File(dir, prefix + suffix)
        build.expectFile(file)
        ['md5': 'MD5', 'sha1': 'SHA-1'].each { extension, algorithm ->
            File sum = new File(dir, "${file.name}.${extension}")
            build.expectFile(sum)
            build.check(sum.text.trim() == checksum(file, algorithm), "${sum.name} matches ${file.name}")
        }
    }
    def pom = new groovy.xml.XmlSlurper().parse(new File(dir, prefix + '.pom'))
    if (artifact == 'lamina-parent') parentPom = pom
    def value = { Closure path -> path(pom).text() ?: path(parentPom).text() }
    build.check(!pom.name.text().isEmpty() && !pom.description.text().isEmpty(), "${artifact}'s pom has <name> and <description>")
    build.check(!value { it.url }.isEmpty(), "${artifact}'s pom has <url>")
    build.check(value { it.licenses.license.name } == 'Apache-2.0', "${artifact}'s pom names its license")
    build.check(!value { it.developers.developer.name }.isEmpty(), "${artifact}'s pom names its developers")
    build.check(!value { it.scm.url }.isEmpty() && !value { it.scm.connection }.isEmpty(), "${artifact}'s pom has <scm>")
    if (suffixes.contains('.jar')) {
        def names = new java.util.zip.ZipFile(new File(dir, prefix + '.jar')).withCloseable { z -> z.entries().collect { it.name } }
        build.check(names.containsAll(['META-INF/LICENSE', 'META-INF/NOTICE']), "${artifact}'s jar has META-INF/LICENSE and NOTICE")
        def docs = new java.util.zip.ZipFile(new File(dir, prefix + '-javadoc.jar')).withCloseable { z -> z.entries().collect { it.name } }
        build.check(docs.contains('index.html'), "${artifact}'s javadoc jar has index.html")
    }
}
println "readme-from-repository: README's project built from the deployed repository alone (${origins.size()} Lamina files); layout complete"
return true
