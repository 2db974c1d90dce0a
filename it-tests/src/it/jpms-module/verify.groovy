// A model in a named module (module-info.java requiring only dev.lamina.runtime and ai.djl.api,
// not java.compiler): the build succeeds, the Net is generated without
// @javax.annotation.processing.Generated (its module cannot read it) and compiled, and there is
// no Lamina diagnostic.
def build = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/LaminaBuild.groovy')).newInstance(basedir)

def net = build.generatedSource('com.example.model.ModuleCnnNet')
build.expectFile(net)
build.check(!net.text.contains('javax.annotation.processing.Generated'),
        "a module that does not read java.compiler gets a Net without @Generated")
build.expectFile(build.compiledClass('com.example.model.ModuleCnnNet'))
build.expectFile(build.compiledClass('module-info'))
build.check(build.laminaDiagnostics().isEmpty(), "no Lamina diagnostic: ${build.laminaDiagnostics()}")
return true
