// Both builds passed -Xlint:all -Werror (a warning would have failed them). The Net is generated
// in target/generated-sources/annotations and compiled, and the second build wrote exactly the
// bytes of the first one (kept in first-build/ by the second build's pre-clean).
def build = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/LaminaBuild.groovy')).newInstance(basedir)

File generated = new File(basedir, 'target/generated-sources/annotations')
File first = new File(basedir, 'first-build')
build.expectFile(build.generatedSource('com.example.model.DeterministicNet'))
build.expectFile(build.compiledClass('com.example.model.DeterministicNet'))
build.check(build.log.count('BUILD SUCCESS') == 2, 'two successful builds')

def relativeFiles = { File root ->
    def files = [] as SortedSet
    root.eachFileRecurse(groovy.io.FileType.FILES) { files << root.toPath().relativize(it.toPath()).toString() }
    files
}
def secondFiles = relativeFiles(generated)
def firstFiles = relativeFiles(first)
build.check(firstFiles == secondFiles, "both builds generate the same files: ${firstFiles} vs ${secondFiles}")
secondFiles.each { path ->
    build.check(Arrays.equals(new File(first, path).bytes, new File(generated, path).bytes),
            "${path} differs between two builds of the same sources")
}
return true
