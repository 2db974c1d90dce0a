// README.md's pom.xml, verbatim, builds a user project with the processor on Maven (the Maven
// running these tests), and the diagnostics README prints for its Bad model are the real ones:
// same file, line, rule and text.
def build = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/LaminaBuild.groovy')).newInstance(basedir)

String readmeText = new File(readme).getText('UTF-8')
String pom = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/Readme.groovy')).newInstance(new File(readme)).pom()
['fixed', 'bad'].each { name ->
    build.check(new File(basedir, "${name}/pom.xml").getText('UTF-8') == pom, "${name}/pom.xml is README's snippet")
}
build.check(pom.contains("<lamina.version>${laminaVersion}</lamina.version>"),
        "README's snippet names the version under test, ${laminaVersion}")

// README's printed diagnostics: "Bad.java:11: error: [lamina:Id] message".
Map claimed = [:]
(readmeText =~ /(?m)^Bad\.java:(\d+): (error|warning): (\[lamina:\w+\] .*)$/).each { all, line, level, message ->
    claimed[level] = [line: line as int, message: message]
}
build.check(claimed.keySet() == ['error', 'warning'] as Set, "README shows one error and one warning: ${claimed}")

// build.log holds both builds, fixed/ first.
List<List<String>> builds = build.successThenFailure('fixed', 'bad')
def diagnostics = { List<String> part ->
    part.collect { build.DIAGNOSTIC.matcher(it) }.findAll { it.matches() && it.group(5).startsWith('[lamina:') }
            .collect { m -> [level: m.group(1), file: new File(m.group(2)).name, line: m.group(3) as int, message: m.group(5)] }
            .unique() // maven-compiler-plugin prints a failed compilation's errors twice
}
def expectOnly = { List<String> part, String level, Map readmeClaim, String project ->
    List<Map> found = diagnostics(part)
    build.check(found.size() == 1, "${project}: one Lamina diagnostic, found ${found}")
    Map d = found[0]
    build.check(d.level == level.toUpperCase() && d.file == 'Bad.java' && d.line == readmeClaim.line,
            "${project}: README says Bad.java:${readmeClaim.line}: ${level}, the build printed ${d}")
    build.check(d.message == readmeClaim.message,
            "${project}: README's ${level} text differs from the real one:\nREADME: ${readmeClaim.message}\nreal:   ${d.message}")
}
expectOnly(builds[0], 'warning', claimed.warning, 'fixed')
expectOnly(builds[1], 'error', claimed.error, 'bad')

// The fixed model's Net is generated and packaged.
File jar = new File(basedir, 'fixed/target/my-models-1.0.jar')
build.expectFile(jar)
def entries = new java.util.zip.ZipFile(jar).withCloseable { z -> z.entries().collect { it.name } }
build.check(entries.contains('com/example/BadNet.class'), "the jar holds BadNet.class: ${entries}")
println "readme-snippet: README's pom.xml builds; README's warning and error are the real ones"
return true
