// The impossible model is a compile ERROR on its @Dense annotation, naming the layer and the fix;
// it gets no generated source, while the valid model compiled beside it still gets its Net.
def build = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/LaminaBuild.groovy')).newInstance(basedir)

def error = build.expectDiagnostic('ERROR', 'src/main/java/com/example/model/Impossible.java', '@Dense', null)
build.check(error.message.contains('logits'), "the error names the layer 'logits': ${error.message}")
build.check(error.message.contains('@Flatten'), "the error says to add @Flatten: ${error.message}")
build.expectNoFile(build.generatedSource('com.example.model.ImpossibleNet'))
build.expectFile(build.generatedSource('com.example.model.PossibleNet'))
build.expectLog('BUILD FAILURE')
return true
