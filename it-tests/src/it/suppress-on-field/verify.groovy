// Suppressed: the build succeeds without any Lamina diagnostic, and the Net is still generated.
def build = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/LaminaBuild.groovy')).newInstance(basedir)

build.expectNoLaminaDiagnostics()
build.expectFile(build.generatedSource('com.example.model.FieldSuppressedNet'))
build.expectFile(build.compiledClass('com.example.model.FieldSuppressedNet'))
return true
