// Unknown option, unknown value, unknown rule id: each is a [WARNING] naming what was given and
// what is valid (javac's own "not recognized by any processor" warning names only the former).
def build = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/LaminaBuild.groovy')).newInstance(basedir)

def expectWarning = { List<String> words ->
    build.check(!build.warningsContaining(words).isEmpty(), "a [WARNING] line containing all of ${words}")
}
expectWarning(['lamina.foo', 'lamina.lint', 'lamina.summary', 'lamina.sarif'])
expectWarning(['loud', 'warn', 'error', 'off'])
expectWarning(['NoSuchRule', 'DropoutBetweenConvs'])
build.expectFile(build.generatedSource('com.example.model.TinyNet'))
return true
