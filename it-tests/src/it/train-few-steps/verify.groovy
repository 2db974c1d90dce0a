// The user project compiled its model through annotationProcessorPaths and its JUnit test trained
// the generated TinyCnnNet for 20 steps on DJL's PyTorch engine with a finite, falling loss.
def build = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/LaminaBuild.groovy')).newInstance(basedir)

build.expectFile(build.generatedSource('com.example.model.TinyCnnNet'))
build.expectLog('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
build.expectLog('TinyCnnNet training loss:')
return true
