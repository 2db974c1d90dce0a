// The docs' Java compiles as written and runs: ok/ (every compiled snippet) built, fails/ failed
// with a Lamina error in each "fails" snippet; each "it-test" snippet is where its marker says;
// every dev.lamina name the docs mention exists; the builder table of docs/training.md lists
// every public TrainingConfig.Builder method; and every main snippet runs (in the docs' order,
// one JVM each, in ok/run) with exit code 0 and a clean log: no SLF4J warning, no download host.
def loader = new GroovyClassLoader(getClass().classLoader)
def build = loader.parseClass(new File(itSourceDir, 'lib/LaminaBuild.groovy')).newInstance(basedir)
def docsClass = loader.parseClass(new File(itSourceDir, 'lib/DocSnippets.groovy'))
File root = new File(readme).canonicalFile.parentFile
def docs = docsClass.newInstance(root)

// Both builds: build.log holds ok/ first, then fails/.
List<List<String>> builds = build.successThenFailure('ok', 'fails')
int printed = 0
docs.of('fails').each { s ->
    docsClass.unitFiles(s).keySet().each { name ->
        build.check(builds[1].any { it ==~ /^\[ERROR\] \S+\/${name}\.java:\[\d+,\d+\] \[lamina:\w+\].*/ },
                "${s.doc}:${s.line} is marked 'fails' but ${name}.java got no Lamina error")
    }
    // The javac output the page prints under the snippet (File.java:LINE: error|warning: [lamina:Id] text,
    // where ' ... ' may stand for a part of the text) is the real one: same file, line, level and text.
    List<String> page = new File(root, s.doc).readLines('UTF-8')
    int end = s.line + s.lines.size()          // 0-based index of the snippet's closing fence
    int fence = (end + 1..<Math.min(page.size(), end + 8)).find { page[it] == '```' }
    if (fence == null) return
    int close = (fence + 1..<page.size()).find { page[it] == '```' }
    page.subList(fence + 1, close).each { line ->
        def claim = line =~ /^(?:\S+\/)?(\w+\.java):(\d+): (error|warning): (\[lamina:\w+\] .*)$/
        if (!claim.matches()) return
        List<String> parts = claim.group(4).split(/ \.\.\. /).toList()
        boolean real = builds[1].any { diagnostic ->
            def m = build.DIAGNOSTIC.matcher(diagnostic)
            if (!m.matches() || new File(m.group(2)).name != claim.group(1) || m.group(3) != claim.group(2)
                    || m.group(1) != claim.group(3).toUpperCase()) return false
            int at = 0
            parts.every { part -> int i = m.group(5).indexOf(part, at); at = i + part.length(); i >= 0 } &&
                    m.group(5).startsWith(parts[0]) && m.group(5).endsWith(parts[-1])
        }
        build.check(real, "${s.doc}:${fence + 2} prints a diagnostic the compiler does not:\n${line}")
        printed++
    }
}
build.check(printed >= 3, "the pages print the diagnostics of their 'fails' snippets (found ${printed})")

// No escape sequence in the log: the repository's .mvn/jvm.config (-Djansi.noreset=true) keeps
// Maven 3.8's jansi from writing ESC[0m resets, and Lamina's messages never hold one.
List<String> escapes = build.log.readLines().findAll { it.contains('\u001b') }
build.check(escapes.isEmpty(), "build.log has escape sequences (docs/usage.md, 'ESC[0m in Maven 3.8 logs'):\n"
        + escapes.take(5).collect { it.replace('\u001b', 'ESC') }.join('\n'))

// it-test snippets: their lines are in that project (indentation and blank lines ignored).
def normalized = { List<String> lines -> lines*.trim().findAll { !it.isEmpty() } }
def contains = { List<String> text, List<String> part ->
    text.size() >= part.size() && (0..(text.size() - part.size())).any { text.subList(it, it + part.size()) == part }
}
docs.of('it-test').each { s ->
    File project = new File(itSourceDir, s.argument)
    build.check(project.isDirectory(), "${s.doc}:${s.line}: no it-test ${s.argument} (it-tests/src/it/${s.argument})")
    List<String> lines = normalized(s.lines)
    boolean readmeBad = s.argument == 'readme-snippet' && s.doc == 'README.md' && lines[1] == 'public class Bad {'
    boolean found = readmeBad
    project.eachFileRecurse(groovy.io.FileType.FILES) { file ->
        if (!found && (file.name.endsWith('.java') || file.name == 'pom.xml')) found = contains(normalized(file.readLines('UTF-8')), lines)
    }
    build.check(found, "${s.doc}:${s.line}: this snippet is in no file of it-tests/src/it/${s.argument}; copy it from there:\n"
            + s.lines.join('\n'))
}

// Every dev.lamina name in the docs names a package or a type of this repository.
List<Map> missing = docs.qualifiedNames().findAll { !docs.exists(it.name) }
build.check(missing.isEmpty(), 'these names in the docs name no package or class of the code:\n'
        + missing.collect { "${it.doc}:${it.line}: ${it.name}" }.join('\n'))

// The class path of ok/: README's artifacts, the native library, the SLF4J provider.
List<String> classpath = [new File(basedir, 'ok/target/classes').path] +
        new File(basedir, 'ok/target/classpath.txt').getText('UTF-8').trim().split(File.pathSeparator).toList()

// lamina-runtime and its dependencies bring no SLF4J provider: the only one is the one ok/ adds.
List<String> providers = classpath.findAll { entry ->
    File file = new File(entry)
    file.isFile() && new java.util.zip.ZipFile(file).withCloseable { it.getEntry('META-INF/services/org.slf4j.spi.SLF4JServiceProvider') != null }
}
build.check(providers.size() == 1 && new File(providers[0]).name.startsWith('slf4j-simple-'),
        "the only SLF4J provider must be the slf4j-simple docs/usage.md adds: ${providers}")

// docs/training.md's builder table names every public method of TrainingConfig.Builder.
def urls = classpath.collect { new File(it).toURI().toURL() } as URL[]
new URLClassLoader(urls, (ClassLoader) null).withCloseable { classes ->
    def builder = Class.forName('dev.lamina.runtime.train.TrainingConfig$Builder', false, classes)
    Set<String> methods = builder.declaredMethods.findAll {
        java.lang.reflect.Modifier.isPublic(it.modifiers) && !java.lang.reflect.Modifier.isStatic(it.modifiers) && it.name != 'build'
    }*.name as Set
    List<String> table = new File(root, 'docs/training.md').readLines('UTF-8').findAll { it.startsWith('| `') }
    List<String> absent = methods.findAll { m -> !table.any { it.contains("`${m}(") } }.sort()
    build.check(absent.isEmpty(), "docs/training.md's TrainingConfig.Builder table lacks ${absent}")
}

// Run every main snippet: one JVM, in the docs' order, in ok/run.
File run = new File(basedir, 'ok/run')
File log = new File(basedir, 'ok/target/main-snippets.log')
String java = new File(System.getProperty('java.home'), 'bin/java').path
def process = new ProcessBuilder(java, '-Djava.awt.headless=true', '-cp', classpath.join(File.pathSeparator),
        "${docsClass.PACKAGE}.RunMainSnippets").directory(run).redirectErrorStream(true).redirectOutput(log).start()
boolean done = process.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)
if (!done) process.destroyForcibly().waitFor()
List<String> output = log.readLines('UTF-8')
List<String> started = output.findAll { it.startsWith('=== snippet ') }
String last = started ? started[-1].substring('=== snippet '.length()) : 'none'
String reason = done ? "exit code ${process.exitValue()}" : 'killed after 300 s'
build.check(done && process.exitValue() == 0, "the main snippets did not run to their end (${reason});" +
        " the last one started is ${last}:\n" + output.takeRight(40).join('\n'))
build.check(output.count { it.startsWith('=== snippet ') } == docs.of('main').size(), "every main snippet ran: ${log}")
// A clean log with the set-up docs/usage.md gives: no SLF4J warning, no download host, no DJL info.
List<String> noise = output.findAll { it.contains('SLF4J') || it.contains('Unknown host') || it.contains('UnknownHost') || it.contains('INFO ai.djl') }
build.check(noise.isEmpty(), "the main snippets log (${log}):\n${noise.join('\n')}")
docs.of('main').each { println "${it.doc}:${it.line}: ran" }
println "docs: ${docs.snippets.size()} Java snippets (${docs.of('unit').size()} units, ${docs.of('main').size()} main," +
        " ${docs.of('fields').size()} fields, ${docs.of('fails').size()} fails (${printed} printed diagnostics, each real), ${docs.of('it-test').size()} it-test)" +
        "; ${docs.qualifiedNames().size()} dev.lamina names, each in the code"
return true
