// Every ```xml and ```java block of docs/usage.md must appear, line for line, in a pom.xml or a
// .java file of the it-tests projects (src/it, with @project.version@ read as the version under
// test, as the invoker filters it). Indentation and blank lines are ignored.
def build = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/LaminaBuild.groovy')).newInstance(basedir)

File doc = new File(usageDoc)
build.expectFile(doc)
def normalized = { List<String> lines ->
    lines*.trim().findAll { !it.isEmpty() }*.replace('@project.version@', laminaVersion)
}

def snippets = []
def matcher = doc.getText('UTF-8') =~ /(?ms)^```(xml|java)\n(.*?)^```/
matcher.each { all, lang, body -> snippets << [lang: lang, lines: normalized(body.readLines())] }
build.check(snippets.size() >= 8, "docs/usage.md has its Maven and Java snippets (found ${snippets.size()})")

File projects = new File(itSourceDir)
def sources = [xml: [], java: []]
projects.eachFileRecurse(groovy.io.FileType.FILES) { file ->
    if (projects.toPath().relativize(file.toPath()).toString().contains('/target/')) return
    if (file.name == 'pom.xml') sources.xml << normalized(file.readLines('UTF-8'))
    if (file.name.endsWith('.java')) sources.java << normalized(file.readLines('UTF-8'))
}
def contains = { List<String> text, List<String> part ->
    (0..(text.size() - part.size())).any { start -> text.subList(start, start + part.size()) == part }
}
snippets.each { snippet ->
    build.check(sources[snippet.lang].any { it.size() >= snippet.lines.size() && contains(it, snippet.lines) },
            "this ${snippet.lang} snippet of docs/usage.md is in no it-tests project; copy it from one:\n"
            + snippet.lines.join('\n'))
}
println "docs/usage.md: ${snippets.size()} snippets, each found in an it-tests project"
return true
