// The build succeeds; the warning is on the @Dropout annotation of ConvDropout.drop1; it is the
// only Lamina diagnostic; the Net is generated.
def build = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/LaminaBuild.groovy')).newInstance(basedir)

def warning = build.expectDiagnostic('WARNING', 'src/main/java/com/example/model/ConvDropout.java',
        '@Dropout', 'DropoutBetweenConvs')
build.check(warning.message.contains('drop1'), "the warning names the layer 'drop1': ${warning.message}")
build.check(build.laminaDiagnostics().size() == 1, "exactly one Lamina diagnostic: ${build.laminaDiagnostics()}")
build.expectFile(build.generatedSource('com.example.model.ConvDropoutNet'))
build.expectFile(build.compiledClass('com.example.model.ConvDropoutNet'))
return true
